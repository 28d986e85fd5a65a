/**
 * The runner's environment, read once when the action starts (index.ts)
 * and passed down: no other module reads process.env. The Azure SDK and the
 * @actions libraries still read what they need themselves (INPUT_*,
 * GITHUB_OUTPUT, GITHUB_API_URL, the identity endpoints).
 */
import { tmpdir } from "node:os";
import {
  SIGN_IN_VARIABLES,
  type SignInEnvironment,
} from "../azure/sign-in/method.js";

export interface RunnerContext {
  /** GITHUB_WORKSPACE, else the working directory: the only tree the file scan reads. */
  readonly workspace: string;
  /** RUNNER_TEMP, else the system's temporary directory: the JSON report and scratch files. */
  readonly runnerTemp: string;
  /** GITHUB_STEP_SUMMARY; undefined outside Actions, and then no summary is written. */
  readonly stepSummaryPath: string | undefined;
  /** GITHUB_REPOSITORY, `owner/name`, where the tracking issue lives; "" outside Actions. */
  readonly repository: string;
  /** GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID; undefined outside Actions. */
  readonly runUrl: string | undefined;
  /** What tells which sign-in can work: GitHub's OIDC endpoint, the managed-identity endpoints. */
  readonly signIn: SignInEnvironment;
  /** Test-only shorter time bounds, so tests of a hang run fast; undefined means the default. */
  readonly timing: {
    /** CONTACT_CHECK_LISTING_DEADLINE_MS: the whole subscription listing. */
    readonly listingMs: number | undefined;
    /** CONTACT_CHECK_SUBSCRIPTION_DEADLINE_MS: all requests of one subscription. */
    readonly subscriptionMs: number | undefined;
    /** CONTACT_CHECK_ATTEMPT_TIMEOUT_MS: one request attempt. */
    readonly attemptTimeoutMs: number | undefined;
    /** CONTACT_CHECK_DNS_BUDGET_MS: every mail-domain DNS lookup together. */
    readonly dnsMs: number | undefined;
    /** CONTACT_CHECK_GITHUB_REQUEST_TIMEOUT_MS: one GitHub request, body included. */
    readonly githubRequestMs: number | undefined;
    /** CONTACT_CHECK_TRACKING_DEADLINE_MS: the whole tracking step. */
    readonly trackingMs: number | undefined;
  };
}

/** A positive whole number, or undefined for anything else (unset included). */
function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL || "https://github.com"}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;
}

export function readRunnerContext(env: NodeJS.ProcessEnv): RunnerContext {
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    stepSummaryPath: env.GITHUB_STEP_SUMMARY,
    repository: env.GITHUB_REPOSITORY ?? "",
    runUrl: runUrl(env),
    signIn: Object.fromEntries(
      SIGN_IN_VARIABLES.flatMap((name) => {
        const value = env[name];
        return value === undefined ? [] : [[name, value]];
      }),
    ),
    timing: {
      listingMs: positive(env.CONTACT_CHECK_LISTING_DEADLINE_MS),
      subscriptionMs: positive(env.CONTACT_CHECK_SUBSCRIPTION_DEADLINE_MS),
      attemptTimeoutMs: positive(env.CONTACT_CHECK_ATTEMPT_TIMEOUT_MS),
      dnsMs: positive(env.CONTACT_CHECK_DNS_BUDGET_MS),
      githubRequestMs: positive(env.CONTACT_CHECK_GITHUB_REQUEST_TIMEOUT_MS),
      trackingMs: positive(env.CONTACT_CHECK_TRACKING_DEADLINE_MS),
    },
  };
}
