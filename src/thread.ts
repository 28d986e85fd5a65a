/**
 * The main thread parses the inputs (a bad one fails at once, before any
 * thread starts or request leaves) and runs the rest in a worker thread
 * whose young generation is bounded. With 64 requests in flight, V8
 * otherwise grows the young generation to 128 MB (it grows whenever the bytes
 * that survived its collections add up to its size), which put a run over
 * 10,000 subscriptions at 240 MB; an action cannot pass `node` flags such as
 * `--max-semi-space-size`, but a worker's `resourceLimits` set the same bound.
 */
import { Worker } from "node:worker_threads";
import type { RunnerContext } from "./inputs/runner-context.js";
import type { WorkerStart } from "./main.js";
import { type InputReader, readSettings, type Settings } from "./settings.js";

/**
 * MB for the worker's young generation (two semi-spaces of 8 MB and room
 * for large young objects), measured with `npm run bench`: smaller promotes
 * short-lived objects into the old generation and costs more, larger lets
 * the young generation grow back.
 */
const YOUNG_GENERATION_MB = 24;

type WorkerEnd =
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

/**
 * On the main thread, which loads only the inputs' code: the run goes to a
 * worker started from `entry` (the bundle itself), whose exit code becomes
 * the step's; main.ts is loaded here only to report a failure.
 */
export async function start(
  runner: RunnerContext,
  input: InputReader,
  entry: URL,
): Promise<void> {
  let settings: Settings;
  try {
    settings = readSettings(input, runner);
  } catch (error) {
    await (await import("./main.js")).fail(error, runner);
    return;
  }
  const end = await runInWorker(entry, { runner, settings });
  if (end.kind === "exited") process.exitCode = end.exitCode;
  else await (await import("./main.js")).fail(end.error, runner, settings);
}
