/**
 * The tenant's verified domains through the real SDK pipeline (token,
 * resilience policy) over HTTPS against the fake's GET /tenants.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { ArmTenantDomainReader } from "../../src/azure/tenant-domains.js";
import {
  baseTenant,
  type Fake,
  forever,
  startFake,
} from "../../test-support/fake/index.js";
import { fakeSecurityCenter } from "../../test-support/fake/in-process.js";

describe("ArmTenantDomainReader against the fake", () => {
  let fake: Fake;
  let reader: ArmTenantDomainReader;

  before(async () => {
    fake = await startFake({ tenant: baseTenant([]) });
    reader = new ArmTenantDomainReader(
      fakeSecurityCenter(fake).client,
      fake.armUrl,
    );
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.tenant = baseTenant([]);
    fake.requests.length = 0;
  });

  const tenantRequests = () =>
    fake.requests.filter((r) => r.path === "/arm/tenants");

  it("reads the signed-in tenant's domains, lower-cased, in one request", async () => {
    fake.tenant.domains = ["Contoso.com", "contoso.onmicrosoft.com"];
    assert.deepEqual(await reader.verifiedDomains(fake.tenant.tenantId), [
      "contoso.com",
      "contoso.onmicrosoft.com",
    ]);
    const requests = tenantRequests();
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.query["api-version"], "2022-12-01");
  });

  it("drops what cannot be a mail domain", async () => {
    fake.tenant.domains = [
      "<b>x</b>.com",
      "contoso.com",
      `${"a".repeat(300)}.com`,
      "CONTOSO.com",
    ];
    assert.deepEqual(await reader.verifiedDomains(fake.tenant.tenantId), [
      "contoso.com",
    ]);
  });

  it("throws Azure's words when the read is refused", async () => {
    fake.tenant.tenantsListing = forever({
      kind: "status",
      status: 403,
      code: "AuthorizationFailed",
      message: "The client does not have authorization.",
    });
    await assert.rejects(
      reader.verifiedDomains(fake.tenant.tenantId),
      /AuthorizationFailed.*does not have authorization/,
    );
  });

  it("throws when the answer does not hold the tenant signed in to", async () => {
    await assert.rejects(
      reader.verifiedDomains("00000000-0000-4000-8000-0000000000ff"),
      /do not include 00000000-0000-4000-8000-0000000000ff/,
    );
  });

  it("throws when the answer is not a tenants list", async () => {
    fake.tenant.tenantsListing = forever({ kind: "bareArray" });
    await assert.rejects(
      reader.verifiedDomains(fake.tenant.tenantId),
      /no 'value' list/,
    );
  });
});
