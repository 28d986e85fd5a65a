/**
 * Bounds the tracking step's GitHub calls: every request has its own
 * timeout (covering the body, so a trickle of bytes cannot hold it), every
 * answer is read to at most the answer bound (after decompression), and the
 * whole step has a deadline. Past the deadline, or at an answer too large
 * to read, the step stops at once; the check's verdict does not depend on it.
 */
import {
  AnswerTooLargeError,
  checkDeclaredLength,
  readBounded,
} from "../answer-size.js";

export interface GitHubLimits {
  /** One request, from sending to its last body byte. */
  requestTimeoutMs: number;
  /** The whole tracking step, retries and rate-limit waits included. */
  deadlineMs: number;
}

/**
 * 30 s a request and 90 s for the step. The overrides exist only so tests
 * of a stalled GitHub run fast.
 */
export function defaultGitHubLimits(
  timing: { githubRequestMs?: number; trackingMs?: number } = {},
): GitHubLimits {
  return {
    requestTimeoutMs: timing.githubRequestMs ?? 30_000,
    deadlineMs: timing.trackingMs ?? 90_000,
  };
}

/**
 * Why the tracking step stopped talking to GitHub (deadline, an answer too
 * large). Named AbortError because Octokit resends any other fetch failure
 * as a 500, and a stopped step must not be resent.
 */
export class GitHubStopped extends Error {
  override name = "AbortError";
}

/** One request ran out of time; Octokit may resend it within the deadline. */
export class GitHubTimeout extends Error {
  override name = "GitHubTimeout";
}

/** Statuses whose Response may not carry a body. */
const NO_BODY = new Set([204, 205, 304]);

const seconds = (ms: number): string => `${ms / 1000} s`;

export class GitHubBudget {
  private readonly stop = new AbortController();

  constructor(private readonly limits: GitHubLimits) {}

  /** A fetch for Octokit that applies the limits and reads the body itself. */
  readonly fetch = async (
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> => {
    if (this.stop.signal.aborted) throw this.stop.signal.reason;
    const url = new URL(input instanceof Request ? input.url : input);
    const what = `GitHub's answer to ${init.method ?? "GET"} ${url.pathname}`;
    const timeout = AbortSignal.timeout(this.limits.requestTimeoutMs);
    const signals = [this.stop.signal, timeout];
    if (init.signal) signals.push(init.signal);
    try {
      const response = await fetch(input, {
        ...init,
        signal: AbortSignal.any(signals),
      });
      checkDeclaredLength(response.headers.get("content-length"), what);
      const body = response.body
        ? await readBounded(response.body, what, () => undefined)
        : null;
      return new Response(NO_BODY.has(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (this.stop.signal.aborted) throw this.stop.signal.reason;
      if (error instanceof AnswerTooLargeError) {
        // Nothing good follows a hostile answer: stop the step, no retries.
        this.end(new GitHubStopped(error.message));
        throw this.stop.signal.reason;
      }
      if (timeout.aborted) {
        throw new GitHubTimeout(
          `GitHub did not answer ${init.method ?? "GET"} ${url.pathname} within ${seconds(this.limits.requestTimeoutMs)}.`,
        );
      }
      throw error;
    }
  };

  private end(reason: GitHubStopped): void {
    if (!this.stop.signal.aborted) this.stop.abort(reason);
  }

  /** Runs the step within the deadline; afterwards no request of it starts again. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const timer = setTimeout(
      () =>
        this.end(
          new GitHubStopped(
            `GitHub did not finish within ${seconds(this.limits.deadlineMs)}, the tracking step's deadline.`,
          ),
        ),
      this.limits.deadlineMs,
    );
    const stopped = new Promise<never>((_, reject) => {
      const signal = this.stop.signal;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), {
        once: true,
      });
    });
    const pending = work();
    // The loser of the race must not surface as an unhandled rejection.
    pending.catch(() => undefined);
    stopped.catch(() => undefined);
    try {
      return await Promise.race([pending, stopped]);
    } finally {
      clearTimeout(timer);
      this.end(new GitHubStopped("The tracking step has ended."));
    }
  }
}
