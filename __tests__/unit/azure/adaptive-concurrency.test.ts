import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AdaptiveConcurrency,
  AUTO_OPTIONS,
  concurrencyFor,
  remainingReads,
  writeConcurrency,
  type LoadSignal,
} from "../../../src/azure/adaptive-concurrency.js";

/** A limiter on a clock the test moves by hand. */
function limiter(): {
  limiter: AdaptiveConcurrency;
  clock: { now: number };
  answer(signal?: Partial<LoadSignal>): void;
} {
  const clock = { now: 0 };
  const made = new AdaptiveConcurrency(AUTO_OPTIONS, clock.now);
  return {
    limiter: made,
    clock,
    answer: (signal = {}) =>
      made.observe(
        { sentAt: clock.now, throttled: false, remainingReads: 249, ...signal },
        clock.now,
      ),
  };
}

/** `windows` rounds of as many unthrottled answers as the limit allows. */
function grow(
  l: ReturnType<typeof limiter>,
  windows: number,
  signal: Partial<LoadSignal> = {},
): void {
  for (let w = 0; w < windows; w++) {
    const answers = l.limiter.limit;
    for (let i = 0; i < answers; i++) l.answer(signal);
    l.clock.now += 50;
  }
}

describe("AdaptiveConcurrency (auto)", () => {
  it("starts at 16", () => {
    assert.equal(limiter().limiter.limit, 16);
  });

  it("grows additively, about increasePerWindow per window of unthrottled answers", () => {
    const step = AUTO_OPTIONS.increasePerWindow;
    const l = limiter();
    grow(l, 1);
    assert.ok(
      l.limiter.limit >= 16 + step - 1 && l.limiter.limit <= 16 + step,
      String(l.limiter.limit),
    );
    grow(l, 4);
    // Additive: five windows add about five steps (a window grows with the limit).
    assert.ok(
      l.limiter.limit >= 16 + 4 * step && l.limiter.limit <= 16 + 5 * step,
      String(l.limiter.limit),
    );
  });

  it("never exceeds 64", () => {
    const l = limiter();
    grow(l, 200);
    assert.equal(l.limiter.limit, 64);
    assert.equal(l.limiter.max, 64);
  });

  it("answers without quota headers count as comfortable", () => {
    const l = limiter();
    grow(l, 5, { remainingReads: undefined });
    assert.ok(l.limiter.limit > 16);
  });

  it("holds while the remaining reads are neither low nor comfortable", () => {
    const l = limiter();
    grow(l, 5, { remainingReads: 30 });
    assert.equal(l.limiter.limit, 16);
  });

  it("backs off multiplicatively on a 429", () => {
    const l = limiter();
    grow(l, 200);
    l.answer({ throttled: true });
    assert.equal(l.limiter.limit, Math.floor(64 * AUTO_OPTIONS.decreaseFactor));
  });

  it("backs off when the remaining reads run low", () => {
    const l = limiter();
    l.answer({ remainingReads: 3 });
    assert.equal(l.limiter.limit, Math.floor(16 * AUTO_OPTIONS.decreaseFactor));
  });

  it("backs off once per congestion event: answers to requests sent earlier do not count again", () => {
    const l = limiter();
    grow(l, 200);
    const sentAt = l.clock.now;
    l.clock.now += 50;
    l.answer({ throttled: true, sentAt });
    const after = l.limiter.limit;
    for (let i = 0; i < 10; i++) l.answer({ throttled: true, sentAt });
    assert.equal(l.limiter.limit, after);
    // A request sent after the back-off that is throttled again: another step down.
    l.clock.now += 50;
    l.answer({ throttled: true });
    assert.ok(l.limiter.limit < after);
  });

  it("never goes under 1", () => {
    const l = limiter();
    for (let i = 0; i < 100; i++) {
      l.clock.now += 50;
      l.answer({ throttled: true });
    }
    assert.equal(l.limiter.limit, 1);
  });

  it("does not grow before a Retry-After has passed", () => {
    const l = limiter();
    l.answer({ remainingReads: 30, retryAfterMs: 1000 });
    grow(l, 10);
    assert.equal(l.limiter.limit, 16, "within the Retry-After");
    l.clock.now = 1000;
    grow(l, 1);
    assert.ok(l.limiter.limit > 16, "after it");
  });

  it("after a back-off, grows by one only after a quiet while", () => {
    const l = limiter();
    l.answer({ throttled: true, retryAfterMs: 0 });
    const backedOff = l.limiter.limit;
    grow(l, 10); // 500 ms of answers: too soon
    assert.equal(l.limiter.limit, backedOff);
    l.clock.now += AUTO_OPTIONS.probeEveryMs;
    l.answer();
    assert.equal(l.limiter.limit, backedOff + 1);
    l.answer();
    assert.equal(l.limiter.limit, backedOff + 1);
  });

  it("reports start, the highest limit, the time-weighted mean and the 429s", () => {
    const l = limiter();
    l.clock.now = 1000; // 16 for the first second
    for (let i = 0; i < 200; i++) l.answer(); // jumps well past 16 at t = 1 s
    const high = l.limiter.limit;
    l.clock.now = 2000;
    l.answer({ throttled: true, sentAt: 0 });
    l.answer({ throttled: true, sentAt: 0 });
    l.clock.now = 3000;
    const stats = l.limiter.stats(l.clock.now);
    const low = l.limiter.limit;
    assert.equal(stats.mode, "auto");
    assert.equal(stats.start, 16);
    assert.equal(stats.max, high);
    assert.equal(stats.throttled, 2);
    assert.equal(stats.mean, Math.round(((16 + high + low) / 3) * 10) / 10);
  });
});

describe("concurrencyFor", () => {
  it("a number is fixed: no growth, no back-off, 429s still counted", () => {
    const fixed = concurrencyFor(8, 0);
    for (let i = 0; i < 500; i++) {
      fixed.observe({ sentAt: i, throttled: false, remainingReads: 249 }, i);
    }
    assert.equal(fixed.limit, 8);
    fixed.observe({ sentAt: 600, throttled: true }, 600);
    assert.equal(fixed.limit, 8);
    assert.deepEqual(fixed.stats(1000), {
      mode: "fixed",
      start: 8,
      max: 8,
      mean: 8,
      throttled: 1,
    });
  });

  it("auto starts at 16 and may reach 64", () => {
    const auto = concurrencyFor("auto", 0);
    assert.equal(auto.limit, 16);
    assert.equal(auto.max, 64);
    assert.equal(auto.stats(0).mode, "auto");
  });
});

describe("writeConcurrency", () => {
  it("keeps a fixed number, and a small one with auto", () => {
    assert.equal(writeConcurrency(32), 32);
    assert.equal(writeConcurrency("auto"), 4);
  });
});

describe("remainingReads", () => {
  const headers =
    (values: Record<string, string>) =>
    (name: string): string | undefined =>
      values[name];

  it("takes the lowest of ARM's remaining-reads headers", () => {
    assert.equal(
      remainingReads(
        headers({
          "x-ms-ratelimit-remaining-subscription-reads": "249",
          "x-ms-ratelimit-remaining-subscription-global-reads": "3749",
          "x-ms-ratelimit-remaining-tenant-reads": "12",
        }),
      ),
      12,
    );
  });

  it("is undefined without a header, and ignores values that are not numbers", () => {
    assert.equal(remainingReads(headers({})), undefined);
    assert.equal(
      remainingReads(
        headers({
          "x-ms-ratelimit-remaining-subscription-reads": "lots",
          "x-ms-ratelimit-remaining-tenant-reads": " 40 ",
        }),
      ),
      40,
    );
  });
});
