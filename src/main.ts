/**
 * run(): settings → sign in → evaluate every subscription (and/or scan the
 * repository's files) → report → decide. The only place that calls
 * core.setFailed.
 */
import * as core from "@actions/core";
import { stepFailureReasons, summarizeRun } from "./check/run-result.js";
import { checkFiles } from "./file-check.js";
import { trackIssue, type Tracking } from "./github/tracking.js";
import type { RunnerContext } from "./inputs/runner-context.js";
import { fitChars, GITHUB_LIMITS } from "./limits.js";
import { checkAzure } from "./live-check.js";
import { logLine, maskAddressesInLog } from "./log.js";
import { publishReports } from "./report/publish.js";
import { readSettings } from "./settings.js";
import { errorMessage } from "./text.js";

/** Does the work; returns why the step fails, or an empty list. */
async function check(runner: RunnerContext): Promise<string[]> {
  const input = readSettings((name) => core.getInput(name));
  maskAddressesInLog(input.maskEmails);
  // scan: files signs in nowhere and sends no request at all.
  const azure =
    input.scan === "files"
      ? { settings: input, run: summarizeRun([], [], input.checks) }
      : await checkAzure(input, runner);
  const settings = azure.settings;
  const run =
    input.scan === "azure"
      ? azure.run
      : await checkFiles(settings, azure.run, input.scan, runner);

  const generatedAt = new Date().toISOString();
  const tracking: Tracking = settings.createIssue
    ? await core.group("Tracking issue", () =>
        trackIssue(run, settings, generatedAt, runner),
      )
    : {};
  const failureReasons = stepFailureReasons(run, settings);
  if (tracking.error) failureReasons.push(logLine(tracking.error));
  await publishReports(
    run,
    settings,
    { generatedAt, failureReasons, tracking },
    runner,
  );
  return failureReasons;
}

/** setFailed's text becomes an error annotation: one safe line within its limit. */
function failureMessage(text: string): string {
  return fitChars(logLine(text), GITHUB_LIMITS.annotationMessageChars);
}

export async function run(runner: RunnerContext): Promise<void> {
  try {
    const reasons = await check(runner);
    if (reasons.length > 0)
      core.setFailed(
        failureMessage(`Security contact check failed: ${reasons.join("; ")}.`),
      );
  } catch (error) {
    core.setOutput("status", "error");
    core.setFailed(failureMessage(errorMessage(error)));
  }
}
