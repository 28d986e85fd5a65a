/**
 * "How to fix": the one script that fixes every failing subscription, in
 * the report while it is short and in a file (the `fix-script` output)
 * always. The groups above state each fix in words; this holds only what
 * they do not. Pure.
 */
import { controlsById } from "../check/controls/index.js";
import type { SubscriptionResult } from "../check/model.js";
import { failingControls, type RunResult } from "../check/run-result.js";
import { isGuid, plural } from "../text.js";
import { failedControls } from "./attention-causes.js";
import { labelledEntries } from "./present.js";
import {
  remedyScript,
  type ScriptOptions,
  type ScriptTarget,
} from "./remedy-script.js";
import { codeBlock } from "./shell.js";

/** Subscriptions a report shows the script for; past this, only the file has it. */
export const MAX_INLINE_SCRIPT_SUBSCRIPTIONS = 50;

/** The file `publish` writes the script to, in RUNNER_TEMP. */
export const FIX_SCRIPT_FILE_NAME = "security-contact-fix.sh";

/** The artifact name the reports suggest for the script. */
const ARTIFACT = "security-contact-fix";

function target(result: SubscriptionResult, mask: boolean): ScriptTarget {
  return {
    subscriptionId: result.subscriptionId,
    controls: controlsById(failedControls(result)),
    kept: labelledEntries(
      { emails: [], rejected: result.rejectedEmails ?? [] },
      mask,
    ),
  };
}

/** The whole script for every failing subscription; undefined when none fails. */
export function fixScript(
  run: RunResult,
  options: ScriptOptions,
): string | undefined {
  // Only GUIDs go into the shell (a failing row's ID always is one).
  const targets = run.results
    .filter((r) => r.status === "fail" && isGuid(r.subscriptionId))
    .map((r) => target(r, options.maskEmails));
  if (targets.length === 0) return undefined;
  return `#!/usr/bin/env bash\nset -u\n${remedyScript(targets, options).join("\n")}\n`;
}

/** Where the script is for a reader of this report. */
export interface ScriptPlace {
  /** The job summary (the step's own output); else the tracking issue. */
  inSummary: boolean;
}

/**
 * The "How to fix" section: the script inline while it covers at most
 * MAX_INLINE_SCRIPT_SUBSCRIPTIONS subscriptions, else where to find it.
 */
export function howToFix(
  run: RunResult,
  options: ScriptOptions,
  place: ScriptPlace,
): string {
  const script = fixScript(run, options);
  if (!script) return "";
  const failed = run.counts.failed;
  const needs = controlsById(failingControls(run)).flatMap((c) =>
    c.remedy.needs ? [c.remedy.needs] : [],
  );
  const intro = [
    "### How to fix",
    "",
    "With the Azure CLI and jq (needs the **Security Admin** role on each subscription): the script reads each contact, merges the fixes of the controls that subscription fails, as `remediate: apply` does (addresses are added, never replaced; entries that do not count are kept and listed), and writes it back with api-version 2023-12-01-preview." +
      needs
        .map(
          (n) =>
            ` Set \`${n.variable}\` to your team's addresses first (separated by \`;\`): it stops until you do.`,
        )
        .join(""),
    "",
  ];
  if (failed <= MAX_INLINE_SCRIPT_SUBSCRIPTIONS) {
    return [...intro, codeBlock(script.trimEnd().split("\n"))].join("\n");
  }
  const where = place.inSummary
    ? `\`${FIX_SCRIPT_FILE_NAME}\` (the \`fix-script\` output)`
    : `\`${FIX_SCRIPT_FILE_NAME}\`, the \`fix-script\` output of the workflow run`;
  return [
    ...intro,
    `The script covers ${plural(failed, "subscription")}, see ${where}. Upload it as the artifact \`${ARTIFACT}\` to keep it after the job:`,
    "",
    "```yaml",
    "- if: always() && steps.<step-id>.outputs.fix-script != ''",
    "  uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0",
    "  with:",
    `    name: ${ARTIFACT}`,
    "    path: ${{ steps.<step-id>.outputs.fix-script }}",
    "```",
  ].join("\n");
}
