/**
 * The run's one credential: picks the sign-in mode from settings (OIDC,
 * AZURE_CLI, IDENTITY), wraps it in a token cache so Entra (or `az`, or the
 * identity endpoint) is asked once per run, and signs in up front to learn
 * the tenant and report a sign-in problem once, clearly.
 */
import type {
  AccessToken,
  GetTokenOptions,
  TokenCredential,
} from "@azure/core-auth";
import type { Settings } from "../settings.js";
import { audienceMismatch, findCloud } from "./clouds.js";
import { azureCliSignIn } from "./sign-in/azure-cli.js";
import { managedIdentitySignIn } from "./sign-in/managed-identity.js";
import {
  SignInError,
  type SignInEnvironment,
  type SignInMethod,
} from "./sign-in/method.js";
import { type IdTokenSource, oidcSignIn } from "./sign-in/oidc.js";
import { readTokenClaims } from "./token-claims.js";

function signInFor(
  settings: Settings,
  getIdToken: IdTokenSource,
  env: SignInEnvironment,
): SignInMethod {
  switch (settings.authType) {
    case "OIDC":
      return oidcSignIn(settings, getIdToken, env);
    case "AZURE_CLI":
      return azureCliSignIn(settings);
    case "IDENTITY":
      return managedIdentitySignIn(settings, env);
  }
}

/**
 * Builds the sign-in for settings.authType, its credential wrapped in the
 * run's token cache; throws SignInError before any network call.
 */
export function createSignIn(
  settings: Settings,
  getIdToken: IdTokenSource,
  env: SignInEnvironment,
): SignInMethod {
  const method = signInFor(settings, getIdToken, env);
  return { ...method, credential: new CachedCredential(method.credential) };
}

/** Ask for a new token this long before the cached one expires (at most half its life). */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Reuses one access token per scope until close to expiry, and shares one
 * request among concurrent callers: every client of the run holds this one.
 */
export class CachedCredential implements TokenCredential {
  private readonly cache = new Map<
    string,
    { token: Promise<AccessToken>; refreshAt: number }
  >();

  constructor(
    private readonly inner: TokenCredential,
    private readonly now: () => number = Date.now,
  ) {}

  getToken(
    scopes: string | string[],
    options?: GetTokenOptions,
  ): Promise<AccessToken> {
    const key = [scopes].flat().join(" ");
    const cached = this.cache.get(key);
    if (cached && this.now() < cached.refreshAt) return cached.token;
    const entry = { token: this.fetch(scopes, options), refreshAt: Infinity };
    this.cache.set(key, entry);
    entry.token.then(
      (token) => {
        const life = token.expiresOnTimestamp - this.now();
        entry.refreshAt =
          token.expiresOnTimestamp - Math.min(REFRESH_MARGIN_MS, life / 2);
      },
      // A failure is not kept: the next caller tries again.
      () => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      },
    );
    return entry.token;
  }

  private async fetch(
    scopes: string | string[],
    options?: GetTokenOptions,
  ): Promise<AccessToken> {
    const token = await this.inner.getToken(scopes, options);
    if (!token) throw new Error("The credential returned no token.");
    return token;
  }
}

/** Long enough for a slow Entra answer; short enough that a hang cannot hold the job. */
const SIGN_IN_TIMEOUT_MS = 60_000;

export interface SignedIn {
  /** The tenant the run is in: tenant-id as given, else the token's `tid` claim. */
  tenantId: string;
}

/** Checks a Resource Manager token against the settings; returns the tenant signed in to. */
export function checkArmToken(token: string, settings: Settings): SignedIn {
  const claims = readTokenClaims(token);
  const cloud = findCloud(settings.environment);
  const mismatch =
    claims?.aud && cloud
      ? audienceMismatch(claims.aud, cloud, settings.resourceManagerEndpoint)
      : undefined;
  if (mismatch) {
    throw new SignInError(
      `Signed in, but the token is for the wrong cloud: ${mismatch}. ` +
        "Sign in to the same cloud as the 'environment' input (for azure/login: its 'environment').",
    );
  }
  const tid = claims?.tid?.toLowerCase();
  const given = settings.tenantId;
  if (tid && given && /^[0-9a-f-]{36}$/.test(given) && tid !== given) {
    throw new SignInError(
      `Signed in to tenant ${tid}, but input 'tenant-id' is ${given}: ` +
        "sign in to that tenant (for azure/login: its 'tenant-id'), or correct 'tenant-id'.",
    );
  }
  const tenantId = given || tid;
  if (!tenantId) {
    throw new SignInError(
      "Signed in, but the token does not say which tenant it is for (no 'tid' claim): set the 'tenant-id' input.",
    );
  }
  return { tenantId };
}

/** Gets one token up front, so that a sign-in problem is reported once, clearly. */
export async function signIn(
  method: SignInMethod,
  settings: Settings,
  timeoutMs = SIGN_IN_TIMEOUT_MS,
): Promise<SignedIn> {
  const scope = `${settings.resourceManagerEndpoint}/.default`;
  const timeout = AbortSignal.timeout(timeoutMs);
  const pending = method.credential.getToken(scope, { abortSignal: timeout });
  // Once the race is lost, a late rejection must not crash the process.
  pending.catch(() => undefined);
  const expired = new Promise<never>((_, reject) =>
    timeout.addEventListener("abort", () => reject(timeout.reason)),
  );
  let token: AccessToken | null;
  try {
    token = await Promise.race([pending, expired]);
  } catch (error) {
    throw new SignInError(
      timeout.aborted
        ? `Sign-in as ${method.description} did not answer within ${timeoutMs / 1000} s.`
        : method.explain(error),
    );
  }
  if (!token) {
    throw new SignInError(method.explain("the credential returned no token"));
  }
  return checkArmToken(token.token, settings);
}
