/**
 * `npm run fake`, as .github/workflows/self-test.yml uses it: started in the
 * background, it writes $GITHUB_ENV and $GITHUB_OUTPUT, prints the same
 * values, and serves the sample tenant until killed. The bundle then runs
 * with exactly those inputs and that environment.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import {
  parseOutputFile,
  repoRoot,
  runAction,
  type ActionRun,
} from "../../test-support/run-action.js";

/** Resolves with everything printed up to the `ready` line. */
function untilReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let printed = "";
    const timer = setTimeout(
      () =>
        reject(new Error(`no 'ready' line in ${timeoutMs} ms:\n${printed}`)),
      timeoutMs,
    );
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      printed += chunk;
      if (/^ready\b/m.test(printed)) {
        clearTimeout(timer);
        resolve(printed);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(
        new Error(`npm run fake exited (${code}) before ready:\n${printed}`),
      );
    });
  });
}

/** The `name=value` lines under the printed heading that starts with `heading`. */
function printedSection(
  printed: string,
  heading: string,
): Record<string, string> {
  const lines = printed.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  assert.ok(start >= 0, `'${heading}' is printed`);
  const values: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^([^=\s]+)=(.*)$/.exec(line);
    if (!match) break;
    values[match[1] as string] = match[2] as string;
  }
  return values;
}

describe("npm run fake", () => {
  let dir: string;
  let child: ChildProcess;
  let printed: string;
  let env: Record<string, string>;
  let inputs: Record<string, string>;
  let run: ActionRun;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "contact-check-fake-"));
    const githubEnv = join(dir, "env");
    const githubOutput = join(dir, "output");
    await writeFile(githubEnv, "");
    await writeFile(githubOutput, "");
    // Its own process group, so the fake under npm stops with it.
    child = spawn("npm", ["run", "--silent", "fake"], {
      cwd: repoRoot,
      detached: true,
      env: {
        ...process.env,
        GITHUB_ENV: githubEnv,
        GITHUB_OUTPUT: githubOutput,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    printed = await untilReady(child, 60_000);
    env = parseOutputFile(await readFile(githubEnv, "utf8"));
    inputs = parseOutputFile(await readFile(githubOutput, "utf8"));
    // What a runner adds to every job; $GITHUB_ENV cannot set these.
    run = await runAction(inputs, {
      ...env,
      GITHUB_REPOSITORY: "octo-org/landing-zones",
      GITHUB_SERVER_URL: "https://github.example",
      GITHUB_RUN_ID: "4242",
    });
  });

  after(async () => {
    if (child.pid && child.exitCode === null) {
      const exited = once(child, "exit");
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it("prints the environment and the inputs it writes for later steps", () => {
    assert.deepEqual(printedSection(printed, "Environment"), env);
    assert.deepEqual(printedSection(printed, "Inputs"), inputs);
    assert.deepEqual(Object.keys(env).sort(), [
      "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
      "ACTIONS_ID_TOKEN_REQUEST_URL",
      "NODE_EXTRA_CA_CERTS",
    ]);
    assert.deepEqual(Object.keys(inputs).sort(), [
      "audience",
      "authority-host",
      "client-id",
      "dns-servers",
      "resource-manager-endpoint",
      "tenant-id",
    ]);
  });

  it("those inputs and that environment run the bundle against the sample tenant", () => {
    const o = run.outputs;
    assert.equal(o.status, "fail", run.stdout);
    assert.equal(run.exitCode, 1);
    const counts = [
      "subscriptions-passed",
      "subscriptions-failed",
      "subscriptions-errored",
      "subscriptions-skipped",
    ].map((name) => Number(o[name]));
    assert.equal(
      counts.reduce((a, b) => a + b),
      Number(o["subscriptions-total"]),
    );
    assert.equal(o["subscriptions-total"], "15");
    assert.equal(
      (JSON.parse(o["failed-subscriptions"] ?? "[]") as string[]).length,
      Number(o["subscriptions-failed"]),
    );
    assert.equal(run.report?.status, "fail");
    assert.equal(run.report?.counts.total, 15);
  });

  it("prints an env … node dist/index.js command that runs as is, tracking issue included", async () => {
    const lines = printed.split("\n");
    const start = lines.findIndex((line) => line.startsWith("env "));
    assert.ok(start >= 0, printed);
    const end = lines.findIndex(
      (line, at) => at >= start && !line.endsWith("\\"),
    );
    const command = lines.slice(start, end + 1).join("\n");
    assert.match(command, / node dist\/index\.js$/);
    const outputFile = /GITHUB_OUTPUT=(\S+)/.exec(command)?.[1];
    assert.ok(outputFile, command);
    // Only what a terminal has: the command brings everything else.
    const result = await promisify(execFile)("sh", ["-c", command], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    }).then(
      () => ({ code: 0 }),
      (error: { code: number; stdout: string }) => error,
    );
    // The sample tenant fails on purpose.
    assert.equal(result.code, 1);
    const outputs = parseOutputFile(await readFile(outputFile, "utf8"));
    assert.equal(outputs.status, "fail");
    assert.match(outputs["issue-number"] ?? "", /^\d+$/);
    assert.match(outputs["issue-url"] ?? "", /\/issues\/\d+$/);
  });

  it("keeps serving after the run, until stopped", () => {
    assert.equal(child.exitCode, null);
  });
});
