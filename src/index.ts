import { isMainThread, workerData } from "node:worker_threads";
import { actionInput, readRunnerContext } from "./inputs/runner-context.js";
import { start } from "./thread.js";
import type { WorkerStart } from "./main.js";

// The one place that reads the runner's environment; the worker gets what
// it needs from here.
if (isMainThread) {
  await start(
    readRunnerContext(process.env),
    (name) => actionInput(process.env, name),
    new URL(import.meta.url),
  );
} else {
  await (await import("./main.js")).run(workerData as WorkerStart);
}
