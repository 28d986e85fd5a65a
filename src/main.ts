/**
 * run(): settings → sign in → evaluate every subscription (and/or scan the
 * repository's files) → report → decide. The only place that calls
 * core.setFailed.
 *
 * Each step is imported when the run reaches it, so the bundler splits them
 * into chunks and a run loads only what it needs: bad input loads neither
 * the Azure SDK nor Octokit, `scan: files` no Azure SDK, a live run no file
 * parsers (the HCL WebAssembly is loaded only for a `.tf` file).
 */
import * as core from "@actions/core";
import { stepFailureReasons, summarizeRun } from "./check/run-result.js";
import type { Tracking } from "./github/tracking.js";
import { fitChars, GITHUB_LIMITS } from "./limits.js";
import { logLine, maskAddressesInLog } from "./log.js";
import { readSettings } from "./settings.js";
import { errorMessage } from "./text.js";

/** Does the work; returns why the step fails, or an empty list. */
async function check(): Promise<string[]> {
  const input = readSettings((name) => core.getInput(name));
  maskAddressesInLog(input.maskEmails);
  // scan: files signs in nowhere and sends no request at all.
  const azure =
    input.scan === "files"
      ? { settings: input, run: summarizeRun([], [], input.checks) }
      : await (await import("./live-check.js")).checkAzure(input);
  const settings = azure.settings;
  const run =
    input.scan === "azure"
      ? azure.run
      : await (
          await import("./file-check.js")
        ).checkFiles(settings, azure.run, input.scan);

  const generatedAt = new Date().toISOString();
  const tracking: Tracking = settings.createIssue
    ? await core.group("Tracking issue", async () =>
        (await import("./github/tracking.js")).trackIssue(
          run,
          settings,
          generatedAt,
        ),
      )
    : {};
  const failureReasons = stepFailureReasons(run, settings);
  if (tracking.error) failureReasons.push(logLine(tracking.error));
  const { publishReports } = await import("./report/publish.js");
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
