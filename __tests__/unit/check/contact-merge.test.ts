import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  mergeContact,
  type ContactProperties,
} from "../../../src/check/contact-merge.js";

/** A contact someone configured by hand, with things this action never writes. */
const HAND_MADE: ContactProperties = {
  phone: "(214)275-4038",
  emails: "Jane@Contoso.com; soc@contoso.com",
  isEnabled: false,
  notificationsByRole: { state: "Off", roles: ["AccountAdmin"], note: "x" },
  notificationsSources: [
    { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
    { sourceType: "Future", level: "Any" },
  ],
  customSetting: { nested: [1, 2] },
};

describe("mergeContact: emails", () => {
  it("appends missing addresses after the existing ones, keeping their text", () => {
    const after = mergeContact(HAND_MADE, {
      addEmails: ["secops@contoso.com", "team@fabrikam.com"],
    });
    assert.equal(
      after.emails,
      "Jane@Contoso.com; soc@contoso.com;secops@contoso.com;team@fabrikam.com",
    );
  });

  it("adds nothing that is already there in another case", () => {
    const after = mergeContact(HAND_MADE, {
      addEmails: ["jane@contoso.com", "SOC@CONTOSO.COM"],
    });
    assert.equal(after.emails, HAND_MADE.emails);
  });

  it("drops repeats among the additions", () => {
    const after = mergeContact(
      { emails: "" },
      { addEmails: ["a@contoso.com", "A@contoso.com"] },
    );
    assert.equal(after.emails, "a@contoso.com");
  });

  it("keeps invalid existing entries: they are someone's, not ours to drop", () => {
    const after = mergeContact(
      { emails: "security-team, ops@localhost" },
      { addEmails: ["secops@contoso.com"] },
    );
    assert.equal(
      after.emails,
      "security-team, ops@localhost;secops@contoso.com",
    );
  });

  it("does not double a trailing separator", () => {
    const after = mergeContact(
      { emails: "a@contoso.com; " },
      { addEmails: ["b@contoso.com"] },
    );
    assert.equal(after.emails, "a@contoso.com;b@contoso.com");
  });

  it("replaces an empty, blank or separator-only field", () => {
    for (const emails of ["", "   ", ";  ,", undefined, null]) {
      const after = mergeContact(
        { emails },
        { addEmails: ["secops@contoso.com"] },
      );
      assert.equal(after.emails, "secops@contoso.com", String(emails));
    }
  });

  it("keeps a legacy 'email' property beside the new 'emails'", () => {
    const after = mergeContact(
      { email: "old@contoso.com" },
      { addEmails: ["secops@contoso.com"] },
    );
    assert.deepEqual(after, {
      email: "old@contoso.com",
      emails: "secops@contoso.com",
    });
  });
});

describe("mergeContact: switches, roles and sources", () => {
  it("turns notifications on", () => {
    assert.equal(mergeContact(HAND_MADE, { isEnabled: true }).isEnabled, true);
  });

  it("turns the role state on and adds Owner after the existing roles", () => {
    const after = mergeContact(HAND_MADE, {
      roleState: "On",
      addRoles: ["Owner"],
    });
    assert.deepEqual(after.notificationsByRole, {
      state: "On",
      roles: ["AccountAdmin", "Owner"],
      note: "x",
    });
  });

  it("does not add a role that is there in another case", () => {
    const after = mergeContact(
      { notificationsByRole: { state: "On", roles: ["owner"] } },
      { addRoles: ["Owner"] },
    );
    assert.deepEqual(after.notificationsByRole, {
      state: "On",
      roles: ["owner"],
    });
  });

  it("creates notificationsByRole when the contact has none", () => {
    const after = mergeContact(
      { emails: "a@contoso.com" },
      { roleState: "On", addRoles: ["Owner"] },
    );
    assert.deepEqual(after.notificationsByRole, {
      state: "On",
      roles: ["Owner"],
    });
  });

  it("lowers an existing source in place, keeping the others and their order", () => {
    const after = mergeContact(HAND_MADE, {
      sources: [{ sourceType: "AttackPath", minimalRiskLevel: "High" }],
    });
    assert.deepEqual(after.notificationsSources, [
      { sourceType: "AttackPath", minimalRiskLevel: "High" },
      { sourceType: "Future", level: "Any" },
    ]);
  });

  it("matches the source type in any case and keeps its spelling", () => {
    const after = mergeContact(
      { notificationsSources: [{ sourceType: "alert", minimalSeverity: "X" }] },
      { sources: [{ sourceType: "Alert", minimalSeverity: "High" }] },
    );
    assert.deepEqual(after.notificationsSources, [
      { sourceType: "alert", minimalSeverity: "High" },
    ]);
  });

  it("adds a missing source after the existing ones", () => {
    const after = mergeContact(HAND_MADE, {
      sources: [{ sourceType: "Alert", minimalSeverity: "High" }],
    });
    assert.deepEqual(after.notificationsSources, [
      { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
      { sourceType: "Future", level: "Any" },
      { sourceType: "Alert", minimalSeverity: "High" },
    ]);
  });
});

describe("mergeContact: what it never loses", () => {
  it("keeps unknown properties and the key order", () => {
    const after = mergeContact(HAND_MADE, {
      addEmails: ["secops@contoso.com"],
      isEnabled: true,
      roleState: "On",
      addRoles: ["Owner"],
      sources: [{ sourceType: "Alert", minimalSeverity: "High" }],
    });
    assert.deepEqual(Object.keys(after), Object.keys(HAND_MADE));
    assert.equal(after.phone, "(214)275-4038");
    assert.deepEqual(after.customSetting, { nested: [1, 2] });
  });

  it("changes nothing for an empty change, and never mutates its input", () => {
    const copy = structuredClone(HAND_MADE);
    assert.deepEqual(mergeContact(HAND_MADE, {}), HAND_MADE);
    mergeContact(HAND_MADE, {
      addEmails: ["secops@contoso.com"],
      addRoles: ["Owner"],
      sources: [{ sourceType: "AttackPath", minimalRiskLevel: "High" }],
    });
    assert.deepEqual(HAND_MADE, copy);
  });

  it("starts a new contact from Defender's defaults", () => {
    assert.deepEqual(
      mergeContact(undefined, { addEmails: ["secops@contoso.com"] }),
      {
        emails: "secops@contoso.com",
        isEnabled: true,
        notificationsByRole: { state: "On", roles: ["Owner"] },
        notificationsSources: [
          { sourceType: "Alert", minimalSeverity: "High" },
          { sourceType: "AttackPath", minimalRiskLevel: "High" },
        ],
      },
    );
  });
});
