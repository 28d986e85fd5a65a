/**
 * The tracking-issue step of a run: sync the issue, log what happened, and
 * turn GitHub's refusal into a reason the step fails instead of a crash.
 */
import { log } from "../log.js";
import { errorMessage } from "../text.js";
import type { RunResult } from "../check/run-result.js";
import type { Settings } from "../settings.js";
import { defaultGitHubLimits, GitHubBudget } from "./github-budget.js";
import { explain } from "./github-errors.js";
import {
  createIssueApi,
  syncTrackingIssue,
  type TrackingOutcome,
} from "./tracking-issue.js";

export interface Tracking {
  outcome?: TrackingOutcome;
  /** Why the requested tracking-issue write failed; it fails the step. */
  error?: string;
}

/** GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID, or undefined outside Actions. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL || "https://github.com"}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
}

export async function trackIssue(
  run: RunResult,
  settings: Settings,
  generatedAt: string,
): Promise<Tracking> {
  try {
    const budget = new GitHubBudget(defaultGitHubLimits(process.env));
    const api = createIssueApi(
      settings.githubToken,
      process.env.GITHUB_REPOSITORY ?? "",
      budget.fetch,
    );
    const outcome = await budget.run(() =>
      syncTrackingIssue(api, run, settings, {
        ...settings,
        generatedAt,
        runUrl: runUrl(process.env),
      }),
    );
    log.info(
      outcome.issue
        ? `Tracking issue #${outcome.issue.number}: ${outcome.action} (${outcome.issue.url}).`
        : "No tracking issue is open and none is needed.",
    );
    return { outcome };
  } catch (error) {
    const message = errorMessage(explain(error));
    log.annotate("error", message, { title: "Tracking issue not updated" });
    return { error: message };
  }
}
