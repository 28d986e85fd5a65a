/**
 * run(): settings → sign in → evaluate every subscription → report → decide.
 * The only place that calls core.setFailed.
 */
import * as core from "@actions/core";
import { tmpdir } from "node:os";
import { createArmClients } from "./azure/arm-clients.js";
import {
  assertOidcAvailable,
  createCredential,
  signIn,
} from "./azure/credential.js";
import { defaultResilienceOptions } from "./azure/resilience.js";
import type { SubscriptionResult } from "./check/model.js";
import {
  stepFailureReasons,
  summarizeRun,
  type RunResult,
} from "./check/run-result.js";
import { oneLine } from "./check/verdict.js";
import { evaluateScope } from "./evaluate.js";
import {
  createIssueApi,
  syncTrackingIssue,
  type TrackingOutcome,
} from "./github/tracking-issue.js";
import { planAnnotations } from "./report/annotations.js";
import { writeOutputs } from "./report/outputs.js";
import { buildReport, writeReport } from "./report/report-file.js";
import { renderSummary, writeSummary } from "./report/summary.js";
import { readSettings, type Settings } from "./settings.js";

function describeScope(settings: Settings): string {
  const which =
    settings.subscriptions.length > 0
      ? `${settings.subscriptions.length} named subscription(s)`
      : "every subscription the identity can list";
  const excluded = settings.excludeSubscriptions.size;
  return `Checking ${which}${excluded ? `, excluding ${excluded}` : ""} in ${settings.environment} (Resource Manager ${settings.resourceManagerEndpoint}, tenant ${settings.tenantId}), ${settings.concurrency} at a time.`;
}

function logVerdict(result: SubscriptionResult): void {
  const name = oneLine(result.displayName) || "(no name)";
  core.info(
    `${result.status.toUpperCase().padEnd(7)} ${result.subscriptionId}  ${name}: ${result.reason}`,
  );
}

interface Tracking {
  outcome?: TrackingOutcome;
  /** Why the requested tracking-issue write failed; it fails the step. */
  error?: string;
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL || "https://github.com"}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
}

async function trackIssue(
  run: RunResult,
  settings: Settings,
  generatedAt: string,
): Promise<Tracking> {
  try {
    const api = createIssueApi(
      settings.githubToken,
      process.env.GITHUB_REPOSITORY ?? "",
    );
    const outcome = await syncTrackingIssue(api, run, settings, {
      ...settings,
      generatedAt,
      runUrl: runUrl(process.env),
    });
    core.info(
      outcome.issue
        ? `Tracking issue #${outcome.issue.number}: ${outcome.action} (${outcome.issue.url}).`
        : "No tracking issue is open and none is needed.",
    );
    return { outcome };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.error(message, { title: "Tracking issue not updated" });
    return { error: message };
  }
}

/** Writes every report; returns the reasons the step fails (empty when it passes). */
async function publish(
  run: RunResult,
  settings: Settings,
  tracking: Tracking,
  generatedAt: string,
): Promise<string[]> {
  const failureReasons = [...stepFailureReasons(run, settings)];
  if (tracking.error) failureReasons.push(tracking.error);

  const reportFile = await writeReport(
    process.env.RUNNER_TEMP || tmpdir(),
    buildReport(run, { ...settings, generatedAt }),
  );
  writeOutputs(run, reportFile, core.setOutput);
  core.setOutput(
    "issue-number",
    tracking.outcome?.issue ? String(tracking.outcome.issue.number) : "",
  );
  core.setOutput("issue-url", tracking.outcome?.issue?.url ?? "");
  await writeSummary(
    renderSummary(run, {
      ...settings,
      reportFile,
      generatedAt,
      failureReasons,
      trackingIssue: tracking.outcome?.issue && {
        ...tracking.outcome.issue,
        action: tracking.outcome.action,
      },
    }),
    process.env.GITHUB_STEP_SUMMARY,
  );
  for (const annotation of planAnnotations(
    run,
    settings,
    settings.maskEmails,
  )) {
    core[annotation.level](annotation.message, { title: annotation.title });
  }
  return failureReasons;
}

/** Does the work; returns why the step fails, or an empty list. */
async function check(): Promise<string[]> {
  const settings = readSettings((name) => core.getInput(name));
  assertOidcAvailable(process.env);
  core.info(describeScope(settings));

  const credential = createCredential(settings, (audience) =>
    core.getIDToken(audience),
  );
  await core.group("Sign in to Entra ID", async () => {
    await signIn(credential, `${settings.resourceManagerEndpoint}/.default`);
    core.info(
      `Signed in as client ${settings.clientId} with the workflow's OIDC token (audience ${settings.audience}).`,
    );
  });

  const arm = createArmClients(
    credential,
    settings.resourceManagerEndpoint,
    defaultResilienceOptions(),
    (message) => core.debug(message),
  );
  const started = Date.now();
  const evaluation = await core.group("Evaluate subscriptions", () =>
    evaluateScope(settings, arm, {
      info: core.info,
      progress: (done, listed, listingDone) =>
        core.info(
          `Progress: ${done} of ${listed}${listingDone ? "" : "+ (listing continues)"} subscriptions evaluated.`,
        ),
    }),
  );
  const run = summarizeRun(evaluation.results, evaluation.runErrors);

  await core.group("Verdicts", async () => {
    for (const result of run.results) logVerdict(result);
    for (const error of run.runErrors) core.info(`ERROR   ${error}`);
    core.info(
      `${run.counts.total} subscriptions in ${((Date.now() - started) / 1000).toFixed(1)} s, ${arm.retries.retries} retries.`,
    );
  });
  const generatedAt = new Date().toISOString();
  const tracking: Tracking = settings.createIssue
    ? await core.group("Tracking issue", () =>
        trackIssue(run, settings, generatedAt),
      )
    : {};
  return publish(run, settings, tracking, generatedAt);
}

export async function run(): Promise<void> {
  try {
    const reasons = await check();
    if (reasons.length > 0)
      core.setFailed(`Security contact check failed: ${reasons.join("; ")}.`);
  } catch (error) {
    core.setOutput("status", "error");
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
