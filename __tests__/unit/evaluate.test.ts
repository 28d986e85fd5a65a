/**
 * evaluateScope against in-memory adapters: the orchestration (scope,
 * exclusions, bounded concurrency, fail-closed errors) without a network.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { PlanReader } from "../../src/azure/defender-plans.js";
import type {
  GroupReader,
  GroupWalk,
} from "../../src/azure/management-groups.js";
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

/** Each group's walk, by group ID; an unknown group is a 404. */
class MemoryGroups implements GroupReader {
  walked: string[] = [];
  constructor(private readonly walks: Record<string, GroupWalk>) {}

  async descendants(groupId: string): Promise<GroupWalk> {
    this.walked.push(groupId);
    return (
      this.walks[groupId] ?? {
        kind: "error",
        code: "NotFound",
        message: `'${groupId}' not found.`,
      }
    );
  }
}

const noProgress = { progress: () => undefined };

function scope(overrides: Partial<Scope> = {}): Scope {
  return {
    subscriptions: [],
    excludeSubscriptions: new Set(),
    managementGroups: [],
    excludeManagementGroups: [],
    concurrency: 4,
    checks: ["additional-emails"],
    requiredEmails: [],
    allowedEmailDomains: [],
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
      { subscriptions, groups: new MemoryGroups({}), contacts },
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
      { subscriptions, groups: new MemoryGroups({}), contacts },
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
      {
        subscriptions,
        groups: new MemoryGroups({}),
        contacts: new MemoryContacts(new Map()),
      },
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
      {
        subscriptions,
        groups: new MemoryGroups({}),
        contacts: new MemoryContacts(new Map()),
      },
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
      { subscriptions, groups: new MemoryGroups({}), contacts },
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
      { subscriptions, groups: new MemoryGroups({}), contacts },
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
      { subscriptions, groups: new MemoryGroups({}), contacts, plans },
      noProgress,
    );
    assert.deepEqual(asked, [guidFor(2)]);
    assert.deepEqual(results[1]?.paidDefenderPlans, ["VirtualMachines"]);
  });

  it("names the owner from the first owner-tags tag, on every verdict", async () => {
    const subscriptions = new MemorySubscriptions([
      { ...info(1), tags: { Owner: "Jane", "technical-contact": "Ops" } },
      { ...info(2), tags: { "technical-contact": "Ops" } },
      { ...info(3, "Disabled"), tags: { owner: "Lee" } },
      { ...info(4), tags: { CostCenter: "42" } },
    ]);
    const contacts = new MemoryContacts(new Map([[guidFor(2), none]]));
    const { results } = await evaluateScope(
      scope({ ownerTags: ["owner", "technical-contact"] }),
      { subscriptions, groups: new MemoryGroups({}), contacts },
      noProgress,
    );
    assert.deepEqual(
      results.map((r) => [r.status, r.owner]),
      [
        ["pass", "Jane"],
        ["fail", "Ops"],
        ["skipped", "Lee"],
        ["pass", undefined],
      ],
    );
    assert.ok(!("owner" in (results[3] ?? {})), "no owner key when none");
  });
});

describe("evaluateScope with management groups", () => {
  const corp: GroupWalk = {
    kind: "found",
    members: [
      { subscriptionId: guidFor(1), parentGroup: "corp" },
      { subscriptionId: guidFor(2), parentGroup: "corp-eu" },
      { subscriptionId: guidFor(9), parentGroup: "corp" },
    ],
  };

  it("takes names and states from one listing, reads no contact outside scope, and names each row's parent group", async () => {
    const subscriptions = new MemorySubscriptions([
      info(1),
      info(2, "Disabled"),
      info(3),
      info(4),
    ]);
    const contacts = new MemoryContacts(new Map());
    const groups = new MemoryGroups({ corp });
    const { results, runErrors } = await evaluateScope(
      scope({ managementGroups: ["corp"], subscriptions: [guidFor(4)] }),
      { subscriptions, groups, contacts },
      noProgress,
    );
    assert.deepEqual(groups.walked, ["corp"]);
    assert.deepEqual(subscriptions.gets, [], "no GET per subscription");
    assert.deepEqual(contacts.reads.sort(), [guidFor(1), guidFor(4)]);
    assert.deepEqual(runErrors, []);
    const byId = new Map(results.map((r) => [r.subscriptionId, r]));
    assert.equal(byId.get(guidFor(1))?.managementGroup, "corp");
    assert.equal(byId.get(guidFor(2))?.managementGroup, "corp-eu");
    assert.equal(byId.get(guidFor(2))?.status, "skipped");
    assert.equal(byId.get(guidFor(4))?.managementGroup, undefined);
    assert.equal(byId.has(guidFor(3)), false);
    // In the hierarchy but not in the listing: an error, never dropped.
    assert.equal(byId.get(guidFor(9))?.status, "error");
    assert.match(
      byId.get(guidFor(9))?.reason ?? "",
      /SubscriptionNotFound: The management group holds/,
    );
  });

  it("names a missing subscription that was named, not reached through a group, as not visible", async () => {
    const { results } = await evaluateScope(
      scope({ managementGroups: ["corp"], subscriptions: [guidFor(8)] }),
      {
        subscriptions: new MemorySubscriptions([info(1), info(2)]),
        groups: new MemoryGroups({ corp }),
        contacts: new MemoryContacts(new Map()),
      },
      noProgress,
    );
    const named = results.find((r) => r.subscriptionId === guidFor(8));
    assert.equal(named?.status, "error");
    assert.match(named?.reason ?? "", /cannot see this subscription/);
    assert.equal(named?.managementGroup, undefined);
  });

  it("turns an unreadable group into a run error and still evaluates the others", async () => {
    const subscriptions = new MemorySubscriptions([info(1), info(2)]);
    const contacts = new MemoryContacts(new Map());
    const { results, runErrors } = await evaluateScope(
      scope({ managementGroups: ["ghost", "corp"] }),
      { subscriptions, groups: new MemoryGroups({ corp }), contacts },
      noProgress,
    );
    assert.equal(runErrors.length, 1);
    assert.match(runErrors[0] ?? "", /'ghost' in management-groups.*NotFound/);
    assert.equal(results.filter((r) => r.status === "pass").length, 2);
  });

  it("marks every member an error when the listing breaks before showing it", async () => {
    const subscriptions = new MemorySubscriptions([info(5), info(1)], 1);
    const contacts = new MemoryContacts(new Map());
    const { results, runErrors } = await evaluateScope(
      scope({ managementGroups: ["corp"] }),
      { subscriptions, groups: new MemoryGroups({ corp }), contacts },
      noProgress,
    );
    assert.equal(runErrors.length, 1);
    assert.deepEqual(
      results.map((r) => r.status),
      ["error", "error", "error"],
    );
    assert.deepEqual(contacts.reads, []);
  });

  it("skips the descendants of an excluded group in a full listing, without a request", async () => {
    const subscriptions = new MemorySubscriptions([info(1), info(2), info(3)]);
    const contacts = new MemoryContacts(new Map());
    const { results } = await evaluateScope(
      scope({ excludeManagementGroups: ["corp"] }),
      { subscriptions, groups: new MemoryGroups({ corp }), contacts },
      noProgress,
    );
    assert.deepEqual(contacts.reads, [guidFor(3)]);
    assert.match(results[0]?.reason ?? "", /exclude-management-groups.*'corp'/);
  });
});
