import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  recogniseBicep,
  recogniseBicepParam,
} from "../../../src/files/bicep.js";
import { brief, fixture } from "./fixtures.js";

describe(".bicepparam", () => {
  it("ALZ-Bicep classic: param <name> = '<literal>'", () => {
    const path = "alz-bicep-classic/alzDefaultPolicyAssignments.bicepparam";
    assert.deepEqual(recogniseBicepParam(path, fixture(path)).map(brief), [
      "6 parMsDefenderForCloudEmailSecurityContact=secops@contoso.com;soc@contoso.com",
    ]);
  });

  it("AVM accelerator: emailSecurityContact: { value } at any depth and key quoting; comments ignored", () => {
    const path = "alz-bicep-accelerator/int-root/main.bicepparam";
    assert.deepEqual(recogniseBicepParam(path, fixture(path)).map(brief), [
      "21 parPolicyAssignmentParameterOverrides…emailSecurityContact.value=security@yourcompany.com",
      "35 parPolicyAssignmentParameterOverrides…emailSecurityContact.value={{security_contact_email}}",
    ]);
  });

  it("decodes escapes and multi-line strings; interpolation and functions are unresolved", () => {
    const text = [
      "param emailContactAsc = 'it\\'s@contoso.com'",
      "param emailSecurityContact = '''ops@contoso.com'''",
      "param parMsDefenderForCloudEmailSecurityContact = readEnvironmentVariable('MAIL')",
      "param x = { emailSecurityContact: { value: '${prefix}@contoso.com' } }",
    ].join("\n");
    assert.deepEqual(recogniseBicepParam("p.bicepparam", text).map(brief), [
      "1 emailContactAsc=it's@contoso.com",
      "2 emailSecurityContact=ops@contoso.com",
      "3 parMsDefenderForCloudEmailSecurityContact!unresolved: readEnvironmentVariable('MAIL')",
      "4 x…emailSecurityContact.value!unresolved: '${prefix}@contoso.com'",
    ]);
  });

  it("an unterminated string is an error finding, not a crash", () => {
    const path = "hostile/broken.bicepparam";
    assert.deepEqual(recogniseBicepParam(path, fixture(path)).map(brief), [
      "1 emailSecurityContact!unresolved: 'unterminated",
    ]);
  });
});

describe(".bicep", () => {
  const path = "direct-resources/securityContact.bicep";
  const findings = recogniseBicep(path, fixture(path));

  it("reads literal emails, a param's literal default, legacy email; skips existing and comments", () => {
    assert.deepEqual(findings.map(brief), [
      "11 contact.properties.emails=security_contact@replace_me.com",
      "26 literal.properties.emails=secops@contoso.com",
      "33 legacy.properties.email=secops@contoso.com",
      "40 computed.properties.emails!unresolved: '${notificationOwner}@contoso.com'",
    ]);
  });

  it("marks legacy email as failing whatever its value", () => {
    const legacy = findings[2];
    assert.ok(legacy && "value" in legacy);
    assert.equal(legacy.legacyEmail, true);
  });

  it("a param without a default is unresolved", () => {
    const text =
      "param mail string\nresource c 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n  properties: {\n    emails: mail\n  }\n}\n";
    assert.deepEqual(recogniseBicep("c.bicep", text).map(brief), [
      "4 c.properties.emails!unresolved: mail",
    ]);
  });
});
