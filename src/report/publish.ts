/**
 * The one writer of a run's results: the JSON report file, the SARIF file,
 * every step output, the job summary and the annotations, on the success
 * path and on the error path alike. What they say is decided elsewhere.
 * Everything is written before the tracking issue is touched (a stalled
 * GitHub API must not leave a job without them); `publishTracking` then adds
 * the issue outputs and rewrites the summary with the issue in it.
 */
import * as core from "@actions/core";
import {
  mkdir,
  stat,
  truncate as truncateFile,
  writeFile,
} from "node:fs/promises";
import { resolve } from "node:path";
import { fitBytes, GITHUB_LIMITS } from "../limits.js";
import { log } from "../log.js";
import type { RunResult, StepFailure } from "../check/run-result.js";
import type { Tracking } from "../github/tracking.js";
import type { RunnerContext } from "../inputs/runner-context.js";
import type { Settings } from "../settings.js";
import { planAnnotations } from "./annotations.js";
import { planFileAnnotations } from "./file-annotations.js";
import { FIX_SCRIPT_FILE_NAME, fixScript } from "./fix-script.js";
import { type OutputWriter, writeOutputs } from "./outputs.js";
import { writeReport } from "./report-file.js";
import { buildSarif, writeSarif } from "./sarif.js";
import { renderSummary, writeSummary } from "./summary.js";

export interface Publication {
  generatedAt: string;
  /** Why the step fails; empty when it passes. */
  failures: readonly StepFailure[];
}

/** What a later `publishTracking` needs to rewrite the summary. */
export interface Published {
  reportFile: string;
  /** Size of the summary file before this run's summary was appended. */
  summaryStart: number | undefined;
}

/** GitHub drops a step summary over 1 MiB whole; a cut one still says the verdict. */
function fitSummary(markdown: string): string {
  return fitBytes(markdown, GITHUB_LIMITS.stepSummaryBytes);
}

async function sizeOf(path: string | undefined): Promise<number | undefined> {
  if (!path) return undefined;
  return stat(path).then(
    (s) => s.size,
    () => 0,
  );
}

function summaryOf(
  run: RunResult,
  settings: Settings,
  reportFile: string,
  { generatedAt, failures }: Publication,
  tracking: Tracking = {},
): string {
  const issue = tracking.outcome?.issue;
  return fitSummary(
    renderSummary(run, {
      ...settings,
      reportFile,
      generatedAt,
      failures,
      trackingIssue: issue && {
        ...issue,
        action: tracking.outcome?.action ?? "",
      },
      changes: tracking.outcome?.changes,
    }),
  );
}

/** Writes the fix script into `directory`; "" when no subscription fails. */
async function writeFixScript(
  run: RunResult,
  settings: Settings,
  directory: string,
): Promise<string> {
  const script = fixScript(run, settings);
  if (!script) return "";
  await mkdir(directory, { recursive: true });
  const path = resolve(directory, FIX_SCRIPT_FILE_NAME);
  await writeFile(path, script, { encoding: "utf8", mode: 0o755 });
  return path;
}

/** Writes every result of the run; the issue outputs start empty. */
export async function publishRun(
  run: RunResult,
  settings: Settings,
  publication: Publication,
  { runnerTemp: directory, stepSummaryPath: summaryPath }: RunnerContext,
): Promise<Published> {
  const reportFile = await writeReport(directory, run, {
    ...settings,
    generatedAt: publication.generatedAt,
  });
  const sarifFile = run.files
    ? await writeSarif(
        buildSarif(run.files.findings, settings.maskEmails),
        directory,
      )
    : "";
  const fixScriptFile = await writeFixScript(run, settings, directory);
  const setOutput: OutputWriter = core.setOutput;
  writeOutputs(run, { reportFile, sarifFile, fixScriptFile }, setOutput);
  setOutput("issue-number", "");
  setOutput("issue-url", "");
  const summaryStart = await sizeOf(summaryPath);
  await writeSummary(
    summaryOf(run, settings, reportFile, publication),
    summaryPath,
  );
  // scan: files lists no subscription: only the file scan's annotations.
  const subscriptions =
    run.scan === "files"
      ? []
      : planAnnotations(run, settings, settings.maskEmails);
  for (const annotation of subscriptions) {
    log.annotate(annotation.level, annotation.message, {
      title: annotation.title,
    });
  }
  for (const { level, message, ...properties } of planFileAnnotations(
    run,
    settings,
  )) {
    log.annotate(level, message, properties);
  }
  return { reportFile, summaryStart };
}

/** After the tracking step: the issue outputs, and the summary again with the issue (and any tracking error) in it. */
export async function publishTracking(
  run: RunResult,
  settings: Settings,
  publication: Publication,
  published: Published,
  tracking: Tracking,
  { stepSummaryPath: summaryPath }: RunnerContext,
): Promise<void> {
  const issue = tracking.outcome?.issue;
  core.setOutput("issue-number", issue ? String(issue.number) : "");
  core.setOutput("issue-url", issue?.url ?? "");
  if (!summaryPath || published.summaryStart === undefined) return;
  if (!issue && !tracking.error) return;
  await truncateFile(summaryPath, published.summaryStart);
  await writeSummary(
    summaryOf(run, settings, published.reportFile, publication, tracking),
    summaryPath,
  );
}
