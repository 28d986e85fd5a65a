import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { recogniseJsonFile } from "../../../src/files/json-file.js";
import { brief, fixture } from "./fixtures.js";

const scan = (path: string) =>
  recogniseJsonFile(path, fixture(path)).map(brief);

describe("ARM parameter files", () => {
  it("ALZ-Bicep classic .all.json: the placeholder, with comments allowed", () => {
    assert.deepEqual(
      scan("alz-bicep-classic/alzDefaultPolicyAssignments.parameters.all.json"),
      [
        "13 parameters.parMsDefenderForCloudEmailSecurityContact.value=security_contact@replace_me.com",
      ],
    );
  });

  it("ALZ-Bicep classic .min.json: the empty default", () => {
    assert.deepEqual(
      scan("alz-bicep-classic/alzDefaultPolicyAssignments.parameters.min.json"),
      ["9 parameters.parMsDefenderForCloudEmailSecurityContact.value="],
    );
  });

  it("a standalone assignment: emailSecurityContact nested in an object parameter", () => {
    assert.deepEqual(
      scan(
        "alz-bicep-classic/policyAssignmentManagementGroup.mdfc.parameters.all.json",
      ),
      [
        "14 parameters.parPolicyAssignmentParameters.value.emailSecurityContact.value=security_contact@replace_me",
      ],
    );
  });

  it("Enterprise-Scale portal parameters: emailContactAsc", () => {
    assert.deepEqual(scan("enterprise-scale/eslzArm.test.param.json"), [
      "12 parameters.emailContactAsc.value=me@changeme.com",
    ]);
  });

  it("a Key Vault reference is an error finding, not a pass", () => {
    const text = JSON.stringify({
      $schema:
        "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
      parameters: {
        emailSecurityContact: {
          reference: { keyVault: { id: "x" }, secretName: "s" },
        },
      },
    });
    assert.deepEqual(recogniseJsonFile("p.json", text).map(brief), [
      "1 parameters.emailSecurityContact.value!not a string literal",
    ]);
  });

  it("ignores JSON that only mentions the words", () => {
    const text = JSON.stringify({ name: "securityContact docs", scripts: {} });
    assert.deepEqual(recogniseJsonFile("package.json", text), []);
  });
});

describe("ARM templates", () => {
  it("nested deployments: [parameters('x')] resolves to the defaultValue of its own template", () => {
    assert.deepEqual(scan("enterprise-scale/eslzArm.json"), [
      "43 resources[0][alz-mdfc-config].properties.template.resources[0][Deploy-MDFC-Config-H224].properties.parameters.emailSecurityContact.value=test.user@replace.me",
      "59 resources[1][Deploy-MDFC-Config-Root].properties.parameters.emailSecurityContact.value=",
    ]);
  });

  it("securityContacts: emails, legacy email, the [[ escape, and other expressions", () => {
    const findings = recogniseJsonFile(
      "enterprise-scale/subscriptionSecurityContact.json",
      fixture("enterprise-scale/subscriptionSecurityContact.json"),
    );
    assert.deepEqual(findings.map(brief), [
      "19 resources[0][default].properties.emails=secops@contoso.com;soc@contoso.com",
      "29 resources[1][legacy].properties.email=secops@contoso.com",
      "37 resources[2][escaped].properties.emails=[not-an-expression]",
      "45 resources[3][computed].properties.emails!unresolved: [concat(parameters('notificationOwner'), '@contoso.com')]",
    ]);
    const legacy = findings[1];
    assert.ok(legacy && "value" in legacy);
    assert.equal(legacy.legacyEmail, true);
  });

  it("a parameter without a defaultValue is unresolved", () => {
    const text = JSON.stringify({
      parameters: { mail: { type: "string" } },
      resources: [
        {
          type: "Microsoft.Security/securityContacts",
          name: "default",
          properties: { emails: "[parameters('mail')]" },
        },
      ],
    });
    assert.deepEqual(recogniseJsonFile("t.json", text).map(brief), [
      "1 resources[0][default].properties.emails!unresolved: [parameters('mail')] (no string defaultValue)",
    ]);
  });

  it("languageVersion 2.0: resources as an object of symbolic names", () => {
    const text = JSON.stringify({
      languageVersion: "2.0",
      resources: {
        contact: {
          type: "Microsoft.Security/securityContacts",
          name: "default",
          properties: { emails: "ops@contoso.com" },
        },
      },
    });
    assert.deepEqual(recogniseJsonFile("t.json", text).map(brief), [
      "1 resources[0][default].properties.emails=ops@contoso.com",
    ]);
  });

  it("the ALZ library's assignment file: a bare resource document", () => {
    assert.deepEqual(
      scan("alz-library/Deploy-MDFC-Config-H224.alz_policy_assignment.json"),
      [
        "17 resource[Deploy-MDFC-Config-H224].properties.parameters.emailSecurityContact.value=security_contact@replace_me",
      ],
    );
  });
});

describe("hostile JSON", () => {
  it("invalid syntax: one error finding naming the line", () => {
    assert.deepEqual(scan("hostile/broken.json"), [
      "1 (file)!invalid JSON: InvalidSymbol at line 5",
    ]);
  });

  it("nesting deep enough to overflow the parser: one error finding, no crash", () => {
    const depth = 200_000;
    const text = `{"emailSecurityContact":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const findings = recogniseJsonFile("deep.json", text);
    assert.equal(findings.length, 1);
    assert.ok(findings[0] && "error" in findings[0]);
  });

  it("deep but parseable nesting is bounded by the walk", () => {
    const depth = 5_000;
    const text = `{"parameters":{"p":{"value":${'{"a":'.repeat(depth)}{"emailSecurityContact":"x@contoso.com"}${"}".repeat(depth)}}}}`;
    const findings = recogniseJsonFile("deep.json", text).map(brief);
    assert.equal(findings.length, 1);
    assert.match(findings[0] ?? "", /nested too deeply/);
  });
});
