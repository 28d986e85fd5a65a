/**
 * Reads the claims of a JWT (a GitHub OIDC token, an Entra access token)
 * without verifying it: only to explain a failure or to learn which tenant
 * and audience a token was issued for. Never log the token itself.
 */
export interface TokenClaims {
  iss?: string;
  sub?: string;
  aud?: string;
  /** Entra's tenant ID claim. */
  tid?: string;
  /** Expiry, seconds since the epoch. */
  exp?: number;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

/** The claims that matter here; undefined when the token is not a readable JWT. */
export function readTokenClaims(token: string): TokenClaims | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof claims !== "object" || claims === null) return undefined;
  const { iss, sub, aud, tid, exp } = claims as Record<string, unknown>;
  return {
    iss: text(iss),
    sub: text(sub),
    aud: Array.isArray(aud)
      ? aud.filter((a) => typeof a === "string").join(",")
      : text(aud),
    tid: text(tid),
    exp: typeof exp === "number" ? exp : undefined,
  };
}
