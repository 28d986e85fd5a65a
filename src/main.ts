/**
 * run(): settings → sign in → evaluate every subscription (and/or scan the
 * repository's files) → report → decide. The only place that calls
 * core.setFailed.
 */
import * as core from "@actions/core";
import { tmpdir } from "node:os";
import { createArmClients } from "./azure/arm-clients.js";
import { createSignIn, signIn } from "./azure/credential.js";
import { defaultDeadlines } from "./azure/deadlines.js";
import { defaultResilienceOptions } from "./azure/resilience.js";
import { DEFAULT_LISTING_LIMITS } from "./azure/subscriptions.js";
import type { SubscriptionResult } from "./check/model.js";
import {
  addFileScan,
  type RunResult,
  stepFailureReasons,
  summarizeRun,
} from "./check/run-result.js";
import { runFileScan } from "./files/run-file-scan.js";
import { boundRun, fitChars, GITHUB_LIMITS } from "./limits.js";
import { log, logLine, maskAddressesInLog } from "./log.js";
import { maskRun } from "./masking.js";
import { errorMessage, inflect, oneLine, plural } from "./text.js";
import { evaluateScope } from "./evaluate.js";
import { remediateFailures } from "./remediation/remediate.js";
import { trackIssue, type Tracking } from "./github/tracking.js";
import { publishReports } from "./report/publish.js";
import { readSettings, type Settings } from "./settings.js";

function describeScope(settings: Settings): string {
  const named = settings.subscriptions.length;
  const groups = settings.managementGroups;
  const which =
    groups.length > 0
      ? `the subscriptions below ${inflect(groups.length, "management group")} ${groups.join(", ")}${named ? ` and ${plural(named, "named subscription")}` : ""}`
      : named > 0
        ? plural(named, "named subscription")
        : "every subscription the identity can list";
  const excluded = settings.excludeSubscriptions.size;
  const excludedGroups = settings.excludeManagementGroups;
  return `Checking ${which}${excluded ? `, excluding ${excluded}` : ""}${excludedGroups.length ? `, excluding those below ${excludedGroups.join(", ")}` : ""} for ${settings.checks.join(", ")} in ${settings.environment} (Resource Manager ${settings.resourceManagerEndpoint}, tenant ${settings.tenantId || "of the sign-in"}), ${settings.concurrency} at a time.`;
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

/** The live check: sign in, evaluate every subscription; the run and the settings with the tenant signed in to. */
async function checkAzure(
  input: Settings,
): Promise<{ settings: Settings; run: RunResult }> {
  const method = createSignIn(
    input,
    (audience) => core.getIDToken(audience),
    process.env,
  );
  log.info(describeScope(input));

  const signedIn = await core.group("Sign in", async () => {
    const result = await signIn(method, input);
    log.info(
      `Signed in to tenant ${result.tenantId} as ${method.description}.`,
    );
    return result;
  });
  // Reports and the tracking issue name the tenant actually signed in to.
  const settings = { ...input, tenantId: signedIn.tenantId };

  const deadlines = defaultDeadlines();
  const arm = createArmClients(
    method.credential,
    settings.resourceManagerEndpoint,
    defaultResilienceOptions(),
    (message) => log.debug(message),
    { ...DEFAULT_LISTING_LIMITS, deadlineMs: deadlines.listingMs },
  );
  const started = Date.now();
  const evaluation = await core.group("Evaluate subscriptions", () =>
    evaluateScope(
      { ...settings, subscriptionDeadlineMs: deadlines.subscriptionMs },
      arm,
      {
        progress: (done, listed, listingDone) =>
          log.info(
            `Progress: ${done} of ${listed}${listingDone ? ` ${inflect(listed, "subscription")}` : "+ (listing continues) subscriptions"} evaluated.`,
          ),
      },
    ),
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
  // Every report below shows this bounded, masked view of the run.
  const bounded = boundRun(
    summarizeRun(results, evaluation.runErrors, settings.checks),
  );
  const run = settings.maskEmails ? maskRun(bounded) : bounded;

  await core.group("Verdicts", async () => {
    for (const result of run.results) logVerdict(result);
    for (const error of run.runErrors) log.info(`ERROR   ${error}`);
    log.info(
      `${plural(run.counts.total, "subscription")} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${plural(arm.retries.retries, "retry", "retries")}.`,
    );
  });
  return { settings, run };
}

/** The file scan: reads GITHUB_WORKSPACE only; no sign-in, no request. */
async function checkFiles(
  settings: Settings,
  run: RunResult,
  scan: "files" | "both",
): Promise<RunResult> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  return core.group("Scan files", async () => {
    log.info(
      `Scanning ${workspace} for security contact settings (files: ${[...settings.files.include, ...settings.files.exclude.map((p) => `!${p}`)].join(", ")}).`,
    );
    const files = await runFileScan(settings, {
      workspace,
      tempDir: process.env.RUNNER_TEMP || tmpdir(),
    });
    for (const f of files.findings) {
      log.info(
        `${f.status.toUpperCase().padEnd(7)} ${f.path}:${f.line} ${f.setting}: ${f.reason}`,
      );
    }
    log.info(
      `${plural(files.counts.total, "setting")} found in ${plural(files.filesMatched, "file")}: ${files.counts.passed} passed, ${files.counts.failed} failed, ${files.counts.errored} errored.`,
    );
    return addFileScan(run, files, scan);
  });
}

/** Does the work; returns why the step fails, or an empty list. */
async function check(): Promise<string[]> {
  const input = readSettings((name) => core.getInput(name));
  maskAddressesInLog(input.maskEmails);
  // scan: files signs in nowhere and sends no request at all.
  const azure =
    input.scan === "files"
      ? { settings: input, run: summarizeRun([], [], input.checks) }
      : await checkAzure(input);
  const settings = azure.settings;
  const run =
    input.scan === "azure"
      ? azure.run
      : await checkFiles(settings, azure.run, input.scan);

  const generatedAt = new Date().toISOString();
  const tracking: Tracking = settings.createIssue
    ? await core.group("Tracking issue", () =>
        trackIssue(run, settings, generatedAt),
      )
    : {};
  const failureReasons = stepFailureReasons(run, settings);
  if (tracking.error) failureReasons.push(logLine(tracking.error));
  await publishReports(run, settings, {
    generatedAt,
    failureReasons,
    tracking,
  });
  return failureReasons;
}

/** setFailed's text becomes an error annotation: one safe line within its limit. */
function failureMessage(text: string): string {
  return fitChars(logLine(text), GITHUB_LIMITS.annotationMessageChars);
}

export async function run(): Promise<void> {
  try {
    const reasons = await check();
    if (reasons.length > 0)
      core.setFailed(
        failureMessage(`Security contact check failed: ${reasons.join("; ")}.`),
      );
  } catch (error) {
    core.setOutput("status", "error");
    core.setFailed(failureMessage(errorMessage(error)));
  }
}
