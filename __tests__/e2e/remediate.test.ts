/**
 * End-to-end: `remediate: plan|apply` through the real bundle against the
 * fake, which validates PUT bodies as Microsoft.Security does. Only failing
 * subscriptions are touched; apply's verdicts are those of the read-back.
 */
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import {
  baseTenant,
  forever,
  guid,
  startFake,
  writeForbidden,
  type Fake,
  type FakeSubscription,
} from "../../test-support/fake/index.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
  type ActionRun,
} from "../../test-support/run-action.js";

const NO_CONTACT = guid(1);
const HAND_MADE = guid(2);
const PASSING = guid(3);
const DISABLED = guid(4);
const UNREADABLE = guid(5);
const FORBIDDEN = guid(6);
const NOT_STICKY = guid(7);
const FIXABLE = [NO_CONTACT, HAND_MADE];
const FAILING = [NO_CONTACT, HAND_MADE, FORBIDDEN, NOT_STICKY];

/** Set by hand in the portal and by other tools: every bit of it must survive. */
const HAND_MADE_PROPERTIES = {
  emails: "Ops@example.com",
  phone: "(214)275-4038",
  isEnabled: true,
  notificationsByRole: { state: "Off", roles: ["AccountAdmin"] },
  notificationsSources: [
    { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
    { sourceType: "Alert", minimalSeverity: "Low" },
  ],
  customSetting: { keep: ["me"] },
};

function subscriptions(): FakeSubscription[] {
  const sub = (
    id: string,
    displayName: string,
    extra: Partial<FakeSubscription> = {},
  ): FakeSubscription => ({ subscriptionId: id, displayName, ...extra });
  return [
    sub(NO_CONTACT, "No contact", { contact: null }),
    sub(HAND_MADE, "Hand made", {
      contact: {
        emails: HAND_MADE_PROPERTIES.emails,
        properties: structuredClone(HAND_MADE_PROPERTIES),
      },
    }),
    sub(PASSING, "Passing", {
      contact: {
        properties: {
          emails: "secops@contoso.com",
          isEnabled: true,
          notificationsByRole: { state: "On", roles: ["Owner"] },
          notificationsSources: [
            { sourceType: "Alert", minimalSeverity: "High" },
            { sourceType: "AttackPath", minimalRiskLevel: "High" },
          ],
        },
      },
    }),
    sub(DISABLED, "Disabled", { state: "Disabled", contact: null }),
    sub(UNREADABLE, "Unreadable", {
      behaviours: forever({
        kind: "status",
        status: 403,
        code: "AuthorizationFailed",
      }),
    }),
    sub(FORBIDDEN, "Read only", {
      contact: null,
      writeBehaviours: writeForbidden(FORBIDDEN),
    }),
    sub(NOT_STICKY, "Not sticky", {
      contact: { emails: "" },
      writeBehaviours: [{ kind: "notSticky" }],
    }),
  ];
}

const fakes: Fake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function start(): Promise<Fake> {
  const fake = await startFake({ tenant: baseTenant(subscriptions()) });
  fakes.push(fake);
  return fake;
}

function run(fake: Fake, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    {
      ...fakeInputs(fake),
      checks: "all",
      "remediation-emails": "SecOps@contoso.com",
      ...inputs,
    },
    runnerEnv(fake),
    { timeoutMs: 50_000 },
  );
}

function row(result: ActionRun, id: string) {
  const found = result.report?.subscriptions.find(
    (s) => s.subscriptionId === id,
  );
  assert.ok(found, `no report row for ${id}`);
  return found;
}

function puts(fake: Fake): string[] {
  return fake.requests
    .filter((r) => r.service === "arm" && r.method === "PUT")
    .map((r) => r.subscriptionId ?? "");
}

function describeRun(result: ActionRun): string {
  return `exit ${result.exitCode}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`;
}

