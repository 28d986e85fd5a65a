/**
 * The job summary: verdict and counts first, then what needs attention, the
 * rest folded away, and how to fix it. Rendering is pure; writing is one call.
 */
import { appendFile } from "node:fs/promises";
import { soleControl } from "../check/controls/index.js";
import type { RunResult, StepFailure } from "../check/run-result.js";
import type { GroupBy } from "../inputs/settings.js";
import type { RemediateMode } from "../remediation/inputs.js";
import { attentionSection } from "./attention.js";
import { concurrencyFooter } from "./concurrency-footer.js";
import { filesHeader, infrastructureCodeSection } from "./file-section.js";
import { howToFix } from "./fix-script.js";
import { escapeMarkdown, secondsUtc } from "./markdown.js";
import { remediationSection } from "./remediation-section.js";
import {
  byUrgency,
  changesLine,
  countsLine,
  headline,
  needingAttention,
  resultTable,
  type RunChanges,
} from "./sections.js";

export interface SummaryContext {
  tenantId: string;
  environment: string;
  resourceManagerEndpoint: string;
  maskEmails: boolean;
  /** The identity in use, for the access hint; undefined when unknown. */
  clientId?: string | undefined;
  reportFile: string;
  generatedAt: string;
  /** Why the step fails; empty when it passes. */
  failures: readonly StepFailure[];
  trackingIssue?: { number: number; url: string; action: string } | undefined;
  /** With plan or apply, a "Planned changes" or "Applied changes" section. */
  remediate?: RemediateMode;
  groupBy?: GroupBy;
  /** `required-emails`: the fix script adds them. */
  requiredEmails?: readonly string[];
  /** What changed since the previous run, once the tracking issue was read. */
  changes?: RunChanges | undefined;
}

/** Reasons that restate the counts line say which count, not the number again. */
const RESTATED: Record<NonNullable<StepFailure["restates"]>, string> = {
  failed: "subscriptions fail (❌ above) and `fail-on-missing` is true",
  errored:
    "subscriptions could not be evaluated (⚠️ above) and `fail-on-error` is true",
};

const TRACKING_VERB: Record<string, string> = {
  create: "opened",
  update: "updated",
  close: "closed",
};

/** GitHub refuses summaries over 1 MiB; each table gets a share well below it. */
const TABLE_BUDGET_BYTES = 400 * 1024;
/** Passing and skipped rows, folded: what a reader rarely opens gets the smallest share. */
const PASSING_TABLE_BUDGET_BYTES = 64 * 1024;
/** The file findings' share: a repository has far fewer settings than a tenant has subscriptions. */
const FILE_TABLE_BUDGET_BYTES = 100 * 1024;

export function renderSummary(run: RunResult, context: SummaryContext): string {
  const attention = needingAttention(run.results);
  // Group scope: rows a management-group walk reached carry their parent group.
  const showGroup = run.results.some((r) => r.managementGroup !== undefined);
  const rest = byUrgency(run.results).filter(
    (r) => r.status === "pass" || r.status === "skipped",
  );
  const more = (omitted: number): string[] =>
    omitted > 0
      ? [
          "",
          `…and ${omitted} more, listed in the JSON report ${escapeMarkdown(context.reportFile)} (the \`report-file\` output).`,
        ]
      : [];

  const parts: string[] = [
    `## ${headline(run.status, run.checks)}`,
    "",
    soleControl(run.checks)?.alone?.summary ??
      `Microsoft Defender for Cloud "Email notifications" controls: ${run.checks.map((id) => `\`${id}\``).join(", ")} (CIS Azure Foundations; ISO 27001 A.5.24).`,
    "",
    countsLine(run.counts),
    "",
    // Validated inputs and our own timestamp: nothing here came from Azure.
    `Tenant \`${context.tenantId}\` · ${context.environment} · ${secondsUtc(context.generatedAt)}`,
  ];
  // scan: files checked no subscription: the file scan's headline instead.
  if (run.scan === "files") parts.splice(0, parts.length, ...filesHeader(run));

  if (context.trackingIssue) {
    const { number, url, action } = context.trackingIssue;
    parts.push(
      "",
      `Tracking issue [#${number}](${encodeURI(url)}) ${TRACKING_VERB[action] ?? action} by this run.${context.changes ? ` ${changesLine(context.changes)}` : ""}`,
    );
  }
  if (context.failures.length > 0) {
    parts.push("", "**This step fails because:**", "");
    parts.push(
      ...context.failures.map(
        ({ reason, restates }) =>
          `- ${restates && run.scan !== "files" ? RESTATED[restates] : escapeMarkdown(reason)}`,
      ),
    );
  }
  if (run.runErrors.length > 0) {
    parts.push("", "### Errors outside any one subscription", "");
    parts.push(...run.runErrors.map((error) => `- ${escapeMarkdown(error)}`));
  }
  parts.push(
    ...infrastructureCodeSection(
      run,
      context.maskEmails,
      FILE_TABLE_BUDGET_BYTES,
    ),
  );
  if (attention.length > 0) {
    const section = attentionSection(
      attention,
      {
        ...context,
        failingSince: context.changes?.failingSince,
        newlyFailing: context.changes?.newlyFailing,
      },
      run.checks,
      TABLE_BUDGET_BYTES,
      showGroup,
    );
    parts.push(
      "",
      "### Needs attention",
      "",
      section.markdown,
      ...more(section.omitted),
    );
  }
  if (rest.length > 0) {
    const table = resultTable(
      rest,
      context.maskEmails,
      PASSING_TABLE_BUDGET_BYTES,
      showGroup,
    );
    parts.push(
      "",
      `<details><summary>Passing and skipped subscriptions (${rest.length})</summary>`,
      "",
      table.markdown,
      ...more(table.omitted),
      "",
      "</details>",
    );
  }
  if (context.remediate && context.remediate !== "off") {
    const section = remediationSection(
      run.results,
      context.remediate,
      context.maskEmails,
      TABLE_BUDGET_BYTES,
    );
    if (section) parts.push("", section);
  }
  if (run.counts.failed > 0) {
    parts.push(
      "",
      howToFix(
        run,
        { ...context, requiredEmails: context.requiredEmails ?? [] },
        { inSummary: true },
      ),
    );
  }
  if (run.concurrency) parts.push("", concurrencyFooter(run.concurrency));
  return `${parts.join("\n")}\n`;
}

/** Appends to the file GitHub renders as the job summary; a no-op outside Actions. */
export async function writeSummary(
  markdown: string,
  path: string | undefined,
): Promise<void> {
  if (path) await appendFile(path, markdown, "utf8");
}
