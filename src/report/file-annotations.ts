/**
 * Annotations for the file scan's findings, with `file` and `line` so they
 * appear on the pull request's diff. They share the per-finding cap with the
 * subscriptions' (GitHub shows about ten per level): past it one annotation
 * counts the rest. Pure.
 */
import type { FailurePolicy, RunResult } from "../check/run-result.js";
import { byUrgency } from "../check/file-run.js";
import { plural } from "../text.js";
import { MAX_FINDING_ANNOTATIONS, type Annotation } from "./annotations.js";
import { needingAttention } from "./sections.js";

export interface FileAnnotation extends Annotation {
  /** Repository-relative path and line, for the diff view (@actions/core's names). */
  file?: string;
  startLine?: number;
}

const TITLES = {
  fail: "Security contact address fails",
  error: "Security contact address could not be checked",
  unresolved: "Security contact address decided at deployment",
  pass: "Security contact address passes",
} as const;

export function planFileAnnotations(
  run: RunResult,
  policy: FailurePolicy,
): FileAnnotation[] {
  const files = run.files;
  if (!files) return [];
  const annotations: FileAnnotation[] = [];
  const findings = byUrgency(files.findings).filter((f) => f.status !== "pass");
  const fails = (status: string): boolean =>
    status === "fail"
      ? policy.failOnMissing
      : status === "unresolved"
        ? policy.failOnUnresolved === true
        : policy.failOnError;
  const slots = Math.max(
    0,
    MAX_FINDING_ANNOTATIONS - needingAttention(run.results).length,
  );
  for (const f of findings.slice(0, slots)) {
    annotations.push({
      level: fails(f.status)
        ? "error"
        : f.status === "unresolved"
          ? "notice"
          : "warning",
      title: TITLES[f.status],
      message: `${f.setting}: ${f.reason}`,
      file: f.path,
      startLine: f.line,
    });
  }
  const rest = findings.slice(slots);
  if (rest.length > 0) {
    annotations.push({
      level: rest.some((f) => fails(f.status)) ? "error" : "warning",
      title: `${plural(rest.length, "more file finding")} need attention`,
      message: `${rest.filter((f) => f.status === "fail").length} more fail, ${rest.filter((f) => f.status === "error").length} more could not be evaluated and ${rest.filter((f) => f.status === "unresolved").length} more are decided at deployment; see the job summary, the JSON report and the SARIF file.`,
    });
  }
  const { total, passed, failed, errored, unresolved } = files.counts;
  annotations.push({
    level: "notice",
    title: "Security contact settings in the repository",
    message:
      total === 0
        ? `No security contact setting recognised in ${plural(files.filesMatched, "file")}${run.scan === "files" ? ": nothing in scope" : ""} (status: ${run.status}).`
        : `${plural(total, "setting")} in ${plural(files.filesMatched, "file")}: ${passed} passed, ${failed} failed, ${errored} errored, ${unresolved} unresolved (status: ${run.status}).`,
  });
  return annotations;
}
