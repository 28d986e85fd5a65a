/**
 * evaluateScope against in-memory adapters: the orchestration (scope,
 * exclusions, bounded concurrency, fail-closed errors) without a network.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { PlanReader } from "../../src/azure/defender-plans.js";
import type { ContactReader } from "../../src/azure/security-contacts.js";
import {
  ListingError,
  type SubscriptionLookup,
  type SubscriptionSource,
} from "../../src/azure/subscriptions.js";
import type { ContactLookup, SubscriptionInfo } from "../../src/check/model.js";
import { evaluateScope, type Scope } from "../../src/evaluate.js";
import { guidFor } from "./fixtures.js";

const passing: ContactLookup = {
  kind: "found",
  contacts: [{ name: "default", emails: "soc@contoso.com", isEnabled: true }],
};
const none: ContactLookup = { kind: "found", contacts: [] };

function info(n: number, state = "Enabled"): SubscriptionInfo {
  return { subscriptionId: guidFor(n), displayName: `Sub ${n}`, state };
}

class MemorySubscriptions implements SubscriptionSource {
  gets: string[] = [];
  constructor(
    private readonly visible: SubscriptionInfo[],
    private readonly breakAfter?: number,
  ) {}

  async *list(): AsyncIterable<SubscriptionInfo> {
    for (const [index, subscription] of this.visible.entries()) {
      if (index === this.breakAfter) {
        throw new ListingError("Listing subscriptions failed: page 2 broke.");
      }
      yield subscription;
    }
  }

  async get(subscriptionId: string): Promise<SubscriptionLookup> {
    this.gets.push(subscriptionId);
    const found = this.visible.find((s) => s.subscriptionId === subscriptionId);
    return found
      ? { kind: "found", subscription: found }
      : {
          kind: "error",
          code: "SubscriptionNotFound",
          message: "Not visible.",
        };
  }
}

/** Answers after a tick and records how many reads overlap. */
class MemoryContacts implements ContactReader {
  reads: string[] = [];
  inFlight = 0;
  peak = 0;
  constructor(private readonly answers: Map<string, ContactLookup | Error>) {}

  async read(subscriptionId: string): Promise<ContactLookup> {
    this.reads.push(subscriptionId);
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    await sleep(2);
    this.inFlight--;
    const answer = this.answers.get(subscriptionId) ?? passing;
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

const noProgress = { progress: () => undefined };

function scope(overrides: Partial<Scope> = {}): Scope {
  return {
    subscriptions: [],
    excludeSubscriptions: new Set(),
    concurrency: 4,
    checks: ["additional-emails"],
    requiredEmails: [],
    allowedEmailDomains: [],
    maskEmails: true,
    subscriptionDeadlineMs: 60_000,
    ...overrides,
  };
}

describe("evaluateScope", () => {
  it("evaluates every listed subscription, never more than `concurrency` at once", async () => {
    const subscriptions = new MemorySubscriptions(
      Array.from({ length: 40 }, (_, i) => info(i + 1)),
    );
    const contacts = new MemoryContacts(new Map([[guidFor(7), none]]));
    const { results, runErrors } = await evaluateScope(
      scope({ concurrency: 4 }),
      { subscriptions, contacts },
      noProgress,
    );
    assert.equal(results.length, 40);
    assert.deepEqual(runErrors, []);
    assert.equal(contacts.reads.length, 40);
    assert.ok(contacts.peak <= 4, `peak ${contacts.peak}`);
    assert.ok(contacts.peak > 1, "reads overlap");
    assert.equal(
      results.find((r) => r.subscriptionId === guidFor(7))?.status,
      "fail",
    );
  });

  it("skips excluded and inactive subscriptions without a request, case-insensitively", async () => {
    const upper = { ...info(2), subscriptionId: guidFor(2).toUpperCase() };
    const subscriptions = new MemorySubscriptions([
      info(1),
      upper,
      info(3, "Deleted"),
    ]);
    const contacts = new MemoryContacts(new Map());
    const { results } = await evaluateScope(
      scope({ excludeSubscriptions: new Set([guidFor(2)]) }),
      { subscriptions, contacts },
      noProgress,
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ["pass", "skipped", "skipped"],
    );
    assert.equal(
      results[1]?.subscriptionId,
      guidFor(2).toUpperCase(),
      "Azure's spelling is kept",
    );
    assert.deepEqual(contacts.reads, [guidFor(1)]);
  });

  it("counts a subscription the listing repeats once", async () => {
    const subscriptions = new MemorySubscriptions([info(1), info(2), info(1)]);
    const { results } = await evaluateScope(
      scope(),
      { subscriptions, contacts: new MemoryContacts(new Map()) },
      noProgress,
    );
    assert.equal(results.length, 2);
  });

  it("keeps what was listed before the listing broke, and records the break", async () => {
    const subscriptions = new MemorySubscriptions(
      [info(1), info(2), info(3)],
      2,
    );
    const { results, runErrors } = await evaluateScope(
      scope(),
      { subscriptions, contacts: new MemoryContacts(new Map()) },
      noProgress,
    );
    assert.equal(results.length, 2);
    assert.deepEqual(runErrors, [
      "Listing subscriptions failed: page 2 broke.",
    ]);
  });

  it("looks up named IDs only, and reports an invisible one as an error", async () => {
    const subscriptions = new MemorySubscriptions([info(1), info(2), info(3)]);
    const contacts = new MemoryContacts(new Map());
    const { results } = await evaluateScope(
      scope({
        subscriptions: [guidFor(3), guidFor(9), guidFor(2)],
        excludeSubscriptions: new Set([guidFor(2)]),
      }),
      { subscriptions, contacts },
      noProgress,
    );
    assert.deepEqual(
      results.map((r) => [r.subscriptionId, r.status]),
      [
        [guidFor(3), "pass"],
        [guidFor(9), "error"],
        [guidFor(2), "skipped"],
      ],
    );
    assert.match(results[1]?.reason ?? "", /SubscriptionNotFound/);
    assert.deepEqual(
      subscriptions.gets,
      [guidFor(3), guidFor(9)],
      "an excluded ID costs no request",
    );
    assert.deepEqual(contacts.reads, [guidFor(3)]);
  });

  it("turns an unexpected exception into an error for that subscription only", async () => {
    const subscriptions = new MemorySubscriptions([info(1), info(2)]);
    const contacts = new MemoryContacts(
      new Map([[guidFor(1), new Error("socket hang up")]]),
    );
    const { results } = await evaluateScope(
      scope(),
      { subscriptions, contacts },
      noProgress,
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ["error", "pass"],
    );
    assert.match(results[0]?.reason ?? "", /socket hang up/);
  });

  it("reads Defender plans for failing subscriptions only", async () => {
    const asked: string[] = [];
    const plans: PlanReader = {
      paidPlans: async (id) => {
        asked.push(id);
        return ["VirtualMachines"];
      },
    };
    const subscriptions = new MemorySubscriptions([info(1), info(2)]);
    const contacts = new MemoryContacts(new Map([[guidFor(2), none]]));
    const { results } = await evaluateScope(
      scope(),
      { subscriptions, contacts, plans },
      noProgress,
    );
    assert.deepEqual(asked, [guidFor(2)]);
    assert.deepEqual(results[1]?.paidDefenderPlans, ["VirtualMachines"]);
  });
});
