/**
 * The file scan as main.ts runs it (`scan: files` or `both`): walk the
 * workspace, judge every finding with the live check's rule, write the SARIF
 * file. Reads only the workspace; no network.
 */
import { MAX_AZURE_TEXT_CHARS } from "../limits.js";
import { maskAddressesIn } from "../masking.js";
import { truncate } from "../report/markdown.js";
import type { Settings } from "../settings.js";
import { buildSarif, writeSarif } from "./sarif.js";
import { scanFiles } from "./scan.js";
import { evaluateFileFinding, type EvaluatedFileFinding } from "./verdict.js";

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
  /** Sorted by path, then line; reasons bounded (and masked with `mask-emails`). */
  readonly findings: readonly EvaluatedFileFinding[];
  readonly counts: FileCounts;
  /** Paths the scan did not read because they resolve outside the workspace (notices). */
  readonly skipped: readonly string[];
  /** Absolute path of the SARIF file. */
  readonly sarifFile: string;
}

export interface FileScanPlace {
  /** GITHUB_WORKSPACE: the root the patterns are relative to. */
  readonly workspace: string;
  /** RUNNER_TEMP: where the SARIF file goes. */
  readonly tempDir: string;
}

/** The SARIF `tool.driver`: what code scanning shows as the source of the alerts. */
const TOOL = { name: "defender-security-contact-check", version: "1.0.0" };

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

/** A repository's text is data like Azure's: bounded, and masked where it may hold an address. */
function bounded(
  finding: EvaluatedFileFinding,
  mask: boolean,
): EvaluatedFileFinding {
  const reason = truncate(finding.reason, MAX_AZURE_TEXT_CHARS);
  const { usedAt } = finding;
  return {
    ...finding,
    setting: truncate(finding.setting, 300),
    reason: mask ? maskAddressesIn(reason) : reason,
    ...(usedAt
      ? { usedAt: { ...usedAt, setting: truncate(usedAt.setting, 300) } }
      : {}),
  };
}

export async function runFileScan(
  settings: Pick<
    Settings,
    "files" | "requiredEmails" | "allowedEmailDomains" | "maskEmails"
  >,
  place: FileScanPlace,
): Promise<FileRun> {
  const { filesMatched, findings, skipped } = await scanFiles({
    workspace: place.workspace,
    include: settings.files.include,
    exclude: settings.files.exclude,
  });
  const evaluated = findings.map((finding) =>
    bounded(evaluateFileFinding(finding, settings), settings.maskEmails),
  );
  const sarifFile = await writeSarif(
    buildSarif(evaluated, TOOL, settings.maskEmails),
    place.tempDir,
  );
  return {
    filesMatched,
    findings: evaluated,
    counts: countFileFindings(evaluated),
    skipped,
    sarifFile,
  };
}
