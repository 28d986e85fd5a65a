import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  parseRemediateMode,
  remediationAddressProblem,
  remediationEmailsRequired,
} from "../../src/remediation/inputs.js";

describe("parseRemediateMode", () => {
  it("reads off, plan and apply in any case, trimmed", () => {
    assert.equal(parseRemediateMode("off"), "off");
    assert.equal(parseRemediateMode("PLAN"), "plan");
    assert.equal(parseRemediateMode(" Apply\n"), "apply");
  });

  it("knows no other mode", () => {
    for (const value of ["", "on", "true", "dry-run", "apply!"]) {
      assert.equal(parseRemediateMode(value), undefined, value);
    }
  });
});

describe("remediationEmailsRequired", () => {
  it("is required when remediating and additional-emails is selected", () => {
    assert.equal(
      remediationEmailsRequired("plan", ["additional-emails"]),
      true,
    );
    assert.equal(
      remediationEmailsRequired("apply", [
        "notify-owners",
        "additional-emails",
      ]),
      true,
    );
  });

  it("is not required when remediation is off", () => {
    assert.equal(
      remediationEmailsRequired("off", ["additional-emails"]),
      false,
    );
  });

  it("is not required when additional-emails is not selected", () => {
    assert.equal(
      remediationEmailsRequired("apply", [
        "notify-owners",
        "alert-notifications",
      ]),
      false,
    );
  });
});

describe("remediationAddressProblem", () => {
  it("accepts a deliverable address", () => {
    for (const address of [
      "secops@contoso.com",
      "a@eu.contoso.com",
      "soc+alerts@fabrikam.co.uk",
      "ops@example.co", // not reserved: only example.com/.net/.org
      "ops@myexample.com",
      "ops@testing.io",
    ]) {
      assert.equal(remediationAddressProblem(address, []), undefined, address);
    }
  });

  it("refuses what is not an address", () => {
    for (const address of [
      "secops",
      "@contoso.com",
      "a@b",
      "a b@contoso.com",
    ]) {
      assert.match(
        remediationAddressProblem(address, []) ?? "",
        /not a valid email address/,
        address,
      );
    }
  });

  it("refuses reserved domains, naming the domain", () => {
    for (const [address, domain] of [
      ["a@example.com", "example.com"],
      ["a@EXAMPLE.NET", "example.net"],
      ["a@mail.example.org", "mail.example.org"],
      ["a@corp.example", "corp.example"],
      ["a@contoso.invalid", "contoso.invalid"],
      ["a@host.localhost", "host.localhost"],
      ["a@contoso.test", "contoso.test"],
    ]) {
      const problem = remediationAddressProblem(address, []) ?? "";
      assert.match(problem, /reserved domain/, address);
      assert.ok(problem.includes(domain), problem);
    }
  });

  it("refuses a landing-zone placeholder", () => {
    assert.match(
      remediationAddressProblem("security_contact@replace_me.com", []) ?? "",
      /placeholder/,
    );
  });

  it("refuses an address outside allowed-email-domains, accepts a subdomain", () => {
    assert.match(
      remediationAddressProblem("a@fabrikam.com", ["contoso.com"]) ?? "",
      /not in allowed-email-domains/,
    );
    assert.equal(
      remediationAddressProblem("a@eu.contoso.com", ["contoso.com"]),
      undefined,
    );
  });
});
