/**
 * In the worker (thread.ts starts it with the parsed settings), run(): sign in → evaluate every subscription (and/or scan the
 * repository's files) → publish → tracking issue → decide. The only place
 * that calls core.setFailed.
 *
 * Each step is imported when the run reaches it, so the bundler splits them
 * into chunks and a run loads only what it needs: bad input loads neither
 * the Azure SDK nor Octokit, `scan: files` no Azure SDK, a live run no file
 * parsers (the HCL WebAssembly is loaded only for a `.tf` file).
 */
import * as core from "@actions/core";
import {
  stepFailures,
  summarizeRun,
  type RunResult,
} from "./check/run-result.js";
import type { Tracking } from "./github/tracking.js";
import type { RunnerContext } from "./inputs/runner-context.js";
import { fitChars, GITHUB_LIMITS } from "./limits.js";
import { logLine, setLogMasker } from "./log.js";
import { writeOutputs } from "./report/outputs.js";
import { maskAddressesIn, presentRun } from "./report/present.js";
import type { Settings } from "./settings.js";
import { errorMessage } from "./text.js";

/** The settings once they parsed: the error path publishes with them. */
let settingsInUse: Settings | undefined;

/** Does the work; returns why the step fails, or an empty list. */
async function check(
  input: Settings,
  runner: RunnerContext,
): Promise<string[]> {
  // scan: files signs in nowhere and sends no request at all.
  const azure =
    input.scan === "files"
      ? { settings: input, run: summarizeRun([], [], input.checks) }
      : await (await import("./live-check.js")).checkAzure(input, runner);
  const settings = azure.settings;
  settingsInUse = settings;
  const run =
    input.scan === "azure"
      ? azure.run
      : await (
          await import("./file-check.js")
        ).checkFiles(settings, azure.run, input.scan, runner);

  const generatedAt = new Date().toISOString();
  const failures = stepFailures(run, settings);
  const { publishRun, publishTracking } = await import("./report/publish.js");
  const published = await publishRun(
    run,
    settings,
    { generatedAt, failures },
    runner,
  );
  const tracking: Tracking = settings.createIssue
    ? await core.group("Tracking issue", async () =>
        (await import("./github/tracking.js")).trackIssue(
          run,
          settings,
          generatedAt,
          runner,
        ),
      )
    : {};
  if (tracking.error) failures.push({ reason: logLine(tracking.error) });
  await publishTracking(
    run,
    settings,
    { generatedAt, failures },
    published,
    tracking,
    runner,
  );
  return failures.map((failure) => failure.reason);
}

/** setFailed's text becomes an error annotation: one safe line within its limit. */
function failureMessage(text: string): string {
  return fitChars(logLine(text), GITHUB_LIMITS.annotationMessageChars);
}

/**
 * The error path: the report (status `error`, with the error) and every
 * output, as far as the settings got; without settings, the outputs alone.
 */
async function publishError(
  message: string,
  runner: RunnerContext,
): Promise<void> {
  const settings = settingsInUse;
  const run: RunResult = presentRun(
    { ...summarizeRun([], [message], settings?.checks), status: "error" },
    { maskEmails: settings?.maskEmails ?? true },
  );
  try {
    if (settings) {
      const { publishRun } = await import("./report/publish.js");
      await publishRun(
        run,
        settings,
        {
          generatedAt: new Date().toISOString(),
          failures: [{ reason: message }],
        },
        runner,
      );
      return;
    }
  } catch {
    // Fall through: the outputs at least.
  }
  writeOutputs(
    run,
    { reportFile: "", sarifFile: "", fixScriptFile: "" },
    core.setOutput,
  );
  core.setOutput("issue-number", "");
  core.setOutput("issue-url", "");
}

/** What the worker starts from (thread.ts): nothing in it is read again. */
export interface WorkerStart {
  runner: RunnerContext;
  settings: Settings;
}

/**
 * The error path, then the failed step: on the main thread for a bad input
 * or a worker that died, in the worker for an error of the run.
 */
export async function fail(
  error: unknown,
  runner: RunnerContext,
  settings?: Settings,
): Promise<void> {
  // Masked unless the settings say otherwise: an input error can name an address.
  setLogMasker(
    settings?.maskEmails === false ? (text) => text : maskAddressesIn,
  );
  settingsInUse = settings;
  const message = errorMessage(error);
  await publishError(message, runner);
  core.setFailed(failureMessage(message));
}

/** In the worker: the run itself, from the inputs the main thread parsed. */
export async function run({ runner, settings }: WorkerStart): Promise<void> {
  setLogMasker(settings.maskEmails ? maskAddressesIn : (text) => text);
  settingsInUse = settings;
  try {
    const reasons = await check(settings, runner);
    if (reasons.length > 0)
      core.setFailed(
        failureMessage(`Security contact check failed: ${reasons.join("; ")}.`),
      );
  } catch (error) {
    await fail(error, runner, settingsInUse);
  }
}
