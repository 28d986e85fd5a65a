/**
 * Markdown pieces shared by the job summary and the tracking issue. Pure.
 */
import { presentEmails } from "../check/emails.js";
import type { SubscriptionResult, Verdict } from "../check/model.js";
import type { RunCounts, RunStatus } from "../check/run-result.js";
import { escapeMarkdown, tableRow, truncate } from "./markdown.js";

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

export function headline(status: RunStatus): string {
  return STATUS_HEADLINE[status];
}

export function countsLine(counts: RunCounts): string {
  return (
    `**${counts.total}** ${counts.total === 1 ? "subscription" : "subscriptions"} in scope: ` +
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

function addressCell(result: SubscriptionResult, mask: boolean): string {
  const valid = presentEmails(result.emails, mask);
  const invalid = presentEmails(result.invalidEmails, mask).map(
    (e) => `${e} (invalid)`,
  );
  const all = [...valid, ...invalid];
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

/**
 * A table of subscriptions that stops adding rows once `budgetBytes` is
 * spent, so a 10,000-subscription tenant cannot break the size limits.
 */
export function resultTable(
  results: readonly SubscriptionResult[],
  mask: boolean,
  budgetBytes: number,
  /** Adds a Management group column (group scope). */
  showGroup = false,
): Table {
  // The group column sits after the ID, only when asked for.
  const withGroup = (cells: string[], group: string): string[] =>
    showGroup ? [...cells.slice(0, 2), group, ...cells.slice(2)] : cells;
  const header = withGroup(
    ["Subscription", "ID", "Verdict", "Additional email addresses", "Reason"],
    "Management group",
  );
  const lines = [tableRow(header), tableRow(header.map(() => "---"))];
  let used = Buffer.byteLength(lines.join("\n"));
  let shown = 0;
  for (const result of results) {
    const line = tableRow(
      withGroup(
        [
          escapeMarkdown(truncate(result.displayName, 120)) || "—",
          `\`${escapeMarkdown(result.subscriptionId).replaceAll("`", "")}\``,
          VERDICT_LABEL[result.status],
          addressCell(result, mask),
          escapeMarkdown(truncate(result.reason, 400)),
        ],
        escapeMarkdown(truncate(result.managementGroup ?? "", 90)) || "—",
      ),
    );
    const size = Buffer.byteLength(line) + 1;
    if (used + size > budgetBytes) break;
    lines.push(line);
    used += size;
    shown++;
  }
  return { markdown: lines.join("\n"), omitted: results.length - shown };
}

/** The remedy, with the 2023-12-01-preview body (the 2017 one is rejected today). */
export function howToFix(
  resourceManagerEndpoint: string,
  failedIds: readonly string[],
): string {
  const body = JSON.stringify({
    properties: {
      emails: "defender-alerts@example.com;secops-oncall@example.com",
      isEnabled: true,
      notificationsByRole: { state: "On", roles: ["Owner"] },
      notificationsSources: [{ sourceType: "Alert", minimalSeverity: "High" }],
    },
  });
  const url = (id: string): string =>
    `${resourceManagerEndpoint}/subscriptions/${id}/providers/Microsoft.Security/securityContacts/default?api-version=2023-12-01-preview`;
  // IDs are validated GUIDs, so they are safe inside a shell loop.
  const ids = failedIds.slice(0, 20);
  const loop =
    ids.length > 1
      ? [
          "",
          "Or for every failing subscription listed above:",
          "",
          "```bash",
          `for id in ${ids.join(" ")}; do`,
          `  az rest --method put --url "${url("$id")}" \\`,
          `    --body '${body}'`,
          "done",
          "```",
        ]
      : [];
  return [
    "### How to fix",
    "",
    "In the Azure portal: **Microsoft Defender for Cloud** → **Environment settings** → choose the subscription → **Email notifications** → enter one or more addresses (comma separated) in **Additional email addresses** → **Save**.",
    "",
    "With the Azure CLI (needs the **Security Admin** role on the subscription; the body is for api-version 2023-12-01-preview):",
    "",
    "```bash",
    `az rest --method put \\`,
    `  --url "${url(ids.length === 1 && ids[0] ? ids[0] : "<subscription-id>")}" \\`,
    `  --body '${body}'`,
    "```",
    ...loop,
  ].join("\n");
}
