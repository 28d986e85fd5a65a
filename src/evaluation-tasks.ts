/**
 * What the evaluation works through: the subscriptions in scope, one task
 * each, as the listing (or the scope's named IDs and group members) yields
 * them. Counts what it yields and keeps the listing's errors for the run.
 */
import { errorMessage } from "./text.js";
import type { SubscriptionInfo } from "./check/model.js";
import { unknownSubscription } from "./check/verdict.js";
import {
  isInvalidListed,
  type InvalidListedSubscription,
  type SubscriptionSource,
} from "./azure/subscriptions.js";
import type { ScopeDecision } from "./scope.js";

/** A unit of work: a listed subscription, or an ID the user named that must be looked up. */
export type Task =
  | { kind: "listed"; subscription: SubscriptionInfo }
  | { kind: "named"; subscriptionId: string }
  | { kind: "unlisted"; subscriptionId: string; listingFailed: boolean }
  | { kind: "invalid"; entry: InvalidListedSubscription };

/** The running totals the progress line reads, and the listing's errors. */
export interface TaskProgress {
  listed: number;
  listingDone: boolean;
  readonly runErrors: string[];
}

/** The subscription a task is about, as far as it is known before any request. */
export function taskSubscription(task: Task): SubscriptionInfo {
  if (task.kind === "listed") return task.subscription;
  if (task.kind === "invalid")
    return unknownSubscription(task.entry.placeholderId);
  return unknownSubscription(task.subscriptionId);
}

/**
 * With group scope: the members as one tenant listing meets them (names
 * and states without a GET each), then those the listing never showed.
 */
async function* members(
  inScope: ReadonlyMap<string, string>,
  source: SubscriptionSource,
  progress: TaskProgress,
): AsyncIterable<Task> {
  const pending = new Map(inScope);
  let listingFailed = false;
  try {
    for await (const subscription of source.list()) {
      // An entry without a valid ID cannot be one of the members.
      if (isInvalidListed(subscription)) continue;
      const key = subscription.subscriptionId.toLowerCase();
      if (!pending.delete(key)) continue;
      progress.listed++;
      yield { kind: "listed", subscription };
    }
  } catch (error) {
    listingFailed = true;
    progress.runErrors.push(errorMessage(error));
  }
  for (const subscriptionId of pending.values()) {
    progress.listed++;
    yield { kind: "unlisted", subscriptionId, listingFailed };
  }
}

/** Every listed subscription once (keyed by ID), and entries without a valid ID as errors. */
async function* everyListed(
  source: SubscriptionSource,
  progress: TaskProgress,
): AsyncIterable<Task> {
  const seen = new Set<string>();
  try {
    for await (const subscription of source.list()) {
      if (isInvalidListed(subscription)) {
        progress.listed++;
        yield { kind: "invalid", entry: subscription };
        continue;
      }
      // Keyed by ID: a page that repeats a subscription must not count it twice.
      const key = subscription.subscriptionId.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      progress.listed++;
      yield { kind: "listed", subscription };
    }
  } catch (error) {
    progress.runErrors.push(errorMessage(error));
  }
}

export async function* scopeTasks(
  decided: ScopeDecision,
  namedIds: readonly string[],
  source: SubscriptionSource,
  progress: TaskProgress,
): AsyncIterable<Task> {
  try {
    if (decided.members) {
      yield* members(decided.members, source, progress);
    } else if (namedIds.length > 0) {
      for (const subscriptionId of namedIds) {
        progress.listed++;
        yield { kind: "named", subscriptionId };
      }
    } else {
      yield* everyListed(source, progress);
    }
  } finally {
    progress.listingDone = true;
  }
}
