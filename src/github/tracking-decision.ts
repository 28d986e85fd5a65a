/**
 * What to do with the tracking issue after a run. Pure.
 *
 * A run with failures or errors opens an issue (or rewrites the open one in
 * place); a clean run closes the open one. Once closed, an issue stays
 * closed: failing again later opens a new one, so each incident has its own
 * history.
 */
import type { RunStatus } from "../check/run-result.js";

export interface IssueSummary {
  number: number;
  body: string | null;
  /** Present on pull requests, which the issues API also lists. */
  isPullRequest: boolean;
  labels: string[];
  htmlUrl: string;
  /** `user.login` of whoever created the issue. */
  author: string;
  /** `user.type` is "Bot": an app's installation, such as github-actions[bot]. */
  authorIsBot: boolean;
}

export type TrackingPlan =
  | { action: "create" }
  | { action: "update"; issue: IssueSummary }
  | { action: "close"; issue: IssueSummary }
  | { action: "none" };

export type TrackingAction = TrackingPlan["action"];

export function decideTrackingAction(
  status: RunStatus,
  existing: IssueSummary | undefined,
): TrackingPlan {
  if (status === "pass") {
    return existing ? { action: "close", issue: existing } : { action: "none" };
  }
  return existing
    ? { action: "update", issue: existing }
    : { action: "create" };
}

/**
 * Is `issue` this check's own tracking issue for the tenant? Only when the
 * marker opens its body and the identity behind `github-token` created it.
 * When GitHub will not say who that is (GET /user refuses installation
 * tokens such as GITHUB_TOKEN), only an app's bot account qualifies, never a
 * person: a person cannot create an issue as a bot. Issues that merely
 * contain the marker are never touched. Pull requests never qualify.
 */
export function isTrackingIssue(
  issue: IssueSummary,
  marker: string,
  identity: string | undefined,
): boolean {
  if (issue.isPullRequest || !(issue.body ?? "").startsWith(marker)) {
    return false;
  }
  return identity === undefined
    ? issue.authorIsBot
    : issue.author.toLowerCase() === identity.toLowerCase();
}

/**
 * When several qualify, the oldest (lowest number) is the tracking issue.
 * When GitHub will not name the token's identity and no marker-first issue
 * is a bot's (a GitHub Enterprise Server or proxy that reports no account
 * type), the oldest marker-first issue stands: a newer copy by someone else
 * still never wins, and the action does not open a new issue on every run.
 */
export function oldestTrackingIssue(
  issues: Iterable<IssueSummary>,
  marker: string,
  identity: string | undefined,
): IssueSummary | undefined {
  const candidates = [...issues].filter(
    (issue) => !issue.isPullRequest && (issue.body ?? "").startsWith(marker),
  );
  const owned = candidates.filter((issue) =>
    isTrackingIssue(issue, marker, identity),
  );
  const pool =
    owned.length === 0 && identity === undefined ? candidates : owned;
  let oldest: IssueSummary | undefined;
  for (const issue of pool) {
    if (!oldest || issue.number < oldest.number) oldest = issue;
  }
  return oldest;
}

/** Labels from `issue-labels` that the issue lacks; labels people added are left alone. */
export function missingLabels(
  issue: IssueSummary,
  wanted: readonly string[],
): string[] {
  const have = new Set(issue.labels.map((label) => label.toLowerCase()));
  return wanted.filter((label) => !have.has(label.toLowerCase()));
}
