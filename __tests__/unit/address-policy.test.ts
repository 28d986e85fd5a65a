import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  checkAddresses,
  classifyAddress,
  isReservedDomain,
  type AddressPolicy,
} from "../../src/check/address-policy.js";

function policy(overrides: Partial<AddressPolicy> = {}): AddressPolicy {
  return { requiredEmails: [], allowedEmailDomains: [], ...overrides };
}

describe("classifyAddress: syntax", () => {
  it("accepts a plain address", () => {
    assert.equal(classifyAddress("secops@contoso.com").kind, "valid");
  });

  for (const entry of [
    "not-an-email",
    "ops@localhost",
    "jane@",
    "@contoso.com",
  ]) {
    it(`rejects ${JSON.stringify(entry)} as invalid syntax`, () => {
      assert.equal(classifyAddress(entry).kind, "invalid-syntax");
    });
  }
});

describe("classifyAddress: RFC 5321 / 5322 shapes on top of the grammar", () => {
  const cases: [string, RegExp][] = [
    [`${"a".repeat(65)}@contoso.com`, /local part .* 65 octets, over the 64/],
    [
      `${"b".repeat(60)}@${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(63)}.com`,
      /address is 256 octets, over the 254/,
    ],
    [".lead@contoso.com", /starts or ends with a dot/],
    ["trail.@contoso.com", /starts or ends with a dot/],
    ["d..e@contoso.com", /two dots in a row/],
  ];
  for (const [entry, reason] of cases) {
    it(`${entry.slice(0, 20)}… is invalid and the reason names the rule`, () => {
      const verdict = classifyAddress(entry);
      assert.equal(verdict.kind, "invalid-syntax");
      assert.match(verdict.reason, reason);
    });
  }

  it("accepts the limits themselves", () => {
    assert.equal(
      classifyAddress(`${"a".repeat(64)}@contoso.com`).kind,
      "valid",
    );
    assert.equal(classifyAddress("first.last@contoso.com").kind, "valid");
  });
});

describe("classifyAddress: reserved domains (RFC 2606, RFC 6761)", () => {
  for (const entry of [
    "defender-alerts@example.com",
    "a@EXAMPLE.NET",
    "a@example.org",
    "a@mail.example.com",
    "a@corp.example",
    "a@host.invalid",
    "a@dev.localhost",
    "a@contoso.test",
  ]) {
    it(`${entry} is invalid and the reason says the domain is reserved`, () => {
      const verdict = classifyAddress(entry);
      assert.equal(verdict.kind, "reserved-domain");
      assert.match(verdict.reason, /reserved domain/);
      assert.match(verdict.reason, /never receives mail/);
    });
  }

  it("does not treat look-alikes as reserved", () => {
    assert.equal(isReservedDomain("notexample.com"), false);
    assert.equal(isReservedDomain("example.com.au"), false);
    assert.equal(isReservedDomain("testing.io"), false);
    assert.equal(classifyAddress("a@myexample.com").kind, "valid");
  });
});

describe("classifyAddress: placeholders", () => {
  for (const entry of [
    "security_contact@replace_me",
    "security_contact@replace_me.com",
    "replace_me@replace_me.com",
    "test.user@replace.me",
    "a@REPLACEME.com",
    "change_me@contoso.com",
    "me@changeme.com",
    "security@yourcompany.com",
    "security@your-company.com",
    "ops@yourdomain.com",
    "ops@your-domain.com",
    "placeholder@contoso.com",
  ]) {
    it(`${entry} is invalid with reason "placeholder"`, () => {
      const verdict = classifyAddress(entry);
      assert.equal(verdict.kind, "placeholder");
      assert.match(verdict.reason, /^placeholder/);
    });
  }
});

describe("classifyAddress: allowed-email-domains", () => {
  const allowed = policy({ allowedEmailDomains: ["contoso.com"] });

  it("allows the domain and its subdomains", () => {
    assert.equal(classifyAddress("secops@contoso.com", allowed).kind, "valid");
    assert.equal(classifyAddress("a@eu.contoso.com", allowed).kind, "valid");
    assert.equal(classifyAddress("A@Contoso.COM", allowed).kind, "valid");
  });

  it("does not allow a domain that merely ends with the same letters", () => {
    const verdict = classifyAddress("a@notcontoso.com", allowed);
    assert.equal(verdict.kind, "disallowed-domain");
    assert.match(verdict.reason, /allowed-email-domains/);
  });

  it("allows any domain when the list is empty", () => {
    assert.equal(classifyAddress("a@fabrikam.com", policy()).kind, "valid");
  });
});

describe("checkAddresses", () => {
  it("sorts entries into valid and invalid, keeping their order", () => {
    const checked = checkAddresses(
      "not-an-email; jane@contoso.com, ops@localhost;a@b.co ; jane@",
    );
    assert.deepEqual(checked.valid, ["jane@contoso.com", "a@b.co"]);
    assert.deepEqual(checked.invalid, [
      "not-an-email",
      "ops@localhost",
      "jane@",
    ]);
  });

  it("finds nothing in an empty, separator-only or undefined field", () => {
    for (const raw of ["", ";  ,", undefined]) {
      const checked = checkAddresses(raw);
      assert.deepEqual([checked.valid, checked.invalid], [[], []]);
    }
  });

  it("lists addresses outside the allowed domains apart; they do not count", () => {
    const checked = checkAddresses(
      "a@contoso.com;b@fabrikam.com",
      policy({ allowedEmailDomains: ["contoso.com"] }),
    );
    assert.deepEqual(checked.valid, ["a@contoso.com"]);
    assert.deepEqual(checked.disallowed, ["b@fabrikam.com"]);
    assert.deepEqual(checked.invalid, []);
  });

  it("names the required addresses that are missing, case-insensitively", () => {
    const checked = checkAddresses(
      "SOC@contoso.com",
      policy({ requiredEmails: ["soc@contoso.com", "cso@contoso.com"] }),
    );
    assert.deepEqual(checked.missingRequired, ["cso@contoso.com"]);
  });
});
