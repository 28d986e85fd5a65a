/**
 * Writes every report of a run: the JSON report file, the step outputs, the
 * job summary and the annotations. What they say is decided elsewhere.
 */
import * as core from "@actions/core";
import { fitBytes, GITHUB_LIMITS } from "../limits.js";
import { log } from "../log.js";
import type { RunResult } from "../check/run-result.js";
import type { Tracking } from "../github/tracking.js";
import type { RunnerContext } from "../inputs/runner-context.js";
import type { Settings } from "../settings.js";
import { planAnnotations } from "./annotations.js";
import { planFileAnnotations } from "./file-annotations.js";
import { type OutputWriter, writeOutputs } from "./outputs.js";
import { buildReport, writeReport } from "./report-file.js";
import { renderSummary, writeSummary } from "./summary.js";

export interface Publication {
  generatedAt: string;
  /** Why the step fails; empty when it passes. */
  failureReasons: readonly string[];
  tracking: Tracking;
}

/** GitHub drops a step summary over 1 MiB whole; a cut one still says the verdict. */
function fitSummary(markdown: string): string {
  return fitBytes(markdown, GITHUB_LIMITS.stepSummaryBytes);
}

export async function publishReports(
  run: RunResult,
  settings: Settings,
  { generatedAt, failureReasons, tracking }: Publication,
  { runnerTemp, stepSummaryPath }: RunnerContext,
): Promise<void> {
  const reportFile = await writeReport(
    runnerTemp,
    buildReport(run, { ...settings, generatedAt }),
  );
  const issue = tracking.outcome?.issue;
  const setOutput: OutputWriter = core.setOutput;
  writeOutputs(run, reportFile, setOutput);
  setOutput("issue-number", issue ? String(issue.number) : "");
  setOutput("issue-url", issue?.url ?? "");
  await writeSummary(
    fitSummary(
      renderSummary(run, {
        ...settings,
        reportFile,
        generatedAt,
        failureReasons,
        trackingIssue: issue && {
          ...issue,
          action: tracking.outcome?.action ?? "",
        },
      }),
    ),
    stepSummaryPath,
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
}
