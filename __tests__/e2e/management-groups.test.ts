/**
 * End-to-end: management-group scope, the real bundle against the fake's
 * tenant tree (root → groups → nested groups → subscriptions, paged
 * descendants, 404 and 403 per group).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  forever,
  guid,
  type Fake,
  type FakeSubscription,
  type FakeTenant,
} from "../../test-support/fake/index.js";
import {
  countOutputs,
  fakeInputs,
  reportRow,
  reportRows,
  runAction,
  runnerEnv,
  withFake,
  type ActionRun,
} from "../../test-support/run-action.js";

const TENANT_ID = "7e4f2a1c-5b3d-4c6e-9f80-1a2b3c4d5e6f";

/**
 * Tenant Root Group
 * ├── platform: 1
 * ├── landingzones
 * │   ├── corp: 2, 3 (no contact)
 * │   │   └── corp-eu: 4, 5 (Disabled)
 * │   │       └── corp-sandbox: 6
 * │   └── online: 7, 10
 * ├── locked (403): 8
 * └── 9 (directly below the root)
 */
function landingZoneTenant(): FakeTenant {
  const sub = (
    n: number,
    managementGroup: string | undefined,
    rest: Partial<FakeSubscription> = {},
  ): FakeSubscription => ({
    subscriptionId: guid(n),
    displayName: `Landing zone ${n}`,
    contact: { emails: `soc+${n}@contoso.com` },
    ...(managementGroup ? { managementGroup } : {}),
    ...rest,
  });
  return {
    tenantId: TENANT_ID,
    clientId: "3c9d8e7f-6a5b-4c3d-8e2f-0a1b2c3d4e5f",
    audience: "api://AzureADTokenExchange",
    // Small pages, so every walk of a nested group is paged.
    descendantsPageSize: 2,
    pageSize: 4,
    managementGroups: [
      { id: "platform" },
      { id: "landingzones", displayName: "Landing zones" },
      { id: "corp", parent: "landingzones", displayName: "Corp" },
      { id: "corp-eu", parent: "corp" },
      { id: "corp-sandbox", parent: "corp-eu" },
      { id: "online", parent: "landingzones" },
      {
        id: "locked",
        behaviours: forever({
          kind: "status",
          status: 403,
          code: "AuthorizationFailed",
          message:
            "The client does not have authorization to perform action 'Microsoft.Management/managementGroups/descendants/read' over scope '/providers/Microsoft.Management/managementGroups/locked'.",
        }),
      },
    ],
    subscriptions: [
      sub(1, "platform"),
      sub(2, "corp"),
      sub(3, "corp", { contact: null }),
      sub(4, "corp-eu"),
      sub(5, "corp-eu", { state: "Disabled" }),
      sub(6, "corp-sandbox"),
      sub(7, "online"),
      sub(8, "locked"),
      sub(9, undefined),
      sub(10, "online"),
    ],
  };
}

/** First pages of the descendants walks (a walk's later pages carry a $skiptoken), by group. */
function walks(fake: Fake): string[] {
  return fake.requests
    .filter(
      (r) =>
        r.service === "arm" &&
        r.path.endsWith("/descendants") &&
        r.query.$skiptoken === undefined,
    )
    .map(
      (r) => /managementGroups\/([^/]+)\/descendants$/.exec(r.path)?.[1] ?? "",
    )
    .sort();
}

function contactReads(fake: Fake): string[] {
  return [...fake.counters().contactRequestsBySubscription.keys()].sort();
}

function ids(...ns: number[]): string[] {
  return ns.map(guid).sort();
}

function reported(run: ActionRun): string[] {
  return [...reportRows(run).keys()].sort();
}

async function runWith(
  inputs: Record<string, string>,
  check: (run: ActionRun, fake: Fake) => void,
): Promise<void> {
  await withFake(landingZoneTenant(), async (fake) => {
    const run = await runAction(
      { ...fakeInputs(fake), ...inputs },
      runnerEnv(fake),
    );
    check(run, fake);
  });
}