describe("remediate: plan", () => {
  test("writes nothing; the report and the summary show each change, masked", async () => {
    const fake = await start();
    const result = await run(fake, { remediate: "plan" });
    assert.equal(result.exitCode, 1, describeRun(result));
    assert.deepEqual(puts(fake), []);
    assert.deepEqual(fake.contactWrites, []);
    assert.deepEqual(
      JSON.parse(result.outputs["remediated-subscriptions"] ?? ""),
      FAILING,
    );

    const handMade = row(result, HAND_MADE);
    assert.equal(handMade.status, "fail");
    assert.equal(handMade.remediation?.action, "plan");
    assert.deepEqual(handMade.remediation?.changes, [
      {
        field: "emails",
        before: ["O***@example.com"],
        after: ["O***@example.com", "S***@contoso.com"],
      },
      { field: "notificationsByRole.state", before: "Off", after: "On" },
      {
        field: "notificationsByRole.roles",
        before: ["AccountAdmin"],
        after: ["AccountAdmin", "Owner"],
      },
      {
        field: "notificationsSources.AttackPath.minimalRiskLevel",
        before: "Critical",
        after: "High",
      },
    ]);
    const none = row(result, NO_CONTACT).remediation;
    assert.equal(none?.action, "plan");
    assert.ok(
      none?.changes.some(
        (c) => c.field === "isEnabled" && c.before === null && c.after === true,
      ),
    );
    for (const id of [PASSING, DISABLED, UNREADABLE]) {
      assert.equal(row(result, id).remediation, undefined, id);
    }

    assert.match(result.summary, /### Planned changes/);
    assert.match(result.summary, /Hand made.*would change/);
    assert.match(
      result.summary,
      /notificationsSources.AttackPath.minimalRiskLevel&#58; Critical → High/,
    );
    assert.match(result.summary, /S&#42;&#42;&#42;&#64;\u200b?contoso\.com/);
    assert.doesNotMatch(result.summary, /SecOps&#64;\u200b?contoso/);
  });
});

describe("remediate: apply", () => {
  test("merges, writes, reads back; the verdicts are the read-back's; a refusal or a write that does not stick is said so", async () => {
    const fake = await start();
    const result = await run(fake, {
      remediate: "apply",
      "create-issue": "true",
      "github-token": "ghs_test",
    });
    assert.equal(result.exitCode, 1, describeRun(result));

    // Only failing subscriptions were written; skipped, errored and passing ones never.
    assert.deepEqual(
      [...new Set(puts(fake))].sort(),
      [...FAILING].sort(),
      "one PUT per failing subscription",
    );
    assert.equal(puts(fake).length, FAILING.length);

    const written = (id: string) =>
      fake.contactWrites.find((w) => w.subscriptionId === id)?.body;
    assert.deepEqual(written(HAND_MADE), {
      properties: {
        ...HAND_MADE_PROPERTIES,
        emails: "Ops@example.com;SecOps@contoso.com",
        notificationsByRole: { state: "On", roles: ["AccountAdmin", "Owner"] },
        notificationsSources: [
          { sourceType: "AttackPath", minimalRiskLevel: "High" },
          { sourceType: "Alert", minimalSeverity: "Low" },
        ],
      },
    });
    assert.deepEqual(written(NO_CONTACT), {
      properties: {
        emails: "SecOps@contoso.com",
        isEnabled: true,
        notificationsByRole: { state: "On", roles: ["Owner"] },
        notificationsSources: [
          { sourceType: "Alert", minimalSeverity: "High" },
          { sourceType: "AttackPath", minimalRiskLevel: "High" },
        ],
      },
    });

    for (const id of FIXABLE) {
      const fixed = row(result, id);
      assert.equal(fixed.status, "pass", `${id}: ${fixed.reason}`);
      assert.equal(fixed.remediation?.action, "applied");
      assert.ok(fixed.findings.every((f) => f.status === "pass"));
    }
    const forbidden = row(result, FORBIDDEN);
    assert.equal(forbidden.status, "error");
    assert.equal(forbidden.remediation?.action, "failed");
    assert.match(forbidden.reason, /needs Security Admin on the subscription/);

    const notSticky = row(result, NOT_STICKY);
    assert.equal(notSticky.status, "fail");
    assert.equal(notSticky.remediation?.action, "failed");
    assert.match(notSticky.reason, /accepted the write.*did not stick/);

    assert.equal(row(result, PASSING).status, "pass");
    assert.equal(row(result, DISABLED).status, "skipped");
    assert.equal(row(result, UNREADABLE).status, "error");
    assert.deepEqual(
      JSON.parse(result.outputs["remediated-subscriptions"] ?? ""),
      FIXABLE,
    );
    assert.equal(result.outputs["subscriptions-failed"], "1");
    assert.equal(result.outputs["subscriptions-errored"], "2");

    assert.match(result.summary, /### Applied changes/);
    assert.match(result.summary, /Hand made.*✅ applied/);
    assert.match(result.summary, /Not sticky.*❌ not fixed.*did not stick/);
    const [issue] = fake.github.issues;
    assert.ok(issue, "a tracking issue was opened");
    assert.match(issue.body, /### Applied changes/);
    assert.match(issue.body, /Hand made.*✅ applied/);
  });

  test("an apply that fixes everything closes the tracking issue saying what it applied; a second apply changes nothing and passes", async () => {
    const fake = await start();
    const scope = {
      subscriptions: [...FIXABLE, PASSING].join(","),
      "create-issue": "true",
      "github-token": "ghs_test",
    };
    const plan = await run(fake, { remediate: "plan", ...scope });
    assert.equal(plan.exitCode, 1, describeRun(plan));
    assert.equal(fake.github.issues[0]?.state, "open");
    assert.doesNotMatch(fake.github.issues[0]?.body ?? "", /Applied changes/);

    const first = await run(fake, { remediate: "apply", ...scope });
    assert.equal(first.exitCode, 0, describeRun(first));
    assert.equal(fake.contactWrites.length, FIXABLE.length);
    const [issue] = fake.github.issues;
    assert.equal(issue?.state, "closed");
    assert.match(issue?.comments.at(-1) ?? "", /### Applied changes/);
    assert.match(issue?.comments.at(-1) ?? "", /No contact.*✅ applied/);

    fake.requests.length = 0;
    const second = await run(fake, { remediate: "apply", ...scope });
    assert.equal(second.exitCode, 0, describeRun(second));
    assert.deepEqual(puts(fake), []);
    assert.equal(fake.contactWrites.length, FIXABLE.length);
    assert.equal(second.outputs.status, "pass");
    assert.equal(second.outputs["remediated-subscriptions"], "[]");
    for (const id of FIXABLE) {
      assert.equal(row(second, id).remediation, undefined);
    }
  });

  test("remediate off sets remediated-subscriptions to [] and writes nothing", async () => {
    const fake = await start();
    const result = await run(fake, {});
    assert.equal(result.exitCode, 1, describeRun(result));
    assert.equal(result.outputs["remediated-subscriptions"], "[]");
    assert.deepEqual(puts(fake), []);
    assert.doesNotMatch(result.summary, /Planned changes|Applied changes/);
  });
});
