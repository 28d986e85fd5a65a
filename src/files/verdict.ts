/**
 * The verdict of one file finding. The only place that decides which
 * address validator judges file values: today src/check/emails.ts; switch
 * the `validator` here when the richer address policy lands.
 */
import { classifyEmails, type ClassifiedEmails } from "../check/emails.js";
import type { FileFinding, FindingSource } from "./findings.js";

/** The control every file finding is evidence for (the SARIF rule). */
export const FILE_CONTROL = "additional-emails";

export interface FilePolicy {
  /** Splits a raw value on `;`/`,` and sorts entries into valid and invalid. */
  readonly classify: (raw: string) => ClassifiedEmails;
}

const DEFAULT_FILE_POLICY: FilePolicy = { classify: classifyEmails };

/** A finding with its verdict: the shape of a report's `files[]` entry. */
export interface EvaluatedFileFinding {
  readonly path: string;
  readonly line: number;
  readonly setting: string;
  readonly source: FindingSource;
  readonly control: typeof FILE_CONTROL;
  readonly status: "pass" | "fail" | "error";
  /** Why it failed or errored; empty on a pass. */
  readonly reason: string;
  readonly emails: string[];
  readonly invalidEmails: string[];
}

/** `{{token}}`, `$${name}` and `${…}` are substituted later: never addresses. */
const TOKEN = /\{\{[^{}]*\}\}|\$?\$\{[^{}]*\}/g;

export function evaluateFileFinding(
  finding: FileFinding,
  policy: FilePolicy = DEFAULT_FILE_POLICY,
): EvaluatedFileFinding {
  const { path, line, setting, source } = finding;
  const base = { path, line, setting, source, control: FILE_CONTROL } as const;
  if ("error" in finding) {
    return {
      ...base,
      status: "error",
      reason: finding.error,
      emails: [],
      invalidEmails: [],
    };
  }
  const withoutTokens = finding.value.replace(TOKEN, "");
  if (withoutTokens.trim() === "" && finding.value.trim() !== "") {
    // Only tokens: the value is filled in by a later step this scan cannot see.
    return {
      ...base,
      status: "error",
      reason: `unresolved: ${finding.value}`,
      emails: [],
      invalidEmails: [],
    };
  }
  const { valid, invalid } = policy.classify(withoutTokens);
  const status = finding.failReason || valid.length === 0 ? "fail" : "pass";
  const reason =
    finding.failReason ??
    (finding.value.trim() === ""
      ? "empty value"
      : valid.length === 0
        ? "no valid email address"
        : "");
  return { ...base, status, reason, emails: valid, invalidEmails: invalid };
}
