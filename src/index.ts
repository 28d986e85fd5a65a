import { isMainThread, workerData } from "node:worker_threads";
import { readRunnerContext } from "./inputs/runner-context.js";
import { run, start } from "./main.js";
import type { WorkerStart } from "./thread.js";

// The one place that reads the runner's environment; the worker gets it from here.
if (isMainThread)
  await start(readRunnerContext(process.env), new URL(import.meta.url));
else await run(workerData as WorkerStart);
