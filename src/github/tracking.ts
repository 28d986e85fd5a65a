/**
 * The tracking-issue step of a run: sync the issue, log what happened, and
 * turn GitHub's refusal into a reason the step fails instead of a crash.
 */
import { log } from "../log.js";
import { errorMessage } from "../text.js";
import type { RunResult } from "../check/run-result.js";
import type { RunnerContext } from "../inputs/runner-context.js";
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

export async function trackIssue(
  run: RunResult,
  settings: Settings,
  generatedAt: string,
  { repository, runUrl, timing }: RunnerContext,
): Promise<Tracking> {
  try {
    const budget = new GitHubBudget(defaultGitHubLimits(timing));
    const api = createIssueApi(settings.githubToken, repository, budget.fetch);
    const outcome = await budget.run(() =>
      syncTrackingIssue(api, run, settings, {
        ...settings,
        generatedAt,
        runUrl,
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
