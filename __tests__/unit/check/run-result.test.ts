import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  nothingEvaluated,
  stepFailureReasons,
  stepFailures,
  summarizeRun,
} from "../../../src/check/run-result.js";
import type { FailurePolicy } from "../../../src/check/run-result.js";
import { resultOf } from "../fixtures.js";

const ALL_ON: FailurePolicy = { failOnMissing: true, failOnError: true };
const ALL_OFF: FailurePolicy = { failOnMissing: false, failOnError: false };
const MISSING_ONLY: FailurePolicy = { failOnMissing: true, failOnError: false };
const ERROR_ONLY: FailurePolicy = { failOnMissing: false, failOnError: true };

describe("summarizeRun: counts", () => {
  it("counts each verdict", () => {
    const run = summarizeRun([
      resultOf(1, "pass"),
      resultOf(2, "fail"),
      resultOf(3, "pass"),
      resultOf(4, "error"),
      resultOf(5, "skipped"),
      resultOf(6, "skipped"),
      resultOf(7, "pass"),
    ]);
    assert.deepEqual(run.counts, {
      total: 7,
      passed: 3,
      failed: 1,
      errored: 1,
      skipped: 2,
    });
  });

  it("keeps the results in scope order and the run errors", () => {
    const results = [resultOf(2, "pass"), resultOf(1, "fail")];
    const run = summarizeRun(results, ["listing broke"]);
    assert.deepEqual(
      run.results.map((r) => r.subscriptionId),
      results.map((r) => r.subscriptionId),
    );
    assert.deepEqual(run.runErrors, ["listing broke"]);
  });

  it("lists the failed subscription IDs in order, and only those", () => {
    const run = summarizeRun([
      resultOf(1, "fail"),
      resultOf(2, "pass"),
      resultOf(3, "error"),
      resultOf(4, "fail"),
      resultOf(5, "skipped"),
    ]);
    assert.deepEqual(run.failedSubscriptionIds, [
      resultOf(1, "fail").subscriptionId,
      resultOf(4, "fail").subscriptionId,
    ]);
  });

  it("keeps subscriptions that share a display name apart", () => {
    const run = summarizeRun([
      resultOf(1, "fail", { displayName: "Same" }),
      resultOf(2, "fail", { displayName: "Same" }),
    ]);
    assert.equal(run.counts.failed, 2);
    assert.equal(run.failedSubscriptionIds.length, 2);
  });
});

describe("summarizeRun: status", () => {
  it("is pass when everything in scope passed", () => {
    assert.equal(
      summarizeRun([resultOf(1, "pass"), resultOf(2, "pass")]).status,
      "pass",
    );
  });

  it("is pass when some passed and the rest were skipped", () => {
    assert.equal(
      summarizeRun([resultOf(1, "pass"), resultOf(2, "skipped")]).status,
      "pass",
    );
  });

  it("is fail when any subscription failed", () => {
    assert.equal(
      summarizeRun([resultOf(1, "pass"), resultOf(2, "fail")]).status,
      "fail",
    );
  });

  it("is fail, not error, when failures and errors are mixed", () => {
    assert.equal(
      summarizeRun([resultOf(1, "error"), resultOf(2, "fail")]).status,
      "fail",
    );
  });

  it("is fail even with a run error", () => {
    assert.equal(summarizeRun([resultOf(1, "fail")], ["boom"]).status, "fail");
  });

  it("is error when any subscription errored and none failed", () => {
    assert.equal(
      summarizeRun([resultOf(1, "pass"), resultOf(2, "error")]).status,
      "error",
    );
  });

  it("is error when no subscription is in scope", () => {
    const run = summarizeRun([]);
    assert.equal(run.status, "error");
    assert.equal(nothingEvaluated(run), true);
  });

  it("is error when every subscription was skipped", () => {
    const run = summarizeRun([resultOf(1, "skipped"), resultOf(2, "skipped")]);
    assert.equal(run.status, "error");
    assert.equal(nothingEvaluated(run), true);
  });

  it("is error when a run error exists even though everything passed", () => {
    assert.equal(
      summarizeRun([resultOf(1, "pass")], ["listing broke"]).status,
      "error",
    );
  });

  it("nothingEvaluated is false once one subscription is evaluated", () => {
    assert.equal(
      nothingEvaluated(
        summarizeRun([resultOf(1, "skipped"), resultOf(2, "error")]),
      ),
      false,
    );
  });
});

