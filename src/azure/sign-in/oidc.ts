/**
 * OIDC: signs in to Entra ID with the workflow's GitHub OIDC token (workload
 * identity federation): no client secret is stored anywhere.
 */
import { ClientAssertionCredential } from "@azure/identity";
import type { Settings } from "../../settings.js";
import { errorMessage } from "../../text.js";
import { answerCapPolicy } from "../answer-cap.js";
import { readTokenClaims, type TokenClaims } from "../token-claims.js";
import {
  SignInError,
  type SignInEnvironment,
  type SignInMethod,
} from "./method.js";

/** Fetches a GitHub OIDC token for an audience (core.getIDToken in the action). */
export type IdTokenSource = (audience: string) => Promise<string>;

/**
 * GitHub exposes the OIDC endpoint only to jobs with `id-token: write`; say
 * so before any network call instead of failing deep inside the SDK.
 */
export function assertOidcAvailable(env: SignInEnvironment): void {
  if (
    !env.ACTIONS_ID_TOKEN_REQUEST_URL ||
    !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  ) {
    throw new SignInError(
      "GitHub did not give this job an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set). " +
        "Add 'permissions: id-token: write' (and 'contents: read') to the workflow or job. " +
        "Pull requests from forks never receive this permission, so run the check on pushes, schedules or pull requests from branches of this repository. " +
        "Or sign in another way: 'auth-type: AZURE_CLI' after azure/login, or 'auth-type: IDENTITY' on a runner with a managed identity.",
    );
  }
}

/** GitHub's token lives about five minutes; get a new one this long before it ends. */
const ID_TOKEN_MARGIN_MS = 60_000;

/**
 * Hands MSAL the same GitHub token until close to its `exp`, so a run asks
 * GitHub once, and remembers the last token's claims to explain a refusal.
 */
export class IdTokenCache {
  private pending: Promise<string> | undefined;
  private refreshAt = 0;
  private claims: TokenClaims | undefined;

  constructor(
    private readonly source: IdTokenSource,
    private readonly audience: string,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    if (this.pending && this.now() < this.refreshAt) return this.pending;
    const pending = this.source(this.audience).then((token) => {
      this.claims = readTokenClaims(token);
      const expiresAt = (this.claims?.exp ?? 0) * 1000;
      const margin = Math.min(ID_TOKEN_MARGIN_MS, (expiresAt - this.now()) / 2);
      this.refreshAt = expiresAt - margin;
      return token;
    });
    // Until it settles, callers share this request; a failure is not kept.
    this.refreshAt = Number.POSITIVE_INFINITY;
    this.pending = pending;
    pending.catch(() => {
      if (this.pending === pending) this.pending = undefined;
    });
    return pending;
  }

  /** Claims of the last token handed out (for error messages only). */
  lastClaims(): TokenClaims | undefined {
    return this.claims;
  }
}

/** What to check for the Entra error codes users meet when setting up federation. */
const AADSTS_HINTS: Record<string, string> = {
  "700213":
    "the federated credential's subject does not match this workflow's; for a branch it is 'repo:OWNER/REPO:ref:refs/heads/BRANCH', for a pull request 'repo:OWNER/REPO:pull_request', for an environment 'repo:OWNER/REPO:environment:NAME'",
  "700212":
    "the federated credential's audience does not match the token's; set the 'audience' input to the credential's audience (default api://AzureADTokenExchange)",
  "700211":
    "the federated credential's issuer does not match the token's issuer (GitHub Enterprise Server issues tokens from its own host)",
  "700016":
    "no application with this client-id exists in the tenant; check 'client-id' and 'tenant-id'",
  "90002": "the tenant was not found; check 'tenant-id' and 'environment'",
  "900023": "the tenant ID is not valid; check 'tenant-id'",
  "70021":
    "no federated credential on the app matches this token; add one for this repository (see the README's Sign-in section)",
  "700024":
    "the GitHub token has expired or is not yet valid; check the runner's clock",
  "70011": "the scope is not valid; check 'resource-manager-endpoint'",
};

/** Refusals of the assertion itself: the token's claims tell what the credential must hold. */
const FEDERATION_CODES = new Set([
  "700213",
  "700212",
  "700211",
  "70021",
  "700016",
]);

/** Adds a hint for a known AADSTS code, and for a refused assertion its claims, to Entra's message. */
export function explainSignInFailure(
  message: string,
  claims?: TokenClaims,
): string {
  const code = /AADSTS(\d+)/.exec(message)?.[1];
  const hint = code ? AADSTS_HINTS[code] : undefined;
  const first = message.split(/\r?\n/)[0]?.trim() ?? message;
  const explained = hint
    ? `Sign-in to Entra ID failed (AADSTS${code}): ${hint}. Entra said: ${first}`
    : `Sign-in to Entra ID failed: ${first}`;
  if (!code || !FEDERATION_CODES.has(code) || !claims) return explained;
  const claim = (value: string | undefined): string =>
    value === undefined ? "(none)" : `'${value}'`;
  return (
    `${explained} The GitHub OIDC token presented carried issuer ${claim(claims.iss)}, ` +
    `subject ${claim(claims.sub)} and audience ${claim(claims.aud)}. ` +
    "A federated credential on the app (or user-assigned identity) with this client-id " +
    "must hold exactly these three values (case-sensitive)."
  );
}

export function oidcSignIn(
  settings: Settings,
  getIdToken: IdTokenSource,
  env: SignInEnvironment,
): SignInMethod {
  assertOidcAvailable(env);
  const idTokens = new IdTokenCache(getIdToken, settings.audience);
  let refused: string | undefined;
  return {
    // A callback, not a token: MSAL asks again when it must sign in again.
    credential: new ClientAssertionCredential(
      settings.tenantId,
      settings.clientId,
      () => idTokens.get(),
      {
        authorityHost: settings.authorityHost,
        // A private or sovereign authority must not be checked against the public cloud.
        disableInstanceDiscovery: settings.customAuthority,
        additionalPolicies: [
          {
            policy: answerCapPolicy("Entra ID", (why) => (refused = why)),
            position: "perRetry",
          },
        ],
      },
    ),
    description: `client ${settings.clientId} with the workflow's OIDC token (audience ${settings.audience})`,
    explain: (error) =>
      [
        explainSignInFailure(errorMessage(error), idTokens.lastClaims()),
        refused,
      ]
        .filter(Boolean)
        .join(" "),
  };
}
