/**
 * The file scan step: reads GITHUB_WORKSPACE only (no sign-in, no request),
 * logs each finding and adds the findings to the run.
 */
import * as core from "@actions/core";
import { addFileScan, type RunResult } from "./check/run-result.js";
import { runFileScan } from "./files/run-file-scan.js";
import type { RunnerContext } from "./inputs/runner-context.js";
import { log } from "./log.js";
import { presentFileRun } from "./report/present.js";
import type { Settings } from "./settings.js";
import { plural } from "./text.js";

/** The file scan: reads GITHUB_WORKSPACE only; no sign-in, no request. */
export async function checkFiles(
  settings: Settings,
  run: RunResult,
  scan: "files" | "both",
  { workspace }: RunnerContext,
): Promise<RunResult> {
  return core.group("Scan files", async () => {
    log.info(
      `Scanning ${workspace} for security contact settings (files: ${[...settings.files.include, ...settings.files.exclude.map((p) => `!${p}`)].join(", ")}).`,
    );
    const files = presentFileRun(
      await runFileScan(settings, workspace),
      settings,
    );
    if (files.skipped.length > 0) {
      // One notice: GitHub shows only about ten per step.
      const shown = files.skipped.slice(0, 5).join(", ");
      const more =
        files.skipped.length > 5 ? ` and ${files.skipped.length - 5} more` : "";
      log.annotate(
        "notice",
        `Not read: ${shown}${more} (a symbolic link, or a path out of the workspace).`,
        { title: "Files skipped" },
      );
    }
    for (const f of files.findings) {
      log.info(
        `${f.status.toUpperCase().padEnd(10)} ${f.path}:${f.line} ${f.setting}: ${f.reason}${f.usedAt ? ` (used at ${f.usedAt.path}:${f.usedAt.line})` : ""}`,
      );
    }
    log.info(
      `${plural(files.counts.total, "setting")} found in ${plural(files.filesMatched, "file")}: ${files.counts.passed} passed, ${files.counts.failed} failed, ${files.counts.errored} errored, ${files.counts.unresolved} unresolved.`,
    );
    return addFileScan(run, files, scan);
  });
}
