/**
 * Markdown pieces shared by the job summary and the tracking issue. Pure.
 */
import { labelledAddresses } from "./present.js";
import type { Control } from "../check/controls/control.js";
import { controlsById, DEFAULT_CHECKS } from "../check/controls/index.js";
import { distinctRemedies, remedyScript } from "./remedy-script.js";
import type { SubscriptionResult, Verdict } from "../check/model.js";
import {
  failingControls,
  type RunCounts,
  type RunResult,
  type RunStatus,
} from "../check/run-result.js";
import { inflect } from "../text.js";
import { escapeMarkdown, htmlTable, idCell, truncate } from "./markdown.js";

const VERDICT_LABEL: Record<Verdict, string> = {
  pass: "✅ pass",
  fail: "❌ fail",
  error: "⚠️ error",
  skipped: "⏭️ skipped",
};

const STATUS_HEADLINE: Record<RunStatus, string> = {
  pass: "✅ Every subscription has a security contact email",
  fail: "❌ Security contact email missing",
  error: "⚠️ The security contact check could not be completed",
};

/** With controls beyond today's single check, the headline speaks of controls. */
const CONTROLS_HEADLINE: Record<RunStatus, string> = {
  ...STATUS_HEADLINE,
  pass: "✅ Every subscription passes the security contact controls",
  fail: "❌ Security contact controls failing",
};

export function headline(
  status: RunStatus,
  checks: readonly string[] = DEFAULT_CHECKS,
): string {
  return checks.join() === DEFAULT_CHECKS.join()
    ? STATUS_HEADLINE[status]
    : CONTROLS_HEADLINE[status];
}

export function countsLine(counts: RunCounts): string {
  return (
    `**${counts.total}** ${inflect(counts.total, "subscription")} in scope: ` +
    `✅ ${counts.passed} passed · ❌ ${counts.failed} failed · ` +
    `⚠️ ${counts.errored} errored · ⏭️ ${counts.skipped} skipped`
  );
}

/** Failures, then errors, then passes, then skips; the scope order within each. */
const ORDER: Record<Verdict, number> = {
  fail: 0,
  error: 1,
  pass: 2,
  skipped: 3,
};

/** Failing and errored subscriptions, most urgent first. */
export function needingAttention(
  results: readonly SubscriptionResult[],
): SubscriptionResult[] {
  return byUrgency(results).filter(
    (r) => r.status === "fail" || r.status === "error",
  );
}

export function byUrgency(
  results: readonly SubscriptionResult[],
): SubscriptionResult[] {
  return [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}

/** Addresses of one subscription, each rejected or missing one marked; escaped, at most five. */
export function addressCell(result: SubscriptionResult, mask: boolean): string {
  const all = labelledAddresses(
    { ...result, rejected: result.rejectedEmails ?? [] },
    mask,
  );
  if (all.length === 0) return "—";
  const shown = all
    .slice(0, 5)
    .map((entry) => escapeMarkdown(truncate(entry, 80)));
  if (all.length > 5) shown.push(`+${all.length - 5} more`);
  return shown.join("<br>");
}

export interface Table {
  markdown: string;
  /** Rows left out to stay within the byte budget. */
  omitted: number;
}

/** ✅/❌ for one control on one subscription (⚠️ undecided); — when it was not evaluated. */
export function findingCell(
  result: SubscriptionResult,
  control: string,
): string {
  const finding = result.findings?.find((f) => f.control === control);
  if (!finding) return "—";
  return { pass: "✅", fail: "❌", unknown: "⚠️" }[finding.status];
}

/**
 * An HTML table of subscriptions (IDs in never-wrapping cells) that stops
 * adding rows once `budgetBytes` is spent, so a 10,000-subscription tenant
 * cannot break the size limits. With several controls selected, each gets a
 * ✅/❌ column.
 */
export function resultTable(
  results: readonly SubscriptionResult[],
  mask: boolean,
  budgetBytes: number,
  checks: readonly string[] = [],
  /** Adds a Management group column after the ID (group scope). */
  showGroup = false,
): Table {
  const perControl = checks.length > 1 ? checks : [];
  const withGroup = <T>(cells: T[], group: T): T[] =>
    showGroup ? [...cells.slice(0, 2), group, ...cells.slice(2)] : cells;
  const headers = withGroup(
    [
      "Subscription",
      "ID",
      "Verdict",
      ...perControl,
      "Additional email addresses",
      "Reason",
    ],
    "Management group",
  );
  const rows: string[][] = [];
  let used = Buffer.byteLength(htmlTable(headers, []));
  for (const result of results) {
    const cells = withGroup(
      [
        escapeMarkdown(truncate(result.displayName, 120)) || "—",
        idCell(result.subscriptionId),
        VERDICT_LABEL[result.status],
        ...perControl.map((control) => findingCell(result, control)),
        addressCell(result, mask),
        escapeMarkdown(truncate(result.reason, 400)),
      ],
      escapeMarkdown(truncate(result.managementGroup ?? "", 90)) || "—",
    ).map((html) => (html.startsWith("<td") ? html : `<td>${html}</td>`));
    const size = Buffer.byteLength(cells.join("")) + 10;
    if (used + size > budgetBytes) break;
    rows.push(cells);
    used += size;
  }
  return {
    markdown: htmlTable(headers, rows),
    omitted: results.length - rows.length,
  };
}

/** The controls whose remedies a failing run shows: those that failed. */
function controlsToFix(run: RunResult): Control[] {
  const failed = failingControls(run);
  return controlsById(failed.length > 0 ? failed : run.checks);
}

/**
 * The remedies of the controls that failed: portal steps, then one script
 * that merges every fix into the current contact (never a blind PUT).
 */
export function howToFix(
  resourceManagerEndpoint: string,
  run: RunResult,
): string {
  const controls = controlsToFix(run);
  const portal =
    controls.length === 1 && controls[0]
      ? [controls[0].remedy.portal]
      : controls.map(
          (c) => `- **${c.title}** (\`${c.id}\`): ${c.remedy.portal}`,
        );
  const needs = distinctRemedies(controls).flatMap((c) =>
    c.remedy.needs ? [c.remedy.needs] : [],
  );
  return [
    "### How to fix",
    "",
    ...portal,
    "",
    "With the Azure CLI and jq (needs the **Security Admin** role on the subscription): the script reads the current contact, changes only what failed, and writes the merged contact back with api-version 2023-12-01-preview." +
      needs
        .map(
          (n) =>
            ` Set \`${n.variable}\` to your team's addresses first (separated by \`;\`): it stops until you do.`,
        )
        .join(""),
    "",
    "```bash",
    ...remedyScript(
      controls,
      resourceManagerEndpoint,
      run.failedSubscriptionIds.slice(0, 20),
    ),
    "```",
  ].join("\n");
}
