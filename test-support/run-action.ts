/**
 * Runs the real bundle, `node dist/index.js`, as a subprocess with the
 * environment a GitHub runner gives it, and reads back what a runner would:
 * exit code, outputs, job summary, annotations and the JSON report.
 * Shared by the end-to-end tests, the demo and the benchmark.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Report, ReportRow } from "../src/report/report-file.js";
import { guid, startFake, type Fake, type FakeTenant } from "./fake/index.js";

export const repoRoot = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const bundlePath = join(repoRoot, "dist", "index.js");

export interface Annotation {
  level: "error" | "warning" | "notice";
  title: string;
  message: string;
  /** `file=` and `line=`: where the annotation shows on a diff. */
  file?: string;
  line?: number;
}

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** Parsed JSON report, when the action wrote one. */
  report: Report | undefined;
  /** Parsed SARIF file (output `sarif-file`), when the action wrote one. */
  sarif: unknown;
  /** The fix script (output `fix-script`), when the action wrote one. */
  fixScript: string | undefined;
  /** The bundle process's peak resident memory, in MB (only with measureRss). */
  peakRssMb: number | undefined;
  wallMs: number;
}

export interface RunOptions {
  /** Extra or overriding environment variables; undefined removes one. */
  env?: Record<string, string | undefined>;
  /** Record the child's peak RSS through a preloaded module. */
  measureRss?: boolean;
  /** Kill the bundle after this long (the test then fails on the exit code). */
  timeoutMs?: number;
  /** Kill the bundle once this holds (checked every 100 ms): a job cancelled mid-step. */
  killWhen?: () => boolean;
  /** Another copy of dist/index.js to run (e.g. one outside the repository). */
  bundle?: string;
  /** The workflow's event payload: written to a file GITHUB_EVENT_PATH names. */
  event?: unknown;
}

/** The inputs that point the action at the fake; tests add or override their own. */
export function fakeInputs(fake: Fake): Record<string, string> {
  return {
    "client-id": fake.tenant.clientId,
    "tenant-id": fake.tenant.tenantId,
    "resource-manager-endpoint": fake.armUrl,
    "authority-host": fake.authorityUrl,
    audience: fake.tenant.audience,
    // Mail-domain lookups never leave the machine.
    "dns-servers": fake.dns.server,
  };
}

/** The variables a runner sets for a job with `id-token: write`, pointed at the fake. */
export function runnerEnv(fake: Fake): Record<string, string> {
  return {
    ACTIONS_ID_TOKEN_REQUEST_URL: fake.oidcRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: fake.oidcRequestToken,
    GITHUB_API_URL: fake.githubApiUrl,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_REPOSITORY: fake.github.repo,
    GITHUB_RUN_ID: "4242",
    NODE_EXTRA_CA_CERTS: fake.caCertPath,
  };
}

