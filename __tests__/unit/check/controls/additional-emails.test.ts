import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  additionalEmails,
  contactAddresses,
} from "../../../../src/check/controls/additional-emails.js";
import { maskAddressesIn } from "../../../../src/report/present.js";
import { contact, policy } from "./fixtures.js";

const evaluate = additionalEmails.evaluate;

describe("additional-emails: today's verdicts", () => {
  it("fails with no contact, in today's words", () => {
    assert.deepEqual(evaluate([], policy()), {
      status: "fail",
      reason:
        "No security contact is configured, so high-severity alerts reach only subscription owners.",
    });
  });

  it("passes with one valid address", () => {
    assert.deepEqual(evaluate([contact()], policy()), {
      status: "pass",
      reason: "1 valid additional email address configured.",
    });
  });

  it("fails with only invalid syntax, in today's words", () => {
    assert.equal(
      evaluate([contact({ emails: "x;y@localhost" })], policy()).reason,
      "The security contact lists no valid email address (2 invalid entries).",
    );
  });

  it("says so when a passing contact has notifications off", () => {
    const verdict = evaluate([contact({ isEnabled: false })], policy());
    assert.equal(verdict.status, "pass");
    assert.match(verdict.reason, /isEnabled: false/);
  });
});

describe("additional-emails: address policy", () => {
  it("fails on reserved and placeholder addresses and says why", () => {
    const verdict = evaluate(
      [
        contact({
          emails: "defender-alerts@example.com;security_contact@replace_me",
        }),
      ],
      policy(),
    );
    assert.equal(verdict.status, "fail");
    assert.match(
      verdict.reason,
      /1 on a reserved domain that never receives mail/,
    );
    assert.match(verdict.reason, /1 placeholder/);
  });

  it("does not count addresses outside allowed-email-domains", () => {
    const verdict = evaluate(
      [contact({ emails: "a@notcontoso.com" })],
      policy({ allowedEmailDomains: ["contoso.com"] }),
    );
    assert.equal(verdict.status, "fail");
    assert.match(verdict.reason, /1 address outside allowed-email-domains/);
  });

  it("passes on a subdomain of an allowed domain", () => {
    const verdict = evaluate(
      [contact({ emails: "a@eu.contoso.com;b@fabrikam.com" })],
      policy({ allowedEmailDomains: ["contoso.com"] }),
    );
    assert.equal(verdict.status, "pass");
    assert.match(
      verdict.reason,
      /1 address outside allowed-email-domains ignored/,
    );
  });

  it("fails when a required address is missing, naming it (masked where it is shown)", () => {
    const verdict = evaluate(
      [contact({ emails: "secops@contoso.com" })],
      policy({ requiredEmails: ["soc@contoso.com"] }),
    );
    assert.equal(verdict.status, "fail");
    const shown = maskAddressesIn(verdict.reason);
    assert.match(shown, /required-emails missing: s\*\*\*@contoso\.com/);
    assert.doesNotMatch(shown, /soc@/);
  });

  it("names the missing address in full: the control never masks", () => {
    const verdict = evaluate(
      [contact()],
      policy({ requiredEmails: ["soc@contoso.com"] }),
    );
    assert.match(verdict.reason, /soc@contoso\.com/);
  });

  it("passes when every required address is present, in any case", () => {
    const verdict = evaluate(
      [contact({ emails: "SOC@Contoso.com" })],
      policy({ requiredEmails: ["soc@contoso.com"] }),
    );
    assert.equal(verdict.status, "pass");
  });
});

describe("additional-emails: legacy email", () => {
  it("still fails with only the 2017 email, and says Defender no longer uses it", () => {
    const verdict = evaluate(
      [contact({ emails: undefined, email: "old@contoso.com" })],
      policy(),
    );
    assert.equal(verdict.status, "fail");
    assert.match(verdict.reason, /legacy 'email' value is present/);
    assert.match(verdict.reason, /no longer uses it/);
  });
});

describe("contactAddresses", () => {
  it("checks one answer's addresses once per policy, for every control and the row", () => {
    const contacts = [contact({ emails: "ops@contoso.com;bad" })];
    const open = policy();
    const first = contactAddresses(contacts, open);
    assert.equal(contactAddresses(contacts, open), first);
    assert.deepEqual(first.valid, ["ops@contoso.com"]);
    assert.deepEqual(first.invalid, ["bad"]);
    const strict = policy({ allowedEmailDomains: ["fabrikam.com"] });
    const checked = contactAddresses(contacts, strict);
    assert.notEqual(checked, first);
    assert.deepEqual(checked.disallowed, ["ops@contoso.com"]);
    // Another answer with the same text is checked on its own.
    const again = [contact({ emails: "ops@contoso.com;bad" })];
    assert.notEqual(contactAddresses(again, strict), checked);
  });
});
