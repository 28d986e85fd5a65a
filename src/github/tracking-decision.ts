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
 * marker opens its body and the identity behind `github-token` created it:
 * a person's login, or for an installation token its bot account
 * (`github-actions[bot]`, an app's `<slug>[bot]`), which no person can
 * create issues as. Issues that merely contain the marker, and look-alikes
 * by anyone else, are never touched. Pull requests never qualify.
 */
export function isTrackingIssue(
  issue: IssueSummary,
  marker: string,
  identity: string,
): boolean {
  return (
    !issue.isPullRequest &&
    (issue.body ?? "").startsWith(marker) &&
    issue.author.toLowerCase() === identity.toLowerCase()
  );
}

/**
 * When several qualify, the oldest (lowest number) is the tracking issue;
 * when none does, a new one is opened.
 */
export function oldestTrackingIssue(
  issues: Iterable<IssueSummary>,
  marker: string,
  identity: string,
): IssueSummary | undefined {
  let oldest: IssueSummary | undefined;
  for (const issue of issues) {
    if (!isTrackingIssue(issue, marker, identity)) continue;
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
