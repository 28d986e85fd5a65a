/**
 * How many subscriptions are read at once. With `concurrency: auto` the
 * number follows what Azure allows (AIMD, as TCP finds a link's speed):
 * it grows by a little while answers come back unthrottled with plenty of
 * quota left, and shrinks by a factor on a 429 or when the remaining-reads
 * headers run low. Microsoft.Security's own limit is undocumented and only
 * shows as 429s, so after the first back-off the limiter creeps up slowly
 * instead of running into that limit again and again.
 * Pure: the clock is passed in, so every rule is unit-tested.
 */

import type { ConcurrencyStats } from "../check/run-result.js";

/** The `concurrency` input: a fixed number, or found at run time. */
export type ConcurrencySetting = number | "auto";

export const AUTO_START = 16;
export const AUTO_MAX = 64;
/** Writes stay few and fixed with `auto`: a PUT is not worth a 429. */
const AUTO_WRITE_CONCURRENCY = 4;

export interface LimiterOptions {
  start: number;
  min: number;
  max: number;
  /** Added per window (as many answers as the limit) until the first back-off. */
  increasePerWindow: number;
  /** The limit is multiplied by this on a back-off. */
  decreaseFactor: number;
  /** After a back-off, one more only after this long without another. */
  probeEveryMs: number;
  /** Remaining reads below which the limit shrinks. */
  lowReads: number;
  /** Remaining reads at or above which the limit may grow. */
  comfortableReads: number;
}

export const AUTO_OPTIONS: LimiterOptions = {
  start: AUTO_START,
  min: 1,
  max: AUTO_MAX,
  increasePerWindow: 4,
  decreaseFactor: 0.85,
  probeEveryMs: 2000,
  lowReads: 20,
  comfortableReads: 50,
};

/** What one answer from Azure says about the load. */
export interface LoadSignal {
  /** When the request was sent: answers to requests sent before a back-off do not cause another. */
  sentAt: number;
  /** HTTP 429. */
  throttled: boolean;
  /** The lowest remaining-reads header on the answer; undefined when there was none. */
  remainingReads?: number | undefined;
  /** The answer's Retry-After, parsed; the limit does not grow before it has passed. */
  retryAfterMs?: number | undefined;
}

export class AdaptiveConcurrency {
  private current: number;
  private highest: number;
  private throttledAnswers = 0;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private growAfter = Number.NEGATIVE_INFINITY;
  /** Once Azure has pushed back, growth is slow: the limit is near. */
  private backedOff = false;
  private lastGrowthAt = Number.NEGATIVE_INFINITY;
  private readonly startedAt: number;
  private changedAt: number;
  private weightedSum = 0;

  constructor(
    private readonly options: LimiterOptions,
    now: number,
    readonly mode: "auto" | "fixed" = "auto",
  ) {
    this.current = options.start;
    this.highest = options.start;
    this.startedAt = now;
    this.changedAt = now;
  }

  /** Requests (subscriptions) that may be in flight now: a whole number within min..max. */
  get limit(): number {
    return Math.floor(this.current);
  }

  /** The most the limit can ever be. */
  get max(): number {
    return this.options.max;
  }

  observe(signal: LoadSignal, now: number): void {
    if (signal.throttled) this.throttledAnswers++;
    const reads = signal.remainingReads;
    const low = reads !== undefined && reads < this.options.lowReads;
    if (signal.throttled || low) {
      this.decrease(signal.sentAt, now);
    } else if (reads === undefined || reads >= this.options.comfortableReads) {
      this.increase(now);
    }
    if (signal.retryAfterMs !== undefined) {
      this.growAfter = Math.max(this.growAfter, now + signal.retryAfterMs);
    }
  }

  stats(now: number): ConcurrencyStats {
    const elapsed = now - this.startedAt;
    const sum = this.weightedSum + this.limit * (now - this.changedAt);
    const mean = elapsed > 0 ? sum / elapsed : this.limit;
    return {
      mode: this.mode,
      start: this.options.start,
      max: this.highest,
      mean: Math.round(mean * 10) / 10,
      throttled: this.throttledAnswers,
    };
  }

  /** One back-off per congestion event: later answers to earlier requests tell nothing new. */
  private decrease(sentAt: number, now: number): void {
    if (sentAt < this.lastDecreaseAt) return;
    this.lastDecreaseAt = now;
    this.lastGrowthAt = now;
    this.backedOff = true;
    this.set(this.current * this.options.decreaseFactor, now);
  }

  private increase(now: number): void {
    if (now < this.growAfter) return;
    if (!this.backedOff) {
      this.set(
        this.current + this.options.increasePerWindow / this.current,
        now,
      );
    } else if (now - this.lastGrowthAt >= this.options.probeEveryMs) {
      // Near a limit already met: one more only after a quiet while.
      this.lastGrowthAt = now;
      this.set(this.current + 1, now);
    }
  }

  private set(value: number, now: number): void {
    const before = this.limit;
    this.current = Math.min(
      this.options.max,
      Math.max(this.options.min, value),
    );
    if (this.limit !== before) {
      this.weightedSum += before * (now - this.changedAt);
      this.changedAt = now;
    }
    this.highest = Math.max(this.highest, this.limit);
  }
}

/** The limiter for the `concurrency` input: `auto`, or a number that never changes. */
export function concurrencyFor(
  setting: ConcurrencySetting,
  now: number,
): AdaptiveConcurrency {
  if (setting === "auto") return new AdaptiveConcurrency(AUTO_OPTIONS, now);
  return new AdaptiveConcurrency(
    { ...AUTO_OPTIONS, start: setting, min: setting, max: setting },
    now,
    "fixed",
  );
}

/** Writes (`remediate: apply`): the fixed number as given, a small one with `auto`. */
export function writeConcurrency(setting: ConcurrencySetting): number {
  return setting === "auto" ? AUTO_WRITE_CONCURRENCY : setting;
}

const REMAINING_READS_HEADERS = [
  "x-ms-ratelimit-remaining-subscription-reads",
  "x-ms-ratelimit-remaining-subscription-global-reads",
  "x-ms-ratelimit-remaining-tenant-reads",
] as const;

/** The lowest remaining-reads header ARM sent; undefined when none is a number. */
export function remainingReads(
  header: (name: string) => string | undefined,
): number | undefined {
  let lowest: number | undefined;
  for (const name of REMAINING_READS_HEADERS) {
    const text = header(name)?.trim();
    if (!text) continue;
    const value = Number(text);
    if (!Number.isFinite(value)) continue;
    lowest = lowest === undefined ? value : Math.min(lowest, value);
  }
  return lowest;
}
