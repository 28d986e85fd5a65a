/**
 * End-to-end: a run loads only what it needs. Each test runs a copy of
 * dist/ from which the chunks the run must not need are deleted: loading
 * one would fail the run (ERR_MODULE_NOT_FOUND).
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { generatedTenant } from "../../test-support/fake/index.js";
import {
  fakeInputs,
  repoRoot,
  runAction,
  runnerEnv,
  withFake,
} from "../../test-support/run-action.js";

/** Text only the Azure SDK's, Octokit's and the HCL parser's chunks hold. */
const AZURE_SDK = ["azsdk-js-arm-resources-subscriptions", "azsdk-js-identity"];
const OCTOKIT = ["octokit-core.js"];
const HCL_PARSER = ["Copyright 2021 The Go Authors"];

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** A copy of dist/ without the chunks holding any of `markers` (and without `files`); its index.js. */
async function distWithout(
  markers: readonly string[],
  files: readonly string[] = [],
): Promise<{ bundle: string; removed: string[] }> {
  const copy = await mkdtemp(join(tmpdir(), "lazy-dist-"));
  made.push(copy);
  await cp(join(repoRoot, "dist"), copy, { recursive: true });
  const removed: string[] = [];
  for (const name of await readdir(copy)) {
    if (name === "index.js" || !name.endsWith(".js")) continue;
    const text = await readFile(join(copy, name), "utf8");
    if (markers.some((marker) => text.includes(marker))) removed.push(name);
  }
  for (const name of [...removed, ...files]) await rm(join(copy, name));
  return { bundle: join(copy, "index.js"), removed };
}

describe("loading only what the run needs", () => {
  test("bad input is refused without the SDKs or the file parsers, and index.js holds none", async () => {
    const main = await readFile(join(repoRoot, "dist", "index.js"), "utf8");
    for (const marker of [...AZURE_SDK, ...OCTOKIT, ...HCL_PARSER]) {
      assert.ok(!main.includes(marker), `index.js holds ${marker}`);
    }
    // The error path's own chunk (report, @actions/core) stays.
    const { bundle, removed } = await distWithout([
      ...AZURE_SDK,
      ...OCTOKIT,
      ...HCL_PARSER,
    ]);
    assert.ok(removed.length >= 3, `removed ${removed.join(", ")}`);
    const run = await runAction(
      { "client-id": "not-a-guid", "tenant-id": "contoso.onmicrosoft.com" },
      {},
      { bundle },
    );
    assert.equal(run.exitCode, 1, run.stderr);
    assert.match(run.stdout, /::error::.*'client-id'.*"not-a-guid"/);
    assert.doesNotMatch(run.stderr, /ERR_MODULE_NOT_FOUND/);
  });

  test("scan: files loads neither the Azure SDK nor Octokit", async () => {
    const { bundle, removed } = await distWithout([...AZURE_SDK, ...OCTOKIT]);
    assert.ok(removed.length >= 2, `removed ${removed.join(", ")}`);
    const workspace = await mkdtemp(join(tmpdir(), "lazy-ws-"));
    made.push(workspace);
    await cp(
      join(repoRoot, "__tests__", "fixtures", "iac", "caf-enterprise-scale"),
      workspace,
      { recursive: true },
    );
    const run = await runAction(
      { scan: "files" },
      { GITHUB_WORKSPACE: workspace },
      { bundle },
    );
    assert.doesNotMatch(run.stderr, /ERR_MODULE_NOT_FOUND/);
    // Terraform findings: the HCL parser ran (the deciding line may be a .tfvars).
    const tf = run.report?.files.filter((f) => f.source === "terraform") ?? [];
    assert.ok(tf.length > 0, run.stdout);
    for (const f of tf) assert.notEqual(f.status, "error", f.reason);
  });

  test("a live run loads neither the HCL parser nor its WebAssembly", async () => {
    const { bundle, removed } = await distWithout(HCL_PARSER, [
      "hcl2json.wasm.gz",
    ]);
    assert.equal(removed.length, 1, `removed ${removed.join(", ")}`);
    const run = await withFake(generatedTenant(3), (fake) =>
      runAction(fakeInputs(fake), runnerEnv(fake), { bundle }),
    );
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs["subscriptions-passed"], "3");
  });
});
