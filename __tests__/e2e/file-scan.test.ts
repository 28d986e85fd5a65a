/**
 * End-to-end: the bundle with `scan: files` in a temporary GITHUB_WORKSPACE
 * built from the landing-zone fixtures (no sign-in, no request of any kind:
 * a fake listens and must see none), and `scan: both` against the fake.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { after, before, describe, test } from "node:test";
import AjvDraft04 from "ajv-draft-04";
import {
  generatedTenant,
  startFake,
  type Fake,
} from "../../test-support/fake/index.js";
import {
  fakeInputs,
  repoRoot,
  runAction,
  runnerEnv,
  withFake,
  type ActionRun,
} from "../../test-support/run-action.js";

const FIXTURES = join(repoRoot, "__tests__", "fixtures", "iac");

const validateSarif = new AjvDraft04.default({
  strict: false,
  allErrors: true,
  unicodeRegExp: false,
  logger: false,
}).compile(
  JSON.parse(
    readFileSync(
      join(repoRoot, "__tests__/fixtures/sarif/sarif-2.1.0-rtm.5.json"),
      "utf8",
    ),
  ) as object,
);

/** A workspace holding the named fixture folders. */
async function workspace(...folders: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "file-scan-e2e-"));
  for (const folder of folders) {
    await cp(join(FIXTURES, folder), join(dir, folder), { recursive: true });
  }
  return dir;
}

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe("scan: files", () => {
  let fake: Fake;
  let run: ActionRun;

  before(async () => {
    // Listening, with every variable pointing at it: the scan must not call it.
    fake = await startFake({ tenant: generatedTenant(2) });
    const ws = await workspace(
      "alz-bicep-classic",
      "caf-enterprise-scale",
      "alz-terraform-accelerator",
      "terraform-plan",
    );
    made.push(ws);
    run = await runAction(
      { ...fakeInputs(fake), scan: "files" },
      { ...runnerEnv(fake), GITHUB_WORKSPACE: ws },
    );
  });
  after(() => fake.close());

  test("sends no request of any kind", () => {
    assert.deepEqual(fake.requests, []);
    assert.doesNotMatch(run.stdout, /Sign in/);
  });

  test("fails the step on the placeholders, with the file counts as outputs", () => {
    assert.equal(run.exitCode, 1, run.stderr);
    assert.equal(run.outputs.status, "fail");
    const total = Number(run.outputs["file-findings-total"]);
    const failed = Number(run.outputs["file-findings-failed"]);
    const errored = Number(run.outputs["file-findings-errored"]);
    assert.ok(total >= 5, `total ${total}`);
    assert.ok(failed >= 3, `failed ${failed}`);
    assert.equal(run.report?.files.length, total);
    assert.equal(
      run.report?.files.filter((f) => f.status === "error").length,
      errored,
    );
    assert.equal(run.outputs["subscriptions-total"], "0");
  });

  test("writes a SARIF file under RUNNER_TEMP that the SARIF 2.1.0 schema accepts", () => {
    const path = run.outputs["sarif-file"] ?? "";
    assert.ok(isAbsolute(path), path);
    assert.match(path, /runner-temp[/\\]security-contact-check\.sarif$/);
    assert.ok(validateSarif(run.sarif), JSON.stringify(validateSarif.errors));
    const results = (run.sarif as { runs: { results: { ruleId: string }[] }[] })
      .runs[0]?.results;
    assert.equal(
      results?.length,
      Number(run.outputs["file-findings-failed"]) +
        Number(run.outputs["file-findings-errored"]),
    );
  });

  test("reports files in the report v3 shape, masked, failures first", () => {
    const report = run.report;
    assert.ok(report);
    assert.equal(report.schemaVersion, 4);
    assert.equal(report.scan, "files");
    const placeholder = report.files.find(
      (f) =>
        f.path ===
        "alz-bicep-classic/alzDefaultPolicyAssignments.parameters.all.json",
    );
    assert.ok(placeholder);
    assert.deepEqual(Object.keys(placeholder).sort(), [
      "emails",
      "invalidEmails",
      "line",
      "path",
      "reason",
      "setting",
      "source",
      "status",
    ]);
    assert.equal(placeholder.status, "fail");
    assert.equal(placeholder.source, "arm-parameters");
    assert.ok(placeholder.line > 1);
    assert.match(placeholder.reason, /placeholder/);
    assert.deepEqual(placeholder.invalidEmails, ["s***@replace_me.com"]);
    const order = report.files.map((f) => f.status);
    assert.deepEqual(
      order,
      [...order].sort(
        (a, b) =>
          ["fail", "error", "pass"].indexOf(a) -
          ["fail", "error", "pass"].indexOf(b),
      ),
    );
  });

  test("annotates failing settings with file and line", () => {
    const onFiles = run.annotations.filter((a) => a.file);
    assert.ok(onFiles.length >= 3 && onFiles.length <= 10);
    for (const a of onFiles) {
      assert.ok(a.line && a.line >= 1, JSON.stringify(a));
      assert.ok(!isAbsolute(a.file ?? ""), a.file);
    }
    assert.ok(
      onFiles.some(
        (a) =>
          a.file ===
            "alz-bicep-classic/alzDefaultPolicyAssignments.parameters.all.json" &&
          a.level === "error",
      ),
    );
    assert.doesNotMatch(JSON.stringify(run.annotations), /security_contact@/);
  });

  test("writes the Infrastructure code section, failures first", () => {
    assert.match(
      run.summary,
      /^## ❌ Security contact settings in the repository fail/,
    );
    assert.match(run.summary, /### Infrastructure code/);
    const table = run.summary.slice(run.summary.indexOf("| File |"));
    assert.ok(table.indexOf("❌ fail") < table.indexOf("✅ pass"));
    assert.doesNotMatch(run.summary, /subscriptions? in scope/);
  });
});

describe("scan: files, the bundle alone", () => {
  test("parses .tf with the WebAssembly shipped in dist/, away from node_modules", async () => {
    // A runner checks out dist/ with no node_modules: the copy must run alone.
    const copy = await mkdtemp(join(tmpdir(), "file-scan-dist-"));
    made.push(copy);
    await cp(join(repoRoot, "dist"), join(copy, "dist"), { recursive: true });
    const ws = await workspace("caf-enterprise-scale");
    made.push(ws);
    const run = await runAction(
      { scan: "files" },
      { GITHUB_WORKSPACE: ws },
      { bundle: join(copy, "dist", "index.js") },
    );
    // HashiCorp's parser confirms every Terraform file a finding rests on: an error if it did not load.
    const tf = run.report?.files.filter((f) => f.source === "terraform") ?? [];
    assert.ok(tf.length > 0, run.stdout);
    for (const f of tf) assert.notEqual(f.status, "error", f.reason);
  });
});

describe("scan: files, hostile files", () => {
  test("broken, huge and deeply nested files are error findings, never a crash", async () => {
    const ws = await workspace("hostile");
    made.push(ws);
    const deep = `${'{"a":'.repeat(20_000)}"emailSecurityContact"${"}".repeat(20_000)}`;
    await writeFile(join(ws, "hostile", "deep.json"), deep);
    await writeFile(
      join(ws, "hostile", "huge.parameters.json"),
      `{"parameters":{"emailSecurityContact":{"value":"${"a".repeat(5 * 1024 * 1024)}"}}}`,
    );
    const run = await runAction({ scan: "files" }, { GITHUB_WORKSPACE: ws });
    assert.equal(run.exitCode, 1, run.stderr);
    assert.equal(run.stderr, "");
    assert.equal(run.outputs.status, "error");
    const errored = run.report?.files.filter((f) => f.status === "error") ?? [];
    assert.deepEqual([...new Set(errored.map((f) => f.path))].sort(), [
      "hostile/broken.bicepparam",
      "hostile/broken.json",
      "hostile/broken.tf",
      "hostile/deep.json",
      "hostile/huge.parameters.json",
    ]);
    assert.equal(run.outputs["file-findings-errored"], String(errored.length));
  });
});

describe("scan: files with create-issue", () => {
  test("opens the tracking issue with the file findings, asking Azure nothing", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      const ws = await workspace("alz-bicep-classic");
      made.push(ws);
      const run = await runAction(
        {
          scan: "files",
          "create-issue": "true",
          "github-token": "ghs_test",
        },
        { ...runnerEnv(fake), GITHUB_WORKSPACE: ws },
      );
      assert.equal(run.exitCode, 1, run.stderr);
      assert.deepEqual(
        fake.requests.filter((r) => r.service !== "github"),
        [],
      );
      const [issue] = fake.github.issues;
      assert.ok(issue, "an issue was opened");
      assert.match(issue.body, /### Infrastructure code/);
      assert.match(
        issue.body,
        /Security contact settings in the repository fail/,
      );
      assert.doesNotMatch(issue.body, /✅ pass \|/);
      assert.doesNotMatch(issue.body, /security_contact@/);
    });
  });
});

