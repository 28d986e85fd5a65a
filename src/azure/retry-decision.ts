/**
 * When to try a request to Azure again, and after how long. Pure, so every
 * rule is unit-tested; the pipeline policy in resilience.ts only applies it.
 */

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff step; doubles per retry, with jitter. */
  baseDelayMs: number;
  /** Ceiling for one computed backoff. */
  maxDelayMs: number;
  /** Longest `Retry-After` honoured; a longer one ends the retries. */
  maxRetryAfterMs: number;
  /** No retry may start later than this after the first attempt. */
  retryBudgetMs?: number;
}

export type AttemptOutcome =
  | { kind: "response"; status: number; retryAfter?: string }
  | { kind: "network"; code?: string }
  | { kind: "timeout" };

/** 501 and 505 will not change on a retry; these can. */
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Methods that read: resending one cannot change anything twice. */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a write certainly did not happen: Azure turned it away (4xx; 429
 * is throttling before processing; 408 is left out, it may come from a
 * gateway after the fact), a 503 with `Retry-After` (turned away at the door),
 * or a connection refused (nothing was sent). After a timeout, a reset or
 * any other 5xx, the write may have landed.
 */
export function provesNotApplied(outcome: AttemptOutcome): boolean {
  if (outcome.kind === "network") return outcome.code === "ECONNREFUSED";
  if (outcome.kind !== "response") return false;
  const { status } = outcome;
  if (status === 503) return outcome.retryAfter !== undefined;
  return status >= 400 && status < 500 && status !== 408;
}

/**
 * Whether the request may be sent again after this outcome: a read always;
 * a write (PUT, PATCH, POST, DELETE) only when the outcome proves it was not
 * applied. Otherwise the caller re-reads before deciding, never writes blind.
 */
export function mayResend(method: string, outcome: AttemptOutcome): boolean {
  return READ_METHODS.has(method.toUpperCase()) || provesNotApplied(outcome);
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(
  value: string | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Only an HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT"); Date.parse accepts far more.
  if (
    !/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(
      trimmed,
    )
  ) {
    return undefined;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so parallel retries spread out. */
export function backoffMs(
  retry: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    options.maxDelayMs,
    options.baseDelayMs * 2 ** retry,
  );
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The delay before the next attempt, or undefined when the outcome is final
 * (success, a non-transient status, or retries used up).
 * `retry` counts retries already made (0 after the first attempt).
 */
export function retryDelayMs(
  outcome: AttemptOutcome,
  retry: number,
  options: RetryOptions,
  random: () => number = Math.random,
  elapsedMs = 0,
): number | undefined {
  const delay = plannedDelayMs(outcome, retry, options, random);
  // Long Retry-After waits add up; past the budget, the last cause stands.
  if (delay === undefined || options.retryBudgetMs === undefined) return delay;
  return elapsedMs + delay <= options.retryBudgetMs ? delay : undefined;
}

function plannedDelayMs(
  outcome: AttemptOutcome,
  retry: number,
  options: RetryOptions,
  random: () => number,
): number | undefined {
  if (retry >= options.maxRetries) return undefined;
  if (outcome.kind === "response") {
    if (!TRANSIENT_STATUS.has(outcome.status)) return undefined;
    const retryAfter = parseRetryAfter(outcome.retryAfter);
    if (retryAfter !== undefined) {
      return retryAfter <= options.maxRetryAfterMs ? retryAfter : undefined;
    }
  }
  return backoffMs(retry, options, random);
}

/**
 * ARM refills a principal's read bucket at about 25 requests a second; when
 * `x-ms-ratelimit-remaining-subscription-reads` runs low, pause long enough
 * for the bucket to climb back to `threshold` instead of running into 429s.
 */
export function lowQuotaPauseMs(
  remainingHeader: string | undefined,
  threshold: number,
): number {
  if (remainingHeader === undefined || remainingHeader.trim() === "") return 0;
  const remaining = Number(remainingHeader);
  if (!Number.isFinite(remaining) || remaining >= threshold) return 0;
  return Math.ceil(((threshold - Math.max(0, remaining)) / 25) * 1000);
}
