/**
 * The run as a whole: counts, overall status and whether the step fails.
 * Pure: the reports and `main` only read what is decided here.
 */
import type { FileRun } from "./file-run.js";
import { inflect, plural } from "../text.js";
import { DEFAULT_CHECKS, soleControl } from "./controls/index.js";
import type { SubscriptionResult } from "./model.js";

export interface RunCounts {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
}

/** What a run checks: subscriptions (`azure`), the repository's files, or both. */
export const SCAN_MODES = ["azure", "files", "both"] as const;
export type ScanMode = (typeof SCAN_MODES)[number];

/** `fail` outranks `error`: a missing contact is a finding even when others errored. */
export type RunStatus = "pass" | "fail" | "error";

export interface RunResult {
  status: RunStatus;
  counts: RunCounts;
  /** In scope order, keyed by subscription ID (display names repeat). */
  results: SubscriptionResult[];
  failedSubscriptionIds: string[];
  /** Errors that belong to no single subscription, such as a broken listing. */
  runErrors: string[];
  /** The selected control IDs, in registry order. */
  checks: string[];
  /** Control ID → subscriptions failing it; every selected control, 0 included. */
  controlFailures: Record<string, number>;
  /** Control ID → subscriptions it could not decide (unknown: neither pass nor fail); every selected control. */
  controlUnknowns: Record<string, number>;
  /** What was checked: `azure` (subscriptions), `files` or `both`. */
  scan: ScanMode;
  /** The file scan's findings (scan `files` or `both`). */
  files?: FileRun;
  /** How many subscriptions were read at once; absent when no subscription was read. */
  concurrency?: ConcurrencyStats;
}

/** `run.concurrency` in the report: the `concurrency` input's mode and what it did. */
export interface ConcurrencyStats {
  mode: "auto" | "fixed";
  start: number;
  /** The highest limit reached. */
  max: number;
  /** The limit averaged over the run's time, one decimal. */
  mean: number;
  /** Answers that were 429 (throttled), retried or not. */
  throttled: number;
}

function noneEvaluated(counts: RunCounts): boolean {
  return counts.total - counts.skipped === 0;
}

export function summarizeRun(
  results: SubscriptionResult[],
  runErrors: string[] = [],
  checks: readonly string[] = DEFAULT_CHECKS,
): RunResult {
  const controlFailures: Record<string, number> = {};
  const controlUnknowns: Record<string, number> = {};
  for (const id of checks) {
    controlFailures[id] = 0;
    controlUnknowns[id] = 0;
  }
  const counts: RunCounts = {
    total: results.length,
    passed: 0,
    failed: 0,
    errored: 0,
    skipped: 0,
  };
  for (const { status, findings } of results) {
    for (const finding of findings ?? []) {
      const tally =
        finding.status === "fail"
          ? controlFailures
          : finding.status === "unknown"
            ? controlUnknowns
            : undefined;
      if (tally && finding.control in tally) {
        tally[finding.control] = (tally[finding.control] ?? 0) + 1;
      }
    }
    if (status === "pass") counts.passed++;
    else if (status === "fail") counts.failed++;
    else if (status === "error") counts.errored++;
    else counts.skipped++;
  }
  let status: RunStatus = "pass";
  if (counts.failed > 0) status = "fail";
  else if (
    counts.errored > 0 ||
    noneEvaluated(counts) ||
    runErrors.length > 0
  ) {
    status = "error";
  }
  return {
    status,
    counts,
    results,
    failedSubscriptionIds: results
      .filter((r) => r.status === "fail")
      .map((r) => r.subscriptionId),
    runErrors,
    checks: [...checks],
    controlFailures,
    controlUnknowns,
    scan: "azure",
  };
}

/** True when the run listed subscriptions (scan `azure` or `both`). */
export function checksAzure(run: RunResult): boolean {
  return run.scan !== "files";
}

/**
 * Adds the file scan to a run: a failing finding fails the run, an errored
 * one makes it an error, as a subscription does. With `scan: files` no
 * recognised setting is "nothing in scope": an error, never a pass. An
 * unresolved finding (decided at deployment) leaves the status alone; only
 * `fail-on-unresolved` turns it into a reason to fail the step.
 */
