/**
 * The run after its inputs parsed happens in a worker thread whose young
 * generation is bounded. With 64 requests in flight, V8 otherwise grows the
 * young generation of the main thread to 128 MB (it grows whenever the bytes
 * that survived its collections add up to its size), which put a run over
 * 10,000 subscriptions at 240 MB; an action cannot pass `node` flags such as
 * `--max-semi-space-size`, but a worker's `resourceLimits` set the same bound.
 */
import { Worker } from "node:worker_threads";
import type { RunnerContext } from "./inputs/runner-context.js";
import type { Settings } from "./settings.js";

/** What the worker starts from: nothing in it is read again. */
export interface WorkerStart {
  runner: RunnerContext;
  settings: Settings;
}

/**
 * MB for the worker's young generation (two semi-spaces of 8 MB and room
 * for large young objects), measured with `npm run bench`: smaller promotes
 * short-lived objects into the old generation and costs more, larger lets
 * the young generation grow back.
 */
const YOUNG_GENERATION_MB = 24;

export type WorkerEnd =
  { kind: "exited"; exitCode: number } | { kind: "crashed"; error: unknown };

/**
 * Runs `entry` (the bundle's own file) as a worker with `start`, and
 * resolves when it ends. Its standard output and error reach the step's
 * log through this thread, in order; its exit code is the step's.
 */
export function runInWorker(
  entry: URL,
  start: WorkerStart,
): Promise<WorkerEnd> {
  return new Promise((resolve) => {
    let crash: unknown;
    const worker = new Worker(entry, {
      workerData: start,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.once("error", (error) => (crash = error));
    worker.once("exit", (exitCode) =>
      resolve(
        crash === undefined
          ? { kind: "exited", exitCode }
          : { kind: "crashed", error: crash },
      ),
    );
  });
}
