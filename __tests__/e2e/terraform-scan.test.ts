/**
 * End-to-end: the bundle (`node dist/index.js`, `scan: files`) on Terraform
 * written to defeat the scan (issue 19, cases 2, 3, 5, 6, 7, 8) and on a
 * value decided in a .tfvars: every hostile file fails or errors, the run
 * ends normally, the finding points at the .tfvars line with the use site
 * in the report and in SARIF. Wall time is printed, never asserted.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { runAction, type ActionRun } from "../../test-support/run-action.js";

const CONTACT = (expr: string): string =>
  `resource "azurerm_security_center_contact" "c" {\n  email = ${expr}\n}\n`;

function bigTf(): string {
  const parts = ["locals {\n"];
  for (let i = 0; i < 40_000; i++)
    parts.push(`  k${i} = { email_security_contact = "s${i}@x.io" }\n`);
  return `${parts.join("")}}\n`;
}

const FILES: Record<string, string> = {
  // 2: a comment before the name; an escaped name in terraform.tfvars.json.
  "comment/main.tf": `${CONTACT("var.security_contact_email")}variable "security_contact_email" {\n  default = "soc@contoso.com"\n}\n`,
  "comment/terraform.tfvars":
    '/* ok */ security_contact_email = "security_contact@replace_me"\n',
  "escape/main.tf": `${CONTACT("var.security_contact_email")}variable "security_contact_email" {\n  default = "soc@contoso.com"\n}\n`,
  "escape/terraform.tfvars.json":
    '{"security_\\u0063ontact_email": "security_contact@replace_me"}',
  // 3: tags.emails before properties.emails.
  "azapi/main.tf": `resource "azapi_resource" "c" {\n  type = "Microsoft.Security/securityContacts@2023-12-01-preview"\n  body = jsonencode({\n    tags       = { emails = "ok@contoso.com" }\n    properties = { emails = "security_contact@replace_me" }\n  })\n}\n`,
  // 5: Terraform's JSON syntax.
  "json/main.tf.json":
    '{"resource": {"azurerm_security_center_contact": {"c": {"email": "security_contact@replace_me"}}}}',
  // 6 and 7: names that look like patterns.
  "names/main.tf": `resource "azurerm_security_center_contact" "rg(" {\n  email = "(a|a)*b"\n}\n# ${"a".repeat(60)}!\n`,
  // 8: 1.8 MiB, 40,000 settings.
  "big/big.tf": bigTf(),
  // A value decided in an env's var file, used in a module's resource.
  "lz/main.tf":
    'module "defender" {\n  source = "./modules/defender"\n  email  = var.soc\n}\nvariable "soc" {}\n',
  "lz/modules/defender/main.tf": `${CONTACT("var.email")}variable "email" {}\n`,
  "lz/envs/prod.tfvars": 'soc = "security_contact@replace_me"\n',
};

describe("scan: files, hostile Terraform through the bundle", () => {
  let run: ActionRun;
  let ws: string;

  before(async () => {
    ws = await mkdtemp(join(tmpdir(), "tf-e2e-"));
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(ws, path)), { recursive: true });
      await writeFile(join(ws, path), text);
    }
    run = await runAction(
      { scan: "files" },
      { GITHUB_WORKSPACE: ws },
      { timeoutMs: 120_000 },
    );
    console.log(
      `terraform e2e: ${run.wallMs} ms for ${Object.keys(FILES).length} files`,
    );
  });
  after(() => rm(ws, { recursive: true, force: true }));

  test("ends normally and fails the step", () => {
    assert.equal(run.stderr, "");
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.status, "fail");
  });

  test("no hostile file passes", () => {
    const files = run.report?.files ?? [];
    for (const dir of ["comment", "escape", "azapi", "json", "names"]) {
      const mine = files.filter((f) => f.path.startsWith(`${dir}/`));
      assert.ok(mine.length > 0, `${dir}: no finding`);
      for (const f of mine)
        assert.ok(
          f.status === "fail" || f.status === "error",
          `${f.path}:${f.line} ${f.status}`,
        );
    }
    assert.ok(
      files.some(
        (f) => f.path === "escape/terraform.tfvars.json" && f.status === "fail",
      ),
    );
    assert.ok(
      files.some(
        (f) => f.path === "comment/terraform.tfvars" && f.status === "fail",
      ),
    );
    assert.ok(
      files.some((f) => f.path === "json/main.tf.json" && f.status === "fail"),
    );
  });

  test("the finding is the .tfvars line, the module's resource its related location", () => {
    const finding = run.report?.files.find(
      (f) => f.path === "lz/envs/prod.tfvars",
    );
    assert.ok(finding, JSON.stringify(run.report?.files.map((f) => f.path)));
    assert.equal(finding.status, "fail");
    assert.equal(finding.line, 1);
    assert.deepEqual(finding.usedAt, {
      path: "lz/modules/defender/main.tf",
      line: 2,
      setting: "azurerm_security_center_contact.c.email",
    });
    const sarif = JSON.stringify(run.sarif);
    assert.ok(
      sarif.includes("lz/modules/defender/main.tf"),
      "SARIF names the use site",
    );
  });
});
