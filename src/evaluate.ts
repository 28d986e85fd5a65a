/**
 * Evaluates every subscription in scope, a bounded number at a time. The
 * Azure side is reached only through the SubscriptionSource and ContactReader
 * interfaces; the verdicts themselves are the pure functions in check/.
 */
import pMap from "p-map";
import { errorMessage } from "./text.js";
import type { SubscriptionInfo, SubscriptionResult } from "./check/model.js";
import {
  errorVerdict,
  excludedVerdict,
  skipBeforeRequest,
  verdictFromContacts,
  withPaidPlans,
} from "./check/verdict.js";
import { controlsById } from "./check/controls/index.js";
import type { ControlPolicy } from "./check/controls/control.js";
import type { PlanReader } from "./azure/defender-plans.js";
import type { ContactReader } from "./azure/security-contacts.js";
import {
  isInvalidListed,
  type InvalidListedSubscription,
  type SubscriptionSource,
} from "./azure/subscriptions.js";
import { DeadlineExceeded, withinDeadline } from "./azure/deadlines.js";

export interface Scope extends ControlPolicy {
  /** The selected control IDs (the `checks` input). */
  checks: readonly string[];
  /** Lower-cased IDs to check; empty means every visible subscription. */
  subscriptions: readonly string[];
  excludeSubscriptions: ReadonlySet<string>;
  concurrency: number;
  /** Everything one subscription costs, all its requests together, ends by then. */
  subscriptionDeadlineMs: number;
}

export interface EvaluationLog {
  /** Called with running totals, at most every few seconds. */
  progress(done: number, listed: number, listingDone: boolean): void;
}

export interface Evaluation {
  results: SubscriptionResult[];
  /** Failures that belong to no single subscription (the listing). */
  runErrors: string[];
}

/** A unit of work: a listed subscription, or an ID the user named that must be looked up. */
type Task =
  | { kind: "listed"; subscription: SubscriptionInfo }
  | { kind: "named"; subscriptionId: string }
  | { kind: "invalid"; entry: InvalidListedSubscription };

const PROGRESS_EVERY_MS = 5000;

/** A named ID before Azure has told us its name and state. */
function unknownSubscription(subscriptionId: string): SubscriptionInfo {
  return { subscriptionId, displayName: "", state: "Unknown" };
}

export async function evaluateScope(
  scope: Scope,
  azure: {
    subscriptions: SubscriptionSource;
    contacts: ContactReader;
    /** When given, failing subscriptions also get their paid plans read. */
    plans?: PlanReader;
  },
  log: EvaluationLog,
): Promise<Evaluation> {
  const runErrors: string[] = [];
  const controls = controlsById(scope.checks);
  let listed = 0;
  let done = 0;
  let listingDone = false;

  async function* tasks(): AsyncIterable<Task> {
    try {
      if (scope.subscriptions.length > 0) {
        for (const subscriptionId of scope.subscriptions) {
          listed++;
          yield { kind: "named", subscriptionId };
        }
        return;
      }
      const seen = new Set<string>();
      try {
        for await (const subscription of azure.subscriptions.list()) {
          if (isInvalidListed(subscription)) {
            listed++;
            yield { kind: "invalid", entry: subscription };
            continue;
          }
          // Keyed by ID: a page that repeats a subscription must not count it twice.
          const key = subscription.subscriptionId.toLowerCase();
          if (seen.has(key)) continue;
          seen.add(key);
          listed++;
          yield { kind: "listed", subscription };
        }
      } catch (error) {
        runErrors.push(errorMessage(error));
      }
    } finally {
      listingDone = true;
    }
  }

  async function evaluate(
    subscription: SubscriptionInfo,
    signal: AbortSignal,
  ): Promise<SubscriptionResult> {
    const excluded = scope.excludeSubscriptions.has(
      subscription.subscriptionId.toLowerCase(),
    );
    const skipped = skipBeforeRequest(subscription, excluded);
    if (skipped) return skipped;
    const lookup = await azure.contacts.read(
      subscription.subscriptionId,
      signal,
    );
    const verdict = verdictFromContacts(subscription, lookup, controls, scope);
    // A second request only where the check failed: passing runs stay at one.
    if (verdict.status !== "fail" || !azure.plans) return verdict;
    return withPaidPlans(
      verdict,
      await azure.plans.paidPlans(subscription.subscriptionId, signal),
    );
  }

  async function run(
    task: Task,
    signal: AbortSignal,
  ): Promise<SubscriptionResult> {
    if (task.kind === "invalid") {
      return errorVerdict(
        {
          ...unknownSubscription(task.entry.placeholderId),
          displayName: task.entry.displayName,
        },
        "InvalidSubscriptionId",
        task.entry.message,
      );
    }
    if (task.kind === "listed") return evaluate(task.subscription, signal);
    const unknown = unknownSubscription(task.subscriptionId);
    // An excluded ID costs no request at all.
    if (scope.excludeSubscriptions.has(task.subscriptionId)) {
      return excludedVerdict(unknown);
    }
    const lookup = await azure.subscriptions.get(task.subscriptionId, signal);
    if (lookup.kind === "error")
      return errorVerdict(unknown, lookup.code, lookup.message);
    return evaluate(lookup.subscription, signal);
  }

  const ticker = setInterval(
    () => log.progress(done, listed, listingDone),
    PROGRESS_EVERY_MS,
  );
  try {
    const results = await pMap(
      tasks(),
      async (task) => {
        // One deadline for all of this subscription's requests; aborting
        // also cancels the request in flight.
        const controller = new AbortController();
        const timer = setTimeout(
          () => controller.abort(),
          scope.subscriptionDeadlineMs,
        );
        try {
          return await withinDeadline(
            run(task, controller.signal),
            controller.signal,
            `No complete answer within ${scope.subscriptionDeadlineMs / 1000} s, the time one subscription may take (all its requests and retries together).`,
          );
        } catch (error) {
          // Fail closed: whatever went wrong, this subscription is an error, never dropped.
          return errorVerdict(
            task.kind === "listed"
              ? task.subscription
              : task.kind === "named"
                ? unknownSubscription(task.subscriptionId)
                : unknownSubscription(task.entry.placeholderId),
            error instanceof DeadlineExceeded
              ? "DeadlineExceeded"
              : "UnexpectedError",
            errorMessage(error),
          );
        } finally {
          clearTimeout(timer);
          done++;
        }
      },
      { concurrency: scope.concurrency },
    );
    return { results, runErrors };
  } finally {
    clearInterval(ticker);
  }
}
