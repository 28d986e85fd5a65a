/**
 * Which subscriptions are in scope: every one the identity can list (pages
 * streamed as they arrive), or the IDs the user named, looked up one by one.
 */
import type {
  Subscription,
  SubscriptionClient,
} from "@azure/arm-resources-subscriptions";
import { isRestError } from "@azure/core-rest-pipeline";
import type { SubscriptionInfo } from "../check/model.js";
import { displayCode, errorMessage, isGuid, plural } from "../text.js";
import { armError } from "./arm-answer.js";
import { withinDeadline } from "./deadlines.js";

/** A listed entry whose ID is not a GUID: never used in a URL, a table or a shell line. */
export interface InvalidListedSubscription {
  kind: "invalid-id";
  /** A safe stand-in, `invalid-subscription-id-<n>`, unique within the run. */
  placeholderId: string;
  displayName: string;
  message: string;
}

export type ListedSubscription = SubscriptionInfo | InvalidListedSubscription;

export function isInvalidListed(
  entry: ListedSubscription,
): entry is InvalidListedSubscription {
  return "kind" in entry && entry.kind === "invalid-id";
}

export interface ListingLimits {
  /** Far above any real tenant (100 subscriptions a page). */
  maxPages: number;
  /** The whole listing, all pages and retries, ends by then. */
  deadlineMs: number;
}

export const DEFAULT_LISTING_LIMITS: ListingLimits = {
  maxPages: 10_000,
  deadlineMs: 90_000,
};

export type SubscriptionLookup =
  | { kind: "found"; subscription: SubscriptionInfo }
  | { kind: "error"; code: string; message: string };

export interface SubscriptionSource {
  /** Every visible subscription; throws ListingError when the listing breaks. */
  list(): AsyncIterable<ListedSubscription>;
  get(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<SubscriptionLookup>;
}

/** Why a named subscription is missing from what the identity can see. */
export const NOT_VISIBLE =
  "The identity cannot see this subscription: it does not exist in this tenant, or the identity has no role on it (assign Security Reader).";

/** The tenant-wide listing failed part-way or entirely. */
export class ListingError extends Error {
  override name = "ListingError";
}

function describe(error: unknown): { code: string; message: string } {
  if (isRestError(error)) {
    // The SDK's paging error drops Azure's own words; they are in the body.
    const { status, bodyAsText } = error.response ?? {};
    if (status !== undefined && bodyAsText) return armError(status, bodyAsText);
    return {
      code:
        error.code ??
        (error.statusCode ? `HTTP${error.statusCode}` : "RequestFailed"),
      message: error.message.replace(/\s+/g, " ").trim(),
    };
  }
  return {
    code: "RequestFailed",
    message: errorMessage(error),
  };
}

function toInfo(subscription: Subscription): SubscriptionInfo | undefined {
  const subscriptionId =
    subscription.subscriptionId ??
    /^\/subscriptions\/([^/]+)$/i.exec(subscription.id ?? "")?.[1];
  if (!subscriptionId) return undefined;
  return {
    // As Azure spells it; comparisons elsewhere ignore case.
    subscriptionId,
    displayName: subscription.displayName ?? "",
    state: subscription.state ?? "Unknown",
  };
}

/** A GUID as it is; anything else only by its length, never repeated. */
function describeId(id: string): string {
  return isGuid(id)
    ? id
    : `an ID that is not a GUID (${plural(id.length, "character")}, not shown)`;
}

function deadlineError(deadlineMs: number): ListingError {
  return new ListingError(
    `Listing subscriptions did not finish within ${deadlineMs / 1000} s, so it stopped; the subscriptions listed so far are evaluated`,
  );
}

export class ArmSubscriptionSource implements SubscriptionSource {
  private invalidIds = 0;

  constructor(
    private readonly client: SubscriptionClient,
    private readonly limits: ListingLimits = DEFAULT_LISTING_LIMITS,
  ) {}