/** `name<<delimiter\nvalue\ndelimiter` blocks, as @actions/core writes them. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++)
      value.push(lines[i] ?? "");
    outputs[name as string] = value.join("\n");
  }
  return outputs;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ":").replace(/%2C/g, ",");
}

/** `::error title=T::message` workflow commands, as the runner turns them into annotations. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, level, props = "", message = ""] = match;
    const property = (name: string): string | undefined =>
      new RegExp(`(?:^|,)${name}=([^,]*)`).exec(props)?.[1];
    const file = property("file");
    const lineNumber = property("line");
    annotations.push({
      level: level as Annotation["level"],
      title: unescapeProperty(property("title") ?? ""),
      message: unescapeData(message),
      ...(file === undefined ? {} : { file: unescapeProperty(file) }),
      ...(lineNumber === undefined ? {} : { line: Number(lineNumber) }),
    });
  }
  return annotations;
}

const RSS_PROBE = `process.on("exit", () => { require("node:fs").writeFileSync(process.env.RSS_PROBE_FILE, String(process.resourceUsage().maxRSS)); });`;

export async function runAction(
  inputs: Record<string, string>,
  baseEnv: Record<string, string>,
  options: RunOptions = {},
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), "contact-check-run-"));
  const outputFile = join(dir, "output");
  const summaryFile = join(dir, "summary.md");
  const runnerTemp = join(dir, "runner-temp");
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");

  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ACTIONS: "true",
    ...baseEnv,
  };
  for (const [name, value] of Object.entries(inputs)) {
    // The runner upper-cases input names and keeps hyphens.
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  if (options.event !== undefined) {
    env.GITHUB_EVENT_PATH = join(dir, "event.json");
    await writeFile(env.GITHUB_EVENT_PATH, JSON.stringify(options.event));
  }
  Object.assign(env, options.env);
  const nodeArgs: string[] = [];
  if (options.measureRss) {
    const probe = join(dir, "rss-probe.cjs");
    await writeFile(probe, RSS_PROBE);
    env.RSS_PROBE_FILE = join(dir, "rss");
    nodeArgs.push("--require", probe);
  }
  const cleanEnv = Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );

  const started = Date.now();
  const child = spawn(
    process.execPath,
    [...nodeArgs, options.bundle ?? bundlePath],
    {
      env: cleanEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout
    .setEncoding("utf8")
    .on("data", (chunk: string) => (stdout += chunk));
  child.stderr
    .setEncoding("utf8")
    .on("data", (chunk: string) => (stderr += chunk));
  const timer = options.timeoutMs
    ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs)
    : undefined;
  const { killWhen } = options;
  const poll = killWhen
    ? setInterval(() => {
        if (killWhen()) child.kill("SIGKILL");
      }, 100)
    : undefined;
  const exitCode = await new Promise<number | null>((done) =>
    child.on("close", done),
  );
  clearTimeout(timer);
  clearInterval(poll);
  const wallMs = Date.now() - started;

  const outputs = parseOutputFile(await readFile(outputFile, "utf8"));
  let report: Report | undefined;
  if (outputs["report-file"]) {
    report = JSON.parse(
      await readFile(outputs["report-file"], "utf8"),
    ) as Report;
  }
  const sarif: unknown = outputs["sarif-file"]
    ? JSON.parse(await readFile(outputs["sarif-file"], "utf8"))
    : undefined;
  const fixScript = outputs["fix-script"]
    ? await readFile(outputs["fix-script"], "utf8")
    : undefined;
  const peakRssMb = options.measureRss
    ? Number(await readFile(join(dir, "rss"), "utf8")) / 1024
    : undefined;
  const result: ActionRun = {
    exitCode,
    stdout,
    stderr,
    outputs,
    summary: await readFile(summaryFile, "utf8"),
    annotations: parseAnnotations(stdout),
    report,
    sarif,
    fixScript,
    peakRssMb,
    wallMs,
  };
  await rm(dir, { recursive: true, force: true });
  return result;
}

/** Starts a fake on `tenant`, runs `body` against it and always closes it. */
export async function withFake<T>(
  tenant: FakeTenant,
  body: (fake: Fake) => Promise<T>,
): Promise<T> {
  const fake = await startFake({ tenant });
  try {
    return await body(fake);
  } finally {
    await fake.close();
  }
}

/** The report's rows by subscription ID; the test fails when an ID repeats. */
export function reportRows(run: ActionRun): Map<string, ReportRow> {
  const subscriptions = run.report?.subscriptions ?? [];
  const byId = new Map(subscriptions.map((row) => [row.subscriptionId, row]));
  assert.equal(
    byId.size,
    subscriptions.length,
    "one report row per subscription",
  );
  return byId;
}

/** The row of the fake's subscription guid(n); the test fails when it is absent. */
export function reportRow(run: ActionRun, n: number): ReportRow {
  const found = reportRows(run).get(guid(n));
  assert.ok(found, `subscription ${guid(n)} is in the report`);
  return found;
}

/** The count outputs as "total passed failed errored skipped". */
export function countOutputs(run: ActionRun): string {
  const o = run.outputs;
  return `${o["subscriptions-total"]} ${o["subscriptions-passed"]} ${o["subscriptions-failed"]} ${o["subscriptions-errored"]} ${o["subscriptions-skipped"]}`;
}

/** No issued token may appear anywhere but in the runner's own `::add-mask::` command. */
export function assertNoTokenLeak(fake: Fake, run: ActionRun): void {
  const visible = [
    run.stdout
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n"),
    run.stderr,
    run.summary,
    JSON.stringify(run.report ?? {}),
    JSON.stringify(run.outputs),
  ].join("\n");
  assert.ok(fake.issuedTokens.length > 0, "the fake issued tokens");
  for (const token of fake.issuedTokens) {
    assert.ok(
      !visible.includes(token),
      "an issued token leaked into the output",
    );
  }
  assert.ok(
    !visible.includes(fake.oidcRequestToken),
    "the OIDC request token leaked",
  );
}
