/**
 * The start-up case of `npm run bench`: `node dist/index.js` with an invalid
 * input, which fails validation before any network call, so the time is
 * the bundle's start alone; and the sizes of dist/ and of index.js.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot, runAction } from "../test-support/run-action.js";

/** Median and best of 5 starts, with every run's time. */
export async function coldStartMs(): Promise<{
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

/** Everything under dist/ (the code a runner downloads), and index.js alone (what every run loads), in KiB. */
export async function bundleSizesKb(): Promise<{
  bundleKb: number;
  mainKb: number;
}> {
  const dist = join(repoRoot, "dist");
  let bytes = 0;
  for (const file of await readdir(dist)) {
    bytes += (await stat(join(dist, file))).size;
  }
  const main = (await stat(join(dist, "index.js"))).size;
  return {
    bundleKb: Math.round(bytes / 1024),
    mainKb: Math.round(main / 1024),
  };
}
