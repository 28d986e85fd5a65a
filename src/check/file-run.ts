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
  | "policy-definition"
  | "blueprint"
  /** A JSON document of another format (policy as code, an archetype), read by the contact's names. */
  | "json"
  | "terraform-plan"
  | "terraform";

/** A place in the repository: where a value is used, when it is written elsewhere. */
export interface FileLocation {
  /** Repository-relative path with forward slashes. */
  readonly path: string;
  /** 1-based line. */
  readonly line: number;
  /** Where in that file, e.g. `resources[0].properties.emails`. */
  readonly setting: string;
}

/** The four kinds a finding ends as: the report's `status` of a file finding. */
export type FileFindingStatus = "pass" | "fail" | "error" | "unresolved";

/** A finding with its verdict: the shape of a report's `files[]` entry (before masking). */
export interface EvaluatedFileFinding {
  readonly path: string;
  readonly line: number;
  readonly setting: string;
  readonly source: FindingSource;
  /** The control the finding is evidence for (the SARIF rule). */
  readonly control: string;
  readonly status: FileFindingStatus;
  /** One plain sentence: why it passed, failed, errored, or what decides it at deployment. */
  readonly reason: string;
  /** Addresses that count, unmasked: reports apply `mask-emails`. */
  readonly emails: string[];
  /** Entries that do not count (invalid, reserved, placeholder, outside allowed-email-domains). */
  readonly invalidEmails: string[];
  /** Each entry of `invalidEmails` with why it does not count, in the same order. */
  readonly rejected: readonly RejectedAddress[];
  /** The place that deploys the value, when another file decides it. */
  readonly usedAt?: FileLocation;
}

export interface FileCounts {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  /** v4: decided at deployment (a parameter nothing binds); fails the step only with fail-on-unresolved. */
  unresolved: number;
}

/** What the file scan hands to the run result and the reports. */
export interface FileRun {
  /** Files the `files` patterns selected. */
  readonly filesMatched: number;
  /** Sorted by path, then line. */
  readonly findings: readonly EvaluatedFileFinding[];
  readonly counts: FileCounts;
  /** Paths the scan did not read because they resolve outside the workspace (notices). */
  readonly skipped: readonly string[];
}

const URGENCY = { fail: 0, error: 1, unresolved: 2, pass: 3 } as const;

/** Failures, errors, unresolved, then passes; path and line order within each (the reports' order). */
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
    unresolved: count("unresolved"),
  };
}
