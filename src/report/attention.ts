/**
 * The "needs attention" section of the job summary and the tracking issue:
 * one block per group (groupAttention), stating its fix once, then one row
 * per subscription with owner, portal link and the controls it fails; past
 * MAX_GROUP_ROWS a group folds the rest. Pure.
 */
import { PORTAL_PATH } from "../check/controls/control.js";
import type { SubscriptionResult } from "../check/model.js";
import type { GroupBy } from "../inputs/settings.js";
import { isGuid, plural } from "../text.js";
import { accessHint } from "./access-hint.js";
import { failedControls } from "./attention-causes.js";
import { groupAttention, type AttentionGroup } from "./attention-groups.js";
import {
  codeHtml,
  codeSpan,
  escapeMarkdown,
  htmlTable,
  idCell,
  truncate,
} from "./markdown.js";
import { portalOrigin, subscriptionPortalLink } from "./portal-links.js";
import { addressCell } from "./sections.js";

export interface AttentionContext {
  tenantId: string;
  resourceManagerEndpoint: string;
  maskEmails: boolean;
  /** The identity the action signs in as; empty or undefined when only its principal ID would do. */
  clientId?: string | undefined;
  /** `group-by`; cause when undefined. */
  groupBy?: GroupBy | undefined;
  /** The tracking issue's history (lower-cased ID → date): adds a "since" column. */
  failingSince?: ReadonlyMap<string, string> | undefined;
  /** Lower-cased IDs failing now that did not need attention in the previous run: marked new. */
  newlyFailing?: ReadonlySet<string> | undefined;
}

export interface AttentionSection {
  markdown: string;
  /** Subscription rows left out to stay within the byte budget. */
  omitted: number;
}

/** Rows a group shows before it folds the rest into `<details>`. */
export const MAX_GROUP_ROWS = 50;

const PRINCIPAL_PLACEHOLDER = "<principal-id>";

/** Before the name of a row that is new since the previous run; the "since" date stays a date. */
const NEW_MARK = "🆕 new:";

function td(html: string): string {
  return `<td>${html}</td>`;
}

interface Columns {
  /** Group scope: a Management group column after the ID. */
  group: boolean;
  portal: boolean;
  /** With several controls selected, the controls a row fails, in one cell. */
  fails: boolean;
  addresses: boolean;
}

function isNew(result: SubscriptionResult, context: AttentionContext): boolean {
  return (
    context.newlyFailing?.has(result.subscriptionId.toLowerCase()) ?? false
  );
}

function row(
  result: SubscriptionResult,
  context: AttentionContext,
  columns: Columns,
): string[] {
  const name = escapeMarkdown(truncate(result.displayName, 120)) || "—";
  const cells = [
    td(isNew(result, context) ? `${NEW_MARK} ${name}` : name),
    idCell(result.subscriptionId),
  ];
  if (columns.group) {
    cells.push(
      td(escapeMarkdown(truncate(result.managementGroup ?? "", 90)) || "—"),
    );
  }
  cells.push(td(result.owner ? codeHtml(truncate(result.owner, 80)) : "—"));
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
  if (columns.fails) {
    // Control IDs are our own text; an undecided one is marked, never a pass.
    const undecided = (result.findings ?? [])
      .filter((f) => f.status === "unknown")
      .map((f) => `⚠️ ${f.control}`);
    cells.push(
      td([...failedControls(result), ...undecided].join("<br>") || "—"),
    );
  }
  if (columns.addresses) {
    cells.push(td(addressCell(result, context.maskEmails)));
  }
  return cells;
}

function headers(columns: Columns, context: AttentionContext): string[] {
  const names = ["Subscription", "ID"];
  if (columns.group) names.push("Management group");
  names.push("Owner");
  if (columns.portal) names.push("Portal");
  if (context.failingSince) names.push("Needs attention since");
  if (columns.fails) names.push("Fails");
  if (columns.addresses) names.push("Additional email addresses");
  return names;
}

