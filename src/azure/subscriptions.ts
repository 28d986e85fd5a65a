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
import { errorMessage, plural } from "../text.js";
import { armError } from "./arm-answer.js";

export type SubscriptionLookup =
  | { kind: "found"; subscription: SubscriptionInfo }
  | { kind: "error"; code: string; message: string };

export interface SubscriptionSource {
  /** Every visible subscription; throws ListingError when the listing breaks. */
  list(): AsyncIterable<SubscriptionInfo>;
  get(subscriptionId: string): Promise<SubscriptionLookup>;
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

export class ArmSubscriptionSource implements SubscriptionSource {
  constructor(private readonly client: SubscriptionClient) {}

  async *list(): AsyncIterable<SubscriptionInfo> {
    const seenLinks = new Set<string>();
    let page = 0;
    try {
      for await (const items of this.client.subscriptions.list().byPage()) {
        page++;
        for (const item of items) {
          const info = toInfo(item);
          if (!info) {
            throw new ListingError(
              `page ${page} holds a subscription without an ID`,
            );
          }
          yield info;
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
          `Listing subscriptions failed: ${error.message}.`,
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
        `Listing subscriptions failed after ${plural(page, "page")}: ${code}: ${message}`,
      );
    }
  }

  async get(subscriptionId: string): Promise<SubscriptionLookup> {
    try {
      const info = toInfo(await this.client.subscriptions.get(subscriptionId));
      if (!info) {
        return {
          kind: "error",
          code: "MalformedResponse",
          message: "The subscription answer has no subscriptionId.",
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
