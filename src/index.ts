import { readRunnerContext } from "./inputs/runner-context.js";
import { run } from "./main.js";

// The one place that reads the runner's environment.
await run(readRunnerContext(process.env));
