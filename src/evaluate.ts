/**
 * Evaluates every subscription in scope, a bounded number at a time, reaching
 * Azure only through the SubscriptionSource, GroupReader and ContactReader
 * interfaces; the scope and the verdicts are pure (scope.ts, check/).
 */
import pMap from "p-map";
import { errorMessage } from "./text.js";
import type {
  ContactLookup,
  SubscriptionInfo,
  SubscriptionResult,
} from "./check/model.js";
import { ownerOf } from "./check/owner.js";
import {
  errorVerdict,
  excludedVerdict,
  skipBeforeRequest,
  unknownSubscription,
  verdictFromContacts,
  withPaidPlans,
} from "./check/verdict.js";
import { controlsById } from "./check/controls/index.js";
import type { ControlPolicy } from "./check/controls/control.js";
import type { PlanReader } from "./azure/defender-plans.js";
import type { MailDomainSource } from "./dns/deliverability.js";
import type { GroupReader } from "./azure/management-groups.js";
import type { ContactReader } from "./azure/security-contacts.js";
import { NOT_VISIBLE, type SubscriptionSource } from "./azure/subscriptions.js";
import { DeadlineExceeded, withinDeadline } from "./azure/deadlines.js";
import { ConcurrencyGate } from "./azure/concurrency-gate.js";
import {
  scopeTasks,
  taskSubscription,
  type Task,
  type TaskProgress,
} from "./evaluation-tasks.js";
import { decideScope, type ScopeDecision, type WalkedGroup } from "./scope.js";

