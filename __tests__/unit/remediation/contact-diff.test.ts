import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { diffContacts } from "../../../src/remediation/contact-diff.js";

const CONTACT = {
  emails: "a@contoso.com;b@contoso.com",
  isEnabled: true,
  notificationsByRole: { state: "On", roles: ["Owner"] },
  notificationsSources: [
    { sourceType: "Alert", minimalSeverity: "High" },
    { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
  ],
  phone: "",
};

describe("diffContacts", () => {
  it("finds no change between equal contacts", () => {
    assert.deepEqual(diffContacts(CONTACT, structuredClone(CONTACT)), []);
  });

  it("shows emails as the list of entries", () => {
    const after = { ...CONTACT, emails: "a@contoso.com; b@contoso.com;c@x.io" };
    assert.deepEqual(diffContacts(CONTACT, after), [
      {
        field: "emails",
        before: ["a@contoso.com", "b@contoso.com"],
        after: ["a@contoso.com", "b@contoso.com", "c@x.io"],
      },
    ]);
  });

  it("ignores a change of separators only", () => {
    const after = { ...CONTACT, emails: "a@contoso.com, b@contoso.com" };
    assert.deepEqual(diffContacts(CONTACT, after), []);
  });

  it("reports every known field, in a fixed order", () => {
    const before = {
      emails: "",
      isEnabled: false,
      notificationsByRole: { state: "Off", roles: [] },
      notificationsSources: [
        { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
      ],
    };
    assert.deepEqual(diffContacts(before, CONTACT), [
      {
        field: "emails",
        before: [],
        after: ["a@contoso.com", "b@contoso.com"],
      },
      { field: "isEnabled", before: false, after: true },
      { field: "notificationsByRole.state", before: "Off", after: "On" },
      { field: "notificationsByRole.roles", before: [], after: ["Owner"] },
      {
        field: "notificationsSources.Alert.minimalSeverity",
        before: null,
        after: "High",
      },
      { field: "phone", before: null, after: "" },
    ]);
  });

  it("treats no contact as every field absent", () => {
    const changes = diffContacts(undefined, CONTACT);
    assert.deepEqual(
      changes.map((c) => c.field),
      [
        "emails",
        "isEnabled",
        "notificationsByRole.state",
        "notificationsByRole.roles",
        "notificationsSources.Alert.minimalSeverity",
        "notificationsSources.AttackPath.minimalRiskLevel",
        "phone",
      ],
    );
    assert.ok(changes.every((c) => c.before === null));
  });

  it("counts order and case", () => {
    const after = {
      ...CONTACT,
      notificationsByRole: { state: "On", roles: ["owner"] },
    };
    assert.deepEqual(diffContacts(CONTACT, after), [
      {
        field: "notificationsByRole.roles",
        before: ["Owner"],
        after: ["owner"],
      },
    ]);
  });

  it("finds a source by type in any case and in any position", () => {
    const after = {
      ...CONTACT,
      notificationsSources: [
        { sourceType: "attackpath", minimalRiskLevel: "High" },
        { sourceType: "ALERT", minimalSeverity: "High" },
      ],
    };
    assert.deepEqual(diffContacts(CONTACT, after), [
      {
        field: "notificationsSources.AttackPath.minimalRiskLevel",
        before: "Critical",
        after: "High",
      },
    ]);
  });

  it("compares other properties whole, as JSON text when not plain", () => {
    const before = { ...CONTACT, extra: { a: 1 } };
    const after = { ...CONTACT, extra: { a: 2 } };
    assert.deepEqual(diffContacts(before, after), [
      { field: "extra", before: '{"a":1}', after: '{"a":2}' },
    ]);
  });

  it("shows values of an unexpected type as they are or as JSON", () => {
    const before = { ...CONTACT, emails: 42, isEnabled: "yes" };
    assert.deepEqual(diffContacts(before, CONTACT).slice(0, 2), [
      {
        field: "emails",
        before: 42,
        after: ["a@contoso.com", "b@contoso.com"],
      },
      { field: "isEnabled", before: "yes", after: true },
    ]);
  });
});
