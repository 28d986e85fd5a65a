import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { summarizeRun } from "../../../src/check/run-result.js";
import type { FailurePolicy } from "../../../src/check/run-result.js";
import type { SubscriptionResult } from "../../../src/check/model.js";
import {
  MAX_FINDING_ANNOTATIONS,
  planAnnotations,
} from "../../../src/report/annotations.js";
import type { Annotation } from "../../../src/report/annotations.js";
import { guidFor, resultOf } from "../fixtures.js";

const ALL_ON: FailurePolicy = { failOnMissing: true, failOnError: true };
const ALL_OFF: FailurePolicy = { failOnMissing: false, failOnError: false };

function many(
  count: number,
  status: "fail" | "error",
  from = 0,
): SubscriptionResult[] {
  return Array.from({ length: count }, (_, i) => resultOf(from + i, status));
}

/** Annotations about one subscription each (they name its ID). */
function perSubscription(
  annotations: Annotation[],
  ids: string[],
): Annotation[] {
  return annotations.filter((a) => ids.some((id) => a.message.includes(id)));
}

function notices(annotations: Annotation[]): Annotation[] {
  return annotations.filter((a) => a.level === "notice");
}

describe("planAnnotations: findings", () => {
  it("makes one annotation per failing or errored subscription", () => {
    const results = [
      resultOf(1, "fail"),
      resultOf(2, "pass"),
      resultOf(3, "error"),
      resultOf(4, "skipped"),
    ];
    const annotations = planAnnotations(summarizeRun(results), ALL_ON, true);
    const findings = annotations.filter((a) => a.level !== "notice");
    assert.equal(findings.length, 2);
    assert.ok(findings[0]?.message.includes(guidFor(1)));
    assert.ok(findings[0]?.message.includes(results[0]?.reason ?? "?"));
    assert.ok(findings[1]?.message.includes(guidFor(3)));
    assert.equal(
      perSubscription(annotations, [guidFor(2), guidFor(4)]).length,
      0,
    );
  });

  it("makes exactly ten and no aggregate for ten findings", () => {
    const results = many(10, "fail");
    const annotations = planAnnotations(summarizeRun(results), ALL_ON, true);
    assert.equal(MAX_FINDING_ANNOTATIONS, 10);
    assert.equal(annotations.filter((a) => a.level !== "notice").length, 10);
  });

  it("stops at ten and adds exactly one that counts the rest", () => {
    const results = [...many(12, "fail"), ...many(3, "error", 100)];
    const annotations = planAnnotations(summarizeRun(results), ALL_ON, true);
    const findings = annotations.filter((a) => a.level !== "notice");
    assert.equal(findings.length, 11);
    const ids = results.map((r) => r.subscriptionId);
    assert.equal(perSubscription(findings, ids).length, 10);
    const aggregate = findings[10];
    assert.ok(aggregate);
    assert.ok(!ids.some((id) => aggregate.message.includes(id)));
    assert.match(`${aggregate.title} ${aggregate.message}`, /\b5 more\b/);
    assert.match(aggregate.message, /\b2 more fail\b/);
    assert.match(aggregate.message, /\b3 more could not be evaluated\b/);
  });

  it("counts one remaining finding", () => {
    const annotations = planAnnotations(
      summarizeRun(many(11, "fail")),
      ALL_ON,
      true,
    );
    const findings = annotations.filter((a) => a.level !== "notice");
    assert.equal(findings.length, 11);
    assert.match(
      `${findings[10]?.title} ${findings[10]?.message}`,
      /\b1 more\b/,
    );
  });

  it("uses error level for findings that fail the step", () => {
    const annotations = planAnnotations(
      summarizeRun([resultOf(1, "fail"), resultOf(2, "error")]),
      ALL_ON,
      true,
    );
    for (const a of perSubscription(annotations, [guidFor(1), guidFor(2)])) {
      assert.equal(a.level, "error", a.message);
    }
  });

  it("uses warning level when the user turned failing off", () => {
    const annotations = planAnnotations(
      summarizeRun([...many(11, "fail"), resultOf(50, "error")]),
      ALL_OFF,
      true,
    );
    const findings = annotations.filter((a) => a.level !== "notice");
    assert.equal(findings.length, 11);
    for (const a of findings) assert.equal(a.level, "warning", a.message);
  });

  it("judges failures by failOnMissing and errors by failOnError", () => {
    const run = summarizeRun([resultOf(1, "fail"), resultOf(2, "error")]);
    const missingOnly = planAnnotations(
      run,
      { failOnMissing: true, failOnError: false },
      true,
    );
    assert.equal(perSubscription(missingOnly, [guidFor(1)])[0]?.level, "error");
    assert.equal(
      perSubscription(missingOnly, [guidFor(2)])[0]?.level,
      "warning",
    );
    const errorOnly = planAnnotations(
      run,
      { failOnMissing: false, failOnError: true },
      true,
    );
    assert.equal(perSubscription(errorOnly, [guidFor(1)])[0]?.level, "warning");
    assert.equal(perSubscription(errorOnly, [guidFor(2)])[0]?.level, "error");
  });

  it("makes the aggregate an error when a counted finding fails the step", () => {
    // Failures are annotated first, so the one error is the counted one.
    const run = summarizeRun([resultOf(99, "error"), ...many(10, "fail")]);
    const loud = planAnnotations(
      run,
      { failOnMissing: false, failOnError: true },
      true,
    ).filter((a) => a.level !== "notice");
    assert.equal(loud.length, 11);
    assert.ok(!(loud[10]?.message ?? "").includes(guidFor(99)));
    assert.equal(loud[10]?.level, "error");
    const quiet = planAnnotations(
      run,
      { failOnMissing: true, failOnError: false },
      true,
    ).filter((a) => a.level !== "notice");
    assert.equal(quiet[0]?.level, "error");
    assert.equal(quiet[10]?.level, "warning");
  });
});

