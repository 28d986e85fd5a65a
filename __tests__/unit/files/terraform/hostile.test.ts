/**
 * Terraform files written to defeat the scan (issue 19, cases 2, 3, 5, 6, 7
 * and 8, with variants): each ends as fail or error, never pass, and the
 * scan finishes. Times are printed, not asserted; the timeout only catches a hang.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { scanFiles } from "../../../../src/files/scan.js";
import { evaluateFileFinding } from "../../../../src/files/verdict.js";
import { located, TERRAFORM_PATTERNS, writeTree } from "./tree.js";

/** `status located` per finding. */
async function judged(files: Record<string, string>): Promise<string[]> {
  const root = await writeTree(files);
  try {
    const { findings } = await scanFiles({
      workspace: root,
      include: TERRAFORM_PATTERNS,
      exclude: [],
    });
    return findings.map(
      (f) => `${evaluateFileFinding(f).status} ${located(f)}`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const GOOD_DEFAULT = `resource "azurerm_security_center_contact" "c" {
  email = var.security_contact_email
}
variable "security_contact_email" {
  default = "soc@contoso.com"
}
`;

describe("hostile Terraform", () => {
  it("2: a .tfvars with a comment before the name still decides over the default", async () => {
    for (const tfvars of [
      '/* reviewed */ security_contact_email = "security_contact@replace_me"\n',
      '# reviewed\nsecurity_contact_email /* x */ = "security_contact@replace_me"\n',
      '\uFEFFsecurity_contact_email = "security_contact@replace_me"\n',
    ]) {
      assert.deepEqual(
        await judged({ "main.tf": GOOD_DEFAULT, "terraform.tfvars": tfvars }),
        [
          `fail terraform.tfvars:${tfvars.startsWith("#") ? 2 : 1} security_contact_email=security_contact@replace_me <- main.tf:2`,
        ],
      );
    }
  });

  it("2: a \\u escape in terraform.tfvars.json names the variable all the same", async () => {
    assert.deepEqual(
      await judged({
        "main.tf": GOOD_DEFAULT,
        "terraform.tfvars.json":
          '{ "security_\\u0063ontact_email": "security_contact@replace_me" }',
      }),
      [
        "fail terraform.tfvars.json:1 security_contact_email=security_contact@replace_me <- main.tf:2",
      ],
    );
  });

  it("2: escapes in a resource label and in an ALZ key are read as Terraform reads them", async () => {
    assert.deepEqual(
      await judged({
        "main.tf":
          'resource "azurerm_security_\\u0063enter_contact" "c" {\n  email = "security_contact@replace_me"\n}\n',
        "x.auto.tfvars.json":
          '{ "settings": { "email_security_\\u0063ontact": "" } }',
      }),
      [
        "fail main.tf:2 azurerm_security_center_contact.c.email=security_contact@replace_me",
        "fail x.auto.tfvars.json:1 settings.email_security_contact=",
      ],
    );
  });

  it("3: azapi body: properties.emails decides, not an earlier emails under tags", async () => {
    const body = (order: string) => `resource "azapi_resource" "c" {
  type = "Microsoft.Security/securityContacts@2023-12-01-preview"
  body = jsonencode({
${order}
  })
}
`;
    const tags = '    tags = { emails = "ok@contoso.com" }';
    const properties =
      '    properties = { emails = "security_contact@replace_me", isEnabled = true }';
    for (const order of [`${tags}\n${properties}`, `${properties}\n${tags}`]) {
      const [only, ...rest] = await judged({ "main.tf": body(order) });
      assert.deepEqual(rest, []);
      assert.match(
        only ?? "",
        /^fail main\.tf:\d azapi_resource\.c\.body\.properties\.emails=security_contact@replace_me/,
      );
    }
  });

  it("5: *.tf.json is Terraform's JSON syntax, templates included", async () => {
    assert.deepEqual(
      await judged({
        "main.tf.json": JSON.stringify(
          {
            resource: {
              azurerm_security_center_contact: { c: { email: "${var.mail}" } },
            },
            variable: { mail: { default: "security_contact@replace_me" } },
          },
          null,
          2,
        ),
      }),
      [
        "fail main.tf.json:11 variable.mail.default=security_contact@replace_me <- main.tf.json:5",
      ],
    );
  });

  it("5: a .tf.json with duplicate keys is an error, not a guess", async () => {
    const [only] = await judged({
      "main.tf.json":
        '{"resource": {"azurerm_security_center_contact": {"c": {"email": "a@contoso.com", "email": "b@x.invalid"}}}}',
    });
    assert.match(
      only ?? "",
      /^error main\.tf\.json:1 \(file\)!invalid: duplicate key "email"/,
    );
  });

  it("6 and 7: labels and names that look like patterns are only names", async () => {
    const found = await judged({
      "main.tf": `resource "azurerm_security_center_contact" "rg(" {
  email = "security_contact@replace_me"
}
# aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!
resource "azurerm_security_center_contact" "(a|a)*b" {
  email = "(a|a)*b aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"
}
`,
      "x.auto.tfvars":
        'custom_replacements = {\n  names = {\n    "rg(" = "x"\n    "(a|a)*b_email_security_contact" = "$${rg(}"\n  }\n}\n',
    });
    assert.deepEqual(found, [
      "fail main.tf:2 azurerm_security_center_contact.rg(.email=security_contact@replace_me",
      "fail main.tf:6 azurerm_security_center_contact.(a|a)*b.email=(a|a)*b aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
      "error x.auto.tfvars:4 custom_replacements.names.(a|a)*b_email_security_contact=${rg(}",
    ]);
  });

  it("variants: a setting inside a for expression, deep nesting, an unreadable azapi type, a heredoc body", async () => {
    const deep = `${'{"a":'.repeat(150)}{"email_security_contact": "soc@contoso.com"}${"}".repeat(150)}`;
    const found = await judged({
      "for/main.tf":
        'locals {\n  x = { for k, v in var.m : k => { email_security_contact = v } }\n}\nvariable "m" {\n  default = {}\n}\n',
      "deep/x.auto.tfvars.json": `{"settings": ${deep}}`,
      "type/main.tf":
        'resource "azapi_resource" "c" {\n  type = var.t\n  body = { properties = { emails = "soc@contoso.com" } }\n}\nvariable "t" {\n  default = null\n}\n',
      "heredoc/main.tf":
        'resource "azapi_resource" "c" {\n  type = "Microsoft.Security/securityContacts@2020-01-01-preview"\n  body = <<EOT\n{"properties": {"emails": "", "emails": "soc@contoso.com"}}\nEOT\n}\n',
    });
    assert.deepEqual(
      found.map((f) => f.replace(/(\.a){150}/, ".a×150")),
      [
        "pass deep/x.auto.tfvars.json:1 settings.a×150.email_security_contact=soc@contoso.com",
        "error for/main.tf:2 locals.x!not a literal: { for k, v in var.m : k => { email_security_contact = v } }",
        "error heredoc/main.tf:3 azapi_resource.c.body.properties!not a literal: duplicate key emails in JSON",
        "unresolved type/main.tf:5 variable.t?var.t of type has no default (or null) and no variable file in the scanned files sets it: decided at deployment (-var, -var-file or TF_VAR_t) <- type/main.tf:2",
      ],
    );
  });

  it("4 for Terraform: an argument, a local or a key set twice is an error, never the first or the last", async () => {
    const found = await judged({
      "args/main.tf": GOOD_DEFAULT,
      "args/terraform.tfvars":
        'security_contact_email = "soc@contoso.com"\nsecurity_contact_email = ""\n',
      "locals/a.tf": `${'resource "azurerm_security_center_contact" "c" {\n  email = local.mail\n}\n'}locals {\n  mail = "soc@contoso.com"\n}\n`,
      "locals/b.tf": 'locals {\n  mail = ""\n}\n',
      "keys/main.tf":
        'locals {\n  s = { email_security_contact = "soc@contoso.com", email_security_contact = "" }\n}\n',
    });
    assert.deepEqual(
      found.map((f) => f.replace(/ \(line \d+\)$/, "")),
      [
        'error args/terraform.tfvars:2 (file)!invalid: parse config: [args/terraform.tfvars:2,1-23: Attribute redefined; The argument "security_contact_email" was already set at args/terraform.tfvars:1,1-23. Each argument may be set only once.]',
        'error keys/main.tf:2 locals.s!not a literal: key email_security_contact set twice in { email_security_contact = "soc@contoso.com", email_security_contact = "" }',
        "error locals/a.tf:2 azurerm_security_center_contact.c.email!not a literal: local.mail (defined twice in locals)",
        "error locals/b.tf:2 locals.mail!not a literal: local.mail (defined twice in locals)",
      ],
    );
  });

  it(
    "8: a 1.8 MiB .tf with 40,000 settings is read in linear time",
    { timeout: 120_000 },
    async () => {
      const parts = ["locals {\n"];
      for (let i = 0; i < 40_000; i++)
        parts.push(`  k${i} = { email_security_contact = "s${i}@x.io" }\n`);
      parts.push("}\n");
      const text = parts.join("");
      assert.ok(text.length > 1.8 * 1024 * 1024, `${text.length} bytes`);
      const root = await writeTree({ "big.tf": text });
      try {
        const { findings } = await scanFiles({
          workspace: root,
          include: TERRAFORM_PATTERNS,
          exclude: [],
        });
        // The per-file cap keeps 200 and one error for the rest.
        assert.equal(findings.length, 201);
        assert.equal(findings[199]?.line, 201);
        assert.ok(
          findings.some((f) => "error" in f && f.error.includes("39800")),
        );
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  );
});
