import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  backoffMs,
  lowQuotaPauseMs,
  mayResend,
  parseRetryAfter,
  provesNotApplied,
  retryDelayMs,
} from "../../../src/azure/retry-decision.js";
import type {
  AttemptOutcome,
  RetryOptions,
} from "../../../src/azure/retry-decision.js";

const OPTIONS: RetryOptions = {
  maxRetries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
};

const LOW = (): number => 0;
const HIGH = (): number => 0.999_999;
const MID = (): number => 0.5;

describe("retryDelayMs: which statuses are retried", () => {
  for (const status of [408, 429, 500, 502, 503, 504]) {
    it(`retries HTTP ${status}`, () => {
      const delay = retryDelayMs({ kind: "response", status }, 0, OPTIONS, LOW);
      assert.equal(delay, 500);
    });
  }

  for (const status of [200, 400, 401, 403, 404, 409, 501, 505]) {
    it(`does not retry HTTP ${status}`, () => {
      assert.equal(
        retryDelayMs({ kind: "response", status }, 0, OPTIONS, LOW),
        undefined,
      );
    });
  }

  it("does not retry a non-transient status even with Retry-After", () => {
    assert.equal(
      retryDelayMs(
        { kind: "response", status: 400, retryAfter: "1" },
        0,
        OPTIONS,
      ),
      undefined,
    );
  });

  it("retries network errors and timeouts", () => {
    assert.equal(
      retryDelayMs({ kind: "network", code: "ECONNRESET" }, 0, OPTIONS, LOW),
      500,
    );
    assert.equal(retryDelayMs({ kind: "network" }, 1, OPTIONS, LOW), 1000);
    assert.equal(retryDelayMs({ kind: "timeout" }, 2, OPTIONS, LOW), 2000);
  });
});

describe("retryDelayMs: how many retries", () => {
  it("retries while retry is below maxRetries", () => {
    for (let retry = 0; retry < OPTIONS.maxRetries; retry++) {
      assert.notEqual(
        retryDelayMs({ kind: "response", status: 503 }, retry, OPTIONS),
        undefined,
      );
    }
  });

  it("stops once retry >= maxRetries, whatever the outcome", () => {
    for (const retry of [3, 4, 10]) {
      assert.equal(
        retryDelayMs({ kind: "response", status: 503 }, retry, OPTIONS),
        undefined,
      );
      assert.equal(
        retryDelayMs(
          { kind: "response", status: 429, retryAfter: "1" },
          retry,
          OPTIONS,
        ),
        undefined,
      );
      assert.equal(
        retryDelayMs({ kind: "network" }, retry, OPTIONS),
        undefined,
      );
      assert.equal(
        retryDelayMs({ kind: "timeout" }, retry, OPTIONS),
        undefined,
      );
    }
  });

  it("never retries when maxRetries is 0", () => {
    assert.equal(
      retryDelayMs({ kind: "timeout" }, 0, { ...OPTIONS, maxRetries: 0 }),
      undefined,
    );
  });
});