describe("stepFailureReasons", () => {
  it("is empty when everything passed", () => {
    assert.deepEqual(
      stepFailureReasons(summarizeRun([resultOf(1, "pass")]), ALL_ON),
      [],
    );
  });

  it("fails on a missing contact when failOnMissing is true", () => {
    const reasons = stepFailureReasons(
      summarizeRun([resultOf(1, "fail"), resultOf(2, "pass")]),
      MISSING_ONLY,
    );
    assert.equal(reasons.length, 1);
    assert.match(reasons[0] ?? "", /\b1 subscription\b/);
  });

  it("does not fail on a missing contact when failOnMissing is false", () => {
    assert.deepEqual(
      stepFailureReasons(summarizeRun([resultOf(1, "fail")]), ERROR_ONLY),
      [],
    );
  });

  it("fails on an errored subscription when failOnError is true", () => {
    const reasons = stepFailureReasons(
      summarizeRun([
        resultOf(1, "error"),
        resultOf(2, "error"),
        resultOf(3, "pass"),
      ]),
      ERROR_ONLY,
    );
    assert.equal(reasons.length, 1);
    assert.match(reasons[0] ?? "", /\b2 subscriptions\b/);
  });

  it("does not fail on errors when failOnError is false", () => {
    assert.deepEqual(
      stepFailureReasons(summarizeRun([resultOf(1, "error")]), MISSING_ONLY),
      [],
    );
  });

  it("fails when nothing is in scope and failOnError is true", () => {
    assert.equal(stepFailureReasons(summarizeRun([]), ERROR_ONLY).length, 1);
    assert.deepEqual(stepFailureReasons(summarizeRun([]), MISSING_ONLY), []);
  });

  it("fails when everything was skipped and failOnError is true", () => {
    const run = summarizeRun([resultOf(1, "skipped")]);
    assert.equal(stepFailureReasons(run, ERROR_ONLY).length, 1);
    assert.deepEqual(stepFailureReasons(run, MISSING_ONLY), []);
  });

  it("fails with the run error's own words when failOnError is true", () => {
    const run = summarizeRun([resultOf(1, "pass")], ["listing broke"]);
    assert.deepEqual(stepFailureReasons(run, ERROR_ONLY), ["listing broke"]);
    assert.deepEqual(stepFailureReasons(run, MISSING_ONLY), []);
  });

  it("gives one reason per cause when both switches are on", () => {
    const run = summarizeRun(
      [resultOf(1, "fail"), resultOf(2, "error")],
      ["listing broke"],
    );
    const reasons = stepFailureReasons(run, ALL_ON);
    assert.equal(reasons.length, 3);
    assert.equal(reasons[2], "listing broke");
  });

  it("is empty for any run when both switches are off", () => {
    for (const run of [
      summarizeRun([resultOf(1, "fail"), resultOf(2, "error")], ["boom"]),
      summarizeRun([]),
      summarizeRun([resultOf(1, "skipped")]),
    ]) {
      assert.deepEqual(stepFailureReasons(run, ALL_OFF), []);
    }
  });
});

describe("summarizeRun: control failures", () => {
  const finding = (control: string, status: "pass" | "fail") => ({
    control,
    status,
    reason: `${control} ${status}.`,
  });

  it("counts failing subscriptions per selected control, 0 included", () => {
    const run = summarizeRun(
      [
        resultOf(1, "fail", {
          findings: [
            finding("additional-emails", "fail"),
            finding("notify-owners", "pass"),
          ],
        }),
        resultOf(2, "fail", {
          findings: [
            finding("additional-emails", "fail"),
            finding("notify-owners", "fail"),
          ],
        }),
        resultOf(3, "error"),
      ],
      [],
      ["additional-emails", "notify-owners", "alert-notifications"],
    );
    assert.deepEqual(run.controlFailures, {
      "additional-emails": 2,
      "notify-owners": 1,
      "alert-notifications": 0,
    });
  });

  it("names the failing controls in the step's reason when several are selected", () => {
    const run = summarizeRun(
      [resultOf(1, "fail", { findings: [finding("notify-owners", "fail")] })],
      [],
      ["additional-emails", "notify-owners"],
    );
    assert.deepEqual(
      stepFailureReasons(run, { failOnMissing: true, failOnError: true }),
      ["1 subscription fails security contact controls (notify-owners)"],
    );
  });
});

describe("stepFailures", () => {
  it("marks the reasons that restate the counts line", () => {
    const run = summarizeRun(
      [resultOf(1, "fail"), resultOf(2, "error")],
      ["listing broke"],
    );
    assert.deepEqual(
      stepFailures(run, { failOnMissing: true, failOnError: true }).map(
        (f) => f.restates ?? "",
      ),
      ["failed", "errored", ""],
    );
  });
});
