import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, describe, it } from "node:test";
import type { RunnerContext } from "../../src/inputs/runner-context.js";
import type { Settings } from "../../src/settings.js";
import { runInWorker } from "../../src/thread.js";

const dirs: string[] = [];
after(() =>
  Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))),
);

/** A worker entry with `body` as its code, in a fresh directory. */
async function entry(body: string): Promise<URL> {
  const dir = await mkdtemp(join(tmpdir(), "thread-test-"));
  dirs.push(dir);
  const file = join(dir, "entry.mjs");
  await writeFile(file, body);
  return pathToFileURL(file);
}

const start = {
  runner: { workspace: "/w" } as RunnerContext,
  settings: {
    excludeSubscriptions: new Set(["a"]),
    checks: ["additional-emails"],
  } as unknown as Settings,
};

describe("runInWorker", () => {
  it("hands the worker its start and ends with the worker's exit code", async () => {
    const end = await runInWorker(
      await entry(`
        import { workerData } from "node:worker_threads";
        const ok = workerData.runner.workspace === "/w" &&
          workerData.settings.excludeSubscriptions.has("a");
        process.exitCode = ok ? 3 : 9;
      `),
      start,
    );
    assert.deepEqual(end, { kind: "exited", exitCode: 3 });
  });

  it("bounds the worker's young generation (unbounded, this load grows it to 128 MB)", async () => {
    const end = await runInWorker(
      await entry(`
        import { getHeapSpaceStatistics } from "node:v8";
        const newSpace = () => getHeapSpaceStatistics()
          .find((space) => space.space_name === "new_space").space_size;
        // Many objects that live a while: V8 grows the young generation for them.
        let most = 0;
        let keep = [];
        for (let i = 0; i < 2e6; i++) {
          keep.push({ i, s: "x" + i });
          if (keep.length > 2e5) keep = [];
          if (i % 1e4 === 0) most = Math.max(most, newSpace());
        }
        // Bounded it stays near 16-24 MB; unbounded it reaches 128 MB.
        process.exitCode = most <= 48 * 1024 * 1024 ? 0 : 1;
      `),
      start,
    );
    assert.deepEqual(end, { kind: "exited", exitCode: 0 });
  });

  it("reports a worker that crashed, with its error", async () => {
    const end = await runInWorker(
      await entry(`throw new Error("boom");`),
      start,
    );
    assert.equal(end.kind, "crashed");
    assert.match(
      String(end.kind === "crashed" ? end.error : ""),
      /Error: boom/,
    );
  });
});
