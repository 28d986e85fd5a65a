import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseHcl } from "../../../src/files/hcl.js";
import {
  recogniseTerraform,
  terraformContext,
  type HclDocument,
} from "../../../src/files/terraform.js";
import { brief, fixture } from "./fixtures.js";

/** Parses a directory's files with the real HCL parser, then recognises `target`. */
async function scanDir(dir: string, names: string[], target: string) {
  const files: { name: string; parsed: HclDocument }[] = [];
  for (const name of names)
    files.push({
      name,
      parsed: await parseHcl(name, fixture(`${dir}/${name}`)),
    });
  const doc = files.find((f) => f.name === target)?.parsed ?? {};
  return recogniseTerraform(
    `${dir}/${target}`,
    fixture(`${dir}/${target}`),
    doc,
    terraformContext(files),
  ).map(brief);
}

async function scanText(text: string, others: Record<string, string> = {}) {
  const files = [{ name: "main.tf", parsed: await parseHcl("main.tf", text) }];
  for (const [name, body] of Object.entries(others))
    files.push({ name, parsed: await parseHcl(name, body) });
  return recogniseTerraform(
    "main.tf",
    text,
    files[0]?.parsed ?? {},
    terraformContext(files),
  ).map(brief);
}

describe("Terraform .tf / .tfvars", () => {
  it("caf-enterprise-scale: email_security_contact = var.x resolves from terraform.tfvars over the default", async () => {
    const found = await scanDir(
      "caf-enterprise-scale",
      ["main.tf", "settings.management.tf", "variables.tf", "terraform.tfvars"],
      "settings.management.tf",
    );
    assert.deepEqual(found, [
      "14 locals.configure_management_resources.settings.security_center.config.email_security_contact=cloud-security@contoso.com",
    ]);
  });

  it("falls back to the variable's default without a tfvars", async () => {
    const found = await scanDir(
      "caf-enterprise-scale",
      ["settings.management.tf", "variables.tf"],
      "settings.management.tf",
    );
    assert.deepEqual(found, [
      "14 locals.configure_management_resources.settings.security_center.config.email_security_contact=test.user@replace_me",
    ]);
  });

  it("*.auto.tfvars wins over terraform.tfvars (Terraform's order)", async () => {
    const found = await scanText(
      "locals {\n  email_security_contact = var.mail\n}\n",
      {
        "terraform.tfvars": 'mail = "first@contoso.com"\n',
        "b.auto.tfvars": 'mail = "third@contoso.com"\n',
        "a.auto.tfvars": 'mail = "second@contoso.com"\n',
      },
    );
    assert.deepEqual(found, [
      "2 locals.email_security_contact=third@contoso.com",
    ]);
  });

  it("the Terraform accelerator: custom_replacements, $${name} references, policy_assignments_to_modify", async () => {
    const found = await scanDir(
      "alz-terraform-accelerator",
      ["platform-landing-zone.auto.tfvars"],
      "platform-landing-zone.auto.tfvars",
    );
    assert.deepEqual(found, [
      "8 custom_replacements.names.defender_email_security_contact=replace_me@replace_me.com",
      "30 management_group_settings.policy_assignments_to_modify.alz.policy_assignments.Deploy-MDFC-Config-H224.parameters.emailSecurityContact=soc@contoso.com",
    ]);
  });

  it("avm-ptn-alz: policy_default_values with jsonencode({ value = … })", async () => {
    const found = await scanDir(
      "alz-terraform-accelerator",
      ["main.tf"],
      "main.tf",
    );
    assert.deepEqual(found, [
      "12 module.management_groups.policy_default_values.email_security_contact=secops@contoso.com",
    ]);
  });

  it("direct resources: azurerm contact, azapi body, policy assignment parameters; anything else unresolved", async () => {
    const found = await scanDir("direct-resources", ["main.tf"], "main.tf");
    assert.deepEqual(found, [
      "3 azurerm_security_center_contact.primary.email=secops@contoso.com",
      "9 azurerm_security_center_contact.from_module.email!unresolved: module.contacts.security_email",
      "20 azapi_resource.contact.body.properties.emails!unresolved: ops@contoso.com;${var.extra_contact}",
      "31 azurerm_subscription_policy_assignment.mdfc.parameters.emailSecurityContact.value=your-name@yourcompany.com",
    ]);
  });

  it("one step only: a variable whose value is another expression is unresolved", async () => {
    const found = await scanText(
      'locals {\n  email_security_contact = var.a\n}\nvariable "a" {\n  default = "${var.b}"\n}\n',
    );
    assert.deepEqual(found, [
      "2 locals.email_security_contact!unresolved: var.b",
    ]);
  });

  it("an undeclared variable, a local and a function call are unresolved", async () => {
    const found = await scanText(
      'locals {\n  x = { email_security_contact = var.nope }\n  y = { emailSecurityContact = local.mail }\n  z = { email_security_contact = lower("A@B.COM") }\n}\n',
    );
    assert.deepEqual(found, [
      "2 locals.x.email_security_contact!unresolved: var.nope",
      "3 locals.y.emailSecurityContact!unresolved: local.mail",
      '4 locals.z.email_security_contact!unresolved: lower("A@B.COM")',
    ]);
  });

  it("a $${name} inside jsonencode refers to its custom replacement: only the replacement is a finding", async () => {
    const found = await scanText(
      'custom_replacements = {\n  names = {\n    defender_email_security_contact = "soc@contoso.com"\n  }\n}\nlocals {\n  policy_default_values = {\n    email_security_contact = jsonencode({ value = "$${defender_email_security_contact}" })\n  }\n}\n',
    );
    assert.deepEqual(found, [
      "3 custom_replacements.names.defender_email_security_contact=soc@contoso.com",
    ]);
  });

  it("a $${name} without a matching custom replacement is unresolved", async () => {
    const found = await scanText(
      'locals {\n  email_security_contact = "$${nobody}"\n}\n',
    );
    assert.deepEqual(found, [
      "2 locals.email_security_contact!unresolved: $${nobody} (no custom_replacements.names.nobody)",
    ]);
  });

  it("invalid syntax is rejected by the parser with its message", async () => {
    await assert.rejects(
      parseHcl("broken.tf", fixture("hostile/broken.tf")),
      /Invalid expression/,
    );
  });

  it("an azapi body with the 2017 schema's single email is legacy: it fails whatever its value", async () => {
    const text = `resource "azapi_resource" "old" {
  type = "Microsoft.Security/securityContacts@2017-08-01-preview"
  body = {
    properties = {
      email = "ops@contoso.com"
    }
  }
}
`;
    const doc = await parseHcl("main.tf", text);
    const [finding] = recogniseTerraform(
      "main.tf",
      text,
      doc,
      terraformContext([{ name: "main.tf", parsed: doc }]),
    );
    assert.equal(finding?.setting, "azapi_resource.old.body.properties.email");
    assert.ok(finding && "legacyEmail" in finding && finding.legacyEmail);
  });
});
