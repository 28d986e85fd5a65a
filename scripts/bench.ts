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
 * Then the largest N with the default `concurrency: auto`, first against
 * the unthrottled fake, compared with the ideal at concurrency 64 (the most
 * auto allows), then with the fake's Microsoft.Security rate limit on
 * (--rate-limit requests a second), compared with what that limit allows
 * (N / rate); throttled_pct is the fake's 429 answers per 100 ARM requests:
 *
 *   bench: n=10000 concurrency=auto latency_ms=50 wall_s=… ideal64_s=… ratio64=… throttled_pct=… rss_mb=…
 *   bench: n=10000 concurrency=auto latency_ms=50 rate_limit=500 wall_s=… ideal_s=… ratio=… throttled_pct=… rss_mb=…
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
 * Last, `bench: cold_start_s=… bundle_kb=… main_kb=…`: the median of 5
 * starts of `node dist/index.js` with an invalid input, the size of dist/
 * and of index.js alone.
 *
 * Options: --n 100,1000,10000  --latency-ms 50  --concurrency 16  --rate-limit 500  --files 5000
 */
import { cpus } from "node:os";
import { benchFileScan, benchRepoScan } from "./bench-files.js";
import { bundleSizesKb, coldStartMs } from "./bench-start.js";
import { parseArgs } from "node:util";
import { generatedTenant, startFake } from "../test-support/fake/index.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
} from "../test-support/run-action.js";

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
  rateLimit: number;
  files: number;
} {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "100,1000,10000" },
      "latency-ms": { type: "string", default: "50" },
      concurrency: { type: "string", default: "16" },
      "rate-limit": { type: "string", default: "500" },
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
    rateLimit: wholeNumber("rate-limit", values["rate-limit"], 1),
    files: wholeNumber("files", values.files, 1),
  };
}

let options: ReturnType<typeof readOptions>;
try {
  options = readOptions();
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : String(error)}\nusage: npm run bench -- [--n 100,1000,10000] [--latency-ms 50] [--concurrency 16] [--rate-limit 500] [--files 5000]`,
  );
  process.exit(2);
}
const { sizes, latencyMs, concurrency, rateLimit, files } = options;

interface Case {
  n: number;
  concurrency: number | "auto";
  label: string;
  /** The fake's Microsoft.Security requests a second; none: unlimited. */
  rateLimit?: number;
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
  /** The fake's 429 answers per 100 ARM requests. */
  throttledPct: number;
  maxInFlight: number;
  rssMb: number;
  summaryBytes: number;
  problem?: string;
}

/**
 * ceil(N / concurrency) rounds of requests and the listing's pages, one
 * latency each; with a rate limit, N / rate. Auto is held to concurrency
 * 64, the most it allows.
 */
function idealMs(c: Case, pages: number): number {
  if (c.rateLimit !== undefined) return (c.n / c.rateLimit) * 1000;
  const at = c.concurrency === "auto" ? 64 : c.concurrency;
  return Math.ceil(c.n / at) * latencyMs + pages * latencyMs;
}

async function measure(c: Case): Promise<Result> {
  const tenant = generatedTenant(c.n, { latencyMs, pageSize: PAGE_SIZE });
  if (c.rateLimit !== undefined) {
    tenant.securityRateLimit = { perSecond: c.rateLimit };
  }
  const fake = await startFake({ tenant });
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
      idealMs: idealMs(c, pages),
      pages,
      reqPerSub: counters.contactRequests / c.n,
      // The action's count covers the listing too; the fake's, the contacts.
      retries: logged ? Number(logged[2]) : counters.retriesObserved,
      throttledPct: (100 * counters.throttled) / counters.armRequests,
      maxInFlight: counters.maxInFlight,
      rssMb: run.peakRssMb ?? Number.NaN,
      summaryBytes: Buffer.byteLength(run.summary),
    };
  } finally {
    await fake.close();
  }
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
    "429 %",
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
    r.throttledPct.toFixed(2),
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
  const ratio = (r.wallMs / r.idealMs).toFixed(2);
  const tail = ` throttled_pct=${r.throttledPct.toFixed(2)} rss_mb=${Math.round(r.rssMb)}`;
  if (r.rateLimit !== undefined) {
    return (
      `bench: n=${r.n} concurrency=auto latency_ms=${latencyMs} rate_limit=${r.rateLimit}` +
      ` wall_s=${seconds(r.wallMs)} ideal_s=${seconds(r.idealMs)} ratio=${ratio}${tail}`
    );
  }
  if (r.concurrency === "auto") {
    return (
      `bench: n=${r.n} concurrency=auto latency_ms=${latencyMs}` +
      ` wall_s=${seconds(r.wallMs)} ideal64_s=${seconds(r.idealMs)} ratio64=${ratio}${tail}`
    );
  }
  return (
    `bench: n=${r.n} concurrency=${r.concurrency} latency_ms=${latencyMs}` +
    ` wall_s=${seconds(r.wallMs)} ideal_s=${seconds(r.idealMs)}` +
    ` ratio=${(r.wallMs / r.idealMs).toFixed(2)}` +
    ` req_per_sub=${r.reqPerSub.toFixed(2)} retries=${r.retries}` +
    ` rss_mb=${Math.round(r.rssMb)}`
  );
}

const largest = Math.max(...sizes);
const cases: Case[] = [
  { n: 100, concurrency: 1, label: "sequential baseline" },
  ...sizes.map((n) => ({ n, concurrency, label: "concurrent" })),
  { n: largest, concurrency: "auto", label: "auto" },
  { n: largest, concurrency: "auto", label: "auto, rate-limited", rateLimit },
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
const auto = results.find((r) => r.label === "auto");
const limited = results.find((r) => r.rateLimit !== undefined);
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
  [
    `auto, N=${largest}: within 1.3x the ideal at 64, no 429, peak RSS < 150 MB`,
    auto &&
      auto.ok &&
      auto.wallMs / auto.idealMs <= 1.3 &&
      auto.throttledPct === 0 &&
      auto.rssMb < 150,
  ],
  [
    `auto, N=${largest}, ${rateLimit} requests a second: within 1.3x of the limit, < 2% throttled, none in error`,
    limited &&
      limited.ok &&
      limited.wallMs / limited.idealMs <= 1.3 &&
      limited.throttledPct < 2,
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
const sizesKb = await bundleSizesKb();
console.log(
  `bench: repo=${repoScan.repo} files=${repoScan.files} scan_s=${seconds(repoScan.scanMs)} findings=${repoScan.findings}`,
);
console.log(
  `bench: cold_start_s=${seconds(cold.medianMs)} bundle_kb=${sizesKb.bundleKb} main_kb=${sizesKb.mainKb}`,
);

const failed = results.filter((r) => !r.ok);
for (const r of failed) {
  console.error(
    `\nN=${r.n} at concurrency ${r.concurrency} did not pass: ${r.problem}`,
  );
}
if (failed.length > 0) process.exitCode = 1;
