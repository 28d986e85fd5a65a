/**
 * Turns GitHub's refusals into what to change: a rate limit is named as
 * one, with when it resets; only then permissions, tokens and settings.
 */
import { errorMessage } from "../text.js";
import { GitHubStopped, GitHubTimeout } from "./github-budget.js";

/** A tracking-issue call GitHub refused; the message says what to change. */
export class TrackingIssueError extends Error {
  override name = "TrackingIssueError";
}

interface GitHubFailure {
  status?: number;
  message?: string;
  cause?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

function header(error: GitHubFailure, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

const iso = (epochSeconds: number): string =>
  new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The rate limit behind a 403 or 429, said plainly with when it ends; undefined when it is not one. */
export function rateLimitHint(
  error: unknown,
  now = Date.now(),
): string | undefined {
  const failure = (error ?? {}) as GitHubFailure;
  if (failure.status !== 403 && failure.status !== 429) return undefined;
  const reset = Number(header(failure, "x-ratelimit-reset"));
  if (header(failure, "x-ratelimit-remaining") === "0") {
    const when =
      Number.isFinite(reset) && reset > 0
        ? ` It resets at ${iso(reset)} (in ${Math.max(0, Math.ceil((reset * 1000 - now) / 60_000))} min).`
        : "";
    return ` This is GitHub's API rate limit for the github-token, used up; not a missing permission.${when}`;
  }
  const retryAfter = Number(header(failure, "retry-after"));
  if (/secondary rate limit/i.test(errorMessage(error))) {
    const wait =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? ` GitHub asks to wait ${retryAfter} s (until ${iso(Math.ceil(now / 1000) + retryAfter)}).`
        : " Wait a few minutes before the next run.";
    return ` This is GitHub's secondary rate limit (too many requests at once); not a missing permission.${wait}`;
  }
  return undefined;
}

function hint(error: GitHubFailure): string {
  switch (error.status) {
    case 403:
      return (
        rateLimitHint(error) ??
        " Give the job 'permissions: issues: write' (pull requests from forks only ever get a read-only token)."
      );
    case 429:
      return rateLimitHint(error) ?? " GitHub is rate limiting the token.";
    case 401:
      return " The github-token input is not a valid token.";
    case 404:
      return " The repository was not found, or the token cannot see it.";
    case 410:
      return " Issues are turned off in this repository's settings.";
    default:
      return "";
  }
}

/** "GitHub answered 403: … ." plus what to change; a stop (deadline, size) says so instead. */
export function describeGitHubError(error: unknown): string {
  const failure = (error ?? {}) as GitHubFailure;
  if (error instanceof GitHubStopped) return error.message;
  if (failure.cause instanceof GitHubTimeout) return failure.cause.message;
  const detail = errorMessage(error).split("\n")[0];
  return `GitHub answered ${failure.status ?? "with an error"}: ${detail}.${hint(failure)}`;
}

export function explain(error: unknown): TrackingIssueError {
  if (error instanceof TrackingIssueError) return error;
  return new TrackingIssueError(
    `Could not update the tracking issue: ${describeGitHubError(error)}`,
  );
}

/** GitHub's documented refusal of GET /user to installation tokens (GITHUB_TOKEN, apps). */
export function isInstallationRefusal(error: unknown): boolean {
  const failure = error as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, unknown> };
  };
  return (
    failure.status === 403 &&
    typeof failure.message === "string" &&
    failure.message.startsWith("Resource not accessible by integration") &&
    failure.response?.headers?.["x-ratelimit-remaining"] !== "0"
  );
}
