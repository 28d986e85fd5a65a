import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { remediationEmailsRequired } from "../../../src/remediation/inputs.js";

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
