/**
 * The file scan as the run calls it (`scan: files` or `both`): walk the
 * workspace and judge every finding with the live check's rule. Reads only
 * the workspace; no network.
 */
import { countFileFindings, type FileRun } from "../check/file-run.js";
import type { Settings } from "../settings.js";
import { scanFiles } from "./scan.js";
import { evaluateFileFinding } from "./verdict.js";

export async function runFileScan(
  settings: Pick<Settings, "files" | "requiredEmails" | "allowedEmailDomains">,
  workspace: string,
): Promise<FileRun> {
  const { filesMatched, findings, skipped } = await scanFiles({
    workspace,
    include: settings.files.include,
    exclude: settings.files.exclude,
  });
  const evaluated = findings.map((finding) =>
    evaluateFileFinding(finding, settings),
  );
  return {
    filesMatched,
    findings: evaluated,
    counts: countFileFindings(evaluated),
    skipped,
  };
}
