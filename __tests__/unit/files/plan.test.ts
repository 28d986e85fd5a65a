import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseJsonDocument } from "../../../src/files/json-tree.js";
import { recognisePlan } from "../../../src/files/plan.js";
import { brief, fixture } from "./fixtures.js";

const recogniseJsonFile = (path: string, text: string) =>
  recognisePlan(path, parseJsonDocument(text));

describe("Terraform plan JSON", () => {
  const path = "terraform-plan/plan.json";

  it("reads planned values; apply-time values are errors; deletions are ignored", () => {
    assert.deepEqual(recogniseJsonFile(path, fixture(path)).map(brief), [
      "18 azurerm_security_center_contact.main.email=security_contact@replace_me",
      '40 module.alz.azurerm_management_group_policy_assignment.this["Deploy-MDFC-Config-H224"].parameters.emailSecurityContact.value=secops@contoso.com',
      "60 azapi_resource.contact.body.properties.emails=ops@contoso.com;noc@contoso.com",
      '78 module.sub["corp"].azurerm_security_center_contact.this.email!known only at apply time',
    ]);
  });

  it("an unknown parameters string of the Defender assignment is an error", () => {
    const plan = {
      format_version: "1.2",
      resource_changes: [
        {
          address: "azurerm_management_group_policy_assignment.mdfc",
          type: "azurerm_management_group_policy_assignment",
          change: {
            after: { name: "Deploy-MDFC-Config-H224" },
            after_unknown: { parameters: true },
          },
        },
        {
          address: "azurerm_management_group_policy_assignment.tags",
          type: "azurerm_management_group_policy_assignment",
          change: {
            after: { name: "Require-Tag" },
            after_unknown: { parameters: true },
          },
        },
      ],
    };
    assert.deepEqual(
      recogniseJsonFile("p.json", JSON.stringify(plan)).map(brief),
      [
        "1 azurerm_management_group_policy_assignment.mdfc.parameters.emailSecurityContact.value!known only at apply time",
      ],
    );
  });

  it("an azapi body unknown as a whole is an apply-time error", () => {
    const plan = {
      format_version: "1.2",
      resource_changes: [
        {
          address: "azapi_resource.c",
          type: "azapi_resource",
          change: {
            after: {
              type: "Microsoft.Security/securityContacts@2023-12-01-preview",
            },
            after_unknown: { body: true },
          },
        },
      ],
    };
    assert.deepEqual(
      recogniseJsonFile("p.json", JSON.stringify(plan)).map(brief),
      ["1 azapi_resource.c.body.properties.emails!known only at apply time"],
    );
  });

  it("an azapi body with the 2017 schema's single email is legacy: it fails whatever its value", () => {
    const plan = {
      format_version: "1.2",
      resource_changes: [
        {
          address: "azapi_resource.old",
          type: "azapi_resource",
          change: {
            after: {
              type: "Microsoft.Security/securityContacts@2017-08-01-preview",
              body: { properties: { email: "ops@contoso.com" } },
            },
          },
        },
      ],
    };
    const [finding] = recogniseJsonFile("p.json", JSON.stringify(plan));
    assert.equal(finding?.setting, "azapi_resource.old.body.properties.email");
    assert.ok(finding && "legacyEmail" in finding && finding.legacyEmail);
  });
});

describe("Terraform plan JSON: policy assignment parameters", () => {
  const planWith = (parameters: string): string =>
    JSON.stringify({
      format_version: "1.2",
      resource_changes: [
        {
          address: "azurerm_management_group_policy_assignment.mdfc",
          type: "azurerm_management_group_policy_assignment",
          change: { after: { parameters }, after_unknown: {} },
        },
      ],
    });
  const read = (parameters: string): string[] =>
    recogniseJsonFile("plan.json", planWith(parameters)).map(brief);

  it("are parsed, not searched: an escaped key is the same key", () => {
    assert.deepEqual(
      read(
        '{"\\u0065mailSecurityContact": {"value": "security_contact@replace_me"}}',
      ),
      [
        "1 azurerm_management_group_policy_assignment.mdfc.parameters.emailSecurityContact.value=security_contact@replace_me",
      ],
    );
  });

  it("a key set twice is an error, not the first or the last", () => {
    assert.deepEqual(
      read(
        '{"emailSecurityContact": {"value": "a@contoso.com"}, "EmailSecurityContact": {"value": ""}}',
      ),
      [
        "1 azurerm_management_group_policy_assignment.mdfc.parameters.emailSecurityContact.value!emailSecurityContact is set twice in parameters",
      ],
    );
    assert.deepEqual(
      read('{"emailSecurityContact": {"value": "a@contoso.com", "value": ""}}'),
      [
        "1 azurerm_management_group_policy_assignment.mdfc.parameters.emailSecurityContact.value!value is set twice",
      ],
    );
  });
});
