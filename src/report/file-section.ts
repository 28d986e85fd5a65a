/**
 * The "Infrastructure code" section of the job summary and the tracking
 * issue: every security contact setting the file scan found, failures
 * first, within a byte budget. Pure; file text is data, escaped like Azure's.
 */
import { labelledAddresses } from "./present.js";
import type { RunResult, RunStatus } from "../check/run-result.js";
import {
  byUrgency,
  type EvaluatedFileFinding,
  type FileRun,
} from "../check/file-run.js";
import { inflect, plural } from "../text.js";
import { escapeMarkdown, tableRow, truncate } from "./markdown.js";

const VERDICT_LABEL: Record<EvaluatedFileFinding["status"], string> = {
  pass: "✅ pass",
  fail: "❌ fail",
  error: "⚠️ error",
  unresolved: "❔ unresolved",
};

const FILES_HEADLINE: Record<RunStatus, string> = {
  pass: "✅ The repository's security contact settings are valid",
  fail: "❌ Security contact settings in the repository fail",
  error: "⚠️ The repository's security contact settings could not be checked",
};

/** The top of a `scan: files` summary or issue, which checked no subscription. */
export function filesHeader(run: RunResult): string[] {
  const unresolved = run.files?.counts.unresolved ?? 0;
  const headline =
    run.status === "pass" && unresolved > 0
      ? `✅ No security contact setting in the repository fails; ${plural(unresolved, "setting")} ${inflect(unresolved, "is", "are")} decided at deployment`
      : FILES_HEADLINE[run.status];
  return [
    `## ${headline}`,
    "",
    `Security contact addresses in the repository's landing-zone code, judged like Microsoft Defender for Cloud's "Additional email addresses" (CIS Azure Foundations; ISO 27001 A.5.24).`,
  ];
}

function fileCountsLine(files: FileRun): string {
  const { total, passed, failed, errored, unresolved } = files.counts;
  return (
    `**${total}** security contact ${inflect(total, "setting")} in ${plural(files.filesMatched, "file")} scanned: ` +
    `✅ ${passed} passed · ❌ ${failed} failed · ⚠️ ${errored} errored · ❔ ${unresolved} unresolved`
  );
}

/** Says plainly what an unresolved finding means, and that it passes unless told otherwise. */
function unresolvedNote(files: FileRun): string[] {
  const { unresolved, total } = files.counts;
  if (unresolved === 0) return [];
  const only = unresolved === total ? "Every setting found is" : "";
  const subject =
    only ||
    `${plural(unresolved, "setting")} ${inflect(unresolved, "is", "are")}`;
  return [
    "",
    `${subject} decided at deployment: a parameter or variable with no default that no scanned file binds. The check cannot see the value; it does not fail the step unless \`fail-on-unresolved\` is true. Each row names what would decide it.`,
  ];
}

function valueCell(finding: EvaluatedFileFinding, mask: boolean): string {
  const entries = labelledAddresses(finding, mask);
  if (entries.length === 0) return "—";
  const shown = entries
    .slice(0, 3)
    .map((entry) => escapeMarkdown(truncate(entry, 80)));
  if (entries.length > 3) shown.push(`+${entries.length - 3} more`);
  return shown.join("<br>");
}

/**
 * `### Infrastructure code`, a counts line and a table (file:line, setting,
 * masked value, verdict, reason), failures first, that stops adding rows once
 * `budgetBytes` is spent; [] when the run scanned no files. `passing: false`
 * leaves passing findings out (the tracking issue's short form).
 */
export function infrastructureCodeSection(
  run: RunResult,
  mask: boolean,
  budgetBytes: number,
  { passing = true }: { passing?: boolean } = {},
): string[] {
  const files = run.files;
  if (!files) return [];
  const findings = byUrgency(files.findings).filter(
    (f) => passing || f.status !== "pass",
  );
  const parts = [
    "",
    "### Infrastructure code",
    "",
    fileCountsLine(files),
    ...unresolvedNote(files),
  ];
  if (files.counts.total === 0) {
    parts.push(
      "",
      `No security contact setting was recognised in the files the \`files\` input matched${run.scan === "files" ? ": nothing in scope" : ""}.`,
    );
  }
  if (findings.length === 0) return parts;
  const headers = ["File", "Setting", "Value", "Verdict", "Reason"];
  const lines = [tableRow(headers), tableRow(headers.map(() => "---"))];
  let used = Buffer.byteLength(lines.join("\n"));
  let shown = 0;
  for (const f of findings) {
    const line = tableRow([
      escapeMarkdown(truncate(`${f.path}:${f.line}`, 200)),
      escapeMarkdown(truncate(f.setting, 120)),
      valueCell(f, mask),
      VERDICT_LABEL[f.status],
      escapeMarkdown(truncate(f.reason, 400)),
    ]);
    const size = Buffer.byteLength(line) + 1;
    if (used + size > budgetBytes) break;
    lines.push(line);
    used += size;
    shown++;
  }
  parts.push("", lines.join("\n"));
  if (shown < findings.length) {
    parts.push(
      "",
      `…and ${findings.length - shown} more, listed in the JSON report and the SARIF file.`,
    );
  }
  return parts;
}