function heading(
  group: AttentionGroup,
  multiControl: boolean,
  context: AttentionContext,
): string {
  const icon = group.errorCode === undefined ? "❌" : "⚠️";
  const value =
    group.value === undefined ? "" : ` ${codeSpan(truncate(group.value, 80))}`;
  const control =
    multiControl && group.control ? ` (\`${group.control}\`)` : "";
  const fresh = group.results.filter((r) => isNew(r, context)).length;
  return `#### ${icon} ${group.label}${value}${control} · ${plural(group.results.length, "subscription")}${fresh > 0 ? ` (${fresh} new)` : ""}`;
}

function accessHelp(group: AttentionGroup, context: AttentionContext): string {
  const ids = group.results.map((r) => r.subscriptionId);
  if (context.clientId) return accessHint(context.clientId, ids);
  return [
    `Replace \`${PRINCIPAL_PLACEHOLDER}\` with the object ID of the identity this workflow signs in as: \`az ad signed-in-user show --query id -o tsv\` for a user, \`az ad sp show --id <app-id> --query id -o tsv\` for a service principal, the **Object (principal) ID** on the resource's **Identity** page for a system-assigned managed identity.`,
    "",
    accessHint(PRINCIPAL_PLACEHOLDER, ids),
  ].join("\n");
}

/** The group's table: its first MAX_GROUP_ROWS rows, the rest folded. */
function groupTables(
  names: readonly string[],
  rows: readonly string[][],
): string {
  const shown = htmlTable(names, rows.slice(0, MAX_GROUP_ROWS));
  const rest = rows.slice(MAX_GROUP_ROWS);
  if (rest.length === 0) return shown;
  return [
    shown,
    "",
    `<details><summary>${plural(rest.length, "more subscription")} in this group</summary>`,
    "",
    htmlTable(names, rest),
    "",
    "</details>",
  ].join("\n");
}

/**
 * Failing and errored `results`, one row each, in groups (groupAttention),
 * adding rows until `budgetBytes` is spent so a huge tenant cannot break
 * GitHub's limits.
 */
export function attentionSection(
  results: readonly SubscriptionResult[],
  context: AttentionContext,
  checks: readonly string[],
  budgetBytes: number,
  /** Adds a Management group column after the ID (group scope). */
  showGroup = false,
): AttentionSection {
  const groups = groupAttention(results, context.groupBy);
  const blocks: string[] = [];
  if (groups.some((group) => group.errorCode === undefined)) {
    blocks.push(
      `Every fix below is made ${PORTAL_PATH.replace(/^In/, "in")}; the script under **How to fix** makes them all.`,
    );
  }
  let used = Buffer.byteLength(blocks.join(""));
  let omitted = 0;
  for (const group of groups) {
    const failures = group.errorCode === undefined;
    // A custom Resource Manager endpoint has no known portal: no column at all.
    const columns: Columns = {
      group: showGroup,
      portal: portalOrigin(context.resourceManagerEndpoint) !== undefined,
      fails: failures && checks.length > 1,
      addresses: group.showAddresses === true,
    };
    const intro = [
      heading(group, checks.length > 1, context),
      "",
      ...group.fix,
    ];
    const help = group.accessDenied ? ["", accessHelp(group, context)] : [];
    let size = Buffer.byteLength([...intro, ...help].join("\n")) + 400;
    const rows: string[][] = [];
    for (const result of group.results) {
      const cells = row(result, context, columns);
      const rowSize = Buffer.byteLength(cells.join("")) + 10;
      if (used + size + rowSize > budgetBytes) break;
      rows.push(cells);
      size += rowSize;
    }
    omitted += group.results.length - rows.length;
    if (rows.length === 0) continue;
    blocks.push(
      [
        ...intro,
        "",
        groupTables(headers(columns, context), rows),
        ...help,
      ].join("\n"),
    );
    used += size;
  }
  return { markdown: blocks.join("\n\n"), omitted };
}
