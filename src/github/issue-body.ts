/**
 * The tracking issue's text: a hidden marker that identifies it, the body
 * that is rewritten on every failing run, and the comment that closes it.
 * Pure.
 */
import { DEFAULT_CHECKS } from "../check/controls/index.js";
import type { RunResult } from "../check/run-result.js";
import { attentionSection } from "../report/attention.js";
import type { RemediateMode } from "../remediation/inputs.js";
import {
  filesHeader,
  infrastructureCodeSection,
} from "../report/file-section.js";
import { howToFix } from "../report/fix-script.js";
import { escapeMarkdown, secondsUtc } from "../report/markdown.js";
import type { GroupBy } from "../inputs/settings.js";
import { remediationSection } from "../report/remediation-section.js";
import { historyBlock, type FailingSince } from "./issue-history.js";
import {
  changesLine,
  countsLine,
  headline,
  needingAttention,
  type RunChanges,
} from "../report/sections.js";

/** GitHub rejects issue bodies over 65,536 characters; keep a wide margin. */
export const ISSUE_BODY_LIMIT = 65_536;
const TABLE_BUDGET_BYTES = 40_000;
/** The file findings' share, beside the subscriptions table: the body stays under 65,536. */
const FILE_BUDGET_BYTES = 12_000;

/**
 * Names this check and the tenant, so two workflows checking two tenants
 * into one repository keep two issues, and foreign issues are never touched.
 */
export function trackingMarker(tenantId: string): string {
  return `<!-- defender-security-contact-check tenant=${tenantId.toLowerCase()} -->`;
}

export interface IssueContext {
  tenantId: string;
  environment: string;
  resourceManagerEndpoint: string;
  maskEmails: boolean;
  /** The identity in use, for the access hint; undefined when unknown. */
  clientId?: string | undefined;
  generatedAt: string;
  /** Link to the workflow run, or undefined outside Actions. */
  runUrl: string | undefined;
  /** Since when each row has needed attention; kept in the body for the next run. */
  failingSince?: FailingSince;
  /** With `apply`, the issue says what this run changed. */
  remediate?: RemediateMode;
  groupBy?: GroupBy;
  /** `required-emails`: the fix script adds them. */
  requiredEmails?: readonly string[];
  /** What changed since the run that last wrote this issue; undefined for a new one. */
  changes?: RunChanges | undefined;
}

const APPLIED_BUDGET_BYTES = 12_000;

/** What `remediate: apply` did in this run, as lines to append; none otherwise. */
function appliedInThisRun(run: RunResult, context: IssueContext): string[] {
  if (context.remediate !== "apply") return [];
  const section = remediationSection(
    run.results,
    "apply",
    context.maskEmails,
    APPLIED_BUDGET_BYTES,
  );
  return section ? ["", section] : [];
}

function runLink(context: IssueContext): string {
  return context.runUrl ? `[workflow run](${context.runUrl})` : "workflow run";
}

export function renderIssueBody(run: RunResult, context: IssueContext): string {
  const since = context.failingSince ?? new Map<string, string>();
  const attention = needingAttention(run.results);
  const section = attentionSection(
    attention,
    {
      ...context,
      failingSince: since,
      newlyFailing: context.changes?.newlyFailing,
    },
    run.checks,
    TABLE_BUDGET_BYTES,
  );
  const parts = [
    // The marker opens the body: only such issues are this check's own.
    trackingMarker(context.tenantId),
    historyBlock(since),
    `## ${headline(run.status, run.checks)}`,
    "",
    countsLine(run.counts),
    "",
    // Validated inputs and our own timestamp: nothing here came from Azure.
    `Tenant \`${context.tenantId}\` · ${context.environment} · last checked ${secondsUtc(context.generatedAt)} by this ${runLink(context)}.${context.changes ? ` ${changesLine(context.changes)}` : ""}`,
    "",
    "Without an additional email address on the Microsoft Defender for Cloud security contact, high-severity alerts reach only subscription owners (CIS Azure Foundations; ISO 27001 A.5.24). This issue is updated on every run and closed when every subscription passes.",
  ];
  // scan: files checked no subscription: the file scan's headline instead.
  if (run.scan === "files") parts.splice(2, 5, ...filesHeader(run));
  if (run.runErrors.length > 0) {
    parts.push("", "### Errors outside any one subscription", "");
    parts.push(...run.runErrors.map((error) => `- ${escapeMarkdown(error)}`));
  }
  parts.push(
    ...infrastructureCodeSection(run, context.maskEmails, FILE_BUDGET_BYTES, {
      passing: false,
    }),
  );
  if (attention.length > 0) {
    parts.push(
      "",
      "### Subscriptions that need attention",
      "",
      section.markdown,
    );
    if (section.omitted > 0) {
      parts.push(
        "",
        `…and ${section.omitted} more: see the job summary and the JSON report of the ${runLink(context)}.`,
      );
    }
  }
  parts.push(...appliedInThisRun(run, context));
  if (run.counts.failed > 0) {
    parts.push(
      "",
      howToFix(
        run,
        { ...context, requiredEmails: context.requiredEmails ?? [] },
        { inSummary: false },
      ),
    );
  }
  return `${parts.join("\n")}\n`;
}

/** What now passes, in the words of what was checked. */
function closingSentence(run: RunResult): string {
  const files = "every security contact setting in the repository's files";
  if (run.scan === "files") {
    return `✅ Now ${files} passes, so this issue is closed.`;
  }
  const subscriptions =
    run.checks.join() === DEFAULT_CHECKS.join()
      ? "Every subscription in scope now has a valid additional email address on its Defender for Cloud security contact"
      : `Every subscription in scope now passes the selected security contact controls (${run.checks.join(", ")})`;
  return run.scan === "both"
    ? `✅ ${subscriptions}, and so does ${files}, so this issue is closed.`
    : `✅ ${subscriptions}, so this issue is closed.`;
}

export function renderClosingComment(
  run: RunResult,
  context: IssueContext,
): string {
  return [
    closingSentence(run),
    "",
    countsLine(run.counts),
    "",
    `Checked ${secondsUtc(context.generatedAt)} by this ${runLink(context)}.`,
    ...appliedInThisRun(run, context),
  ].join("\n");
}