export interface Scope extends ControlPolicy {
  /** The selected control IDs (the `checks` input). */
  checks: readonly string[];
  /** Lower-cased IDs to check; empty (with no groups) means every visible subscription. */
  subscriptions: readonly string[];
  excludeSubscriptions: ReadonlySet<string>;
  /** Groups whose descendants are in scope, on top of `subscriptions`. */
  managementGroups: readonly string[];
  /** Groups whose descendants are skipped. */
  excludeManagementGroups: readonly string[];
  /** Subscriptions evaluated at once; with a changing limit, the most it can be. */
  concurrency: number;
  /** Everything one subscription costs, all its requests together, ends by then. */
  subscriptionDeadlineMs: number;
  /** Tag names that name a subscription's owner (`owner-tags`); none: no owner. */
  ownerTags?: readonly string[];
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

const PROGRESS_EVERY_MS = 5000;

export async function evaluateScope(
  scope: Scope,
  azure: {
    subscriptions: SubscriptionSource;
    groups: GroupReader;
    contacts: ContactReader;
    /** When given, failing subscriptions also get their paid plans read. */
    plans?: PlanReader;
    /** DNS answers for the controls that read them (deliverable-emails). */
    mailDomains?: MailDomainSource;
    /** When given, how many may be evaluated at once right now (at most `scope.concurrency`). */
    concurrency?: { readonly limit: number };
  },
  log: EvaluationLog,
): Promise<Evaluation> {
  const progress: TaskProgress = {
    listed: 0,
    listingDone: false,
    runErrors: [],
  };
  const { runErrors } = progress;
  const controls = controlsById(scope.checks);
  let done = 0;

  // One walk per named group, before any contact is read.
  const walk = (groupIds: readonly string[]): Promise<WalkedGroup[]> =>
    pMap(
      groupIds,
      async (groupId) => ({
        groupId,
        walk: await azure.groups.descendants(groupId),
      }),
      { concurrency: scope.concurrency },
    );
  const decided: ScopeDecision = decideScope({
    subscriptions: scope.subscriptions,
    excludeSubscriptions: scope.excludeSubscriptions,
    included: await walk(scope.managementGroups),
    excluded: await walk(scope.excludeManagementGroups),
  });
  runErrors.push(...decided.runErrors);

  const exclusion = (subscriptionId: string): string | undefined =>
    decided.exclusions.get(subscriptionId.toLowerCase());

  async function evaluate(
    subscription: SubscriptionInfo,
    signal: AbortSignal,
  ): Promise<SubscriptionResult> {
    const result = await judge(subscription, signal);
    const owner = ownerOf(subscription.tags, scope.ownerTags ?? []);
    return owner ? { ...result, owner } : result;
  }

  async function judge(
    subscription: SubscriptionInfo,
    signal: AbortSignal,
  ): Promise<SubscriptionResult> {
    const skipped = skipBeforeRequest(
      subscription,
      exclusion(subscription.subscriptionId),
    );
    if (skipped) return skipped;
    const lookup = await azure.contacts.read(
      subscription.subscriptionId,
      signal,
    );
    const verdict = verdictFromContacts(
      subscription,
      lookup,
      controls,
      await withMailDomains(lookup),
    );
    // A second request only where the check failed: passing runs stay at one.
    if (verdict.status !== "fail" || !azure.plans) return verdict;
    return withPaidPlans(
      verdict,
      await azure.plans.paidPlans(subscription.subscriptionId, signal),
    );
  }

  /** The policy, with DNS's answers for the domains the controls read. */
  async function withMailDomains(lookup: ContactLookup): Promise<Scope> {
    if (lookup.kind !== "found" || !azure.mailDomains) return scope;
    const domains = controls.flatMap(
      (control) => control.mailDomains?.(lookup.contacts, scope) ?? [],
    );
    if (domains.length === 0) return scope;
    return { ...scope, mailDomains: await azure.mailDomains.lookUp(domains) };
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
    const excludedBecause = exclusion(task.subscriptionId);
    if (excludedBecause) return excludedVerdict(unknown, excludedBecause);
    if (task.kind === "unlisted") {
      return task.listingFailed
        ? errorVerdict(
            unknown,
            "ListingFailed",
            "The subscription listing broke before it showed this subscription, so its state is unknown.",
          )
        : errorVerdict(
            unknown,
            "SubscriptionNotFound",
            decided.parentGroups.has(task.subscriptionId.toLowerCase())
              ? "The management group holds this subscription, but the identity cannot list it (assign Security Reader at the group)."
              : NOT_VISIBLE,
          );
    }
    const lookup = await azure.subscriptions.get(task.subscriptionId, signal);
    if (lookup.kind === "error")
      return errorVerdict(unknown, lookup.code, lookup.message);
    return evaluate(lookup.subscription, signal);
  }

  /** Rows of subscriptions a group walk reached name their direct parent group. */
  function withParentGroup(result: SubscriptionResult): SubscriptionResult {
    const group = decided.parentGroups.get(result.subscriptionId.toLowerCase());
    return group ? { ...result, managementGroup: group } : result;
  }

  const overTime = `No complete answer within ${scope.subscriptionDeadlineMs / 1000} s, the time one subscription may take (all its requests and retries together).`;

  const ticker = setInterval(
    () => log.progress(done, progress.listed, progress.listingDone),
    PROGRESS_EVERY_MS,
  );
  const gate = new ConcurrencyGate(() =>
    Math.min(scope.concurrency, azure.concurrency?.limit ?? scope.concurrency),
  );
  try {
    const results = await pMap(
      scopeTasks(decided, scope.subscriptions, azure.subscriptions, progress),
      (task) => gate.run(() => evaluateTask(task)),
      { concurrency: scope.concurrency },
    );
    return { results, runErrors };
  } finally {
    clearInterval(ticker);
  }

  async function evaluateTask(task: Task): Promise<SubscriptionResult> {
    // One deadline for all of this subscription's requests; aborting
    // also cancels the request in flight.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(),
      scope.subscriptionDeadlineMs,
    );
    try {
      return withParentGroup(
        await withinDeadline(
          run(task, controller.signal),
          controller.signal,
          overTime,
        ),
      );
    } catch (error) {
      // Fail closed: whatever went wrong, this subscription is an error, never dropped.
      return withParentGroup(
        errorVerdict(
          taskSubscription(task),
          error instanceof DeadlineExceeded
            ? "DeadlineExceeded"
            : "UnexpectedError",
          errorMessage(error),
        ),
      );
    } finally {
      clearTimeout(timer);
      done++;
    }
  }
}
