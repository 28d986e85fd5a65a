/**
 * Since when each subscription has needed attention, carried from run to run
 * inside the tracking issue itself: a hidden, versioned block right after
 * the marker, `<!-- defender-security-contact-check history v1 {...} -->`,
 * mapping subscription IDs to the UTC date of the first run that saw them
 * failing or errored. A subscription that passes (or is skipped) drops out,
 * so its date starts over if it fails again. Pure.
 */
import type { SubscriptionResult } from "../check/model.js";
import { isGuid } from "../text.js";

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
  for (const result of results) {
    if (result.status !== "fail" && result.status !== "error") continue;
    const id = result.subscriptionId.toLowerCase();
    // Placeholders for invalid IDs change between runs: no history.
    if (!isGuid(id)) continue;
    next.set(id, previous.get(id) ?? today);
  }
  return next;
}

/** The hidden block; its keys are GUIDs and its values dates, so it cannot close the comment early. */
export function historyBlock(history: FailingSince): string {
  const sorted = Object.fromEntries([...history].sort());
  return `<!-- defender-security-contact-check history v1 ${JSON.stringify(sorted)} -->`;
}

/** Rows whose reason starts with the date they first needed attention. */
export function withSince(
  results: readonly SubscriptionResult[],
  history: FailingSince,
): SubscriptionResult[] {
  return results.map((result) => {
    const since = history.get(result.subscriptionId.toLowerCase());
    return since
      ? {
          ...result,
          reason: `${result.status === "fail" ? "Failing" : "Erroring"} since ${since}. ${result.reason}`,
        }
      : result;
  });
}
