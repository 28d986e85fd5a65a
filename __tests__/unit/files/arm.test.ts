import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { brief, fixture, judgeFiles } from "./fixtures.js";

const recogniseJsonFile = (path: string, text: string) =>
  judgeFiles({ [path]: text });
const scan = async (path: string) =>
  (await recogniseJsonFile(path, fixture(path))).map(brief);

describe("ARM parameter files", async () => {
  it("ALZ-Bicep classic .all.json: the placeholder, with comments allowed", async () => {
    assert.deepEqual(
      await scan(
        "alz-bicep-classic/alzDefaultPolicyAssignments.parameters.all.json",
      ),
      [
        "13 parameters.parMsDefenderForCloudEmailSecurityContact.value=security_contact@replace_me.com",
      ],
    );
  });

  it("ALZ-Bicep classic .min.json: the empty default", async () => {
    assert.deepEqual(
      await scan(
        "alz-bicep-classic/alzDefaultPolicyAssignments.parameters.min.json",
      ),
      ["9 parameters.parMsDefenderForCloudEmailSecurityContact.value="],
    );
  });

  it("a standalone assignment: emailSecurityContact nested in an object parameter", async () => {
    assert.deepEqual(
      await scan(
        "alz-bicep-classic/policyAssignmentManagementGroup.mdfc.parameters.all.json",
      ),
      [
        "14 parameters.parPolicyAssignmentParameters.value.emailSecurityContact.value=security_contact@replace_me",
      ],
    );
  });

  it("Enterprise-Scale portal parameters: emailContactAsc", async () => {
    assert.deepEqual(await scan("enterprise-scale/eslzArm.test.param.json"), [
      "12 parameters.emailContactAsc.value=me@changeme.com",
    ]);
  });

  it("a Key Vault reference is an error finding, not a pass", async () => {
    const text = JSON.stringify({
      $schema:
        "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
      parameters: {
        emailSecurityContact: {
          reference: { keyVault: { id: "x" }, secretName: "s" },
        },
      },
    });
    assert.deepEqual((await recogniseJsonFile("p.json", text)).map(brief), [
      "1 parameters.emailSecurityContact.value!a Key Vault reference: not readable here",
    ]);
  });

  it("ignores JSON that only mentions the words", async () => {
    const text = JSON.stringify({ name: "securityContact docs", scripts: {} });
    assert.deepEqual(await recogniseJsonFile("package.json", text), []);
  });
});

