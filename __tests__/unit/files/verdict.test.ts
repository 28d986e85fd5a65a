import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { FileFinding } from "../../../src/files/findings.js";
import { LEGACY_EMAIL_REASON } from "../../../src/files/findings.js";
import { evaluateFileFinding } from "../../../src/files/verdict.js";

const at = {
  path: "a.json",
  line: 3,
  setting: "s",
  source: "arm-parameters",
} as const;
const verdict = (finding: FileFinding) => {
  const { status, reason, emails, invalidEmails } =
    evaluateFileFinding(finding);
  return { status, reason, emails, invalidEmails };
};

describe("evaluateFileFinding", () => {
  it("passes with one valid address among invalid ones, split on ; and ,", () => {
    assert.deepEqual(
      verdict({ ...at, value: "ops@contoso.com; nope, soc@contoso.com" }),
      {
        status: "pass",
        reason: "",
        emails: ["ops@contoso.com", "soc@contoso.com"],
        invalidEmails: ["nope"],
      },
    );
  });

  it("fails an empty value", () => {
    assert.deepEqual(verdict({ ...at, value: "" }), {
      status: "fail",
      reason: "empty value",
      emails: [],
      invalidEmails: [],
    });
  });

  it("fails a value without a valid address (security_contact@replace_me has no dot)", () => {
    assert.deepEqual(verdict({ ...at, value: "security_contact@replace_me" }), {
      status: "fail",
      reason: "no valid email address",
      emails: [],
      invalidEmails: ["security_contact@replace_me"],
    });
  });

  it("fails legacy properties.email whatever its value", () => {
    const result = verdict({
      ...at,
      value: "ops@contoso.com",
      failReason: LEGACY_EMAIL_REASON,
    });
    assert.equal(result.status, "fail");
    assert.equal(result.reason, LEGACY_EMAIL_REASON);
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

  it("uses the validator it is given (the switch point for the address policy)", () => {
    const strict = {
      classify: (raw: string) => ({ valid: [], invalid: [raw] }),
    };
    assert.equal(
      evaluateFileFinding({ ...at, value: "ops@contoso.com" }, strict).status,
      "fail",
    );
  });
});
