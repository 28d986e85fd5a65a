/**
 * End-to-end: the real bundle (`node dist/index.js`) as a subprocess, with a
 * runner's environment, against the HTTPS fake of Entra ID and Azure.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  generatedTenant,
  guid,
  sampleTenant,
  startFake,
  type Fake,
} from "../../test-support/fake/index.js";
import {
  countOutputs as counts,
  fakeInputs,
  reportRow as row,
  reportRows as rows,
  runAction,
  runnerEnv,
  withFake,
  type ActionRun,
  assertNoTokenLeak,
} from "../../test-support/run-action.js";
import { assertTablesWellFormed } from "../../test-support/tables.js";
import { OUTPUTS } from "../../src/action-interface.js";

describe("a mixed tenant with every verdict", () => {
  let fake: Fake;
  let run: ActionRun;

  before(async () => {
    fake = await startFake({ tenant: sampleTenant() });
    run = await runAction(fakeInputs(fake), runnerEnv(fake));
  });
  after(() => fake.close());

  test("fails the step with exit code 1 and status fail", () => {
    assert.equal(run.exitCode, 1, run.stderr);
    assert.equal(run.outputs.status, "fail");
    assert.equal(counts(run), "15 6 6 1 2");
    assert.deepEqual(JSON.parse(run.outputs["failed-subscriptions"] ?? ""), [
      guid(4),
      guid(5),
      guid(6),
      guid(7),
      guid(9),
      guid(10),
    ]);
  });

  test("gives each subscription the verdict the check defines", () => {
    const expected: Record<number, string> = {
      1: "pass", // two addresses
      2: "pass", // comma separator, an invalid entry beside a valid one
      3: "pass", // isEnabled false
      4: "fail", // emails ""
      5: "fail", // separators only
      6: "fail", // only invalid entries
      7: "fail", // no contact
      8: "pass", // same display name as 9
      9: "fail",
      10: "fail", // markdown and HTML in the name
      11: "error", // 403
      12: "skipped", // provider not registered
      13: "skipped", // Disabled
      14: "pass", // 503 once, cured by a retry
      15: "pass", // 429 with Retry-After once, cured by a retry
    };
    for (const [n, status] of Object.entries(expected)) {
      assert.equal(
        row(run, Number(n)).status,
        status,
        `subscription ${n}: ${row(run, Number(n)).reason}`,
      );
    }
  });

  test("explains every row in one sentence, with Azure's code for errors", () => {
    for (const r of rows(run).values()) assert.match(r.reason, /\S/);
    assert.match(row(run, 3).reason, /notifications are turned off/);
    assert.match(row(run, 11).reason, /AuthorizationFailed/);
    assert.match(row(run, 12).reason, /MissingSubscriptionRegistration/);
    assert.match(row(run, 13).reason, /Disabled/);
    assert.deepEqual(row(run, 6).invalidEmails, ["s***", "o***@localhost"]);
    assert.deepEqual(row(run, 2).emails, ["s***@fabrikam.com"]);
    assert.deepEqual(row(run, 2).invalidEmails, ["n***"]);
  });

  test("keys subscriptions by ID: duplicate display names both appear", () => {
    assert.equal(row(run, 8).displayName, "Shared Services");
    assert.equal(row(run, 9).displayName, "Shared Services");
    assert.equal(rows(run).size, 15);
  });

  test("writes the report with the documented shape", () => {
    const report = run.report;
    assert.ok(report, "the report was written");
    assert.equal(report.schemaVersion, 4);
    assert.equal(report.tenantId, fake.tenant.tenantId);
    assert.equal(report.environment, "AzureCloud");
    assert.equal(report.status, "fail");
    assert.deepEqual(report.counts, {
      total: 15,
      passed: 6,
      failed: 6,
      errored: 1,
      skipped: 2,
    });
    assert.ok(!Number.isNaN(Date.parse(String(report.generatedAt))));
    assert.equal(
      row(run, 10).displayName,
      "Prod | <script>alert(1)</script> **bold** @team\nline2",
    );
  });

  test("escapes Azure's strings in the summary", () => {
    assert.ok(!run.summary.includes("<script>"));
    assert.ok(!run.summary.includes("@team"));
    assert.ok(!run.summary.includes("**bold**"));
    // Tables are HTML now (never-wrapping ID cells): every row keeps its
    // header's cell count, whatever the names hold.
    assert.equal(assertTablesWellFormed(run.summary), 15);
  });

  test("puts verdict and counts on top, failures first, passes folded", () => {
    const lines = run.summary.split("\n");
    assert.match(lines[0] ?? "", /Security contact email missing/);
    assert.match(
      run.summary.slice(0, 600),
      /15.*in scope.*6 passed.*6 failed.*1 errored.*2 skipped/s,
    );
    const attention = run.summary.indexOf("Needs attention");
    const details = run.summary.indexOf("<details>");
    assert.ok(attention > 0 && details > attention);
    assert.ok(
      run.summary.indexOf(guid(4)) < details,
      "a failure is above the fold",
    );
    assert.ok(run.summary.indexOf(guid(1)) > details, "a pass is folded");
    assert.match(run.summary, /az rest --method put/);
    assert.match(run.summary, /2023-12-01-preview/);
    assert.ok(!run.summary.includes("alertsToAdmins"));
  });

  test("masks every address by default", () => {
    for (const address of [
      "secops@contoso.com",
      "soc@fabrikam.com",
      "not-an-email",
      "devsec@contoso.com",
    ]) {
      assert.ok(!run.summary.includes(address));
      assert.ok(!run.stdout.includes(address));
      assert.ok(!JSON.stringify(run.report).includes(address));
    }
    assert.deepEqual(row(run, 1).emails, [
      "s***@contoso.com",
      "s***@contoso.com",
    ]);
  });

  test("annotates each failing and errored subscription as an error, plus a notice", () => {
    const findings = run.annotations.filter(
      (a) => a.title === "Security contact email missing",
    );
    assert.equal(findings.length, 6);
    assert.ok(findings.every((a) => a.level === "error"));
    const errors = run.annotations.filter(
      (a) => a.title === "Subscription could not be evaluated",
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0]?.message ?? "", /AuthorizationFailed/);
    assert.ok(
      run.annotations.some(
        (a) => a.level === "notice" && /15 subscriptions/.test(a.message),
      ),
    );
    const failure = run.annotations.at(-1);
    assert.equal(failure?.level, "error");
    assert.match(
      failure?.message ?? "",
      /6 subscriptions lack.*1 subscription could not be evaluated/,
    );
  });

  test("retried the 503 and the 429 once each and read every other contact once", () => {
    const perSubscription = fake.counters().contactRequestsBySubscription;
    assert.equal(perSubscription.get(guid(14)), 2);
    assert.equal(perSubscription.get(guid(15)), 2);
    assert.equal(perSubscription.get(guid(1)), 1);
    assert.equal(
      perSubscription.get(guid(13)),
      undefined,
      "a Disabled subscription is not read",
    );
  });

  test("never shows a token", () => assertNoTokenLeak(fake, run));
});

describe("whole-tenant outcomes", () => {
  test("an all-pass tenant passes with exit code 0", async () => {
    await withFake(generatedTenant(5), async (fake) => {
      const run = await runAction(fakeInputs(fake), runnerEnv(fake));
      assert.equal(run.exitCode, 0, run.stdout);
      assert.equal(run.outputs.status, "pass");
      assert.equal(counts(run), "5 5 0 0 0");
      assert.equal(run.outputs["failed-subscriptions"], "[]");
      assert.equal(
        fake.counters().contactRequests,
        5,
        "one contacts request per subscription",
      );
      assert.ok(!run.summary.includes("How to fix"));
      assertNoTokenLeak(fake, run);
    });
  });

  test("an empty tenant is an error, not a pass", async () => {
    await withFake(generatedTenant(0), async (fake) => {
      const run = await runAction(fakeInputs(fake), runnerEnv(fake));
      assert.equal(run.exitCode, 1);
      assert.equal(run.outputs.status, "error");
      assert.equal(counts(run), "0 0 0 0 0");
      assert.match(run.stdout, /no subscription is in scope/);
    });
  });

  test("an empty tenant with fail-on-error false still reports error but exits 0", async () => {
    await withFake(generatedTenant(0), async (fake) => {
      const run = await runAction(
        { ...fakeInputs(fake), "fail-on-error": "false" },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 0);
      assert.equal(run.outputs.status, "error");
    });
  });

  test("fail-on-missing false turns failing annotations into warnings and exits 0", async () => {
    const tenant = generatedTenant(1);
    tenant.subscriptions.push({
      subscriptionId: guid(3),
      displayName: "No address",
      contact: { emails: "" },
    });
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        { ...fakeInputs(fake), "fail-on-missing": "false" },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 0);
      assert.equal(run.outputs.status, "fail");
      const finding = run.annotations.find(
        (a) => a.title === "Security contact email missing",
      );
      assert.equal(finding?.level, "warning");
    });
  });

  test("lists subscriptions across pages", async () => {
    const tenant = generatedTenant(250);
    tenant.pageSize = 100;
    await withFake(tenant, async (fake) => {
      const run = await runAction(fakeInputs(fake), runnerEnv(fake));
      assert.equal(run.exitCode, 0);
      assert.equal(counts(run), "250 250 0 0 0");
      const listPages = fake.requests.filter(
        (r) => r.service === "arm" && /\/subscriptions$/.test(r.path),
      );
      assert.equal(listPages.length, 3);
      assert.equal(fake.counters().contactRequests, 250);
    });
  });
});

describe("Defender plans", () => {
  test("a failing subscription names its paid plans; a passing one costs no extra request", async () => {
    const tenant = generatedTenant(1);
    tenant.subscriptions.push({
      subscriptionId: guid(2),
      displayName: "Paid, unwatched",
      contact: null,
      pricings: [
        { name: "VirtualMachines", pricingTier: "Standard" },
        { name: "KeyVaults", pricingTier: "Free" },
        { name: "SqlServers", pricingTier: "Standard" },
      ],
    });
    await withFake(tenant, async (fake) => {
      const run = await runAction(fakeInputs(fake), runnerEnv(fake));
      assert.equal(row(run, 2).status, "fail");
      assert.match(
        row(run, 2).reason,
        /paid Defender plans on: VirtualMachines, SqlServers\.$/,
      );
      const pricingRequests = fake.requests.filter((r) =>
        r.path.endsWith("/pricings"),
      );
      assert.deepEqual(
        pricingRequests.map((r) => r.subscriptionId),
        [guid(2)],
      );
    });
  });
});

describe("scope filters", () => {
  test("subscriptions limits the report and the requests to the named IDs", async () => {
    await withFake(sampleTenant(), async (fake) => {
      const run = await runAction(
        {
          ...fakeInputs(fake),
          subscriptions: `${guid(1).toUpperCase()}, ${guid(4)}\n${guid(12)}`,
        },
        runnerEnv(fake),
      );
      const named = [guid(1), guid(4), guid(12)].sort();
      assert.deepEqual([...rows(run).keys()].sort(), named);
      assert.equal(counts(run), "3 1 1 0 1");
      const asked = [
        ...fake.counters().contactRequestsBySubscription.keys(),
      ].sort();
      assert.deepEqual(asked, named);
    });
  });

  test("an ID the identity cannot see is an error, never dropped", async () => {
    const tenant = generatedTenant(2);
    tenant.subscriptions.push({
      subscriptionId: guid(99),
      displayName: "Hidden",
      hidden: true,
    });
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        { ...fakeInputs(fake), subscriptions: `${guid(1)} ${guid(99)}` },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 1);
      assert.equal(run.outputs.status, "error");
      assert.equal(row(run, 99).status, "error");
      assert.match(row(run, 99).reason, /SubscriptionNotFound/);
      assert.equal(
        fake.counters().contactRequestsBySubscription.get(guid(99)),
        undefined,
      );
    });
  });

  test("exclude-subscriptions skips, also when an ID is in both lists", async () => {
    await withFake(generatedTenant(3), async (fake) => {
      const run = await runAction(
        { ...fakeInputs(fake), "exclude-subscriptions": guid(2).toUpperCase() },
        runnerEnv(fake),
      );
      assert.equal(counts(run), "3 2 0 0 1");
      assert.match(row(run, 2).reason, /exclude-subscriptions/);
      assert.equal(
        fake.counters().contactRequestsBySubscription.get(guid(2)),
        undefined,
      );

      const both = await runAction(
        {
          ...fakeInputs(fake),
          subscriptions: `${guid(1)},${guid(3)}`,
          "exclude-subscriptions": guid(3),
        },
        runnerEnv(fake),
      );
      assert.equal(counts(both), "2 1 0 0 1");
      assert.equal(row(both, 3).status, "skipped");
    });
  });
});

describe("masking", () => {
  test("mask-emails false writes addresses as configured", async () => {
    await withFake(sampleTenant(), async (fake) => {
      const run = await runAction(
        { ...fakeInputs(fake), "mask-emails": "false" },
        runnerEnv(fake),
      );
      assert.deepEqual(row(run, 1).emails, [
        "secops@contoso.com",
        "soc@contoso.com",
      ]);
      assert.deepEqual(row(run, 2).invalidEmails, ["not-an-email"]);
      // In code: copied exactly, no zero-width space, never a link.
      assert.match(run.summary, /<code>secops@contoso\.com<\/code>/);
    });
  });
});

describe("sign-in", () => {
  test("the US Government cloud requests its own audience", async () => {
    const tenant = generatedTenant(1);
    tenant.audience = "api://AzureADTokenExchangeUSGov";
    await withFake(tenant, async (fake) => {
      const { audience, ...inputs } = fakeInputs(fake);
      const run = await runAction(
        { ...inputs, environment: "azureusgovernment" },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 0, run.stdout);
      assert.equal(run.report?.environment, "AzureUSGovernment");
      const oidc = fake.requests.find((r) => r.service === "oidc");
      assert.equal(oidc?.query.audience, "api://AzureADTokenExchangeUSGov");
    });
  });

  test("the China cloud requests its own audience", async () => {
    const tenant = generatedTenant(1);
    tenant.audience = "api://AzureADTokenExchangeChina";
    await withFake(tenant, async (fake) => {
      const { audience, ...inputs } = fakeInputs(fake);
      const run = await runAction(
        { ...inputs, environment: "AzureChinaCloud" },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 0, run.stdout);
      assert.equal(run.report?.environment, "AzureChinaCloud");
    });
  });

  test("a wrong audience is refused by Entra with AADSTS700212 and a hint", async () => {
    const tenant = generatedTenant(1);
    tenant.audience = "api://AzureADTokenExchangeUSGov";
    await withFake(tenant, async (fake) => {
      const { audience, ...inputs } = fakeInputs(fake);
      const run = await runAction(inputs, runnerEnv(fake));
      assert.equal(run.exitCode, 1);
      assert.equal(run.outputs.status, "error");
      assert.match(
        run.stdout,
        /::error::Sign-in to Entra ID failed \(AADSTS700212\).*audience/,
      );
      assert.equal(fake.counters().contactRequests, 0);
      assertNoTokenLeak(fake, run);
      // The error path still writes the report and sets every output.
      assert.equal(run.report?.status, "error");
      assert.match(run.report?.errors.join(" ") ?? "", /AADSTS700212/);
      for (const name of OUTPUTS) {
        assert.ok(name in run.outputs, `output ${name} is set`);
      }
      assert.equal(run.outputs["subscriptions-total"], "0");
      assert.equal(run.outputs["issue-number"], "");
    });
  });

  test("an unknown client-id is refused by Entra with AADSTS700016 and a hint", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      const run = await runAction(
        { ...fakeInputs(fake), "client-id": guid(4242) },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 1);
      assert.match(run.stdout, /AADSTS700016.*client-id/);
      assert.equal(fake.counters().contactRequests, 0);
    });
  });

  test("without id-token permission it says what to add, before any request", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      const run = await runAction(fakeInputs(fake), runnerEnv(fake), {
        env: {
          ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
        },
      });
      assert.equal(run.exitCode, 1);
      assert.match(run.stdout, /id-token: write/);
      assert.match(run.stdout, /forks/);
      assert.equal(fake.requests.length, 0);
    });
  });
});

describe("bad input", () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{}, /'client-id' is required/],
    [{ "client-id": "abc", "tenant-id": guid(1) }, /'client-id'.*"abc".*GUID/],
    [
      { "client-id": guid(1), "tenant-id": guid(1), concurrency: "65" },
      /'concurrency'.*"65".*1 to 64/,
    ],
    [
      { "client-id": guid(1), "tenant-id": guid(1), environment: "AzureMars" },
      /'environment'.*"AzureMars"/,
    ],
    [
      { "client-id": guid(1), "tenant-id": guid(1), subscriptions: "prod" },
      /'subscriptions'.*"prod".*GUID/,
    ],
    [
      {
        "client-id": guid(1),
        "tenant-id": guid(1),
        "resource-manager-endpoint": "http://arm.local",
      },
      /'resource-manager-endpoint'.*"http:\/\/arm.local".*https/,
    ],
    [
      { "client-id": guid(1), "tenant-id": guid(1), "mask-emails": "yes" },
      /'mask-emails'.*"yes".*'true' or 'false'/,
    ],
  ];
  for (const [inputs, message] of cases) {
    test(`rejects ${JSON.stringify(inputs)} before any network call`, async () => {
      await withFake(generatedTenant(1), async (fake) => {
        const run = await runAction(inputs, runnerEnv(fake));
        assert.equal(run.exitCode, 1);
        assert.match(run.stdout, message);
        assert.equal(fake.requests.length, 0);
      });
    });
  }
});