describe("management-group scope", () => {
  test("one group: its subscriptions only, with their group, from one listing", async () => {
    await runWith({ "management-groups": "online" }, (run, fake) => {
      assert.equal(run.exitCode, 0, run.stdout);
      assert.equal(run.outputs.status, "pass");
      assert.deepEqual(reported(run), ids(7, 10));
      assert.equal(reportRow(run, 7).managementGroup, "online");
      assert.deepEqual(walks(fake), ["online"]);
      assert.deepEqual(contactReads(fake), ids(7, 10));
      // Names and states from the tenant listing, not a GET per subscription.
      const armPaths = fake.requests
        .filter((r) => r.service === "arm")
        .map((r) => r.path);
      assert.ok(armPaths.some((p) => p.endsWith("/subscriptions")));
      assert.ok(
        !armPaths.some((p) => /\/subscriptions\/[^/]+$/.test(p)),
        "no GET of one subscription",
      );
      assert.equal(reportRow(run, 7).displayName, "Landing zone 7");
      assert.match(run.summary, /\| Management group \|/);
      assert.match(run.summary, /\| online \|/);
    });
  });

  test("nested groups: every subscription anywhere below, each with its direct parent", async () => {
    await runWith({ "management-groups": "corp" }, (run, fake) => {
      assert.equal(run.exitCode, 1);
      assert.equal(run.outputs.status, "fail");
      assert.equal(countOutputs(run), "5 3 1 0 1");
      assert.deepEqual(reported(run), ids(2, 3, 4, 5, 6));
      assert.equal(reportRow(run, 2).managementGroup, "corp");
      assert.equal(reportRow(run, 4).managementGroup, "corp-eu");
      assert.equal(reportRow(run, 6).managementGroup, "corp-sandbox");
      assert.equal(reportRow(run, 3).status, "fail");
      assert.equal(reportRow(run, 5).status, "skipped");
      assert.match(reportRow(run, 5).reason, /Disabled/);
      assert.deepEqual(run.outputs["failed-subscriptions"], `["${guid(3)}"]`);
      // corp holds 5 subscriptions and 2 groups: 4 pages of 2, one walk.
      const pages = fake.requests.filter((r) =>
        r.path.endsWith("/corp/descendants"),
      );
      assert.equal(pages.length, 4);
      assert.deepEqual(walks(fake), ["corp"]);
      assert.deepEqual(contactReads(fake), ids(2, 3, 4, 6));
    });
  });

  test("two overlapping groups: a subscription reached twice is evaluated once", async () => {
    await runWith(
      { "management-groups": "landingzones\ncorp-eu" },
      (run, fake) => {
        assert.deepEqual(reported(run), ids(2, 3, 4, 5, 6, 7, 10));
        assert.equal(run.report?.subscriptions.length, 7);
        assert.deepEqual(walks(fake), ["corp-eu", "landingzones"]);
        for (const [id, reads] of fake.counters()
          .contactRequestsBySubscription) {
          assert.equal(reads, 1, `${id} read once`);
        }
        assert.equal(reportRow(run, 4).managementGroup, "corp-eu");
      },
    );
  });

  test("group plus a named subscription outside it", async () => {
    await runWith(
      { "management-groups": "online", subscriptions: guid(9) },
      (run, fake) => {
        assert.equal(run.outputs.status, "pass");
        assert.deepEqual(reported(run), ids(7, 9, 10));
        assert.equal(reportRow(run, 9).managementGroup, undefined);
        assert.equal(reportRow(run, 9).displayName, "Landing zone 9");
        assert.deepEqual(contactReads(fake), ids(7, 9, 10));
      },
    );
  });

  test("an excluded group inside an included one is skipped, naming the group, without a contact read", async () => {
    await runWith(
      {
        "management-groups": "corp",
        "exclude-management-groups": "corp-sandbox",
        "exclude-subscriptions": guid(2),
      },
      (run, fake) => {
        const sandbox = reportRow(run, 6);
        assert.equal(sandbox.status, "skipped");
        assert.match(
          sandbox.reason,
          /exclude-management-groups.*'corp-sandbox'/,
        );
        assert.equal(
          reportRow(run, 2).reason,
          "Excluded by the exclude-subscriptions input.",
        );
        assert.deepEqual(walks(fake), ["corp", "corp-sandbox"]);
        assert.deepEqual(contactReads(fake), ids(3, 4));
      },
    );
  });

  test("an unknown group (404) is a run error naming it; the other groups are still evaluated", async () => {
    await runWith({ "management-groups": "ghost, online" }, (run, fake) => {
      assert.equal(run.exitCode, 1);
      assert.equal(run.outputs.status, "error");
      assert.equal(countOutputs(run), "2 2 0 0 0");
      assert.equal(run.report?.errors.length, 1);
      assert.match(
        run.report?.errors[0] ?? "",
        /Management group 'ghost' in management-groups could not be read.*NotFound/,
      );
      assert.match(run.summary, /Management group &#39;ghost&#39;/);
      assert.deepEqual(walks(fake), ["ghost", "online"]);
    });
  });

  test("a forbidden group (403) alone is an error, never an empty green scope", async () => {
    await runWith(
      { "management-groups": "locked", "fail-on-error": "false" },
      (run, fake) => {
        assert.equal(run.exitCode, 0);
        assert.equal(run.outputs.status, "error");
        assert.equal(countOutputs(run), "0 0 0 0 0");
        assert.match(
          run.report?.errors[0] ?? "",
          /'locked'.*AuthorizationFailed/,
        );
        assert.deepEqual(contactReads(fake), []);
      },
    );
    await runWith({ "management-groups": "locked" }, (run) => {
      assert.equal(run.exitCode, 1);
      assert.match(run.stdout, /'locked'/);
    });
  });

  test("resource-ID forms of groups and subscriptions, in any case", async () => {
    await runWith(
      {
        "management-groups":
          "/providers/Microsoft.Management/managementGroups/ONLINE",
        subscriptions: `/SUBSCRIPTIONS/${guid(1).toUpperCase()}`,
        "exclude-subscriptions": `/subscriptions/${guid(10)}`,
      },
      (run) => {
        assert.equal(run.exitCode, 0, run.stdout);
        assert.deepEqual(reported(run), ids(1, 7, 10));
        assert.equal(reportRow(run, 10).status, "skipped");
        assert.equal(reportRow(run, 1).managementGroup, undefined);
        assert.equal(reportRow(run, 7).managementGroup, "online");
      },
    );
  });

  for (const [input, value] of [
    ["management-groups", "Corp&Online"],
    ["management-groups", "/providers/Microsoft.Management/managementGroups/"],
    ["exclude-management-groups", "corp/online"],
    ["subscriptions", `/subscriptions/${guid(1)}/resourceGroups/rg`],
  ] as const) {
    test(`refuses ${input}: ${JSON.stringify(value)} before any request`, async () => {
      await runWith({ [input]: value }, (run, fake) => {
        assert.equal(run.exitCode, 1);
        assert.equal(run.outputs.status, "error");
        assert.ok(
          run.stdout.includes(`'${input}'`) &&
            run.stdout.includes(JSON.stringify(value)),
          run.stdout,
        );
        assert.equal(fake.requests.length, 0);
      });
    });
  }

  test("request count: one descendants walk per group, no contact read outside scope", async () => {
    await runWith(
      { "management-groups": "corp-eu, online, platform" },
      (run, fake) => {
        assert.deepEqual(reported(run), ids(1, 4, 5, 6, 7, 10));
        assert.deepEqual(walks(fake), ["corp-eu", "online", "platform"]);
        // 5 with state Disabled costs no request either.
        assert.deepEqual(contactReads(fake), ids(1, 4, 6, 7, 10));
        // One listing of 10 subscriptions in pages of 4.
        const listPages = fake.requests.filter((r) =>
          /\/arm\/subscriptions$/.test(r.path),
        );
        assert.equal(listPages.length, 3);
      },
    );
  });

  for (const [misbehaviour, words] of [
    ["repeat", /descendants answer repeats a 'nextLink'/],
    ["foreign", /'nextLink' to another origin \(https:\/\/localhost:1\)/],
  ] as const) {
    test(`a descendants nextLink that is ${misbehaviour === "repeat" ? "repeated" : "for another origin"} stops the walk with an error naming the group`, async () => {
      const tenant = landingZoneTenant();
      tenant.descendantsNextLink = misbehaviour;
      await withFake(tenant, async (fake) => {
        const run = await runAction(
          { ...fakeInputs(fake), "management-groups": "corp" },
          runnerEnv(fake),
        );
        assert.equal(run.exitCode, 1);
        assert.equal(run.outputs.status, "error");
        assert.match(run.report?.errors[0] ?? "", /'corp'/);
        assert.match(run.report?.errors[0] ?? "", words);
        const pages = fake.requests.filter((r) =>
          r.path.endsWith("/corp/descendants"),
        );
        assert.equal(pages.length, misbehaviour === "repeat" ? 2 : 1);
        assert.deepEqual(contactReads(fake), []);
      });
    });
  }

  test("without groups, today's scope is unchanged: no walk, no group column", async () => {
    await runWith({ subscriptions: guid(7) }, (run, fake) => {
      assert.equal(run.exitCode, 0, run.stdout);
      assert.deepEqual(reported(run), ids(7));
      assert.equal(reportRow(run, 7).managementGroup, undefined);
      assert.deepEqual(walks(fake), []);
      assert.doesNotMatch(run.summary, /Management group/);
      assert.ok(
        fake.requests.some((r) => r.path.endsWith(`/subscriptions/${guid(7)}`)),
      );
    });
  });
});
