/**
 * End-to-end: the bundle with `checks`, `required-emails` and
 * `allowed-email-domains` against the HTTPS fake, which serves every
 * notification setting and paged contact lists.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  generatedTenant,
  guid,
  startFake,
  type Fake,
  type FakeContact,
} from "../../test-support/fake/index.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
  type ActionRun,
} from "../../test-support/run-action.js";
import type { ReportRow } from "../../src/report/report-file.js";

const BOTH_SOURCES: Record<string, string>[] = [
  { sourceType: "Alert", minimalSeverity: "High" },
  { sourceType: "AttackPath", minimalRiskLevel: "High" },
];

function good(overrides: FakeContact = {}): FakeContact {
  return {
    emails: "soc@contoso.com;secops@eu.contoso.com",
    notificationsSources: BOTH_SOURCES,
    ...overrides,
  };
}

function row(run: ActionRun, n: number): ReportRow {
  const found = run.report?.subscriptions.find(
    (r) => r.subscriptionId === guid(n),
  );
  assert.ok(found, `subscription ${n} is in the report`);
  return found;
}

function failing(r: ReportRow): string[] {
  return r.findings.filter((f) => f.status === "fail").map((f) => f.control);
}

describe("checks: all with an address policy", () => {
  let fake: Fake;
  let run: ActionRun;

  before(async () => {
    const tenant = generatedTenant(8);
    const contacts: (FakeContact | null)[] = [
      good(),
      good({
        emails: "soc@contoso.com;bob@fabrikam.com",
        notificationsByRole: { state: "Off", roles: ["Owner"] },
        notificationsSources: [
          { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
        ],
      }),
      null,
      good({ emails: "secops@contoso.com" }),
      good(),
      { email: "old@contoso.com", notificationsSources: BOTH_SOURCES },
      good(),
      good({ emails: "soc@contoso.com;defender-alerts@example.com" }),
    ];
    tenant.subscriptions.forEach((sub, i) => {
      sub.contact = contacts[i] ?? null;
    });
    const paged = tenant.subscriptions[4];
    const foreign = tenant.subscriptions[6];
    assert.ok(paged && foreign);
    paged.contactPages = 3;
    foreign.contactNextLink = "https://evil.example/next";
    fake = await startFake({ tenant });
    run = await runAction(
      {
        ...fakeInputs(fake),
        checks: "all",
        "required-emails": "SOC@contoso.com",
        "allowed-email-domains": "contoso.com",
      },
      runnerEnv(fake),
    );
  });
  after(() => fake.close());

  test("gives every subscription one finding per control", () => {
    assert.equal(run.exitCode, 1, run.stderr);
    assert.equal(run.report?.schemaVersion, 4);
    assert.deepEqual(run.report?.checks, [
      "additional-emails",
      "notifications-enabled",
      "notify-owners",
      "alert-notifications",
      "attack-path-notifications",
    ]);
    assert.equal(row(run, 1).status, "pass", row(run, 1).reason);
    assert.equal(row(run, 1).findings.length, 5);
    assert.deepEqual(failing(row(run, 2)), [
      "notify-owners",
      "alert-notifications",
      "attack-path-notifications",
    ]);
    assert.deepEqual(failing(row(run, 3)), [
      "additional-emails",
      "notifications-enabled",
    ]);
    assert.match(row(run, 3).findings[2]?.reason ?? "", /default/);
  });

  test("applies allowed-email-domains and required-emails, masked", () => {
    assert.deepEqual(row(run, 2).disallowedEmails, ["b***@fabrikam.com"]);
    assert.deepEqual(row(run, 2).emails, ["s***@contoso.com"]);
    assert.equal(row(run, 4).status, "fail");
    assert.deepEqual(row(run, 4).missingRequiredEmails, ["s***@contoso.com"]);
    assert.match(
      row(run, 4).reason,
      /required-emails missing: s\*\*\*@contoso\.com/,
    );
    assert.deepEqual(failing(row(run, 8)), []);
    assert.deepEqual(row(run, 8).invalidEmails, ["d***@example.com"]);
  });

  test("says a legacy email is present but unused", () => {
    assert.equal(row(run, 6).status, "fail");
    assert.match(row(run, 6).reason, /legacy 'email' value is present/);
  });

  test("reads every page of a paged contact list, and never a foreign nextLink", () => {
    assert.equal(row(run, 5).status, "pass", row(run, 5).reason);
    assert.equal(fake.counters().contactRequestsBySubscription.get(guid(5)), 3);
    assert.equal(row(run, 7).status, "error");
    assert.match(row(run, 7).reason, /another origin/);
    assert.ok(!fake.requests.some((r) => r.path.includes("evil")));
  });

  test("outputs control-failures for every selected control", () => {
    assert.deepEqual(JSON.parse(run.outputs["control-failures"] ?? ""), {
      "additional-emails": 3,
      "notifications-enabled": 1,
      "notify-owners": 1,
      "alert-notifications": 1,
      "attack-path-notifications": 1,
    });
  });

  test("names the failing controls in one cell per row and in annotations", () => {
    assert.match(run.summary, /<th>Fails<\/th>/);
    assert.match(
      run.summary,
      /<td>notify-owners<br>alert-notifications<br>attack-path-notifications<\/td>/,
    );
    assert.match(run.summary, /SECURITY_CONTACT_EMAILS:\?/);
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === "error" &&
          a.title.startsWith("Failing controls: notify-owners"),
      ),
      JSON.stringify(run.annotations),
    );
  });
});

describe("default inputs", () => {
  let fake: Fake;
  let run: ActionRun;

  before(async () => {
    const tenant = generatedTenant(2);
    const paged = tenant.subscriptions[0];
    assert.ok(paged);
    paged.contactPages = 2;
    fake = await startFake({ tenant });
    run = await runAction(fakeInputs(fake), runnerEnv(fake));
  });
  after(() => fake.close());

  test("an empty first page with a nextLink is not a missing contact", () => {
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(row(run, 1).status, "pass", row(run, 1).reason);
  });

  test("report v2 carries today's single check", () => {
    assert.deepEqual(run.report?.checks, ["additional-emails"]);
    assert.deepEqual(row(run, 1).findings, [
      {
        control: "additional-emails",
        status: "pass",
        reason: "1 valid additional email address configured.",
      },
    ]);
    assert.equal(run.outputs["control-failures"], '{"additional-emails":0}');
  });
});

describe("a bad checks input", () => {
  let fake: Fake;
  let run: ActionRun;

  before(async () => {
    fake = await startFake({ tenant: generatedTenant(1) });
    run = await runAction(
      { ...fakeInputs(fake), checks: "additional-emails mfa" },
      runnerEnv(fake),
    );
  });
  after(() => fake.close());

  test("stops before any request, naming the input, the ID and the valid ones", () => {
    assert.equal(run.exitCode, 1);
    assert.match(
      run.stdout,
      /Input 'checks'.*'mfa' is not a control; valid IDs are all, additional-emails/,
    );
    assert.equal(fake.requests.length, 0);
  });
});
