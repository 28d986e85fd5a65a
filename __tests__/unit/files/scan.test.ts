import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { MAX_PARSE_BYTES, scanFiles } from "../../../src/files/scan.js";
import { defaultOf } from "../../../src/action-interface.js";
import { IAC_DIR } from "./fixtures.js";

const include = defaultOf("files")
  .split(",")
  .map((p) => p.trim());
let workspace: string;

before(async () => {
  workspace = await mkdtemp(join(tmpdir(), "scan-"));
  // The real-repository corpora (real-*) have tests of their own.
  await cp(IAC_DIR, workspace, {
    recursive: true,
    filter: (src) => !basename(src).startsWith("real-"),
  });
  const setting =
    '{"parameters":{"emailSecurityContact":{"value":"x@contoso.com"}}}';
  for (const dir of [".git", "node_modules/pkg", "infra/.terraform/modules"]) {
    await mkdir(join(workspace, dir), { recursive: true });
    await writeFile(join(workspace, dir, "never.json"), setting);
  }
  await symlink(join(workspace, "alz-library"), join(workspace, "linked-dir"));
  await symlink(
    join(workspace, "enterprise-scale/eslzArm.test.param.json"),
    join(workspace, "linked.json"),
  );
});

after(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe("scanFiles", () => {
  it("finds every fixture flavour and never reads .git, node_modules, .terraform or links", async () => {
    const { findings } = await scanFiles({
      workspace,
      include,
      exclude: ["real/**"],
    });
    const paths = [...new Set(findings.map((f) => f.path))];
    assert.deepEqual(paths, [
      "alz-bicep-accelerator/int-root/main.bicepparam",
      "alz-bicep-classic/alzDefaultPolicyAssignments.bicepparam",
      "alz-bicep-classic/alzDefaultPolicyAssignments.parameters.all.json",
      "alz-bicep-classic/alzDefaultPolicyAssignments.parameters.min.json",
      "alz-bicep-classic/policyAssignmentManagementGroup.mdfc.parameters.all.json",
      "alz-library/Deploy-MDFC-Config-H224.alz_policy_assignment.json",
      "alz-terraform-accelerator/main.tf",
      "alz-terraform-accelerator/platform-landing-zone.auto.tfvars",
      "caf-enterprise-scale/terraform.tfvars",
      "direct-resources/main.tf",
      "direct-resources/securityContact.bicep",
      "enterprise-scale/eslzArm.json",
      "enterprise-scale/eslzArm.test.param.json",
      "enterprise-scale/subscriptionSecurityContact.json",
      "hostile/broken.bicepparam",
      "hostile/broken.json",
      "hostile/broken.tf",
      "terraform-plan/plan.json",
    ]);
    assert.equal(findings.length, 32);
  });

  it("an invalid .tf is one error finding for that file", async () => {
    const { findings } = await scanFiles({
      workspace,
      include: ["hostile/*.tf"],
      exclude: [],
    });
    assert.equal(findings.length, 1);
    const [only] = findings;
    assert.ok(only && "error" in only);
    assert.match(only.error, /^invalid: .*Invalid expression/);
  });

  it("applies !exclusions", async () => {
    const { findings, filesMatched } = await scanFiles({
      workspace,
      include: ["**/*.json"],
      exclude: [
        "hostile/**",
        "**/*.param.json",
        "enterprise-scale/**",
        "alz-*/**",
        "real/**",
      ],
    });
    assert.deepEqual(
      [...new Set(findings.map((f) => f.path))],
      ["terraform-plan/plan.json"],
    );
    assert.equal(filesMatched, 1);
  });

  it("a huge file that mentions a setting is an error finding; one that does not is skipped", async () => {
    const dir = await mkdtemp(join(tmpdir(), "huge-"));
    try {
      const filler = "x".repeat(MAX_PARSE_BYTES);
      await writeFile(
        join(dir, "huge.json"),
        `{"emailSecurityContact":"a@contoso.com","pad":"${filler}"}`,
      );
      await writeFile(join(dir, "lock.json"), `{"pad":"${filler}"}`);
      const { findings } = await scanFiles({
        workspace: dir,
        include: ["*.json"],
        exclude: [],
      });
      assert.equal(findings.length, 1);
      assert.equal(findings[0]?.path, "huge.json");
      const [only] = findings;
      assert.ok(only && "error" in only);
      assert.match(only.error, /larger than 4\.0 MiB, not parsed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("does not load the HCL parser when no .tf/.tfvars file mentions a setting", async () => {
    const script = `
      const { scanFiles } = await import(${JSON.stringify(new URL("../../../src/files/scan.ts", import.meta.url).href)});
      const r = await scanFiles({ workspace: ${JSON.stringify(workspace)}, include: ["**/*.json", "**/*.bicep*"], exclude: [] });
      console.log(r.findings.length, typeof globalThis.Go);`;
    const { stdout } = await promisify(execFile)(process.execPath, [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      script,
    ]);
    assert.match(stdout.trim(), /^\d+ undefined$/);
  });
});
