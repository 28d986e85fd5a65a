/**
 * `npm run bench`: the real bundle against the fake with a per-request
 * latency, for N subscriptions at concurrency 16, plus a sequential baseline
 * (concurrency 1, N = 100). Prints a table, then one `bench:` line per case:
 *
 *   bench: n=1000 concurrency=16 latency_ms=50 wall_s=3.41 ideal_s=3.20 ratio=1.07 req_per_sub=1.00 retries=0 rss_mb=95
 *
 * ideal = ceil(N / concurrency) × latency + listing pages × latency: what
 * the evaluation costs if every round of requests took exactly the latency
 * and the pages were read one after another. Wall time is the whole
 * `node dist/index.js` process (start, sign-in, evaluation, reports).
 * A benchmark, not a test: it asserts nothing about time, and exits non-zero
 * only when a run did not pass every subscription.
 *
 * The bundle with scan: files over a generated workspace of --files N
 * files, 2% of them setting the address, prints
 *
 *   bench: files=5000 scan_s=1.23 findings=100
 *
 * then the same over a repository-sized tree of real landing-zone code (the
 * labelled corpus copied to ALZ-Bicep's size, or the checkout BENCH_REPO):
 *
 *   bench: repo=real-corpus-x20 files=660 scan_s=0.81 findings=500
 *
 * Last, `bench: cold_start_s=… bundle_kb=…`: the median of 5 starts of
 * `node dist/index.js` with an invalid input, and the size of dist/.
 *
 * Options: --n 100,1000,10000  --latency-ms 50  --concurrency 16  --files 5000
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { cpus } from "node:os";
import { benchFileScan, benchRepoScan } from "./bench-files.js";
import { parseArgs } from "node:util";
import { generatedTenant, startFake } from "../test-support/fake/index.js";
import {
  fakeInputs,
  repoRoot,
  runAction,
  runnerEnv,
} from "../test-support/run-action.js";

/** Everything under dist/, the code a runner downloads and loads. */
async function bundleKb(): Promise<number> {
  const dist = join(repoRoot, "dist");
  let bytes = 0;
  for (const file of await readdir(dist)) {
    bytes += (await stat(join(dist, file))).size;
  }
  return Math.round(bytes / 1024);
}

/** The fake's default subscriptions page size (test-support/fake/arm.ts). */
const PAGE_SIZE = 100;

function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text.trim());
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(
      `--${name}: expected a whole number >= ${min}, got '${text}'`,
    );
  }
  return value;
}

function readOptions(): {
  sizes: number[];
  latencyMs: number;
  concurrency: number;
  files: number;
} {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "100,1000,10000" },
      "latency-ms": { type: "string", default: "50" },
      concurrency: { type: "string", default: "16" },
      files: { type: "string", default: "5000" },
    },
  });
  return {
    sizes: values.n
      .split(",")
      .filter((part) => part.trim() !== "")
      .map((part) => wholeNumber("n", part, 1)),
    latencyMs: wholeNumber("latency-ms", values["latency-ms"], 1),
    concurrency: wholeNumber("concurrency", values.concurrency, 1),
    files: wholeNumber("files", values.files, 1),
  };
}

