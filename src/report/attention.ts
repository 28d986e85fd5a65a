/**
 * The "needs attention" section of the job summary and the tracking issue:
 * one block per cause (groupByCause), stating the cause and its fix once,
 * then its subscriptions with owner and portal link. Pure.
 */
import type { SubscriptionResult } from "../check/model.js";
import { isGuid, plural } from "../text.js";
import { accessHint } from "./access-hint.js";
import { groupByCause, type CauseGroup } from "./attention-groups.js";
import { addressCell, findingCell } from "./sections.js";
import { escapeMarkdown, htmlTable, idCell, truncate } from "./markdown.js";
import { portalOrigin, subscriptionPortalLink } from "./portal-links.js";

export interface AttentionContext {
  tenantId: string;
  resourceManagerEndpoint: string;
  maskEmails: boolean;
  /** The identity the action signs in as; empty or undefined when only its principal ID would do. */
  clientId?: string | undefined;
  /** The tracking issue's history (lower-cased ID → date): adds a "since" column. */
  failingSince?: ReadonlyMap<string, string> | undefined;
}

export interface AttentionSection {
  markdown: string;
  /** Subscription rows left out to stay within the byte budget. */
  omitted: number;
}

const PRINCIPAL_PLACEHOLDER = "<principal-id>";

function td(html: string): string {
  return `<td>${html}</td>`;
}

interface Columns {
  /** Group scope: a Management group column after the ID. */
  group: boolean;
  portal: boolean;
  /** With several controls selected, a ✅/❌ column each. */
  perControl: readonly string[];
}

function row(
  result: SubscriptionResult,
  group: CauseGroup,
  context: AttentionContext,
  columns: Columns,
): string[] {
  const owner = result.owner ? escapeMarkdown(truncate(result.owner, 80)) : "—";
  const cells = [
    td(escapeMarkdown(truncate(result.displayName, 120)) || "—"),
    idCell(result.subscriptionId),
  ];
  if (columns.group) {
    cells.push(
      td(escapeMarkdown(truncate(result.managementGroup ?? "", 90)) || "—"),
    );
  }
  cells.push(td(owner));
  if (columns.portal) {
    // Built from a fixed origin and percent-encoded validated IDs only.
    const link = isGuid(result.subscriptionId)
      ? subscriptionPortalLink(result.subscriptionId, context)
      : undefined;
    cells.push(td(link ? `<a href="${link}">open</a>` : "—"));
  }
  if (context.failingSince) {
    const since = context.failingSince.get(result.subscriptionId.toLowerCase());
    cells.push(td(since ?? "—"));
  }
  for (const control of columns.perControl) {
    cells.push(td(findingCell(result, control)));
  }
  if (group.showAddresses) {
    cells.push(td(addressCell(result, context.maskEmails)));
  }
  return cells;
}

function heading(group: CauseGroup, multiControl: boolean): string {
  const icon = group.errorCode === undefined ? "❌" : "⚠️";
  const control =
    multiControl && group.control ? ` (\`${group.control}\`)` : "";
  return `#### ${icon} ${group.label}${control} · ${plural(group.results.length, "subscription")}`;
}

function accessHelp(group: CauseGroup, context: AttentionContext): string {
  const ids = group.results.map((r) => r.subscriptionId);
  if (context.clientId) return accessHint(context.clientId, ids);
  return [
    `Replace \`${PRINCIPAL_PLACEHOLDER}\` with the object ID of the identity this workflow signs in as: \`az ad signed-in-user show --query id -o tsv\` for a user, \`az ad sp show --id <app-id> --query id -o tsv\` for a service principal, the **Object (principal) ID** on the resource's **Identity** page for a system-assigned managed identity.`,
    "",
    accessHint(PRINCIPAL_PLACEHOLDER, ids),
  ].join("\n");
}

/**
 * Failing and errored `results` as cause groups, largest first, adding rows
 * until `budgetBytes` is spent so a huge tenant cannot break GitHub's limits.
 */
export function attentionSection(
  results: readonly SubscriptionResult[],
  context: AttentionContext,
  checks: readonly string[],
  budgetBytes: number,
  /** Adds a Management group column after the ID (group scope). */
  showGroup = false,
): AttentionSection {
  // A custom Resource Manager endpoint has no known portal: no column at all.
  const columns: Columns = {
    group: showGroup,
    portal: portalOrigin(context.resourceManagerEndpoint) !== undefined,
    perControl: checks.length > 1 ? checks : [],
  };
  const blocks: string[] = [];
  let used = 0;
  let omitted = 0;
  for (const group of groupByCause(results)) {
    const headers = ["Subscription", "ID"];
    if (columns.group) headers.push("Management group");
    headers.push("Owner");
    if (columns.portal) headers.push("Portal");
    if (context.failingSince) headers.push("Needs attention since");
    headers.push(...columns.perControl);
    if (group.showAddresses) headers.push("Additional email addresses");
    const intro = [
      heading(group, checks.length > 1),
      "",
      `**Fix:** ${group.fix}`,
    ];
    const help = group.accessDenied ? ["", accessHelp(group, context)] : [];
    let size = Buffer.byteLength([...intro, ...help].join("\n")) + 200;
    const rows: string[][] = [];
    for (const result of group.results) {
      const cells = row(result, group, context, columns);
      const rowSize = Buffer.byteLength(cells.join("")) + 10;
      if (used + size + rowSize > budgetBytes) break;
      rows.push(cells);
      size += rowSize;
    }
    omitted += group.results.length - rows.length;
    if (rows.length === 0) continue;
    blocks.push([...intro, "", htmlTable(headers, rows), ...help].join("\n"));
    used += size;
  }
  return { markdown: blocks.join("\n\n"), omitted };
}
