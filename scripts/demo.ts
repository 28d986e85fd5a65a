/**
 * `npm run demo`: the action's main job on a sample tenant, with no Azure
 * account. Starts the local fake of Entra ID, Azure Resource Manager and
 * GitHub, runs the real bundle exactly as a runner would, and prints what a
 * user would see: once with today's default inputs, once with every control
 * and an address policy, once planning the fix of what fails
 * (`remediate: plan`, which writes nothing), and once asking DNS whether
 * the addresses' domains receive mail (the fake's resolver: fabrikam.com
 * publishes a null MX). Each run's job summary and JSON report stay in a
 * directory it names, for a look after the run.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  sampleTenant,
  startFake,
  type Fake,
} from "../test-support/fake/index.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
} from "../test-support/run-action.js";
import { plural } from "../src/text.js";
import { renderForTerminal } from "./terminal-markdown.js";

const bold = (text: string): string => `\x1b[1m${text}\x1b[0m`;
const rule = (title: string): string =>
  `\n${bold(`── ${title} `.padEnd(100, "─"))}\n`;

/** The inputs of the second run: every control and an address policy. */
const POLICY_INPUTS = {
  checks: "all",
  "required-emails": "secops@contoso.com",
  "allowed-email-domains": "contoso.com",
};

/** The third run: the second, planning the fix. */
const PLAN_INPUTS = {
  ...POLICY_INPUTS,
  remediate: "plan",
  "remediation-emails": "secops@contoso.com",
};

/** The fourth run: the tenant's own domains as policy, and DNS. */
const DNS_INPUTS = {
  checks: "additional-emails, deliverable-emails",
  "allowed-email-domains": "tenant",
};

async function show(
  fake: Fake,
  title: string,
  inputs: Record<string, string>,
  directory: string,
): Promise<void> {
  console.log(rule(title));
  // Kept after the run: the action writes its report under RUNNER_TEMP.
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const run = await runAction(
    { ...fakeInputs(fake), ...inputs },
    runnerEnv(fake),
    { env: { RUNNER_TEMP: directory } },
  );

  console.log(rule("Job summary"));
  console.log(renderForTerminal(run.summary));

  console.log(rule("Annotations"));
  for (const annotation of run.annotations) {
    console.log(
      `${annotation.level.toUpperCase().padEnd(8)} ${annotation.title ? `${annotation.title}: ` : ""}${annotation.message}`,
    );
  }

  console.log(rule("Outputs"));
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`${name.padEnd(24)} ${value}`);
  }

  console.log(rule("Step result"));
  const failure = run.annotations
    .filter((a) => a.level === "error" && !a.title)
    .at(-1);
  console.log(
    run.exitCode === 0
      ? "This workflow would pass (exit code 0)."
      : `This workflow would fail (exit code ${run.exitCode}) because: ${failure?.message ?? "see the log above"}`,
  );

  const summaryFile = join(directory, "job-summary.md");
  await writeFile(summaryFile, run.summary);
  console.log(`\nThe job summary as GitHub would render it: ${summaryFile}`);
  if (run.outputs["report-file"])
    console.log(
      `The JSON report (output report-file): ${run.outputs["report-file"]}`,
    );
}

const fake = await startFake({ tenant: sampleTenant() });
try {
  console.log(
    `Sample tenant: ${plural(fake.tenant.subscriptions.length, "subscription")} covering every verdict, served by a local fake at ${fake.url}.`,
  );
  console.log(
    "Running: node dist/index.js (the committed bundle), with a runner's environment, four times.",
  );
  const root = join(tmpdir(), "defender-contact-check-demo");
  await show(fake, "Run 1: today's default inputs", {}, join(root, "default"));
  await show(
    fake,
    `Run 2: ${Object.entries(POLICY_INPUTS)
      .map(([name, value]) => `${name}: ${value}`)
      .join(", ")}`,
    POLICY_INPUTS,
    join(root, "all-controls"),
  );
  await show(
    fake,
    "Run 3: the same, with remediate: plan (see Planned changes; nothing is written)",
    PLAN_INPUTS,
    join(root, "plan"),
  );
  await show(
    fake,
    `Run 4: ${Object.entries(DNS_INPUTS)
      .map(([name, value]) => `${name}: ${value}`)
      .join(", ")} (DNS asked at the fake's resolver ${fake.dns.server})`,
    DNS_INPUTS,
    join(root, "deliverable"),
  );

  console.log(rule("Reading this demo"));
  console.log(
    "- The row named 'Prod | <script>alert(1)</script> **bold** @team' is a hostile display name the sample tenant carries on purpose: the action escapes it (job-summary.md holds &#60;script&#62;), so GitHub shows it as text, runs nothing and mentions nobody. This terminal view decodes the escapes.",
  );
  console.log(
    `- The how-to-fix commands point at the fake (${fake.armUrl}), because the demo sets resource-manager-endpoint to it; on Azure they name https://management.azure.com.`,
  );
} finally {
  await fake.close();
}
