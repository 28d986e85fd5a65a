/** The step outputs, named exactly as action.yml declares them. */
import type { OutputName } from "../action-interface.js";
import type { RunResult } from "../check/run-result.js";
import { remediatedSubscriptionIds } from "../remediation/remediate.js";

/** Sets one output; only names from src/action-interface.ts type-check. */
export type OutputWriter = (name: OutputName, value: string) => void;

/** Where the files went; `sarifFile` is empty when no file was scanned, `fixScriptFile` when nothing fails. */
export interface WrittenFiles {
  reportFile: string;
  sarifFile: string;
  fixScriptFile: string;
}

export function writeOutputs(
  run: RunResult,
  { reportFile, sarifFile, fixScriptFile }: WrittenFiles,
  setOutput: OutputWriter,
): void {
  setOutput("status", run.status);
  setOutput("subscriptions-total", String(run.counts.total));
  setOutput("subscriptions-passed", String(run.counts.passed));
  setOutput("subscriptions-failed", String(run.counts.failed));
  setOutput("subscriptions-errored", String(run.counts.errored));
  setOutput("subscriptions-skipped", String(run.counts.skipped));
  setOutput("failed-subscriptions", JSON.stringify(run.failedSubscriptionIds));
  setOutput("control-failures", JSON.stringify(run.controlFailures));
  // Always set, `[]` when remediate is off, so workflows can parse it unconditionally.
  setOutput(
    "remediated-subscriptions",
    JSON.stringify(remediatedSubscriptionIds(run.results)),
  );
  setOutput("report-file", reportFile);
  const files = run.files?.counts;
  setOutput("file-findings-total", String(files?.total ?? 0));
  setOutput("file-findings-failed", String(files?.failed ?? 0));
  setOutput("file-findings-errored", String(files?.errored ?? 0));
  setOutput("file-findings-unresolved", String(files?.unresolved ?? 0));
  setOutput("sarif-file", sarifFile);
  setOutput("fix-script", fixScriptFile);
}