describe("ARM templates", async () => {
  it("nested deployments: [parameters('x')] resolves in its own template; alone, the defaults deploy", async () => {
    assert.deepEqual(await scan("enterprise-scale/eslzArm.json"), [
      "32 resources[0][alz-mdfc-config].properties.template.parameters.emailSecurityContact.defaultValue=test.user@replace.me",
      "11 parameters.emailContactAsc.defaultValue=",
    ]);
  });

  it("with its parameter file, the file's value is what deploys, the template's use as related location", async () => {
    const template = "enterprise-scale/eslzArm.json";
    const parameters = "enterprise-scale/eslzArm.test.param.json";
    const findings = await judgeFiles({
      [template]: fixture(template),
      [parameters]: fixture(parameters),
    });
    assert.deepEqual(findings.map(brief), [
      "32 resources[0][alz-mdfc-config].properties.template.parameters.emailSecurityContact.defaultValue=test.user@replace.me",
      "12 parameters.emailContactAsc.value=me@changeme.com",
    ]);
    assert.deepEqual(findings[1]?.usedAt, {
      path: template,
      line: 52,
      setting:
        "resources[1][Deploy-MDFC-Config-Root].properties.parameters.emailSecurityContact.value",
    });
  });

  it("securityContacts: emails, legacy email, the [[ escape, and other expressions", async () => {
    const findings = await recogniseJsonFile(
      "enterprise-scale/subscriptionSecurityContact.json",
      fixture("enterprise-scale/subscriptionSecurityContact.json"),
    );
    assert.deepEqual(findings.map(brief), [
      "7 parameters.securityContactEmails.defaultValue=secops@contoso.com;soc@contoso.com",
      "29 resources[1][legacy].properties.email=secops@contoso.com",
      "37 resources[2][escaped].properties.emails=[not-an-expression]",
      "9 parameters.notificationOwner?parameter notificationOwner of enterprise-scale/subscriptionSecurityContact.json has no defaultValue and no scanned file sets it (deployed by itself, with no parameter file): decided at deployment",
    ]);
    const legacy = findings[1];
    assert.ok(legacy && "value" in legacy);
    assert.equal(legacy.legacyEmail, true);
  });

  it("a parameter without a defaultValue that nothing binds is unresolved", async () => {
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
    assert.deepEqual((await recogniseJsonFile("t.json", text)).map(brief), [
      "1 parameters.mail?parameter mail of t.json has no defaultValue and no scanned file sets it (deployed by itself, with no parameter file): decided at deployment",
    ]);
  });

  it("languageVersion 2.0: resources as an object of symbolic names", async () => {
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
    assert.deepEqual((await recogniseJsonFile("t.json", text)).map(brief), [
      "1 resources[0][default].properties.emails=ops@contoso.com",
    ]);
  });

  it("the ALZ library's assignment file: a bare resource document", async () => {
    assert.deepEqual(
      await scan(
        "alz-library/Deploy-MDFC-Config-H224.alz_policy_assignment.json",
      ),
      [
        "17 resource[Deploy-MDFC-Config-H224].properties.parameters.emailSecurityContact.value=security_contact@replace_me",
      ],
    );
  });
});

describe("caf-enterprise-scale's library template", async () => {
  const text = JSON.stringify({
    type: "Microsoft.Authorization/policyAssignments",
    name: "Deploy-MDFC-Config",
    location: "${default_location}",
    properties: {
      parameters: {
        emailSecurityContact: { value: "security_contact@replace_me" },
      },
    },
  });
  it("*.tmpl.json: decided by the module that renders it, never judged as deployed", async () => {
    const [only, ...rest] = await recogniseJsonFile(
      "lib/policy_assignments/policy_assignment_es_deploy_mdfc_config.tmpl.json",
      text,
    );
    assert.deepEqual(rest, []);
    assert.ok(only && "unresolved" in only, JSON.stringify(only));
    assert.equal(
      only.setting,
      "resource[Deploy-MDFC-Config].properties.parameters.emailSecurityContact.value",
    );
  });

  it("the same document under another name is judged as written", async () => {
    assert.deepEqual(
      (await recogniseJsonFile("lib/assignment.json", text)).map(brief),
      [
        "1 resource[Deploy-MDFC-Config].properties.parameters.emailSecurityContact.value=security_contact@replace_me",
      ],
    );
  });
});

describe("hostile JSON", async () => {
  it("invalid syntax: one error finding naming the line", async () => {
    assert.deepEqual(await scan("hostile/broken.json"), [
      "1 (file)!invalid JSON: InvalidSymbol at line 5",
    ]);
  });

  it("nesting deep enough to overflow the parser: one error finding, no crash", async () => {
    const depth = 200_000;
    const text = `{"emailSecurityContact":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const findings = await recogniseJsonFile("deep.json", text);
    assert.equal(findings.length, 1);
    assert.ok(findings[0] && "error" in findings[0]);
  });

  it("deep but parseable nesting is bounded by the walk", async () => {
    const depth = 5_000;
    const text = `{"parameters":{"p":{"value":${'{"a":'.repeat(depth)}{"emailSecurityContact":"x@contoso.com"}${"}".repeat(depth)}}}}`;
    const findings = (await recogniseJsonFile("deep.json", text)).map(brief);
    assert.equal(findings.length, 1);
    assert.match(findings[0] ?? "", /nested too deeply/);
  });
});
