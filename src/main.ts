/**
 * run(): settings → sign in → evaluate every subscription → report → decide.
 * The only place that calls core.setFailed.
 */
import * as core from "@actions/core";
import { createArmClients } from "./azure/arm-clients.js";
import {
  assertOidcAvailable,
  createCredential,
  signIn,
} from "./azure/credential.js";
import { defaultResilienceOptions } from "./azure/resilience.js";
import type { SubscriptionResult } from "./check/model.js";
import { stepFailureReasons, summarizeRun } from "./check/run-result.js";
import { log, safeLine } from "./log.js";
import { errorMessage, oneLine } from "./text.js";
import { evaluateScope } from "./evaluate.js";
import { remediateFailures } from "./remediation/remediate.js";
import { trackIssue, type Tracking } from "./github/tracking.js";
import { publishReports } from "./report/publish.js";
import { readSettings, type Settings } from "./settings.js";

function describeScope(settings: Settings): string {
  const which =
    settings.subscriptions.length > 0
      ? `${settings.subscriptions.length} named subscription(s)`
      : "every subscription the identity can list";
  const excluded = settings.excludeSubscriptions.size;
  return `Checking ${which}${excluded ? `, excluding ${excluded}` : ""} for ${settings.checks.join(", ")} in ${settings.environment} (Resource Manager ${settings.resourceManagerEndpoint}, tenant ${settings.tenantId}), ${settings.concurrency} at a time.`;
}

function logVerdict(result: SubscriptionResult): void {
  const name = oneLine(result.displayName) || "(no name)";
  log.info(
    `${result.status.toUpperCase().padEnd(7)} ${result.subscriptionId}  ${name}: ${result.reason}`,
  );
}

/** Field names only: the values can hold addresses. */
function logRemediation(result: SubscriptionResult): void {
  const { remediation } = result;
  if (!remediation) return;
  const fields = remediation.changes.map((change) => change.field).join(", ");
  log.info(
    `${remediation.action.toUpperCase().padEnd(9)} ${result.subscriptionId}: ${fields || "no change"}${remediation.reason ? ` (${remediation.reason})` : ""}`,
  );
}

/** Does the work; returns why the step fails, or an empty list. */
async function check(): Promise<string[]> {
  const settings = readSettings((name) => core.getInput(name));
  assertOidcAvailable(process.env);
  log.info(describeScope(settings));

  const credential = createCredential(settings, (audience) =>
    core.getIDToken(audience),
  );
  await core.group("Sign in to Entra ID", async () => {
    await signIn(credential, `${settings.resourceManagerEndpoint}/.default`);
    log.info(
      `Signed in as client ${settings.clientId} with the workflow's OIDC token (audience ${settings.audience}).`,
    );
  });

  const arm = createArmClients(
    credential,
    settings.resourceManagerEndpoint,
    defaultResilienceOptions(),
    (message) => log.debug(message),
  );
  const started = Date.now();
  const evaluation = await core.group("Evaluate subscriptions", () =>
    evaluateScope(settings, arm, {
      progress: (done, listed, listingDone) =>
        log.info(
          `Progress: ${done} of ${listed}${listingDone ? "" : "+ (listing continues)"} subscriptions evaluated.`,
        ),
    }),
  );
  const results =
    settings.remediate === "off"
      ? evaluation.results
      : await core.group(`Remediate (${settings.remediate})`, async () => {
          const rows = await remediateFailures(
            evaluation.results,
            settings,
            arm.contactWriter,
          );
          for (const row of rows) logRemediation(row);
          return rows;
        });
  const run = summarizeRun(results, evaluation.runErrors, settings.checks);

  await core.group("Verdicts", async () => {
    for (const result of run.results) logVerdict(result);
    for (const error of run.runErrors) log.info(`ERROR   ${error}`);
    log.info(
      `${run.counts.total} subscriptions in ${((Date.now() - started) / 1000).toFixed(1)} s, ${arm.retries.retries} retries.`,
    );
  });
  const generatedAt = new Date().toISOString();
  const tracking: Tracking = settings.createIssue
    ? await core.group("Tracking issue", () =>
        trackIssue(run, settings, generatedAt),
      )
    : {};
  const failureReasons = stepFailureReasons(run, settings);
  if (tracking.error) failureReasons.push(tracking.error);
  await publishReports(run, settings, {
    generatedAt,
    failureReasons,
    tracking,
  });
  return failureReasons;
}

export async function run(): Promise<void> {
  try {
    const reasons = await check();
    if (reasons.length > 0)
      core.setFailed(
        safeLine(`Security contact check failed: ${reasons.join("; ")}.`),
      );
  } catch (error) {
    core.setOutput("status", "error");
    core.setFailed(safeLine(errorMessage(error)));
  }
}
