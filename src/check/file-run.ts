/**
 * The shape of the file scan's result as the run and the reports see it:
 * each finding with its verdict, and the counts. Pure.
 */
import type { RejectedAddress } from "./address-policy.js";

/** Which recogniser found a setting; also the kind of file. */
export type FindingSource =
  | "arm-parameters"
  | "arm-template"
  | "bicepparam"
  | "bicep"
  | "terraform-plan"
  | "terraform";

/** A finding with its verdict: the shape of a report's `files[]` entry (before masking). */
export interface EvaluatedFileFinding {
  readonly path: string;
  readonly line: number;
  readonly setting: string;
  readonly source: FindingSource;
  /** The control the finding is evidence for (the SARIF rule). */
  readonly control: string;
  readonly status: "pass" | "fail" | "error";
  /** One plain sentence: why it passed, failed or errored. */
  readonly reason: string;
  /** Addresses that count, unmasked: reports apply `mask-emails`. */
  readonly emails: string[];
  /** Entries that do not count (invalid, reserved, placeholder, outside allowed-email-domains). */
  readonly invalidEmails: string[];
  /** Each entry of `invalidEmails` with why it does not count, in the same order. */
  readonly rejected: readonly RejectedAddress[];
}

export interface FileCounts {
  total: number;
  passed: number;
  failed: number;
  errored: number;
}

/** What the file scan hands to the run result and the reports. */
export interface FileRun {
  /** Files the `files` patterns selected. */
  readonly filesMatched: number;
  /** Sorted by path, then line. */
  readonly findings: readonly EvaluatedFileFinding[];
  readonly counts: FileCounts;
}

const URGENCY = { fail: 0, error: 1, pass: 2 } as const;

/** Failures, then errors, then passes; path and line order within each (the reports' order). */
export function byUrgency(
  findings: readonly EvaluatedFileFinding[],
): EvaluatedFileFinding[] {
  return [...findings].sort((a, b) => URGENCY[a.status] - URGENCY[b.status]);
}

export function countFileFindings(
  findings: readonly EvaluatedFileFinding[],
): FileCounts {
  const count = (status: EvaluatedFileFinding["status"]): number =>
    findings.filter((finding) => finding.status === status).length;
  return {
    total: findings.length,
    passed: count("pass"),
    failed: count("fail"),
    errored: count("error"),
  };
}
