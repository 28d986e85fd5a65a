/**
 * The live check: sign in once, evaluate every subscription in scope (and
 * plan or apply fixes when asked), and log each verdict. What it returns is
 * the bounded, masked run every report shows.
 */
import * as core from "@actions/core";
import {
  concurrencyFor,
  writeConcurrency,
} from "./azure/adaptive-concurrency.js";
import { createArmClients } from "./azure/arm-clients.js";
import { createSignIn, signIn } from "./azure/credential.js";
import { defaultDeadlines } from "./azure/deadlines.js";
import { defaultResilienceOptions } from "./azure/resilience.js";
import { DEFAULT_LISTING_LIMITS } from "./azure/subscriptions.js";
import type { SubscriptionResult } from "./check/model.js";
import { type RunResult, summarizeRun } from "./check/run-result.js";
import { evaluateScope } from "./evaluate.js";
import { boundRun } from "./limits.js";
import { log } from "./log.js";
import { maskRun } from "./masking.js";
import { remediateFailures } from "./remediation/remediate.js";
import type { Settings } from "./settings.js";
import { inflect, oneLine, plural } from "./text.js";

function describeScope(settings: Settings): string {
  const named = settings.subscriptions.length;
  const groups = settings.managementGroups;
  const which =
    groups.length > 0
      ? `the subscriptions below ${inflect(groups.length, "management group")} ${groups.join(", ")}${named ? ` and ${plural(named, "named subscription")}` : ""}`
      : named > 0
        ? plural(named, "named subscription")
        : "every subscription the identity can list";
  const excluded = settings.excludeSubscriptions.size;
  const excludedGroups = settings.excludeManagementGroups;
  return `Checking ${which}${excluded ? `, excluding ${excluded}` : ""}${excludedGroups.length ? `, excluding those below ${excludedGroups.join(", ")}` : ""} for ${settings.checks.join(", ")} in ${settings.environment} (Resource Manager ${settings.resourceManagerEndpoint}, tenant ${settings.tenantId || "of the sign-in"}), ${settings.concurrency === "auto" ? "as many at a time as Azure allows (16 to start, at most 64)" : `${settings.concurrency} at a time`}.`;
}

function logVerdict(result: SubscriptionResult): void {
  const name = oneLine(result.displayName) || "(no name)";
  log.info(
    `${result.status.toUpperCase().padEnd(7)} ${result.subscriptionId}  ${name}: ${result.reason}`,
  );
}

/** Field names only: the values can hold addresses. */
function logRemediation(result: SubscriptionResult): void {
  const { remediation } = result;
  if (!remediation) return;
  const fields = remediation.changes.map((change) => change.field).join(", ");
  log.info(
    `${remediation.action.toUpperCase().padEnd(9)} ${result.subscriptionId}: ${fields || "no change"}${remediation.reason ? ` (${remediation.reason})` : ""}`,
  );
}

/** The live check: sign in, evaluate every subscription; the run and the settings with the tenant signed in to. */
export async function checkAzure(
  input: Settings,
): Promise<{ settings: Settings; run: RunResult }> {
  const method = createSignIn(
    input,
    (audience) => core.getIDToken(audience),
    process.env,
  );
  log.info(describeScope(input));

  const signedIn = await core.group("Sign in", async () => {
    const result = await signIn(method, input);
    log.info(
      `Signed in to tenant ${result.tenantId} as ${method.description}.`,
    );
    return result;
  });
  // Reports and the tracking issue name the tenant actually signed in to.
  const settings = { ...input, tenantId: signedIn.tenantId };

  const deadlines = defaultDeadlines();
  const started = Date.now();
  const arm = createArmClients(
    method.credential,
    settings.resourceManagerEndpoint,
    defaultResilienceOptions(),
    (message) => log.debug(message),
    { ...DEFAULT_LISTING_LIMITS, deadlineMs: deadlines.listingMs },
    concurrencyFor(settings.concurrency, started),
  );
  const evaluation = await core.group("Evaluate subscriptions", () =>
    evaluateScope(
      {
        ...settings,
        concurrency: arm.concurrency.max,
        subscriptionDeadlineMs: deadlines.subscriptionMs,
      },
      arm,
      {
        progress: (done, listed, listingDone) =>
          log.info(
            `Progress: ${done} of ${listed}${listingDone ? ` ${inflect(listed, "subscription")}` : "+ (listing continues) subscriptions"} evaluated.`,
          ),
      },
    ),
  );
  const results =
    settings.remediate === "off"
      ? evaluation.results
      : await core.group(`Remediate (${settings.remediate})`, async () => {
          const rows = await remediateFailures(
            evaluation.results,
            {
              ...settings,
              concurrency: writeConcurrency(settings.concurrency),
            },
            arm.contactWriter,
          );
          for (const row of rows) logRemediation(row);
          return rows;
        });
  // Every report below shows this bounded, masked view of the run.
  const bounded = boundRun({
    ...summarizeRun(results, evaluation.runErrors, settings.checks),
    concurrency: arm.concurrency.stats(Date.now()),
  });
  const run = settings.maskEmails ? maskRun(bounded) : bounded;

  await core.group("Verdicts", async () => {
    for (const result of run.results) logVerdict(result);
    for (const error of run.runErrors) log.info(`ERROR   ${error}`);
    log.info(
      `${plural(run.counts.total, "subscription")} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${plural(arm.retries.retries, "retry", "retries")}.`,
    );
  });
  return { settings, run };
}
