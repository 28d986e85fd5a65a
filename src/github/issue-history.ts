/**
 * Since when each subscription has needed attention, carried from run to run
 * inside the tracking issue itself: a hidden, versioned block right after
 * the marker, `<!-- defender-security-contact-check history v1 {...} -->`,
 * mapping subscription IDs to the UTC date of the first run that saw them
 * failing or errored. A subscription that passes (or is skipped) drops out,
 * so its date starts over if it fails again. The block holds at most
 * MAX_HISTORY_ENTRIES subscriptions, failures first as the table
 * lists them, so it cannot push the body past GitHub's limit. Pure.
 */
import type { SubscriptionResult } from "../check/model.js";
import type { RunChanges } from "../report/sections.js";
import { isGuid } from "../text.js";

/** About 16,000 characters: with the table's share, the body stays within 65,536. */
export const MAX_HISTORY_ENTRIES = 300;

/** Lower-cased subscription ID → `YYYY-MM-DD`. */
export type FailingSince = ReadonlyMap<string, string>;

const BLOCK =
  /<!-- defender-security-contact-check history v1 (\{[^<>]*\}) -->/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The history in an issue body; anything unreadable or implausible is ignored. */
export function readHistory(
  body: string | null | undefined,
  today: string,
): FailingSince {
  const history = new Map<string, string>();
  const json = BLOCK.exec(body ?? "")?.[1];
  if (!json) return history;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return history;
  }
  if (typeof parsed !== "object" || parsed === null) return history;
  for (const [id, date] of Object.entries(parsed)) {
    if (
      id === id.toLowerCase() &&
      isGuid(id) &&
      typeof date === "string" &&
      DATE.test(date) &&
      date <= today
    ) {
      history.set(id, date);
    }
  }
  return history;
}

/** Keeps the first date of every subscription still failing or errored; new ones start today. */
export function nextHistory(
  previous: FailingSince,
  results: readonly SubscriptionResult[],
  today: string,
): FailingSince {
  const next = new Map<string, string>();
  // The table's order: failures, then errors.
  const attention = [
    ...results.filter((r) => r.status === "fail"),
    ...results.filter((r) => r.status === "error"),
  ];
  for (const result of attention) {
    if (next.size >= MAX_HISTORY_ENTRIES) break;
    const id = result.subscriptionId.toLowerCase();
    // Placeholders for invalid IDs change between runs: no history.
    if (!isGuid(id)) continue;
    next.set(id, previous.get(id) ?? today);
  }
  return next;
}

/**
 * What changed since the run that wrote `previous`: this run's history, the
 * subscriptions failing now that were not in it, and how many of those in it
 * now pass.
 */
export function changesSince(
  previous: FailingSince,
  results: readonly SubscriptionResult[],
  today: string,
): RunChanges {
  const newlyFailing = new Set<string>();
  let fixed = 0;
  for (const result of results) {
    const id = result.subscriptionId.toLowerCase();
    if (result.status === "fail" && isGuid(id) && !previous.has(id)) {
      newlyFailing.add(id);
    }
    if (result.status === "pass" && previous.has(id)) fixed++;
  }
  return {
    failingSince: nextHistory(previous, results, today),
    newlyFailing,
    fixed,
  };
}

/** The hidden block; its keys are GUIDs and its values dates, so it cannot close the comment early. */
export function historyBlock(history: FailingSince): string {
  const sorted = Object.fromEntries([...history].sort());
  return `<!-- defender-security-contact-check history v1 ${JSON.stringify(sorted)} -->`;
}
