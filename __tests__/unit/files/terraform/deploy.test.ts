import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { fixture } from "../fixtures.js";
import { rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { scanFiles } from "../../../../src/files/scan.js";
import { located, scanTree, TERRAFORM_PATTERNS, writeTree } from "./tree.js";

const contact = (expr: string): string =>
  `resource "azurerm_security_center_contact" "c" {\n  email = ${expr}\n}\n`;
const variable = (name: string, rest = ""): string =>
  `variable "${name}" {\n  type = string\n${rest}}\n`;

describe("Terraform: values followed like Terraform", () => {
  it("caf-enterprise-scale: the finding is the terraform.tfvars line, used in the settings local", async () => {
    const dir = "caf-enterprise-scale";
    const files = Object.fromEntries(
      [
        "main.tf",
        "settings.management.tf",
        "variables.tf",
        "terraform.tfvars",
      ].map((name) => [`${dir}/${name}`, fixture(`${dir}/${name}`)]),
    );
    assert.deepEqual(await scanTree(files), [
      "caf-enterprise-scale/terraform.tfvars:3 security_alerts_email_address=cloud-security@contoso.com <- caf-enterprise-scale/settings.management.tf:14",
    ]);
  });

  it("a contact without its required email carries no address: an empty value at the resource (KICS's fixture)", async () => {
    assert.deepEqual(
      await scanTree({
        "main.tf": `resource "azurerm_security_center_contact" "c" {\n  phone = "+1-555-555-5555"\n}\n`,
      }),
      ["main.tf:1 azurerm_security_center_contact.c.email="],
    );
  });

  it("precedence: default < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars(.json) by name", async () => {
    const base = {
      "main.tf":
        contact("var.mail") + variable("mail", '  default = "d@contoso.com"\n'),
    };
    assert.deepEqual(await scanTree(base), [
      "main.tf:6 variable.mail.default=d@contoso.com <- main.tf:2",
    ]);
    const all = {
      ...base,
      "terraform.tfvars": 'mail = "a@contoso.com"\n',
      "terraform.tfvars.json": '{"mail": "b@contoso.com"}',
      "b.auto.tfvars.json": '{"mail": "d@contoso.com"}',
      "a.auto.tfvars": 'mail = "c@contoso.com"\n',
    };
    assert.deepEqual(await scanTree(all), [
      "b.auto.tfvars.json:1 mail=d@contoso.com <- main.tf:2",
    ]);
    const { "b.auto.tfvars.json": _, ...noB } = all;
    assert.deepEqual(await scanTree(noB), [
      "a.auto.tfvars:1 mail=c@contoso.com <- main.tf:2",
    ]);
  });

  it("every other .tfvars is a deployment of its own, paired with its enclosing root", async () => {
    const found = await scanTree({
      "main.tf": contact("var.mail") + variable("mail"),
      "envs/prod.tfvars": 'mail = "soc@contoso.com"\n',
      "envs/dev.tfvars": 'mail = "security_contact@replace_me"\n',
    });
    assert.deepEqual(found, [
      "envs/dev.tfvars:1 mail=security_contact@replace_me <- main.tf:2",
      "envs/prod.tfvars:1 mail=soc@contoso.com <- main.tf:2",
    ]);
  });

  it("a var file outside any root goes to the root declaring its variables", async () => {
    const found = await scanTree({
      "terraform/main.tf": contact("var.soc_mail") + variable("soc_mail"),
      "tfvars/prod.tfvars": 'soc_mail = "soc@contoso.com"\n',
    });
    assert.deepEqual(found, [
      "tfvars/prod.tfvars:1 soc_mail=soc@contoso.com <- terraform/main.tf:2",
    ]);
  });

  it("a variable with no default that nothing binds is unresolved, at its declaration", async () => {
    const [only, ...rest] = await scanTree({
      "main.tf": contact("var.mail") + variable("mail"),
    });
    assert.deepEqual(rest, []);
    assert.match(
      only ?? "",
      /^main\.tf:4 variable\.mail\?var\.mail of the root module has no default .*TF_VAR_mail\) <- main\.tf:2$/,
    );
  });

  it("optional(string, …) defaults of object-typed variables, overridden attribute by attribute", async () => {
    const module = `${contact("var.security.email")}variable "security" {
  type = object({
    email   = optional(string, "security_contact@replace_me")
    enabled = optional(bool, true)
  })
  default = {}
}
`;
    assert.deepEqual(await scanTree({ "main.tf": module }), [
      "main.tf:6 variable.security.email (optional default)=security_contact@replace_me <- main.tf:2",
    ]);
    assert.deepEqual(
      await scanTree({
        "main.tf": module,
        "terraform.tfvars": 'security = {\n  email = "soc@contoso.com"\n}\n',
      }),
      ["terraform.tfvars:2 security.email=soc@contoso.com <- main.tf:2"],
    );
  });

  it("module inputs: a value passed into a local module decides its resource", async () => {
    const found = await scanTree({
      "main.tf":
        'module "defender" {\n  source = "./modules/defender"\n  security_contact_email = local.mail\n}\nlocals {\n  mail = "soc@contoso.com"\n}\n',
      "modules/defender/main.tf":
        contact("var.security_contact_email") +
        variable("security_contact_email"),
    });
    assert.deepEqual(found, [
      "main.tf:6 locals.mail=soc@contoso.com <- modules/defender/main.tf:2",
    ]);
  });

  it("a local module's output is followed; a registry module's is an error naming it", async () => {
    const found = await scanTree({
      "main.tf": `${contact("module.cfg.mail")}module "cfg" {\n  source = "./cfg"\n}\nmodule "reg" {\n  source = "Azure/x/azurerm"\n}\nresource "azurerm_security_center_contact" "d" {\n  email = module.reg.mail\n}\n`,
      "cfg/outputs.tf": 'output "mail" {\n  value = "secops@contoso.com"\n}\n',
    });
    assert.deepEqual(found, [
      "cfg/outputs.tf:2 output.mail=secops@contoso.com <- main.tf:2",
      "main.tf:11 azurerm_security_center_contact.d.email!not a literal: module.reg.mail (source Azure/x/azurerm is not a local path)",
    ]);
  });

  it("a module source outside the workspace is not followed", async () => {
    const found = await scanTree({
      "main.tf": `${contact("module.m.mail")}module "m" {\n  source = "../../outside"\n}\n`,
    });
    assert.deepEqual(found, [
      "main.tf:2 azurerm_security_center_contact.c.email!not a literal: module.m.mail (source ../../outside is outside the workspace)",
    ]);
  });

  it("avm-ptn-alz policy_default_values and the accelerator's custom replacements", async () => {
    const dir = "alz-terraform-accelerator";
    assert.deepEqual(
      await scanTree({
        [`${dir}/main.tf`]: fixture(`${dir}/main.tf`),
        [`${dir}/platform-landing-zone.auto.tfvars`]: fixture(
          `${dir}/platform-landing-zone.auto.tfvars`,
        ),
      }),
      [
        "alz-terraform-accelerator/main.tf:12 module.management_groups.policy_default_values.email_security_contact.value=secops@contoso.com",
        "alz-terraform-accelerator/platform-landing-zone.auto.tfvars:8 custom_replacements.names.defender_email_security_contact=replace_me@replace_me.com",
        "alz-terraform-accelerator/platform-landing-zone.auto.tfvars:30 management_group_settings.policy_assignments_to_modify.alz.policy_assignments.Deploy-MDFC-Config-H224.parameters.emailSecurityContact=soc@contoso.com",
      ],
    );
  });

  it("a $${name} with no custom replacement of that name is an error", async () => {
    assert.deepEqual(
      await scanTree({
        "x.auto.tfvars": 'email_security_contact = "$${nobody}"\n',
      }),
      [
        "x.auto.tfvars:1 email_security_contact!not a literal: $${nobody} (no custom_replacements.names.nobody in the scanned files)",
      ],
    );
  });

  it("direct resources: azurerm contact, azapi body, policy assignment parameters", async () => {
    assert.deepEqual(
      await scanTree({ "main.tf": fixture("direct-resources/main.tf") }),
      [
        "main.tf:3 azurerm_security_center_contact.primary.email=secops@contoso.com",
        "main.tf:9 azurerm_security_center_contact.from_module.email!not a literal: module.contacts.security_email (no such module call)",
        "main.tf:20 azapi_resource.contact.body.properties.emails=ops@contoso.com;noc@contoso.com",
        "main.tf:31 azurerm_subscription_policy_assignment.mdfc.parameters.emailSecurityContact.value=your-name@yourcompany.com",
      ],
    );
  });

  it("expressions are errors naming them; a local referring to itself too", async () => {
    assert.deepEqual(
      await scanTree({
        "main.tf":
          'locals {\n  x = { email_security_contact = var.a == "" ? "a@contoso.com" : var.a }\n  y = { emailSecurityContact = local.y.emailSecurityContact }\n  z = { email_security_contact = lower("A@B.COM") }\n}\nvariable "a" {\n  default = ""\n}\n',
      }),
      [
        'main.tf:2 locals.x.email_security_contact!not a literal: var.a == "" ? "a@contoso.com" : var.a',
        "main.tf:3 locals.y.emailSecurityContact!not a literal: local.y (refers to itself)",
        'main.tf:4 locals.z.email_security_contact!not a literal: lower("A@B.COM")',
      ],
    );
  });

  it("azapi policy assignment: body.properties.parameters.emailSecurityContact.value", async () => {
    const found = await scanTree({
      "main.tf":
        'resource "azapi_resource" "mdfc" {\n  type = "Microsoft.Authorization/policyAssignments@2024-04-01"\n  body = {\n    properties = {\n      parameters = {\n        emailSecurityContact = { value = "security_contact@replace_me" }\n      }\n    }\n  }\n}\n',
    });
    assert.deepEqual(found, [
      "main.tf:6 azapi_resource.mdfc.body.properties.parameters.emailSecurityContact.value=security_contact@replace_me",
    ]);
  });

  it("azapi 2017 schema: the single email is legacy", async () => {
    const found = await scanTree({
      "main.tf":
        'resource "azapi_resource" "old" {\n  type = "Microsoft.Security/securityContacts@2017-08-01-preview"\n  body = jsonencode({ properties = { email = "ops@contoso.com" } })\n}\n',
    });
    assert.deepEqual(found, [
      "main.tf:3 azapi_resource.old.body.properties.email=ops@contoso.com",
    ]);
  });

  it("an override file replaces the argument it names, as Terraform merges it", async () => {
    const found = await scanTree({
      "main.tf": contact('"soc@contoso.com"'),
      "main_override.tf":
        'resource "azurerm_security_center_contact" "c" {\n  email = "security_contact@replace_me"\n}\n',
    });
    assert.deepEqual(found, [
      "main_override.tf:2 azurerm_security_center_contact.c.email=security_contact@replace_me",
    ]);
    assert.deepEqual(
      await scanTree({
        "main.tf": `${contact("local.mail")}locals {\n  mail = "soc@contoso.com"\n}\n`,
        "override.tf": 'locals {\n  mail = ""\n}\n',
      }),
      ["override.tf:2 locals.mail= <- main.tf:2"],
    );
  });
});

