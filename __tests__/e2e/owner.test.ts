/**
 * End-to-end: `owner-tags` names each subscription's owner in the report,
 * from the tags the subscription listing already carries.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  guid,
  sampleTenant,
  startFake,
} from "../../test-support/fake/index.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
  type ActionRun,
} from "../../test-support/run-action.js";

async function runWith(
  inputs: Record<string, string>,
  tenant = sampleTenant(),
): Promise<ActionRun> {
  const fake = await startFake({ tenant });
  try {
    const run = await runAction(
      { ...fakeInputs(fake), ...inputs },
      runnerEnv(fake),
    );
    const subscriptionReads = fake.requests.filter(
      (r) => r.service === "arm" && /\/subscriptions(\/[^/]+)?$/.test(r.path),
    );
    assert.equal(
      subscriptionReads.length,
      1,
      "the one listing page, no extra request for tags",
    );
    return run;
  } finally {
    await fake.close();
  }
}

function owners(run: ActionRun): Record<string, string | undefined> {
  return Object.fromEntries(
    (run.report?.subscriptions ?? [])
      .filter((row) => row.owner !== undefined)
      .map((row) => [row.subscriptionId, row.owner]),
  );
}

describe("owner-tags", () => {
  it("by default takes owner, Owner or technical-contact, masked", async () => {
    const run = await runWith({});
    assert.deepEqual(owners(run), {
      [guid(4)]: "j***@contoso.com",
      // The blank `owner` tag is passed over; JSON keeps the raw text.
      [guid(7)]: "Platform <team> | @ops",
    });
  });

  it("follows the input, and unmasks with mask-emails: false", async () => {
    const run = await runWith({
      "owner-tags": "costcenter\nOwner",
      "mask-emails": "false",
    });
    assert.deepEqual(owners(run), { [guid(4)]: "4711" });
    const plain = await runWith({ "mask-emails": "false" });
    assert.equal(owners(plain)[guid(4)], "jane.doe@contoso.com");
  });

  it("ignores tags Azure answers with a value that is not a string", async () => {
    const tenant = sampleTenant();
    const lab = tenant.subscriptions[6];
    assert.ok(lab);
    lab.tags = {
      owner: { name: "Jane" } as unknown as string,
      "technical-contact": "Ops",
    };
    const run = await runWith({}, tenant);
    assert.equal(owners(run)[guid(7)], "Ops");
  });
});
