/**
 * End-to-end, second hostile review of `remediate: apply`: someone changes
 * the contact between the action's read and its PUT. With an etag the PUT
 * carries If-Match and Azure refuses it (412); without one the action reads
 * again right before the PUT. Either way the other change survives and the
 * subscription is an error, never "applied".
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Fake,
  type FakeSubscription,
  baseTenant,
  guid,
} from "../../test-support/fake/index.js";
import { fakeStarter } from "../../test-support/e2e.js";
import {
  type ActionRun,
  fakeInputs,
  reportRow,
  runAction,
  runnerEnv,
} from "../../test-support/run-action.js";

const startFake = fakeStarter();

/** What another admin saves between the action's read and its write. */
const THEIRS = {
  emails: "new-soc@contoso.com",
  isEnabled: true,
  phone: "+1 555 0100",
};

async function start(extra: Partial<FakeSubscription>): Promise<Fake> {
  const fake = await startFake({
    tenant: baseTenant([
      {
        subscriptionId: guid(1),
        displayName: "Empty contact",
        contact: { emails: "" },
        concurrentWrite: {
          afterReads: 1,
          contact: { emails: THEIRS.emails, properties: { ...THEIRS } },
        },
        ...extra,
      },
    ]),
  });
  return fake;
}

function apply(fake: Fake): Promise<ActionRun> {
  return runAction(
    {
      ...fakeInputs(fake),
      remediate: "apply",
      "remediation-emails": "secops@contoso.com",
    },
    runnerEnv(fake),
    { timeoutMs: 60_000 },
  );
}

function describeRun(result: ActionRun): string {
  return `exit ${result.exitCode}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`;
}

function assertTheirsKept(fake: Fake, result: ActionRun): void {
  const stored = fake.tenant.subscriptions[0]?.contact;
  assert.deepEqual(stored?.properties, THEIRS, describeRun(result));
  const row = reportRow(result, 1);
  assert.equal(row.status, "error", describeRun(result));
  assert.equal(row.remediation?.action, "failed");
  assert.match(row.remediation?.reason ?? "", /changed since/i);
}

describe("round 2, finding 4: apply never overwrites a change made after its read", () => {
  it("with an etag: the PUT carries If-Match, Azure answers 412, the subscription is an error", async () => {
    const fake = await start({});
    const result = await apply(fake);
    assertTheirsKept(fake, result);
    const puts = fake.requests.filter(
      (r) => r.service === "arm" && r.method === "PUT",
    );
    assert.deepEqual(
      puts.map((r) => r.status),
      [412],
    );
  });

  it("without an etag: the contact is read again before the PUT, and no PUT is sent", async () => {
    const fake = await start({ omitEtag: true });
    const result = await apply(fake);
    assertTheirsKept(fake, result);
    assert.deepEqual(fake.contactWrites, []);
  });
});