describe("Terraform: module sources never read", () => {
  it("a source inside .terraform/ or node_modules/ is not followed", async () => {
    const found = await scanTree({
      "main.tf": `${contact("module.m.mail")}module "m" {\n  source = "./.terraform/modules/m"\n}\n`,
      ".terraform/modules/m/main.tf":
        'output "mail" {\n  value = "soc@contoso.com"\n}\n',
    });
    assert.deepEqual(found, [
      "main.tf:2 azurerm_security_center_contact.c.email!not a literal: module.m.mail (source ./.terraform/modules/m is in a directory the scan never reads)",
    ]);
  });
});

describe("Terraform: module sources through links", () => {
  it("a module directory that is a link out of the workspace is not read", async () => {
    const outside = await writeTree({
      "main.tf": 'output "mail" {\n  value = "soc@contoso.com"\n}\n',
    });
    const root = await writeTree({
      "main.tf": `${contact("module.m.mail")}module "m" {\n  source = "./linked"\n}\n`,
    });
    try {
      await symlink(outside, join(root, "linked"));
      const { findings, skipped } = await scanFiles({
        workspace: root,
        include: TERRAFORM_PATTERNS,
        exclude: [],
      });
      assert.deepEqual(findings.map(located), [
        "main.tf:2 azurerm_security_center_contact.c.email!not a literal: module.m.mail (linked holds no Terraform files that could be read)",
      ]);
      assert.deepEqual(skipped, ["linked"]);
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });
});