describe("retryDelayMs: Retry-After", () => {
  it("honours Retry-After in seconds", () => {
    assert.equal(
      retryDelayMs(
        { kind: "response", status: 429, retryAfter: "7" },
        0,
        OPTIONS,
        LOW,
      ),
      7000,
    );
    assert.equal(
      retryDelayMs(
        { kind: "response", status: 503, retryAfter: " 2 " },
        2,
        OPTIONS,
        LOW,
      ),
      2000,
    );
  });

  it("honours Retry-After: 0", () => {
    assert.equal(
      retryDelayMs(
        { kind: "response", status: 429, retryAfter: "0" },
        0,
        OPTIONS,
        HIGH,
      ),
      0,
    );
  });

  it("honours Retry-After as an HTTP date", () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const delay = retryDelayMs(
      { kind: "response", status: 503, retryAfter: at },
      0,
      OPTIONS,
      LOW,
    );
    assert.ok(
      delay !== undefined && delay > 25_000 && delay <= 30_000,
      String(delay),
    );
  });

  it("honours Retry-After exactly up to maxRetryAfterMs", () => {
    assert.equal(
      retryDelayMs(
        { kind: "response", status: 429, retryAfter: "60" },
        0,
        OPTIONS,
      ),
      60_000,
    );
  });

  it("ends the retries when Retry-After is longer than maxRetryAfterMs", () => {
    assert.equal(
      retryDelayMs(
        { kind: "response", status: 429, retryAfter: "61" },
        0,
        OPTIONS,
      ),
      undefined,
    );
    const far = new Date(Date.now() + 3_600_000).toUTCString();
    assert.equal(
      retryDelayMs(
        { kind: "response", status: 503, retryAfter: far },
        0,
        OPTIONS,
      ),
      undefined,
    );
  });

  it("ignores a negative Retry-After and backs off instead", () => {
    assert.equal(
      retryDelayMs(
        { kind: "response", status: 429, retryAfter: "-1" },
        1,
        OPTIONS,
        LOW,
      ),
      1000,
    );
  });

  it("falls back to backoff when Retry-After is unreadable", () => {
    assert.equal(
      retryDelayMs(
        { kind: "response", status: 429, retryAfter: "soon" },
        1,
        OPTIONS,
        LOW,
      ),
      1000,
    );
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");

  it("reads seconds", () => {
    assert.equal(parseRetryAfter("120", now), 120_000);
    assert.equal(parseRetryAfter("0", now), 0);
    assert.equal(parseRetryAfter("1.5", now), 1500);
  });

  it("reads an HTTP date relative to now", () => {
    assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:45 GMT", now), 45_000);
  });

  it("reads a date in the past as no wait", () => {
    assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), 0);
  });

  it("returns undefined for a missing or unreadable header", () => {
    assert.equal(parseRetryAfter(undefined, now), undefined);
    assert.equal(parseRetryAfter("", now), undefined);
    assert.equal(parseRetryAfter("soon", now), undefined);
  });
});

describe("backoffMs", () => {
  function ceiling(retry: number): number {
    return Math.min(OPTIONS.maxDelayMs, OPTIONS.baseDelayMs * 2 ** retry);
  }

  it("grows with each retry", () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((retry) => backoffMs(retry, OPTIONS, MID)),
      [750, 1500, 3000, 6000],
    );
  });

  it("stays within [ceiling/2, ceiling]", () => {
    for (let retry = 0; retry < 8; retry++) {
      for (const random of [LOW, MID, HIGH]) {
        const delay = backoffMs(retry, OPTIONS, random);
        assert.ok(delay >= ceiling(retry) / 2, `retry ${retry}: ${delay}`);
        assert.ok(delay <= ceiling(retry), `retry ${retry}: ${delay}`);
      }
    }
  });

  it("is capped by maxDelayMs", () => {
    assert.equal(backoffMs(10, OPTIONS, LOW), 4000);
    assert.equal(backoffMs(10, OPTIONS, HIGH), 8000);
  });

  it("uses the jitter it is given", () => {
    assert.equal(backoffMs(0, OPTIONS, LOW), 500);
    assert.equal(backoffMs(0, OPTIONS, HIGH), 1000);
  });
});

describe("lowQuotaPauseMs", () => {
  it("does not pause when the header is missing", () => {
    assert.equal(lowQuotaPauseMs(undefined, 50), 0);
  });

  it("does not pause when the quota is at or above the threshold", () => {
    assert.equal(lowQuotaPauseMs("50", 50), 0);
    assert.equal(lowQuotaPauseMs("11999", 50), 0);
  });

  it("does not pause on an unreadable header", () => {
    assert.equal(lowQuotaPauseMs("lots", 50), 0);
  });

  it("does not pause when the header is present but empty", () => {
    assert.equal(lowQuotaPauseMs("", 50), 0);
    assert.equal(lowQuotaPauseMs(" ", 50), 0);
  });

  it("pauses while the bucket refills at 25 a second when quota is low", () => {
    assert.equal(lowQuotaPauseMs("25", 50), 1000);
    assert.equal(lowQuotaPauseMs("0", 50), 2000);
    assert.ok(lowQuotaPauseMs("49", 50) > 0);
  });

  it("pauses longer the lower the quota", () => {
    assert.ok(lowQuotaPauseMs("5", 50) > lowQuotaPauseMs("40", 50));
  });
});

