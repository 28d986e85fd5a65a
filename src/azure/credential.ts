/**
 * Signs in to Entra ID with the workflow's GitHub OIDC token (workload
 * identity federation): no client secret is stored anywhere.
 */
import type { TokenCredential } from "@azure/core-auth";
import { ClientAssertionCredential } from "@azure/identity";
import type { Settings } from "../settings.js";

/** Fetches a GitHub OIDC token for an audience (core.getIDToken in the action). */
export type IdTokenSource = (audience: string) => Promise<string>;

/** Sign-in failed for a reason the user must fix in configuration. */
export class SignInError extends Error {
  override name = "SignInError";
}

/**
 * GitHub exposes the OIDC endpoint only to jobs with `id-token: write`; say
 * so before any network call instead of failing deep inside the SDK.
 */
export function assertOidcAvailable(env: NodeJS.ProcessEnv): void {
  if (
    !env.ACTIONS_ID_TOKEN_REQUEST_URL ||
    !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  ) {
    throw new SignInError(
      "GitHub did not give this job an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set). " +
        "Add 'permissions: id-token: write' (and 'contents: read') to the workflow or job. " +
        "Pull requests from forks never receive this permission, so run the check on pushes, schedules or pull requests from branches of this repository.",
    );
  }
}

export function createCredential(
  settings: Settings,
  getIdToken: IdTokenSource,
): TokenCredential {
  // A callback, not a token: GitHub's token lives about five minutes, so MSAL
  // must get a fresh one whenever it signs in again.
  return new ClientAssertionCredential(
    settings.tenantId,
    settings.clientId,
    () => getIdToken(settings.audience),
    {
      authorityHost: settings.authorityHost,
      // A private or sovereign authority must not be checked against the public cloud.
      disableInstanceDiscovery: settings.customAuthority,
    },
  );
}

/** What to check for the Entra error codes users meet when setting up federation. */
const AADSTS_HINTS: Record<string, string> = {
  "700213":
    "the federated credential's subject does not match this workflow; for a branch it is 'repo:OWNER/REPO:ref:refs/heads/BRANCH', for a pull request 'repo:OWNER/REPO:pull_request', for an environment 'repo:OWNER/REPO:environment:NAME'",
  "700212":
    "the federated credential's audience does not match the token's; set the 'audience' input to the credential's audience (default api://AzureADTokenExchange)",
  "700211":
    "the federated credential's issuer must be https://token.actions.githubusercontent.com",
  "700016":
    "no application with this client-id exists in the tenant; check 'client-id' and 'tenant-id'",
  "90002": "the tenant was not found; check 'tenant-id' and 'environment'",
  "900023": "the tenant ID is not valid; check 'tenant-id'",
  "70021":
    "no federated credential on the app matches this token; add one for this repository (see the README's setup)",
  "700024":
    "the GitHub token has expired or is not yet valid; check the runner's clock",
  "70011": "the scope is not valid; check 'resource-manager-endpoint'",
};

/** Adds a hint for a known AADSTS code to Entra's own message. */
export function explainSignInFailure(message: string): string {
  const code = /AADSTS(\d+)/.exec(message)?.[1];
  const hint = code ? AADSTS_HINTS[code] : undefined;
  const first = message.split(/\r?\n/)[0]?.trim() ?? message;
  return hint
    ? `Sign-in to Entra ID failed (AADSTS${code}): ${hint}. Entra said: ${first}`
    : `Sign-in to Entra ID failed: ${first}`;
}

/** Long enough for a slow Entra answer; short enough that a hang cannot hold the job. */
const SIGN_IN_TIMEOUT_MS = 60_000;

/** Gets one token up front so that a federation problem is reported once, clearly. */
export async function signIn(
  credential: TokenCredential,
  scope: string,
  timeoutMs = SIGN_IN_TIMEOUT_MS,
): Promise<void> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const pending = credential.getToken(scope, { abortSignal: timeout });
  // Once the race is lost, a late rejection must not crash the process.
  pending.catch(() => undefined);
  const expired = new Promise<never>((_, reject) =>
    timeout.addEventListener("abort", () => reject(timeout.reason)),
  );
  try {
    await Promise.race([pending, expired]);
  } catch (error) {
    const message = timeout.aborted
      ? `Entra ID or GitHub's OIDC endpoint did not answer within ${timeoutMs / 1000} s.`
      : error instanceof Error
        ? error.message
        : String(error);
    throw new SignInError(explainSignInFailure(message));
  }
}
