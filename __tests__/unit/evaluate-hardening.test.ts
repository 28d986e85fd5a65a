/**
 * evaluateScope's hardening against in-memory adapters: listed entries whose
 * ID is not a GUID, and one deadline for all of a subscription's requests.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ContactReader } from "../../src/azure/security-contacts.js";
import type {
  ListedSubscription,
  SubscriptionLookup,
  SubscriptionSource,
} from "../../src/azure/subscriptions.js";
import type { ContactLookup } from "../../src/check/model.js";
import type { GroupReader } from "../../src/azure/management-groups.js";
import { evaluateScope, type Scope } from "../../src/evaluate.js";
import { guidFor } from "./fixtures.js";

const noProgress = { progress: () => undefined };
/** No group is named in these tests, so no walk may happen. */
const noGroups: GroupReader = {
  descendants: () => Promise.reject(new Error("no group is named")),
};

function scope(overrides: Partial<Scope> = {}): Scope {
  return {
    subscriptions: [],
    excludeSubscriptions: new Set(),
    managementGroups: [],
    excludeManagementGroups: [],
    concurrency: 2,
    subscriptionDeadlineMs: 60_000,
    checks: ["additional-emails"],
    requiredEmails: [],
    allowedEmailDomains: [],
    ...overrides,
  };
}

class Listing implements SubscriptionSource {
  constructor(private readonly entries: ListedSubscription[]) {}

  async *list(): AsyncIterable<ListedSubscription> {
    yield* this.entries;
  }

  async get(subscriptionId: string): Promise<SubscriptionLookup> {
    return {
      kind: "found",
      subscription: { subscriptionId, displayName: "Named", state: "Enabled" },
    };
  }
}

/** Never answers, but gives up when the caller's signal aborts. */
class HangingContacts implements ContactReader {
  aborted = 0;

  read(_id: string, signal?: AbortSignal): Promise<ContactLookup> {
    return new Promise((_, reject) => {
      signal?.addEventListener("abort", () => {
        this.aborted++;
        reject(new Error("aborted"));
      });
    });
  }
}

const passing: ContactReader = {
  read: async () => ({
    kind: "found",
    contacts: [{ name: "default", emails: "a@contoso.com", isEnabled: true }],
  }),
};

describe("evaluateScope hardening", () => {
  it("turns a listed entry without a GUID into an error row under its placeholder", async () => {
    const { results } = await evaluateScope(
      scope(),
      {
        subscriptions: new Listing([
          {
            kind: "invalid-id",
            placeholderId: "invalid-subscription-id-1",
            displayName: "Evil",
            message: "The listing returned an ID that is not a GUID.",
          },
          { subscriptionId: guidFor(1), displayName: "Ok", state: "Enabled" },
        ]),
        groups: noGroups,
        contacts: passing,
      },
      noProgress,
    );
    assert.deepEqual(
      results.map((r) => [r.subscriptionId, r.status]),
      [
        ["invalid-subscription-id-1", "error"],
        [guidFor(1), "pass"],
      ],
    );
    assert.match(results[0]?.reason ?? "", /InvalidSubscriptionId/);
  });

  it("ends a subscription at its deadline and cancels its request", async () => {
    const contacts = new HangingContacts();
    const { results } = await evaluateScope(
      scope({ subscriptions: [guidFor(1)], subscriptionDeadlineMs: 50 }),
      { subscriptions: new Listing([]), groups: noGroups, contacts },
      noProgress,
    );
    assert.equal(results[0]?.status, "error");
    assert.match(results[0]?.reason ?? "", /DeadlineExceeded/);
    assert.equal(contacts.aborted, 1);
  });
});