describe("retryDelayMs: the retry budget", () => {
  const budgeted = {
    maxRetries: 4,
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60_000,
    retryBudgetMs: 110_000,
  };
  const throttled = {
    kind: "response",
    status: 429,
    retryAfter: "60",
  } as const;

  it("honours a wait that ends inside the budget", () => {
    assert.equal(
      retryDelayMs(throttled, 1, budgeted, () => 0, 50_000),
      60_000,
    );
  });

  it("stops retrying when the wait would end past the budget", () => {
    assert.equal(
      retryDelayMs(throttled, 1, budgeted, () => 0, 60_000),
      undefined,
    );
  });

  it("applies no budget when none is set", () => {
    const { retryBudgetMs: _none, ...unbudgeted } = budgeted;
    assert.equal(
      retryDelayMs(throttled, 1, unbudgeted, () => 0, 1e9),
      60_000,
    );
  });
});

describe("mayResend: reads always, writes only when proven not applied", () => {
  const outcomes: { name: string; outcome: AttemptOutcome }[] = [
    { name: "HTTP 500", outcome: { kind: "response", status: 500 } },
    { name: "HTTP 502", outcome: { kind: "response", status: 502 } },
    { name: "HTTP 503", outcome: { kind: "response", status: 503 } },
    { name: "HTTP 504", outcome: { kind: "response", status: 504 } },
    { name: "HTTP 408", outcome: { kind: "response", status: 408 } },
    { name: "a reset", outcome: { kind: "network", code: "ECONNRESET" } },
    { name: "a network error", outcome: { kind: "network" } },
    { name: "a timeout", outcome: { kind: "timeout" } },
  ];

  for (const { name, outcome } of outcomes) {
    it(`resends a GET after ${name}`, () => {
      assert.equal(mayResend("GET", outcome), true);
      assert.equal(mayResend("get", outcome), true);
    });
    it(`does not resend a PUT after ${name}: it may have been applied`, () => {
      assert.equal(mayResend("PUT", outcome), false);
      assert.equal(mayResend("put", outcome), false);
    });
  }

  it("resends a PUT after 429, with or without Retry-After", () => {
    assert.equal(mayResend("PUT", { kind: "response", status: 429 }), true);
    assert.equal(
      mayResend("PUT", { kind: "response", status: 429, retryAfter: "2" }),
      true,
    );
  });

  it("resends a PUT after 503 only with Retry-After", () => {
    assert.equal(
      mayResend("PUT", { kind: "response", status: 503, retryAfter: "1" }),
      true,
    );
    assert.equal(mayResend("PUT", { kind: "response", status: 503 }), false);
  });

  it("resends a PUT whose connection was refused (nothing was sent)", () => {
    assert.equal(
      mayResend("PUT", { kind: "network", code: "ECONNREFUSED" }),
      true,
    );
  });

  it("treats PATCH, POST and DELETE like PUT, HEAD and OPTIONS like GET", () => {
    const serverError: AttemptOutcome = { kind: "response", status: 500 };
    for (const method of ["PATCH", "POST", "DELETE"]) {
      assert.equal(mayResend(method, serverError), false, method);
    }
    for (const method of ["HEAD", "OPTIONS"]) {
      assert.equal(mayResend(method, serverError), true, method);
    }
  });
});

describe("provesNotApplied", () => {
  it("holds for answers that turn a write away", () => {
    for (const status of [400, 401, 403, 404, 409, 429]) {
      assert.equal(
        provesNotApplied({ kind: "response", status }),
        true,
        String(status),
      );
    }
    assert.equal(
      provesNotApplied({ kind: "response", status: 503, retryAfter: "5" }),
      true,
    );
    assert.equal(
      provesNotApplied({ kind: "network", code: "ECONNREFUSED" }),
      true,
    );
  });

  it("does not hold when the write may have landed", () => {
    for (const status of [200, 201, 408, 500, 502, 503, 504]) {
      assert.equal(
        provesNotApplied({ kind: "response", status }),
        false,
        String(status),
      );
    }
    assert.equal(
      provesNotApplied({ kind: "network", code: "ECONNRESET" }),
      false,
    );
    assert.equal(provesNotApplied({ kind: "network" }), false);
    assert.equal(provesNotApplied({ kind: "timeout" }), false);
  });
});
