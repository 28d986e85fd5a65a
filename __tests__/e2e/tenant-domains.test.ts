/**
 * End-to-end: `allowed-email-domains: tenant` through the bundle against the
 * fake, which serves the tenant's verified domains at GET /tenants.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  baseTenant,
  forever,
  guid,
  type FakeTenant,
} from "../../test-support/fake/index.js";
import {
  fakeInputs,
  reportRow,
  runAction,
  runnerEnv,
  withFake,
} from "../../test-support/run-action.js";

function tenantWith(emails: string[]): FakeTenant {
  const tenant = baseTenant(
    emails.map((address, i) => ({
      subscriptionId: guid(i + 1),
      displayName: `Landing zone ${i + 1}`,
      contact: { emails: address },
    })),
  );
  tenant.domains = ["contoso.com", "contoso.onmicrosoft.com"];
  return tenant;
}

const EMAILS = [
  "soc@contoso.com",
  "soc@eu.contoso.com",
  "soc@fabrikam.com",
  "soc@contoso.onmicrosoft.com",
];

describe("allowed-email-domains: tenant", () => {
  test("accepts the tenant's verified domains (and subdomains), refuses others, with one request", async () => {
    await withFake(tenantWith(EMAILS), async (fake) => {
      const run = await runAction(
        {
          ...fakeInputs(fake),
          "allowed-email-domains": "tenant",
          "mask-emails": "false",
        },
        runnerEnv(fake),
      );
      assert.equal(run.outputs.status, "fail", run.stdout);
      assert.deepEqual(
        [1, 2, 3, 4].map((n) => reportRow(run, n).status),
        ["pass", "pass", "fail", "pass"],
      );
      assert.deepEqual(reportRow(run, 3).disallowedEmails, [
        "soc@fabrikam.com",
      ]);
      const reads = fake.requests.filter((r) => r.path === "/arm/tenants");
      assert.equal(reads.length, 1);
      assert.equal(reads[0]?.query["api-version"], "2022-12-01");
    });
  });

  test("listed domains count beside the tenant's", async () => {
    await withFake(tenantWith(EMAILS), async (fake) => {
      const run = await runAction(
        {
          ...fakeInputs(fake),
          "allowed-email-domains": "fabrikam.com, tenant",
        },
        runnerEnv(fake),
      );
      assert.equal(run.outputs.status, "pass", run.stdout);
    });
  });

  test("tenant domains that cannot be read are an error of the run naming the input, before any contact is read", async () => {
    const tenant = tenantWith(EMAILS);
    tenant.tenantsListing = forever({
      kind: "status",
      status: 403,
      code: "AuthorizationFailed",
      message: "The client does not have authorization to list tenants.",
    });
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        { ...fakeInputs(fake), "allowed-email-domains": "tenant" },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 1);
      assert.equal(run.outputs.status, "error");
      const failure = run.annotations.find((a) => a.level === "error");
      assert.match(failure?.message ?? "", /'allowed-email-domains'/);
      assert.match(failure?.message ?? "", /AuthorizationFailed/);
      assert.equal(fake.counters().contactRequests, 0);
    });
  });

  test("without tenant, GET /tenants is never sent", async () => {
    await withFake(tenantWith(EMAILS), async (fake) => {
      const run = await runAction(fakeInputs(fake), runnerEnv(fake));
      assert.equal(run.outputs.status, "pass", run.stdout);
      assert.equal(
        fake.requests.filter((r) => r.path === "/arm/tenants").length,
        0,
      );
    });
  });
});
