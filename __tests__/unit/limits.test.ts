import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  boundRun,
  fitBytes,
  fitChars,
  MAX_AZURE_TEXT_CHARS,
} from "../../src/limits.js";
import type { RunResult } from "../../src/check/run-result.js";

describe("fitChars", () => {
  it("returns short text unchanged and cuts long text to the limit", () => {
    assert.equal(fitChars("short", 10), "short");
    const cut = fitChars("x".repeat(5000), 4096);
    assert.equal(cut.length <= 4096, true);
    assert.match(cut, /cut to fit/);
  });

  it("never leaves half a surrogate pair", () => {
    const cut = fitChars("😀".repeat(100), 51);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut));
  });
});

describe("fitBytes", () => {
  it("cuts to the byte limit without splitting a character", () => {
    const cut = fitBytes("é".repeat(1000), 500);
    assert.ok(Buffer.byteLength(cut) <= 500);
    assert.ok(!cut.includes("\uFFFD"));
    assert.equal(fitBytes("abc", 10), "abc");
  });
});

describe("boundRun", () => {
  it("bounds reasons, names and run errors before anything escapes them", () => {
    const run: RunResult = {
      status: "error",
      counts: { total: 1, passed: 0, failed: 0, errored: 1, skipped: 0 },
      failedSubscriptionIds: [],
      checks: ["additional-emails"],
      controlFailures: { "additional-emails": 0 },
      controlUnknowns: { "additional-emails": 0 },
      scan: "azure",
      runErrors: ["@".repeat(14_000)],
      results: [
        {
          subscriptionId: "00000000-0000-4000-8000-000000000001",
          displayName: "n".repeat(5000),
          state: "Enabled",
          status: "error",
          reason: "r".repeat(5000),
          emails: [],
          invalidEmails: [],
          notificationsOff: false,
          remediation: {
            action: "failed",
            changes: [],
            reason: "f".repeat(5000),
          },
        },
      ],
    };
    const bounded = boundRun(run);
    assert.equal(bounded.runErrors[0]?.length, MAX_AZURE_TEXT_CHARS);
    assert.equal(bounded.results[0]?.reason.length, MAX_AZURE_TEXT_CHARS);
    assert.equal(bounded.results[0]?.displayName.length, MAX_AZURE_TEXT_CHARS);
    assert.equal(
      bounded.results[0]?.remediation?.reason?.length,
      MAX_AZURE_TEXT_CHARS,
    );
  });
});
