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
  failures: [],
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

  it("names the controls a failing row fails in one cell, and no column per control", () => {
    const headers = markdown.split("\n").filter((l) => l.startsWith("<thead>"));
    assert.equal(headers.length, 2, "one group table and the passing table");
    assert.ok(headers[0]?.endsWith("<th>Fails</th></tr></thead>"), headers[0]);
    for (const header of headers) {
      assert.ok(!header.includes("<th>notify-owners</th>"), header);
    }
    const row = markdown.split("\n").find((l) => l.includes(guidFor(1)));
    assert.ok(row?.endsWith("<td>notify-owners</td></tr>"), row);
  });

  it("files the failing subscription under the failing control's cause", () => {
    assert.match(
      markdown,
      /#### ❌ Subscription Owners are not emailed \(`notify-owners`\) · 1 subscription/,
    );
  });

  it("states the fix in the group and scripts only the controls that failed", () => {
    const group = markdown.slice(0, markdown.indexOf("### How to fix"));
    assert.match(
      group,
      /\*\*Fix:\*\* Under \*\*All users with the following roles\*\*/,
    );
    const fix = markdown.slice(markdown.indexOf("### How to fix"));
    assert.doesNotMatch(fix, /All users with the following roles/);
    assert.match(fix, /notificationsByRole/);
    assert.doesNotMatch(fix, /Additional email addresses\*\*/);
    assert.doesNotMatch(fix, /SECURITY_CONTACT_EMAILS/);
    assert.doesNotMatch(fix, /notificationsSources = /);
  });
});