describe("planAnnotations: totals notice", () => {
  for (const [label, results] of [
    ["a passing run", [resultOf(1, "pass")]],
    [
      "a failing run",
      [resultOf(1, "fail"), resultOf(2, "pass"), resultOf(3, "skipped")],
    ],
    ["an empty run", []],
  ] as const) {
    it(`always adds one notice with the totals for ${label}`, () => {
      const run = summarizeRun([...results]);
      const found = notices(planAnnotations(run, ALL_ON, true));
      assert.equal(found.length, 1);
      const message = found[0]?.message ?? "";
      const { total, passed, failed, errored, skipped } = run.counts;
      assert.match(message, new RegExp(`\\b${total} subscriptions?\\b`));
      assert.match(message, new RegExp(`\\b${passed} passed\\b`));
      assert.match(message, new RegExp(`\\b${failed} failed\\b`));
      assert.match(message, new RegExp(`\\b${errored} errored\\b`));
      assert.match(message, new RegExp(`\\b${skipped} skipped\\b`));
    });
  }
});

describe("planAnnotations: invalid entries on passing subscriptions", () => {
  const run = summarizeRun([
    resultOf(1, "pass", {
      emails: ["jane@contoso.com"],
      invalidEmails: ["security-team", "ops@localhost"],
    }),
    resultOf(2, "pass", { invalidEmails: ["not-an-email"] }),
    resultOf(3, "pass"),
    resultOf(4, "fail", { invalidEmails: ["only-bad"] }),
  ]);

  function invalidWarnings(mask: boolean): Annotation[] {
    return planAnnotations(run, ALL_ON, mask).filter(
      (a) =>
        a.level === "warning" && /invalid/i.test(`${a.title} ${a.message}`),
    );
  }

  it("aggregates them into one warning that names the passing subscriptions", () => {
    const warnings = invalidWarnings(true);
    assert.equal(warnings.length, 1);
    const message = warnings[0]?.message ?? "";
    assert.ok(message.includes(guidFor(1)));
    assert.ok(message.includes(guidFor(2)));
    assert.ok(!message.includes(guidFor(3)));
    assert.ok(!message.includes(guidFor(4)));
    assert.match(message, /\b2 passing subscriptions\b/);
  });

  it("masks the entries when maskEmails is true", () => {
    const message = invalidWarnings(true)[0]?.message ?? "";
    assert.ok(message.includes("s***"), message);
    assert.ok(message.includes("o***@localhost"), message);
    assert.ok(!message.includes("security-team"));
    assert.ok(!message.includes("ops@localhost"));
  });

  it("shows the entries when maskEmails is false", () => {
    const message = invalidWarnings(false)[0]?.message ?? "";
    assert.ok(message.includes("security-team"), message);
    assert.ok(message.includes("ops@localhost"), message);
    assert.ok(!message.includes("***"));
  });

  it("adds no such warning when no passing subscription has invalid entries", () => {
    const clean = summarizeRun([
      resultOf(1, "pass"),
      resultOf(2, "fail", { invalidEmails: ["x"] }),
    ]);
    const warnings = planAnnotations(clean, ALL_ON, true).filter((a) =>
      /invalid entries/i.test(`${a.title} ${a.message}`),
    );
    assert.equal(warnings.length, 0);
  });
});

describe("planAnnotations: grammar", () => {
  it("speaks of one subscription in the singular", () => {
    const run = summarizeRun([
      resultOf(1, "pass", {
        invalidEmails: ["not-an-email"],
        notificationsOff: true,
      }),
    ]);
    const messages = planAnnotations(run, ALL_ON, true).map((a) => a.message);
    const text = messages.join("\n");
    assert.match(text, /^1 subscription: 1 passed/m);
    assert.match(text, /^1 passing subscription also lists invalid entries/m);
    assert.match(text, /^1 passing subscription has addresses/m);
  });

  it("speaks of several in the plural", () => {
    const run = summarizeRun([
      resultOf(1, "pass", {
        invalidEmails: ["x"],
        notificationsOff: true,
      }),
      resultOf(2, "pass", {
        invalidEmails: ["y"],
        notificationsOff: true,
      }),
    ]);
    const text = planAnnotations(run, ALL_ON, true)
      .map((a) => a.message)
      .join("\n");
    assert.match(text, /^2 subscriptions: 2 passed/m);
    assert.match(text, /^2 passing subscriptions also list invalid entries/m);
    assert.match(text, /^2 passing subscriptions have addresses/m);
  });
});
