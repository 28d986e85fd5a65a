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

/** The open issue this check owns for this tenant: never a pull request, never one without the marker. */
export function isTrackingIssue(issue: IssueSummary, marker: string): boolean {
  return !issue.isPullRequest && (issue.body ?? "").includes(marker);
}

/** Labels from `issue-labels` that the issue lacks; labels people added are left alone. */
export function missingLabels(
  issue: IssueSummary,
  wanted: readonly string[],
): string[] {
  const have = new Set(issue.labels.map((label) => label.toLowerCase()));
  return wanted.filter((label) => !have.has(label.toLowerCase()));
}
