/**
 * Markdown pieces shared by the job summary and the tracking issue. Pure.
 */
import { labelledEntries } from "./present.js";
import { DEFAULT_CHECKS } from "../check/controls/index.js";
import type { SubscriptionResult, Verdict } from "../check/model.js";
import type { RunCounts, RunStatus } from "../check/run-result.js";
import { inflect } from "../text.js";
import {
  codeHtml,
  escapeMarkdown,
  htmlTable,
  idCell,
  truncate,
} from "./markdown.js";

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

/** What changed since the previous run, read from the tracking issue. */
export interface RunChanges {
  /** Lower-cased ID → the date it first needed attention (this run's history). */
  failingSince: ReadonlyMap<string, string>;
  /** Lower-cased IDs failing now that did not need attention in the previous run. */
  newlyFailing: ReadonlySet<string>;
  /** Subscriptions that needed attention in the previous run and now pass. */
  fixed: number;
}

/** "Since the previous run: 3 new, 10 fixed." */
export function changesLine(changes: RunChanges): string {
  return `Since the previous run: ${changes.newlyFailing.size} new, ${changes.fixed} fixed.`;
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

/** Addresses of one subscription, each in code (copied exactly) with why it does not count; at most five. */
export function addressCell(result: SubscriptionResult, mask: boolean): string {
  const all = labelledEntries(
    { ...result, rejected: result.rejectedEmails ?? [] },
    mask,
  );
  if (all.length === 0) return "—";
  const shown = all
    .slice(0, 5)
    .map(
      ({ entry, label }) =>
        `${codeHtml(truncate(entry, 80))}${label ? ` (${label})` : ""}`,
    );
  if (all.length > 5) shown.push(`+${all.length - 5} more`);
  return shown.join("<br>");
}

export interface Table {
  markdown: string;
  /** Rows left out to stay within the byte budget. */
  omitted: number;
}

/**
 * An HTML table of subscriptions (IDs in never-wrapping cells) that stops
 * adding rows once `budgetBytes` is spent, so a 10,000-subscription tenant
 * cannot break the size limits. Every control passes on a passing row and
 * none was judged on a skipped one, so there is no column per control.
 */
export function resultTable(
  results: readonly SubscriptionResult[],
  mask: boolean,
  budgetBytes: number,
  /** Adds a Management group column after the ID (group scope). */
  showGroup = false,
): Table {
  const withGroup = <T>(cells: T[], group: T): T[] =>
    showGroup ? [...cells.slice(0, 2), group, ...cells.slice(2)] : cells;
  const headers = withGroup(
    ["Subscription", "ID", "Verdict", "Additional email addresses", "Reason"],
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
