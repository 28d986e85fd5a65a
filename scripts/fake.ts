/**
 * `npm run fake`: serves the sample tenant on the local fake of GitHub OIDC,
 * Entra ID and Azure Resource Manager until stopped, and says how to point
 * the action at it. .github/workflows/self-test.yml starts it in the
 * background and runs `uses: ./` with what it wrote.
 *
 * Prints the environment and the inputs, one `name=value` a line, then a
 * ready-to-run `env … node dist/index.js` command that runs the bundle as a
 * runner would (tracking issue included, on the fake's GitHub), then
 * `ready`. When set, also appends the environment to $GITHUB_ENV and the
 * inputs to $GITHUB_OUTPUT (the runner's file formats), so later steps of
 * the same job use them. The sample tenant's transient faults are consumed by
 * the first run: start a fresh fake for each run.
 */
import { randomUUID } from "node:crypto";
import { appendFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleTenant, startFake } from "../test-support/fake/index.js";
import { wrapCommand } from "../src/report/shell.js";
import { plural } from "../src/text.js";
import { fakeInputs, runnerEnv } from "../test-support/run-action.js";

/** `name<<delimiter` blocks, as the runner reads $GITHUB_ENV and $GITHUB_OUTPUT. */
function runnerFileText(values: Record<string, string>): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  return Object.entries(values)
    .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
    .join("");
}

const fake = await startFake({ tenant: sampleTenant() });

// Only what a job can set for a later step: the runner ignores GITHUB_* in
// $GITHUB_ENV, and it reads NODE_EXTRA_CA_CERTS only when a process starts.
const env = {
  NODE_EXTRA_CA_CERTS: fake.caCertPath,
  ACTIONS_ID_TOKEN_REQUEST_URL: fake.oidcRequestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: fake.oidcRequestToken,
};
const inputs = fakeInputs(fake);

/** One shell word, whatever the text. */
function quoted(text: string): string {
  return /^[\w./:@%+,=-]+$/.test(text)
    ? text
    : `'${text.replaceAll("'", "'\\''")}'`;
}

// What the runner gives the action's process: its variables, files for the
// outputs and the summary, and the inputs as INPUT_<NAME> (hyphens kept, so
// only `env` can set them).
const runDir = await mkdtemp(join(tmpdir(), "contact-check-fake-run-"));
const summaryFile = join(runDir, "summary.md");
const runnerVariables = {
  ...runnerEnv(fake),
  GITHUB_OUTPUT: join(runDir, "output"),
  GITHUB_STEP_SUMMARY: summaryFile,
  RUNNER_TEMP: join(runDir, "runner-temp"),
};
await mkdir(runnerVariables.RUNNER_TEMP);
await writeFile(runnerVariables.GITHUB_OUTPUT, "");
await writeFile(summaryFile, "");
const runInputs = {
  ...inputs,
  "create-issue": "true",
  "github-token": "fake-github-token",
};
const command = wrapCommand([
  "env",
  ...Object.entries(runnerVariables).map(([name, value]) =>
    quoted(`${name}=${value}`),
  ),
  ...Object.entries(runInputs).map(([name, value]) =>
    quoted(`INPUT_${name.toUpperCase()}=${value}`),
  ),
  "node",
  "dist/index.js",
]);

if (process.env.GITHUB_ENV)
  await appendFile(process.env.GITHUB_ENV, runnerFileText(env));
if (process.env.GITHUB_OUTPUT)
  await appendFile(process.env.GITHUB_OUTPUT, runnerFileText(inputs));

console.log(
  `Fake of GitHub OIDC, Entra ID and Azure Resource Manager at ${fake.url}, serving the sample tenant (${plural(fake.tenant.subscriptions.length, "subscription")}).`,
);
console.log("\nEnvironment of the action's process:");
for (const [name, value] of Object.entries(env))
  console.log(`${name}=${value}`);
console.log("\nInputs:");
for (const [name, value] of Object.entries(inputs))
  console.log(`${name}=${value}`);
console.log(
  `\nRun the action against it, from the repository's root (job summary: ${summaryFile}):\n`,
);
for (const line of command) console.log(line);
console.log("\nready (serving until stopped)");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void fake
      .close()
      .then(() => rm(runDir, { recursive: true, force: true }))
      .then(() => process.exit(0));
  });
}
