import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Remediation } from "../../../src/check/model.js";
import { remediationSection } from "../../../src/report/remediation-section.js";
import { presentRemediation } from "../../../src/report/present.js";
import { resultOf } from "../fixtures.js";

const PLAN: Remediation = {
  action: "plan",
  changes: [
    {
      field: "emails",
      before: ["jane@contoso.com"],
      after: ["jane@contoso.com", "soc@contoso.com"],
    },
    { field: "isEnabled", before: false, after: true },
    { field: "notificationsByRole.roles", before: null, after: ["Owner"] },
  ],
};

describe("presentRemediation", () => {
  it("masks address fields only", () => {
    assert.deepEqual(presentRemediation(PLAN, true).changes, [
      {
        field: "emails",
        before: ["j***@contoso.com"],
        after: ["j***@contoso.com", "s***@contoso.com"],
      },
      { field: "isEnabled", before: false, after: true },
      { field: "notificationsByRole.roles", before: null, after: ["Owner"] },
    ]);
  });

  it("leaves everything as it is without mask-emails", () => {
    assert.deepEqual(presentRemediation(PLAN, false), PLAN);
  });
});

describe("remediationSection", () => {
  it("is empty when nothing was remediated", () => {
    assert.equal(
      remediationSection([resultOf(1, "fail")], "plan", true, 10_000),
      "",
    );
  });

  it("lists each field before → after under Planned changes, masked and escaped", () => {
    const text = remediationSection(
      [
        resultOf(1, "fail", {
          displayName: "Prod <b>|",
          remediation: PLAN,
        }),
        resultOf(2, "pass"),
      ],
      "plan",
      true,
      10_000,
    );
    assert.match(text, /^### Planned changes/);
    assert.match(text, /\*\*Prod &#60;b&#62;&#124;\*\*/);
    assert.match(
      text,
      /emails&#58; j&#42;&#42;&#42;&#64;\u200b?contoso\.com → /,
    );
    assert.match(text, /isEnabled&#58; false → true/);
    assert.match(text, /notificationsByRole.roles&#58; \(none\) → Owner/);
    assert.doesNotMatch(text, /Subscription 2/);
  });

  it("says Applied changes and each outcome with apply", () => {
    const text = remediationSection(
      [
        resultOf(1, "pass", {
          remediation: { ...PLAN, action: "applied" },
        }),
        resultOf(2, "fail", {
          remediation: {
            action: "failed",
            changes: [],
            reason: "It did not stick.",
          },
        }),
      ],
      "apply",
      true,
      10_000,
    );
    assert.match(text, /^### Applied changes/);
    assert.match(text, /Subscription 1\*\* .* ✅ applied/);
    assert.match(
      text,
      /Subscription 2\*\* .* ❌ not fixed: It did not stick\./,
    );
  });

  it("stays within its byte budget and says how many more", () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      resultOf(i + 1, "fail", { remediation: PLAN }),
    );
    const text = remediationSection(rows, "plan", true, 2_000);
    assert.ok(Buffer.byteLength(text) < 2_200);
    assert.match(text, /…and \d+ more: see `remediation` in the JSON report/);
  });
});