  /** A listed subscription, or a stand-in when Azure's ID is not a GUID. */
  private listed(info: SubscriptionInfo): ListedSubscription {
    if (isGuid(info.subscriptionId)) return info;
    this.invalidIds++;
    return {
      kind: "invalid-id",
      placeholderId: `invalid-subscription-id-${this.invalidIds}`,
      displayName: info.displayName,
      message: `The listing returned ${describeId(info.subscriptionId)}, so this entry was not checked.`,
    };
  }

  async *list(): AsyncIterable<ListedSubscription> {
    const seenLinks = new Set<string>();
    let page = 0;
    const { maxPages, deadlineMs } = this.limits;
    // The deadline counts time spent waiting for Azure, not time the
    // evaluation takes to pull the next subscription.
    let remainingMs = deadlineMs;
    const controller = new AbortController();
    const abortSignal = controller.signal;
    try {
      const byPage = this.client.subscriptions.list({ abortSignal }).byPage();
      const pages = byPage[Symbol.asyncIterator]();
      for (;;) {
        const started = Date.now();
        // Aborting also cancels the request in flight.
        const timer = setTimeout(() => controller.abort(), remainingMs);
        let step: IteratorResult<Subscription[]>;
        try {
          step = await withinDeadline(
            pages.next(),
            abortSignal,
            deadlineError(deadlineMs).message,
          );
        } finally {
          clearTimeout(timer);
          remainingMs -= Date.now() - started;
        }
        if (step.done) break;
        const items = step.value;
        page++;
        for (const item of items) {
          const info = toInfo(item);
          if (!info) {
            throw new ListingError(
              `page ${page} holds a subscription without an ID`,
            );
          }
          yield this.listed(info);
        }
        if (
          page >= maxPages &&
          (items as { continuationToken?: string }).continuationToken
        ) {
          throw new ListingError(
            `Listing subscriptions stopped after ${plural(page, "page")}, the most one run reads: Azure kept sending another nextLink`,
          );
        }
        // A server that keeps sending the same nextLink would loop forever.
        const next = (items as { continuationToken?: string })
          .continuationToken;
        if (next) {
          if (seenLinks.has(next)) {
            throw new ListingError(
              `page ${page} repeats an earlier nextLink, so the listing stopped`,
            );
          }
          seenLinks.add(next);
        }
      }
    } catch (error) {
      if (error instanceof ListingError) {
        throw new ListingError(
          error.message.startsWith("Listing")
            ? `${error.message}.`
            : `Listing subscriptions failed: ${error.message}.`,
        );
      }
      if (abortSignal.aborted) {
        throw new ListingError(
          `${deadlineError(deadlineMs).message} (after ${plural(page, "page")}).`,
        );
      }
      // The SDK reads a page of the wrong shape (a bare array, no 'value')
      // into a TypeError ("Cannot read properties of undefined") that says
      // nothing useful; name the page instead.
      const { code, message } =
        error instanceof TypeError
          ? {
              code: "MalformedResponse",
              message: `page ${page + 1} does not have the shape of a subscription list.`,
            }
          : describe(error);
      throw new ListingError(
        `Listing subscriptions failed after ${plural(page, "page")}: ${displayCode(code)}: ${message}`,
      );
    }
  }

  async get(
    subscriptionId: string,
    abortSignal?: AbortSignal,
  ): Promise<SubscriptionLookup> {
    try {
      const info = toInfo(
        await this.client.subscriptions.get(subscriptionId, { abortSignal }),
      );
      if (!info) {
        return {
          kind: "error",
          code: "MalformedResponse",
          message: "The subscription answer has no subscriptionId.",
        };
      }
      // Another subscription's data must never stand in for the named one.
      if (info.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()) {
        return {
          kind: "error",
          code: "MismatchedAnswer",
          message: `Azure answered with the data of another subscription (${describeId(info.subscriptionId)}), so it was not used.`,
        };
      }
      return { kind: "found", subscription: info };
    } catch (error) {
      const { code, message } = describe(error);
      if (
        code === "SubscriptionNotFound" ||
        (isRestError(error) && error.statusCode === 404)
      ) {
        return {
          kind: "error",
          code: "SubscriptionNotFound",
          message: NOT_VISIBLE,
        };
      }
      return { kind: "error", code, message };
    }
  }
}
