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
import { githubIdTokens } from "./azure/sign-in/id-token-request.js";
import { type Deadlines, defaultDeadlines } from "./azure/deadlines.js";
import { defaultResilienceOptions } from "./azure/resilience.js";
import type { TenantDomainReader } from "./azure/tenant-domains.js";
import { DEFAULT_LISTING_LIMITS } from "./azure/subscriptions.js";
import type { SubscriptionResult } from "./check/model.js";
import { type RunResult, summarizeRun } from "./check/run-result.js";
import { controlsById } from "./check/controls/index.js";
import {
  createMailResolver,
  DEFAULT_LOOKUP_LIMITS,
  MailDomainLookups,
} from "./dns/deliverability.js";
import { checkInputDomains } from "./dns/input-domains.js";
import { evaluateScope } from "./evaluate.js";
import type { RunnerContext } from "./inputs/runner-context.js";
import { log } from "./log.js";
import { remediateFailures } from "./remediation/remediate.js";
import { withTenantDomains } from "./inputs/validate.js";
import { presentRun } from "./report/present.js";
import type { Settings } from "./settings.js";
import { errorMessage, inflect, oneLine, plural } from "./text.js";

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

function verdictLine(result: SubscriptionResult): string {
  const name = oneLine(result.displayName) || "(no name)";
  return `${result.status.toUpperCase().padEnd(7)} ${result.subscriptionId}  ${name}: ${result.reason}`;
}

/** Verdict lines per write to the log: about 20 KB, one message from the worker. */
const VERDICTS_PER_WRITE = 200;

/** Field names only: the values can hold addresses. */
function logRemediation(result: SubscriptionResult): void {
  const { remediation } = result;
  if (!remediation) return;
  const fields = remediation.changes.map((change) => change.field).join(", ");
  log.info(
    `${remediation.action.toUpperCase().padEnd(9)} ${result.subscriptionId}: ${fields || "no change"}${remediation.reason ? ` (${remediation.reason})` : ""}`,
  );
}

/** `allowed-email-domains: tenant`: the verified domains, or an error of the run that names the input. */
async function readTenantDomains(
  reader: TenantDomainReader,
  tenantId: string,
): Promise<string[]> {
  try {
    const domains = await reader.verifiedDomains(tenantId);
    log.info(
      `allowed-email-domains: tenant = ${plural(domains.length, "verified domain")} of tenant ${tenantId}: ${domains.join(", ")}.`,
    );
    return domains;
  } catch (error) {
    throw new Error(
      `Input 'allowed-email-domains' names 'tenant', but the verified domains of tenant ${tenantId} could not be read from Resource Manager (GET /tenants): ${errorMessage(error)}`,
    );
  }
}

/** The live check: sign in, evaluate every subscription; the run and the settings with the tenant signed in to. */
export async function checkAzure(
  input: Settings,
  runner: RunnerContext,
): Promise<{ settings: Settings; run: RunResult }> {
  const deadlines = defaultDeadlines(runner.timing);
  // DNS is asked only for a control that reads it.
  const mailDomains = controlsById(input.checks).some((c) => c.mailDomains)
    ? new MailDomainLookups(createMailResolver(input.dnsServers), {
        ...DEFAULT_LOOKUP_LIMITS,
        budgetMs: deadlines.dnsMs,
      })
    : undefined;
  try {
    if (mailDomains) {
      for (const warning of await checkInputDomains(input, mailDomains))
        log.annotate("warning", warning);
    }
    return await checkSignedIn(input, runner, deadlines, mailDomains);
  } finally {
    mailDomains?.close();
  }
}

async function checkSignedIn(
  input: Settings,
  runner: RunnerContext,
  deadlines: Deadlines,
  mailDomains: MailDomainLookups | undefined,
): Promise<{ settings: Settings; run: RunResult }> {
  const method = createSignIn(
    input,
    githubIdTokens(runner.signIn, (token) => core.setSecret(token)),
    runner.signIn,
  );
  log.info(describeScope(input));

  const signedIn = await core.group("Sign in", async () => {
    const result = await signIn(method, input);
    log.info(
      `Signed in to tenant ${result.tenantId} as ${method.description}.`,
    );
    return result;
  });
  const started = Date.now();
  const arm = createArmClients(
    method.credential,
    input.resourceManagerEndpoint,
    defaultResilienceOptions(runner.timing.attemptTimeoutMs),
    (message) => log.debug(message),
    { ...DEFAULT_LISTING_LIMITS, deadlineMs: deadlines.listingMs },
    concurrencyFor(input.concurrency, started),
  );
  // Reports and the tracking issue name the tenant actually signed in to.
  const signedInSettings = { ...input, tenantId: signedIn.tenantId };
  const settings = input.allowTenantDomains
    ? withTenantDomains(
        signedInSettings,
        await readTenantDomains(arm.tenantDomains, signedIn.tenantId),
      )
    : signedInSettings;
  const evaluation = await core.group("Evaluate subscriptions", () =>
    evaluateScope(
      {
        ...settings,
        concurrency: arm.concurrency.max,
        subscriptionDeadlineMs: deadlines.subscriptionMs,
      },
      { ...arm, mailDomains },
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
              mailDomains: mailDomains?.answered(),
            },
            arm.contactWriter,
          );
          for (const row of rows) logRemediation(row);
          return rows;
        });
  // Every report below shows this bounded, masked view of the run.
  const run = presentRun(
    {
      ...summarizeRun(results, evaluation.runErrors, settings.checks),
      concurrency: arm.concurrency.stats(Date.now()),
    },
    settings,
  );

  await core.group("Verdicts", async () => {
    for (let at = 0; at < run.results.length; at += VERDICTS_PER_WRITE) {
      log.lines(
        run.results.slice(at, at + VERDICTS_PER_WRITE).map(verdictLine),
      );
    }
    for (const error of run.runErrors) log.info(`ERROR   ${error}`);
    log.info(
      `${plural(run.counts.total, "subscription")} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${plural(arm.retries.retries, "retry", "retries")}.`,
    );
    if (mailDomains) {
      const { domains, queries } = mailDomains.stats;
      log.info(
        `Mail domains: ${plural(domains, "domain")} looked up with ${plural(queries, "DNS query", "DNS queries")} (${settings.dnsServers.length > 0 ? `dns-servers ${settings.dnsServers.join(", ")}` : "the runner's resolvers"}).`,
      );
    }
  });
  return { settings, run };
}
