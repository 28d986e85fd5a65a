/**
 * A pipeline policy that replaces the SDK's default retry: a timeout on every
 * attempt (covering the body, not just the headers), retries for what the SDK
 * leaves alone (429 without Retry-After, resets, timeouts), Retry-After
 * honoured, and a shared pause when ARM's read quota runs low.
 */
import {
  isRestError,
  RestError,
  type PipelinePolicy,
  type PipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
import { setTimeout as sleep } from "node:timers/promises";
import { errorMessage, plural } from "../text.js";
import { remainingReads, type LoadSignal } from "./adaptive-concurrency.js";
import { parseJson } from "./arm-answer.js";
import {
  lowQuotaPauseMs,
  mayResend,
  parseRetryAfter,
  retryDelayMs,
  type AttemptOutcome,
  type RetryOptions,
} from "./retry-decision.js";

export interface ResilienceOptions extends RetryOptions {
  /** One attempt's limit, from sending to the last body byte. */
  attemptTimeoutMs: number;
  /** Remaining-reads level under which all requests pause for the bucket to refill. */
  lowQuotaThreshold: number;
  /** Required here: one subscription must never hold the run much past two minutes. */
  retryBudgetMs: number;
}

/**
 * Worst case for one hung subscription: 5 attempts of 15 s plus backoff,
 * about 1.5 minutes, inside the two minutes one subscription may cost.
 * `attemptTimeoutMs` (`CONTACT_CHECK_ATTEMPT_TIMEOUT_MS`) is given only so
 * tests of a hang run fast.
 */
export function defaultResilienceOptions(
  attemptTimeoutMs = 15_000,
): ResilienceOptions {
  return {
    maxRetries: 4,
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60_000,
    attemptTimeoutMs,
    lowQuotaThreshold: 20,
    retryBudgetMs: 110_000,
  };
}

/** Counts retries across all clients, for the log and the benchmark. */
export class RetryCounter {
  retries = 0;
}

/** When ARM says the quota is low, every request waits until this moment. */
class QuotaGate {
  private resumeAt = 0;

  pause(ms: number): void {
    this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
  }

  async wait(): Promise<void> {
    const ms = this.resumeAt - Date.now();
    if (ms > 0) await sleep(ms);
  }
}

export const resiliencePolicyName = "securityContactCheckResilience";

function describeOutcome(outcome: AttemptOutcome): string {
  if (outcome.kind === "response") return `HTTP ${outcome.status}`;
  if (outcome.kind === "timeout") return "timeout";
  return outcome.code ?? "network error";
}

export function resiliencePolicy(
  options: ResilienceOptions,
  counter: RetryCounter,
  onRetry?: (message: string) => void,
  /** Every answer's load signals, for the adaptive concurrency. */
  onAnswer?: (signal: LoadSignal) => void,
): PipelinePolicy {
  const gate = new QuotaGate();

  async function attempt(
    request: PipelineRequest,
    next: (request: PipelineRequest) => Promise<PipelineResponse>,
    callerSignal: PipelineRequest["abortSignal"],
  ): Promise<{
    response?: PipelineResponse;
    outcome: AttemptOutcome;
    error?: unknown;
  }> {
    const controller = new AbortController();
    const onCallerAbort = (): void => controller.abort();
    callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    // Aborting ends a hung connection; the race also ends a hang that no
    // socket owns, such as a token request stuck inside the pipeline.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
        reject(new RestError("The attempt timed out."));
      }, options.attemptTimeoutMs);
    });
    request.abortSignal = controller.signal;
    try {
      const pending = next(request);
      // The loser of the race must not surface as an unhandled rejection.
      pending.catch(() => undefined);
      const response = await Promise.race([pending, deadline]);
      const outcome: AttemptOutcome = {
        kind: "response",
        status: response.status,
        retryAfter: response.headers.get("retry-after") ?? undefined,
      };
      return { response, outcome };
    } catch (error) {
      if (timedOut) return { outcome: { kind: "timeout" }, error };
      // Only a failure to get any HTTP answer (reset, refused, TLS cut) may
      // pass on its own; a sign-in error or a cancellation will not.
      // isRestError, not instanceof: the bundle holds two copies of
      // core-rest-pipeline (ESM for us, CJS for the SDK clients), so the
      // SDK's RestError is not ours and resets were never retried.
      const isNetwork = isRestError(error) && error.statusCode === undefined;
      if (callerSignal?.aborted || !isNetwork) throw error;
      return { outcome: { kind: "network", code: error.code }, error };
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
      request.abortSignal = callerSignal;
    }
  }

  return {
    name: resiliencePolicyName,
    async sendRequest(request, next) {
      const callerSignal = request.abortSignal;
      const started = Date.now();
      for (let retry = 0; ; retry++) {
        await gate.wait();
        const sentAt = Date.now();
        const { response, outcome, error } = await attempt(
          request,
          next,
          callerSignal,
        );
        if (response) {
          onAnswer?.({
            sentAt,
            throttled: response.status === 429,
            remainingReads: remainingReads(
              (name) => response.headers.get(name) ?? undefined,
            ),
            retryAfterMs: parseRetryAfter(
              outcome.kind === "response" ? outcome.retryAfter : undefined,
            ),
          });
          gate.pause(
            lowQuotaPauseMs(
              response.headers.get(
                "x-ms-ratelimit-remaining-subscription-reads",
              ) ?? undefined,
              options.lowQuotaThreshold,
            ),
          );
        }
        const delay = mayResend(request.method, outcome)
          ? retryDelayMs(
              outcome,
              retry,
              options,
              Math.random,
              Date.now() - started,
            )
          : undefined;
        if (delay === undefined) {
          if (response) {
            const unreadable = unreadableBody(response);
            if (unreadable) throw unreadable;
            return response;
          }
          throw lastCause(outcome, error, retry + 1, options);
        }
        counter.retries++;
        onRetry?.(
          `${request.method} ${new URL(request.url).pathname}: ${describeOutcome(outcome)}, retry ${retry + 1} in ${delay} ms`,
        );
        await sleep(delay);
        if (callerSignal?.aborted)
          throw new RestError("The request was cancelled.");
      }
    },
  };
}

/**
 * A final answer that is not JSON where JSON belongs (truncated JSON, or an
 * HTML page with a 2xx status). Left to the SDKs, the first becomes a
 * PARSE_ERROR that quotes the whole body (addresses included, unmasked) and
 * the second crashes the subscription pager on a missing list; say plainly
 * what came back instead. Non-JSON error pages are left to the callers.
 */
function unreadableBody(response: PipelineResponse): RestError | undefined {
  const body = response.bodyAsText;
  if (!body) return undefined;
  const contentType = response.headers.get("content-type") ?? "";
  const success = response.status >= 200 && response.status < 300;
  if (!success && !/json/i.test(contentType)) return undefined;
  const parsed = parseJson(response.status, body);
  if (parsed.ok) return undefined;
  return new RestError(parsed.error.message, {
    code: parsed.error.code,
    statusCode: response.status,
  });
}

function lastCause(
  outcome: AttemptOutcome,
  error: unknown,
  attempts: number,
  options: ResilienceOptions,
): RestError {
  const tries = plural(attempts, "attempt");
  if (outcome.kind === "timeout") {
    return new RestError(
      `No complete answer within ${options.attemptTimeoutMs / 1000} s (${tries}).`,
      { code: "RequestTimeout" },
    );
  }
  const detail = errorMessage(error);
  return new RestError(`Connection failed (${tries}): ${detail}`, {
    code:
      outcome.kind === "network" && outcome.code
        ? outcome.code
        : "ConnectionFailed",
  });
}
