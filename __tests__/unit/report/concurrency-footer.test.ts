import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { summarizeRun } from "../../../src/check/run-result.js";
import { concurrencyFooter } from "../../../src/report/concurrency-footer.js";
import { renderSummary } from "../../../src/report/summary.js";
import { resultOf } from "../fixtures.js";

describe("concurrencyFooter", () => {
  it("tells what auto did: start, highest, mean and the 429s", () => {
    assert.equal(
      concurrencyFooter({
        mode: "auto",
        start: 16,
        max: 64,
        mean: 52.3,
        throttled: 1,
      }),
      "Concurrency auto: 16 at the start, at most 64, 52.3 on average; 1 throttled answer (HTTP 429).",
    );
  });

  it("names a fixed number as fixed", () => {
    assert.equal(
      concurrencyFooter({
        mode: "fixed",
        start: 8,
        max: 8,
        mean: 8,
        throttled: 0,
      }),
      "Concurrency 8 (fixed); 0 throttled answers (HTTP 429).",
    );
  });

  it("is the summary's last line when subscriptions were read, and absent otherwise", () => {
    const context = {
      tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
      environment: "AzureCloud",
      resourceManagerEndpoint: "https://management.azure.com",
      maskEmails: true,
      reportFile: "/tmp/security-contact-report.json",
      generatedAt: "2025-01-01T00:00:00.000Z",
      failures: [],
    };
    const run = summarizeRun([resultOf(1, "pass"), resultOf(2, "fail")]);
    const stats = {
      mode: "auto" as const,
      start: 16,
      max: 20,
      mean: 18.5,
      throttled: 0,
    };
    const lines = renderSummary({ ...run, concurrency: stats }, context)
      .trimEnd()
      .split("\n");
    assert.equal(lines.at(-1), concurrencyFooter(stats));
    assert.ok(!renderSummary(run, context).includes("Concurrency"));
  });
});