export function addFileScan(
  run: RunResult,
  files: FileRun,
  scan: Exclude<ScanMode, "azure">,
): RunResult {
  const { failed, errored, total } = files.counts;
  const fileStatus: RunStatus =
    failed > 0
      ? "fail"
      : errored > 0 || (scan === "files" && total === 0)
        ? "error"
        : "pass";
  const statuses = scan === "files" ? [fileStatus] : [run.status, fileStatus];
  const status: RunStatus = statuses.includes("fail")
    ? "fail"
    : statuses.includes("error")
      ? "error"
      : "pass";
  return { ...run, scan, files, status };
}

/** The selected controls that at least one subscription fails, in registry order. */
export function failingControls(run: RunResult): string[] {
  return run.checks.filter((id) => (run.controlFailures[id] ?? 0) > 0);
}

export interface FailurePolicy {
  failOnMissing: boolean;
  failOnError: boolean;
  /** `fail-on-unresolved`: file settings decided only at deployment fail the step. */
  failOnUnresolved?: boolean;
}

/** True when nothing was evaluated: no subscription in scope, or all of them skipped. */
export function nothingEvaluated(run: RunResult): boolean {
  return noneEvaluated(run.counts);
}

/** One reason the step fails. */
export interface StepFailure {
  /** In the words the log shows. */
  reason: string;
  /** The reason restates this count of the counts line (a summary words it without). */
  restates?: "failed" | "errored";
}

/**
 * Why the step fails; empty when it passes. Missing contacts and
 * evaluation errors are judged by separate switches.
 */
export function stepFailures(
  run: RunResult,
  policy: FailurePolicy,
): StepFailure[] {
  const reasons = checksAzure(run) ? subscriptionReasons(run, policy) : [];
  if (run.files) {
    reasons.push(
      ...fileReasons(run.files, run.scan, policy).map((reason) => ({
        reason,
      })),
    );
  }
  return reasons;
}

/** The reasons the step fails, in the words the log shows; empty when it passes. */
export function stepFailureReasons(
  run: RunResult,
  policy: FailurePolicy,
): string[] {
  return stepFailures(run, policy).map((failure) => failure.reason);
}

function fileReasons(
  files: FileRun,
  scan: ScanMode,
  policy: FailurePolicy,
): string[] {
  const reasons: string[] = [];
  const { failed, errored, unresolved, total } = files.counts;
  if (failed > 0 && policy.failOnMissing) {
    reasons.push(
      `${plural(failed, "security contact setting")} in the repository's files ${inflect(failed, "fails", "fail")} the ${files.findings.find((f) => f.status === "fail")?.control ?? ""} check`,
    );
  }
  if (policy.failOnError) {
    if (errored > 0) {
      reasons.push(
        `${plural(errored, "security contact setting")} in the repository's files could not be evaluated`,
      );
    }
    if (scan === "files" && total === 0) {
      reasons.push(
        `nothing in scope: no security contact setting was recognised in the ${plural(files.filesMatched, "file")} the files input matched`,
      );
    }
  }
  if (unresolved > 0 && policy.failOnUnresolved) {
    reasons.push(
      `${plural(unresolved, "security contact setting")} in the repository's files ${inflect(unresolved, "is", "are")} decided only at deployment (fail-on-unresolved is true)`,
    );
  }
  return reasons;
}

function subscriptionReasons(
  run: RunResult,
  policy: FailurePolicy,
): StepFailure[] {
  const reasons: StepFailure[] = [];
  const { failed, errored } = run.counts;
  if (failed > 0 && policy.failOnMissing) {
    const alone = soleControl(run.checks)?.alone;
    reasons.push({
      reason: `${plural(failed, "subscription")} ${alone ? alone.stepFailure(failed) : `${inflect(failed, "fails", "fail")} security contact controls (${failingControls(run).join(", ")})`}`,
      restates: "failed",
    });
  }
  if (policy.failOnError) {
    if (errored > 0) {
      reasons.push({
        reason: `${plural(errored, "subscription")} could not be evaluated`,
        restates: "errored",
      });
    }
    if (run.counts.total === 0) {
      reasons.push({
        reason:
          "no subscription is in scope: check the identity's role assignments and the subscriptions input",
      });
    } else if (nothingEvaluated(run)) {
      reasons.push({
        reason:
          "every subscription in scope was skipped, so nothing was evaluated",
      });
    }
    reasons.push(...run.runErrors.map((reason) => ({ reason })));
  }
  return reasons;
}
