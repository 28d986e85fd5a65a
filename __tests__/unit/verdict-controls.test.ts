import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ALL_CHECKS, controlsById } from "../../src/check/controls/index.js";
import type {
  SecurityContact,
  SubscriptionInfo,
} from "../../src/check/model.js";
import { verdictFromContacts } from "../../src/check/verdict.js";

/** `checks: all`: the five controls that read only the contact. */
const CONTROLS = controlsById(ALL_CHECKS);

const subscription: SubscriptionInfo = {
  subscriptionId: "11111111-2222-4333-8444-555555555555",
  displayName: "Prod",
  state: "Enabled",
};

const policy = {
  requiredEmails: [],
  allowedEmailDomains: ["contoso.com"],
  maskEmails: true,
};

function contact(overrides: Partial<SecurityContact> = {}): SecurityContact {
  return {
    name: "default",
    emails: "secops@contoso.com;bob@fabrikam.com",
    isEnabled: true,
    notificationsByRole: { state: "On", roles: ["Owner"] },
    notificationsSources: [
      { sourceType: "Alert", minimalSeverity: "High" },
      { sourceType: "AttackPath", minimalRiskLevel: "High" },
    ],
    ...overrides,
  };
}

describe("verdictFromContacts with several controls", () => {
  it("passes when every control passes, one finding each in registry order", () => {
    const result = verdictFromContacts(
      subscription,
      { kind: "found", contacts: [contact()] },
      CONTROLS,
      policy,
    );
    assert.equal(result.status, "pass");
    assert.equal(result.reason, "All 5 controls pass.");
    assert.deepEqual(
      result.findings?.map((f) => [f.control, f.status]),
      CONTROLS.map((c) => [c.id, "pass"]),
    );
    assert.deepEqual(result.emails, ["secops@contoso.com"]);
    assert.deepEqual(result.disallowedEmails, ["bob@fabrikam.com"]);
  });

  it("fails when any control fails and names the failing ones in the reason", () => {
    const result = verdictFromContacts(
      subscription,
      {
        kind: "found",
        contacts: [
          contact({
            notificationsSources: [
              { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
            ],
          }),
        ],
      },
      CONTROLS,
      policy,
    );
    assert.equal(result.status, "fail");
    assert.match(
      result.reason,
      /^2 of 5 controls fail: alert-notifications: .+; attack-path-notifications: .+\.$/,
    );
    assert.doesNotMatch(result.reason, /notify-owners/);
  });

  it("with no contact, fails the address and enabled controls and passes the defaults", () => {
    const result = verdictFromContacts(
      subscription,
      { kind: "found", contacts: [] },
      CONTROLS,
      policy,
    );
    assert.deepEqual(
      result.findings?.map((f) => f.status),
      ["fail", "fail", "pass", "pass", "pass"],
    );
  });

  it("keeps the control's own reason when only one control is selected", () => {
    const result = verdictFromContacts(
      subscription,
      {
        kind: "found",
        contacts: [contact({ notificationsByRole: undefined })],
      },
      controlsById(["notify-owners"]),
      policy,
    );
    assert.equal(result.status, "fail");
    assert.equal(result.reason, result.findings?.[0]?.reason);
  });

  it("gives skipped and error rows no findings", () => {
    const result = verdictFromContacts(
      subscription,
      { kind: "error", code: "AuthorizationFailed", message: "no" },
      CONTROLS,
      policy,
    );
    assert.equal(result.status, "error");
    assert.deepEqual(result.findings, []);
  });
});
