/**
 * What `remediate` planned or applied, for the report file, the job summary
 * and the tracking issue: per subscription, each field before → after, with
 * addresses masked like everywhere else. Pure.
 */
import type {
  FieldChange,
  Remediation,
  SubscriptionResult,
} from "../check/model.js";
import { escapeMarkdown, truncate } from "./markdown.js";
import { presentRemediation } from "./present.js";

function shown(value: FieldChange["before"]): string {
  if (value === null) return "(none)";
  if (Array.isArray(value)) {
    return value.length === 0 ? "(empty)" : value.join("; ");
  }
  return String(value);
}

function changeLine(change: FieldChange): string {
  const text = `${change.field}: ${shown(change.before)} → ${shown(change.after)}`;
  return `  - ${escapeMarkdown(truncate(text, 400))}`;
}

const OUTCOME: Record<Remediation["action"], string> = {
  plan: "would change",
  applied: "✅ applied",
  unchanged: "➖ nothing to change",
  failed: "❌ not fixed",
};

/**
 * "Planned changes" (plan) or "Applied changes" (apply): one entry per
 * subscription the run remediated, within `budgetBytes`. Empty when none.
 */
export function remediationSection(
  results: readonly SubscriptionResult[],
  mode: "plan" | "apply",
  mask: boolean,
  budgetBytes: number,
): string {
  const touched = results.filter((r) => r.remediation);
  if (touched.length === 0) return "";
  const lines = [
    mode === "plan" ? "### Planned changes" : "### Applied changes",
    "",
    mode === "plan"
      ? "`remediate: plan` wrote nothing. Run with `remediate: apply` (needs **Security Admin** on each subscription) to merge these into each contact; every other setting stays."
      : "Each contact was read, merged, written whole and read back; the verdicts above are those of the contact read back.",
    "",
  ];
  let used = Buffer.byteLength(lines.join("\n"));
  let listed = 0;
  for (const result of touched) {
    const remediation = presentRemediation(
      result.remediation ?? { action: "unchanged", changes: [] },
      mask,
    );
    const name = escapeMarkdown(truncate(result.displayName, 120)) || "—";
    const reason = remediation.reason
      ? `: ${escapeMarkdown(truncate(remediation.reason, 400))}`
      : "";
    const entry = [
      `- **${name}** (\`${result.subscriptionId.replaceAll("`", "")}\`) ${OUTCOME[remediation.action]}${reason}`,
      ...remediation.changes.map(changeLine),
    ].join("\n");
    const size = Buffer.byteLength(entry) + 1;
    if (used + size > budgetBytes) break;
    lines.push(entry);
    used += size;
    listed++;
  }
  if (listed < touched.length) {
    lines.push(
      `- …and ${touched.length - listed} more: see \`remediation\` in the JSON report.`,
    );
  }
  return lines.join("\n");
}
