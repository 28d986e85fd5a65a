/**
 * The runner's environment, read once when the action starts (index.ts)
 * and passed down: no other module reads process.env. The Azure SDK and the
 * @actions libraries still read what they need themselves (INPUT_*,
 * GITHUB_OUTPUT, GITHUB_API_URL, the identity endpoints).
 */
import { readFileSync, statSync } from "node:fs";
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
  /**
   * The repository's visibility from the event payload (GITHUB_EVENT_PATH):
   * `public`, `private` or `internal`; undefined when the payload does not
   * say (or cannot be read), which `mask-emails: auto` treats as public.
   */
  readonly repositoryVisibility: RepositoryVisibility | undefined;
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

export type RepositoryVisibility = "public" | "private" | "internal";

/** Event payloads are GitHub's, but bounded all the same: a push can carry many commits. */
const MAX_EVENT_BYTES = 32 * 1024 * 1024;

/** The event payload's text, or undefined when there is none or it is too large. */
export type EventReader = (path: string) => string | undefined;

function readEventFile(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_EVENT_BYTES) return undefined;
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * `repository.visibility`, else `repository.private`; undefined when
 * neither says, and `public` whenever either says so (fail closed: the
 * addresses are masked).
 */
export function visibilityOf(
  payload: string | undefined,
): RepositoryVisibility | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload ?? "");
  } catch {
    return undefined;
  }
  const repository = (parsed as { repository?: unknown } | null)?.repository;
  if (typeof repository !== "object" || repository === null) return undefined;
  const { visibility, private: isPrivate } = repository as Record<
    string,
    unknown
  >;
  if (visibility === "public" || isPrivate === false) return "public";
  if (visibility === "private" || visibility === "internal") return visibility;
  return isPrivate === true ? "private" : undefined;
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

/**
 * An input as the runner passes it: `INPUT_<NAME>`, spaces as underscores,
 * upper case, trimmed (what @actions/core's getInput reads, without loading
 * that library on the main thread, which only parses the inputs).
 */
export function actionInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

export function readRunnerContext(
  env: NodeJS.ProcessEnv,
  readEvent: EventReader = readEventFile,
): RunnerContext {
  const eventPath = env.GITHUB_EVENT_PATH;
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    stepSummaryPath: env.GITHUB_STEP_SUMMARY,
    repository: env.GITHUB_REPOSITORY ?? "",
    runUrl: runUrl(env),
    repositoryVisibility: eventPath
      ? visibilityOf(readEvent(eventPath))
      : undefined,
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
