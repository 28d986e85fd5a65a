import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { withTenantDomains } from "../../../src/inputs/validate.js";
import { InputError, readSettings } from "../../../src/settings.js";

const IDS = {
  "client-id": "0f3e8d9a-1b2c-4d5e-8f70-a1b2c3d4e5f6",
  "tenant-id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
};

const read = (values: Record<string, string>) =>
  readSettings((name) => values[name] ?? "");

/** An InputError naming the input and quoting the value. */
function rejects(
  values: Record<string, string>,
  input: string,
  value: string,
  expected: RegExp,
): void {
  assert.throws(
    () => read({ ...IDS, ...values }),
    (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.ok(error.message.includes(`'${input}'`), error.message);
      assert.ok(error.message.includes(JSON.stringify(value)), error.message);
      assert.match(error.message, expected);
      return true;
    },
  );
}

describe("readSettings: dns-servers", () => {
  it("defaults to none: the runner's resolvers", () => {
    assert.deepEqual(read(IDS).dnsServers, []);
  });

  it("reads IPv4, IPv4:port, IPv6 and [IPv6]:port, separated by commas or newlines", () => {
    assert.deepEqual(
      read({
        ...IDS,
        "dns-servers": "10.0.0.53, 127.0.0.1:5353\n fd00::53,[fd00::54]:5353",
      }).dnsServers,
      ["10.0.0.53", "127.0.0.1:5353", "fd00::53", "[fd00::54]:5353"],
    );
  });

  for (const bad of [
    "dns.contoso.com",
    "10.0.0.256",
    "10.0.0.53:0",
    "10.0.0.53:65536",
    "10.0.0.53:",
    "fd00::53:5353:x",
    "[fd00::53]5353",
    "[10.0.0.53]:53",
    "[fd00::53]:port",
  ]) {
    it(`stops on ${bad}, naming the input, the value and what was expected`, () => {
      rejects({ "dns-servers": `10.0.0.1, ${bad}` }, "dns-servers", bad, /IP/);
    });
  }
});

describe("readSettings: allowed-email-domains tenant", () => {
  it("the word tenant (any case) asks for the tenant's domains, beside listed ones", () => {
    const settings = read({
      ...IDS,
      "allowed-email-domains": "Tenant, fabrikam.com",
    });
    assert.equal(settings.allowTenantDomains, true);
    assert.deepEqual(settings.allowedEmailDomains, ["fabrikam.com"]);
    assert.equal(read(IDS).allowTenantDomains, false);
  });

  it("is an input error with scan: files, which signs in nowhere", () => {
    rejects(
      { scan: "files", "allowed-email-domains": "tenant" },
      "allowed-email-domains",
      "tenant",
      /scan: files/,
    );
  });

  it("a domain that is not one names tenant as the other choice", () => {
    rejects(
      { "allowed-email-domains": "tenants" },
      "allowed-email-domains",
      "tenants",
      /or the word tenant/,
    );
  });
});

describe("withTenantDomains", () => {
  const base = read({
    ...IDS,
    "allowed-email-domains": "tenant fabrikam.com",
    remediate: "plan",
    "remediation-emails": "soc@contoso.com",
  });

  it("adds the verified domains to the listed ones, once each", () => {
    assert.deepEqual(
      withTenantDomains(base, ["contoso.com", "fabrikam.com"])
        .allowedEmailDomains,
      ["fabrikam.com", "contoso.com"],
    );
  });

  it("remediation-emails outside them is an input error", () => {
    assert.throws(
      () => withTenantDomains(base, ["contoso.onmicrosoft.com"]),
      (error: unknown) =>
        error instanceof InputError &&
        error.message.includes("'remediation-emails'") &&
        error.message.includes('"soc@contoso.com"') &&
        /within 'allowed-email-domains'/.test(error.message),
    );
  });
});
