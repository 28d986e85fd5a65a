/**
 * The summary's top and bottom for a security lead: why the step fails
 * without repeating the counts, what changed since the previous run, and
 * where the fix script is once it is too long to show.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { summarizeRun } from "../../../src/check/run-result.js";
import {
  renderSummary,
  type SummaryContext,
} from "../../../src/report/summary.js";
import { guidFor, resultOf } from "../fixtures.js";

function context(overrides: Partial<SummaryContext> = {}): SummaryContext {
  return {
    tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    environment: "AzureCloud",
    resourceManagerEndpoint: "https://management.azure.com",
    maskEmails: true,
    reportFile: "/tmp/report.json",
    generatedAt: "2025-01-01T00:00:00.000Z",
    failures: [],
    ...overrides,
  };
}

describe("renderSummary: what changed, why it fails, where the script is", () => {
  const many = summarizeRun(
    Array.from({ length: 51 }, (_, n) => resultOf(n + 1, "fail")),
  );

  it("says why the step fails without repeating the counts line", () => {
    const markdown = renderSummary(
      many,
      context({
        failures: [
          { reason: "51 subscriptions lack an address", restates: "failed" },
        ],
        generatedAt: "2026-11-27T05:17:03.512Z",
      }),
    );
    const why = markdown.slice(
      markdown.indexOf("**This step fails because:**"),
    );
    assert.ok(!why.slice(0, 200).includes("51"), why.slice(0, 200));
    assert.match(why, /`fail-on-missing` is true/);
    assert.ok(markdown.includes("2026-11-27 05:17:03 UTC"));
    assert.ok(!markdown.includes("05:17:03.512"));
  });

  it("past 50 subscriptions names the file and the artifact instead of the script", () => {
    const markdown = renderSummary(many, context());
    const fix = markdown.slice(markdown.indexOf("### How to fix"));
    assert.match(
      fix,
      /51 subscriptions, see `security-contact-fix\.sh` \(the `fix-script` output\)/,
    );
    assert.match(fix, /name: security-contact-fix/);
    assert.doesNotMatch(fix, /az rest/);
    const fifty = renderSummary(
      summarizeRun(many.results.slice(0, 50)),
      context(),
    );
    assert.match(
      fifty.slice(fifty.indexOf("### How to fix")),
      /az rest --method put/,
    );
  });

  it("says how many are new and fixed once the tracking issue was read", () => {
    const markdown = renderSummary(
      many,
      context({
        trackingIssue: {
          number: 7,
          url: "https://github.com/o/r/issues/7",
          action: "update",
        },
        changes: {
          failingSince: new Map([[guidFor(1), "2026-11-01"]]),
          newlyFailing: new Set([guidFor(2), guidFor(3), guidFor(4)]),
          fixed: 10,
        },
      }),
    );
    assert.match(
      markdown,
      /updated by this run\. Since the previous run: 3 new, 10 fixed\./,
    );
    assert.equal(markdown.split("🆕 new").length - 1, 3);
    assert.ok(markdown.includes("<td>2026-11-01</td>"));
  });
});
