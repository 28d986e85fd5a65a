import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ControlPolicy } from "../../../src/check/controls/control.js";
import type { FileFinding } from "../../../src/files/findings.js";
import { maskAddressesIn } from "../../../src/report/present.js";
import { evaluateFileFinding } from "../../../src/files/verdict.js";

const at = {
  path: "a.json",
  line: 3,
  setting: "s",
  source: "arm-parameters",
} as const;
const policy: ControlPolicy = {
  requiredEmails: [],
  allowedEmailDomains: [],
};
const verdict = (finding: FileFinding, rules = policy) => {
  const { status, reason, emails, invalidEmails } = evaluateFileFinding(
    finding,
    rules,
  );
  return { status, reason, emails, invalidEmails };
};

describe("evaluateFileFinding", () => {
  it("passes with one valid address among invalid ones, split on ; and ,", () => {
    const result = verdict({
      ...at,
      value: "ops@contoso.com; nope, soc@contoso.com",
    });
    assert.equal(result.status, "pass");
    assert.match(result.reason, /2 valid additional email addresses/);
    assert.deepEqual(result.emails, ["ops@contoso.com", "soc@contoso.com"]);
    assert.deepEqual(result.invalidEmails, ["nope"]);
  });

  it("fails an empty value", () => {
    const result = verdict({ ...at, value: "" });
    assert.equal(result.status, "fail");
    assert.match(result.reason, /no additional email addresses/);
  });

  for (const value of [
    "security_contact@replace_me",
    "security_contact@replace_me.com",
    "replace_me@replace_me.com",
    "security@yourcompany.com",
    "test.user@replace.me",
    "me@changeme.com",
    "ops@your-domain.net",
    "PLACEHOLDER@contoso.com",
  ]) {
    it(`fails the placeholder ${value}`, () => {
      const result = verdict({ ...at, value });
      assert.equal(result.status, "fail");
      assert.match(result.reason, /placeholder/);
      assert.deepEqual(result.invalidEmails, [value]);
    });
  }

  it("fails a reserved domain, as the live check does", () => {
    const result = verdict({ ...at, value: "soc@example.com" });
    assert.equal(result.status, "fail");
    assert.match(result.reason, /reserved domain/);
  });

  it("applies allowed-email-domains and required-emails (masked)", () => {
    const rules = {
      requiredEmails: ["soc@contoso.com"],
      allowedEmailDomains: ["contoso.com"],
    };
    const outside = verdict({ ...at, value: "ops@fabrikam.com" }, rules);
    assert.equal(outside.status, "fail");
    assert.match(outside.reason, /outside allowed-email-domains/);
    assert.deepEqual(outside.invalidEmails, ["ops@fabrikam.com"]);
    const missing = verdict({ ...at, value: "ops@eu.contoso.com" }, rules);
    assert.equal(missing.status, "fail");
    assert.match(
      maskAddressesIn(missing.reason),
      /required-emails missing: s\*\*\*@contoso\.com/,
    );
    assert.equal(
      verdict({ ...at, value: "ops@eu.contoso.com;soc@contoso.com" }, rules)
        .status,
      "pass",
    );
  });

  it("fails legacy properties.email whatever its value", () => {
    const result = verdict({
      ...at,
      value: "ops@contoso.com",
      legacyEmail: true,
    });
    assert.equal(result.status, "fail");
    assert.match(result.reason, /legacy 'email' value is present/);
    assert.deepEqual(result.emails, []);
    assert.deepEqual(result.invalidEmails, ["ops@contoso.com"]);
  });

  for (const token of [
    "{{security_contact_email}}",
    "$${defender_email_security_contact}",
    "${var.mail}",
  ]) {
    it(`never reads the token ${token} as an address: alone it is unresolved`, () => {
      assert.deepEqual(verdict({ ...at, value: token }), {
        status: "error",
        reason: `unresolved: ${token}`,
        emails: [],
        invalidEmails: [],
      });
    });
  }

  it("judges what remains beside a token", () => {
    const result = verdict({ ...at, value: "ops@contoso.com;{{extra}}" });
    assert.equal(result.status, "pass");
    assert.deepEqual(result.emails, ["ops@contoso.com"]);
    assert.deepEqual(result.invalidEmails, []);
  });

  it("carries an error finding's message as the reason", () => {
    const result = evaluateFileFinding({
      ...at,
      error: "known only at apply time",
    });
    assert.equal(result.status, "error");
    assert.equal(result.reason, "known only at apply time");
    assert.equal(result.control, "additional-emails");
  });
});
