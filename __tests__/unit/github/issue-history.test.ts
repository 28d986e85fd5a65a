import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  MAX_HISTORY_ENTRIES,
  changesSince,
  historyBlock,
  nextHistory,
  readHistory,
} from "../../../src/github/issue-history.js";
import type { SubscriptionResult, Verdict } from "../../../src/check/model.js";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";
const TODAY = "2026-11-27";

function result(id: string, status: Verdict): SubscriptionResult {
  return {
    subscriptionId: id,
    displayName: "",
    state: "Enabled",
    status,
    reason: "Why.",
    emails: [],
    invalidEmails: [],
    notificationsOff: false,
  };
}

describe("issue history", () => {
  it("round-trips through the hidden block", () => {
    const history = new Map([[A, "2026-01-02"]]);
    const body = `<!-- marker -->\n${historyBlock(history)}\n## Title`;
    assert.deepEqual(readHistory(body, TODAY), history);
  });

  it("keeps first dates, starts new ones today and drops passes and skips", () => {
    const previous = new Map([
      [A, "2026-01-02"],
      [B, "2026-02-03"],
    ]);
    const next = nextHistory(
      previous,
      [
        result(A.toUpperCase(), "fail"),
        result(B, "pass"),
        result(C, "error"),
        result("invalid-subscription-id-1", "error"),
      ],
      TODAY,
    );
    assert.deepEqual(
      next,
      new Map([
        [A, "2026-01-02"],
        [C, TODAY],
      ]),
    );
  });

  it("keeps at most MAX_HISTORY_ENTRIES, failures first", () => {
    const many = Array.from({ length: MAX_HISTORY_ENTRIES + 50 }, (_, i) =>
      result(
        `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        i < 100 ? "error" : "fail",
      ),
    );
    const next = nextHistory(new Map(), many, TODAY);
    assert.equal(next.size, MAX_HISTORY_ENTRIES);
    assert.ok(next.has("00000000-0000-4000-8000-000000000100"));
    assert.ok(!next.has("00000000-0000-4000-8000-000000000099"));
  });

  it("ignores unreadable, foreign or future entries", () => {
    const block = (json: string): string =>
      `<!-- defender-security-contact-check history v1 ${json} -->`;
    assert.equal(readHistory(block("{not json}"), TODAY).size, 0);
    assert.equal(readHistory(null, TODAY).size, 0);
    assert.deepEqual(
      readHistory(
        block(
          JSON.stringify({
            [A]: "2099-01-01",
            x: "2026-01-01",
            [B]: "soon",
            [C]: "2026-03-04",
          }),
        ),
        TODAY,
      ),
      new Map([[C, "2026-03-04"]]),
    );
  });
});

describe("changesSince", () => {
  const D = "00000000-0000-4000-8000-00000000000d";
  const previous = new Map([
    [A, "2026-11-01"],
    [B, "2026-11-02"],
    [C, "2026-11-03"],
  ]);

  it("counts the newly failing and the fixed, and keeps the first dates", () => {
    const changes = changesSince(
      previous,
      [
        result(A, "pass"),
        result(B, "fail"),
        result(C, "skipped"),
        result(D.toUpperCase(), "fail"),
      ],
      TODAY,
    );
    assert.deepEqual([...changes.newlyFailing], [D]);
    // Skipped is not fixed: only a pass is.
    assert.equal(changes.fixed, 1);
    assert.deepEqual(
      changes.failingSince,
      new Map([
        [B, "2026-11-02"],
        [D, TODAY],
      ]),
    );
  });

  it("an errored subscription is not newly failing", () => {
    const changes = changesSince(new Map(), [result(A, "error")], TODAY);
    assert.equal(changes.newlyFailing.size, 0);
    assert.equal(changes.failingSince.get(A), TODAY);
  });
});
