import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { summarizeRun } from "../../../src/check/run-result.js";
import { renderSummary } from "../../../src/report/summary.js";
import type { SummaryContext } from "../../../src/report/summary.js";
import { guidFor, resultOf } from "../fixtures.js";

const context: SummaryContext = {
  tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
  environment: "AzureCloud",
  resourceManagerEndpoint: "https://management.azure.com",
  maskEmails: true,
  reportFile: "/tmp/report.json",
  generatedAt: "2025-01-01T00:00:00.000Z",
  failureReasons: [],
};

const CHECKS = ["additional-emails", "notify-owners", "alert-notifications"];

const run = summarizeRun(
  [
    resultOf(1, "fail", {
      findings: [
        { control: "additional-emails", status: "pass", reason: "A." },
        { control: "notify-owners", status: "fail", reason: "B." },
        { control: "alert-notifications", status: "pass", reason: "C." },
      ],
    }),
    resultOf(2, "pass", {
      findings: CHECKS.map((control) => ({
        control,
        status: "pass" as const,
        reason: "ok.",
      })),
    }),
  ],
  [],
  CHECKS,
);

describe("renderSummary with several controls", () => {
  const markdown = renderSummary(run, context);

  it("speaks of controls in the headline and names the selected ones", () => {
    assert.ok(markdown.startsWith("## ❌ Security contact controls failing"));
    assert.match(
      markdown,
      /`additional-emails`, `notify-owners`, `alert-notifications`/,
    );
  });

  it("gives each control a ✅/❌ column", () => {
    const headers = markdown.split("\n").filter((l) => l.startsWith("<thead>"));
    assert.equal(headers.length, 2, "one group table and the passing table");
    for (const header of headers) {
      assert.ok(
        header.includes(
          "<th>additional-emails</th><th>notify-owners</th><th>alert-notifications</th>",
        ),
        header,
      );
    }
    const row = markdown.split("\n").find((l) => l.includes(guidFor(1)));
    assert.ok(row?.includes("<td>✅</td><td>❌</td><td>✅</td>"), row);
  });

  it("files the failing subscription under the failing control's cause", () => {
    assert.match(
      markdown,
      /#### ❌ Subscription Owners are not emailed \(`notify-owners`\) · 1 subscription/,
    );
  });

  it("shows only the remedies of the controls that failed", () => {
    const fix = markdown.slice(markdown.indexOf("### How to fix"));
    assert.match(fix, /All users with the following roles/);
    assert.match(fix, /notificationsByRole/);
    assert.doesNotMatch(fix, /Additional email addresses\*\*/);
    assert.doesNotMatch(fix, /SECURITY_CONTACT_EMAILS/);
    assert.doesNotMatch(fix, /notificationsSources/);
  });
});
