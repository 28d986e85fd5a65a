import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { contactPageFromAnswer } from "../../../src/azure/arm-answer.js";
import { additionalEmails } from "../../../src/check/controls/additional-emails.js";
import { alertNotifications } from "../../../src/check/controls/alert-notifications.js";
import { attackPathNotifications } from "../../../src/check/controls/attack-path-notifications.js";
import type {
  Control,
  RepairSettings,
} from "../../../src/check/controls/control.js";
import { CONTROLS } from "../../../src/check/controls/index.js";
import { notificationsEnabled } from "../../../src/check/controls/notifications-enabled.js";
import { notifyOwners } from "../../../src/check/controls/notify-owners.js";
import type { ContactProperties } from "../../../src/check/contact-merge.js";
import { policy } from "./fixtures.js";

const SETTINGS: RepairSettings = {
  remediationEmails: ["SecOps@contoso.com"],
  requiredEmails: [],
};

/** A contact someone set up by hand, with a property this code does not know. */
function handMade(): ContactProperties {
  return {
    emails: "Jane@example.com;bad-entry",
    phone: "(214)275-4038",
    isEnabled: false,
    notificationsByRole: { state: "Off", roles: ["AccountAdmin", "owner"] },
    notificationsSources: [
      { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
      { sourceType: "alert", minimalSeverity: "Informational", extra: "x" },
    ],
    futureSetting: { nested: [1, 2] },
  };
}

/** The control's verdict on `properties`, read the way the evaluation reads Azure's answer. */
function verdictOn(control: Control, properties: ContactProperties): string {
  const page = contactPageFromAnswer(
    200,
    JSON.stringify({ value: [{ name: "default", properties }] }),
  );
  assert.equal(page.kind, "found");
  if (page.kind !== "found") return "";
  // DNS's answer for the remediation address's domain (deliverable-emails).
  const mailDomains = new Map([
    ["contoso.com", { deliverability: "deliverable" as const, reason: "MX" }],
  ]);
  return control.evaluate(page.contacts, policy({ mailDomains })).status;
}

describe("repair: every control", () => {
  for (const control of CONTROLS) {
    it(`${control.id}: a failing hand-made contact passes after it, everything else kept`, () => {
      const before = handMade();
      const snapshot = structuredClone(before);
      assert.equal(verdictOn(control, before), "fail");
      const after = control.repair(before, SETTINGS);
      assert.deepEqual(before, snapshot, "the input is not mutated");
      assert.equal(verdictOn(control, after), "pass");
      assert.deepEqual(Object.keys(after), Object.keys(before), "key order");
      assert.equal(after.phone, before.phone);
      assert.deepEqual(after.futureSetting, before.futureSetting);
    });

    it(`${control.id}: no contact gets Defender's defaults plus the change`, () => {
      const after = control.repair(undefined, SETTINGS);
      assert.equal(verdictOn(control, after), "pass");
      assert.equal(after.isEnabled, true);
      assert.deepEqual(after.notificationsByRole, {
        state: "On",
        roles: ["Owner"],
      });
      assert.deepEqual(after.notificationsSources, [
        { sourceType: "Alert", minimalSeverity: "High" },
        { sourceType: "AttackPath", minimalRiskLevel: "High" },
      ]);
    });

    it(`${control.id}: repairing twice changes nothing more`, () => {
      const once = control.repair(handMade(), SETTINGS);
      assert.deepEqual(control.repair(once, SETTINGS), once);
    });
  }
});

describe("repair: what each control changes", () => {
  it("additional-emails appends the missing remediation and required addresses, case-insensitively", () => {
    const after = additionalEmails.repair(handMade(), {
      remediationEmails: ["jane@EXAMPLE.com", "SecOps@contoso.com"],
      requiredEmails: ["cso@contoso.com", "secops@contoso.com"],
    });
    assert.equal(
      after.emails,
      "Jane@example.com;bad-entry;SecOps@contoso.com;cso@contoso.com",
    );
    assert.deepEqual(
      { ...after, emails: undefined },
      { ...handMade(), emails: undefined },
    );
  });

  it("additional-emails leaves the legacy email property alone", () => {
    const after = additionalEmails.repair(
      { email: "old@contoso.com", isEnabled: true },
      SETTINGS,
    );
    assert.equal(after.email, "old@contoso.com");
    assert.equal(after.emails, "SecOps@contoso.com");
  });

  it("notifications-enabled only turns isEnabled on", () => {
    const after = notificationsEnabled.repair(handMade(), SETTINGS);
    assert.deepEqual(after, { ...handMade(), isEnabled: true });
  });

  it("notify-owners turns the role state On and keeps the roles, adding no second owner", () => {
    assert.deepEqual(
      notifyOwners.repair(handMade(), SETTINGS).notificationsByRole,
      { state: "On", roles: ["AccountAdmin", "owner"] },
    );
    assert.deepEqual(
      notifyOwners.repair(
        { notificationsByRole: { state: "On", roles: ["Contributor"] } },
        SETTINGS,
      ).notificationsByRole,
      { state: "On", roles: ["Contributor", "Owner"] },
    );
  });

  it("alert-notifications lowers the Alert source to High in place, keeping its other fields and the other sources", () => {
    assert.deepEqual(
      alertNotifications.repair(handMade(), SETTINGS).notificationsSources,
      [
        { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
        { sourceType: "alert", minimalSeverity: "High", extra: "x" },
      ],
    );
  });

  it("alert-notifications adds an Alert source at the end when there is none", () => {
    assert.deepEqual(
      alertNotifications.repair(
        { notificationsSources: [{ sourceType: "AttackPath" }] },
        SETTINGS,
      ).notificationsSources,
      [
        { sourceType: "AttackPath" },
        { sourceType: "Alert", minimalSeverity: "High" },
      ],
    );
  });

  it("attack-path-notifications lowers Critical to High and leaves Medium alone", () => {
    assert.deepEqual(
      attackPathNotifications.repair(handMade(), SETTINGS).notificationsSources,
      [
        { sourceType: "AttackPath", minimalRiskLevel: "High" },
        { sourceType: "alert", minimalSeverity: "Informational", extra: "x" },
      ],
    );
    const medium: ContactProperties = {
      notificationsSources: [
        { sourceType: "AttackPath", minimalRiskLevel: "Medium" },
      ],
    };
    assert.deepEqual(attackPathNotifications.repair(medium, SETTINGS), medium);
  });
});