describe("scan: files, nothing in scope", () => {
  test("is an error, never a silent pass", async () => {
    const ws = await mkdtemp(join(tmpdir(), "file-scan-e2e-"));
    made.push(ws);
    await mkdir(join(ws, "app"));
    await writeFile(join(ws, "app", "package.json"), '{"name":"app"}');
    await writeFile(join(ws, "main.tf"), 'resource "x" "y" {}\n');
    const run = await runAction({ scan: "files" }, { GITHUB_WORKSPACE: ws });
    assert.equal(run.exitCode, 1, run.stderr);
    assert.equal(run.outputs.status, "error");
    assert.equal(run.outputs["file-findings-total"], "0");
    assert.match(run.stdout, /nothing in scope/);
    assert.match(run.summary, /nothing in scope/);
  });

  test("fail-on-error: false leaves the step green but the status error", async () => {
    const ws = await mkdtemp(join(tmpdir(), "file-scan-e2e-"));
    made.push(ws);
    const run = await runAction(
      { scan: "files", "fail-on-error": "false" },
      { GITHUB_WORKSPACE: ws },
    );
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(run.outputs.status, "error");
  });
});

describe("scan: both", () => {
  let fake: Fake;
  let run: ActionRun;

  before(async () => {
    fake = await startFake({ tenant: generatedTenant(3) });
    const ws = await workspace("terraform-plan", "direct-resources");
    made.push(ws);
    run = await runAction(
      { ...fakeInputs(fake), scan: "both" },
      { ...runnerEnv(fake), GITHUB_WORKSPACE: ws },
    );
  });
  after(() => fake.close());

  test("checks the subscriptions and the files in one run", () => {
    assert.equal(run.outputs["subscriptions-total"], "3");
    assert.equal(run.outputs["subscriptions-passed"], "3");
    assert.ok(Number(run.outputs["file-findings-total"]) > 0);
    assert.equal(run.report?.scan, "both");
    assert.equal(run.report?.subscriptions.length, 3);
    assert.ok(fake.requests.length > 0);
    assert.match(run.summary, /subscriptions in scope/);
    assert.match(run.summary, /### Infrastructure code/);
  });

  test("a failing file finding fails a run whose subscriptions all pass", () => {
    assert.ok(Number(run.outputs["file-findings-failed"]) > 0);
    assert.equal(run.outputs.status, "fail");
    assert.equal(run.exitCode, 1);
    assert.ok(run.outputs["sarif-file"]);
  });
});

describe("scan: azure (the default)", () => {
  test("leaves the file outputs empty and reads no file", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      const ws = await workspace("alz-bicep-classic");
      made.push(ws);
      const run = await runAction(fakeInputs(fake), {
        ...runnerEnv(fake),
        GITHUB_WORKSPACE: ws,
      });
      assert.equal(run.exitCode, 0, run.stderr);
      assert.equal(run.outputs.status, "pass");
      assert.equal(run.outputs["sarif-file"], "");
      assert.equal(run.outputs["file-findings-total"], "0");
      assert.equal(run.report?.scan, "azure");
      assert.deepEqual(run.report?.files, []);
      assert.doesNotMatch(run.summary, /Infrastructure code/);
    });
  });
});