let options: ReturnType<typeof readOptions>;
try {
  options = readOptions();
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : String(error)}\nusage: npm run bench -- [--n 100,1000,10000] [--latency-ms 50] [--concurrency 16] [--files 5000]`,
  );
  process.exit(2);
}
const { sizes, latencyMs, concurrency, files } = options;

interface Case {
  n: number;
  concurrency: number;
  label: string;
}

interface Result extends Case {
  ok: boolean;
  wallMs: number;
  /** The action's own "N subscriptions in T s" (evaluation only). */
  evaluationMs: number | undefined;
  idealMs: number;
  pages: number;
  reqPerSub: number;
  retries: number;
  maxInFlight: number;
  rssMb: number;
  summaryBytes: number;
  problem?: string;
}

async function measure(c: Case): Promise<Result> {
  const fake = await startFake({
    tenant: generatedTenant(c.n, { latencyMs, pageSize: PAGE_SIZE }),
  });
  try {
    const run = await runAction(
      { ...fakeInputs(fake), concurrency: String(c.concurrency) },
      runnerEnv(fake),
      { measureRss: true },
    );
    const counters = fake.counters();
    const pages = Math.max(1, Math.ceil(c.n / PAGE_SIZE));
    const logged = /^\d+ subscriptions in ([\d.]+) s, (\d+) retries\.$/m.exec(
      run.stdout,
    );
    const passed = Number(run.outputs["subscriptions-passed"]);
    const ok = run.exitCode === 0 && passed === c.n;
    return {
      ...c,
      ok,
      problem: ok
        ? undefined
        : `exit ${run.exitCode}, status ${run.outputs.status ?? "(none)"}, ${passed} of ${c.n} passed\n${run.stderr}`,
      wallMs: run.wallMs,
      evaluationMs: logged ? Number(logged[1]) * 1000 : undefined,
      idealMs: Math.ceil(c.n / c.concurrency) * latencyMs + pages * latencyMs,
      pages,
      reqPerSub: counters.contactRequests / c.n,
      // The action's count covers the listing too; the fake's, the contacts.
      retries: logged ? Number(logged[2]) : counters.retriesObserved,
      maxInFlight: counters.maxInFlight,
      rssMb: run.peakRssMb ?? Number.NaN,
      summaryBytes: Buffer.byteLength(run.summary),
    };
  } finally {
    await fake.close();
  }
}

/** `node dist/index.js` with an invalid input: validation fails before any network call. */
async function coldStartMs(): Promise<{
  bestMs: number;
  medianMs: number;
  runs: number[];
}> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const run = await runAction(
      {
        "client-id": "not-a-guid",
        "tenant-id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
      },
      {},
    );
    if (run.exitCode !== 1 || !/client-id/.test(run.stdout)) {
      throw new Error(
        `cold start: expected the client-id input to be refused, got exit ${run.exitCode}\n${run.stdout}${run.stderr}`,
      );
    }
    runs.push(run.wallMs);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return {
    bestMs: sorted[0] ?? Number.NaN,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    runs,
  };
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);

function table(results: Result[]): string {
  const header = [
    "case",
    "N",
    "conc",
    "wall s",
    "eval s",
    "ideal s",
    "ratio",
    "pages",
    "req/sub",
    "retries",
    "in flight",
    "peak RSS MB",
    "summary bytes",
    "result",
  ];
  const rows = results.map((r) => [
    r.label,
    String(r.n),
    String(r.concurrency),
    seconds(r.wallMs),
    r.evaluationMs === undefined ? "-" : seconds(r.evaluationMs),
    seconds(r.idealMs),
    (r.wallMs / r.idealMs).toFixed(2),
    String(r.pages),
    r.reqPerSub.toFixed(2),
    String(r.retries),
    String(r.maxInFlight),
    String(Math.round(r.rssMb)),
    String(r.summaryBytes),
    r.ok ? "all passed" : "FAILED",
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join("  ");
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ].join("\n");
}

function benchLine(r: Result): string {
  return (
    `bench: n=${r.n} concurrency=${r.concurrency} latency_ms=${latencyMs}` +
    ` wall_s=${seconds(r.wallMs)} ideal_s=${seconds(r.idealMs)}` +
    ` ratio=${(r.wallMs / r.idealMs).toFixed(2)}` +
    ` req_per_sub=${r.reqPerSub.toFixed(2)} retries=${r.retries}` +
    ` rss_mb=${Math.round(r.rssMb)}`
  );
}

const cases: Case[] = [
  { n: 100, concurrency: 1, label: "sequential baseline" },
  ...sizes.map((n) => ({ n, concurrency, label: "concurrent" })),
];

console.log(
  `Benchmark: node dist/index.js against the local fake, ${latencyMs} ms per ARM request, ` +
    `pages of ${PAGE_SIZE}; Node ${process.versions.node}, ${cpus().length} CPUs (the fake shares them).`,
);
const results: Result[] = [];
for (const c of cases) {
  process.stdout.write(
    `  running N=${c.n} at concurrency ${c.concurrency} ...`,
  );
  const result = await measure(c);
  results.push(result);
  console.log(` ${seconds(result.wallMs)} s`);
}
const cold = await coldStartMs();
process.stdout.write(`  scanning a generated workspace of ${files} files ...`);
const fileScan = await benchFileScan(files);
console.log(` ${seconds(fileScan.scanMs)} s`);
process.stdout.write(
  "  scanning a repository-sized tree of real landing-zone code ...",
);
const repoScan = await benchRepoScan();
console.log(` ${seconds(repoScan.scanMs)} s`);

console.log(`\n${table(results)}\n`);
console.log(
  `cold start (node dist/index.js, invalid client-id): median of 5 ${cold.medianMs} ms, best ${cold.bestMs} ms (runs: ${cold.runs.join(", ")} ms)`,
);

const byN = (n: number): Result | undefined =>
  results.find((r) => r.n === n && r.concurrency === concurrency);
const n1000 = byN(1000);
const n10000 = byN(10000);
const targets: [string, boolean | undefined][] = [
  [
    `N=1000 at concurrency ${concurrency} within 1.25x ideal`,
    n1000 && n1000.wallMs / n1000.idealMs <= 1.25,
  ],
  [
    "N=10000 finishes, peak RSS < 256 MB, summary < 1 MiB",
    n10000 &&
      n10000.ok &&
      n10000.rssMb < 256 &&
      n10000.summaryBytes < 1024 * 1024,
  ],
  [
    "one contacts request per subscription when nothing fails",
    results.every((r) => !r.ok || r.retries > 0 || r.reqPerSub === 1),
  ],
  ["cold start with invalid inputs < 0.5 s", cold.bestMs < 500],
  [
    "file scan of 5000 files < 5 s",
    fileScan.files === 5000 ? fileScan.scanMs < 5000 : undefined,
  ],
];
console.log("\ntargets:");
for (const [name, met] of targets) {
  console.log(
    `  ${met === undefined ? "n/a " : met ? "met " : "MISS"}  ${name}`,
  );
}

console.log("");
for (const r of results) console.log(benchLine(r));
console.log(
  `bench: files=${fileScan.files} scan_s=${seconds(fileScan.scanMs)} findings=${fileScan.findings}`,
);
console.log(
  `bench: repo=${repoScan.repo} files=${repoScan.files} scan_s=${seconds(repoScan.scanMs)} findings=${repoScan.findings}`,
);
console.log(
  `bench: cold_start_s=${seconds(cold.medianMs)} bundle_kb=${await bundleKb()}`,
);

const failed = results.filter((r) => !r.ok);
for (const r of failed) {
  console.error(
    `\nN=${r.n} at concurrency ${r.concurrency} did not pass: ${r.problem}`,
  );
}
if (failed.length > 0) process.exitCode = 1;
