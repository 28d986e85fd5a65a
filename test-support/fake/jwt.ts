// Minimal RS256 JWTs, like GitHub's OIDC tokens. Each fake generates its own
// key, so a token from another fake (or a stale run) fails verification.

import {
  createHash,
  createSign,
  createVerify,
  generateKeyPair,
  type JsonWebKey,
  type KeyObject,
} from "node:crypto";
import { promisify } from "node:util";

export type JwtClaims = Record<string, unknown> & {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
};

export interface JwtSigner {
  kid: string;
  /** Public key as a JWK, for a JWKS document. */
  jwk: JsonWebKey;
  sign(claims: JwtClaims): string;
  /** Claims when the signature is ours; undefined when it is not a JWT we made. */
  verify(token: string): JwtClaims | undefined;
}

const b64url = (data: string | Buffer): string =>
  Buffer.from(data).toString("base64url");

export async function createJwtSigner(): Promise<JwtSigner> {
  // 2048-bit RSA takes tens of milliseconds: fine once per fake.
  const { privateKey, publicKey } = await promisify(generateKeyPair)("rsa", {
    modulusLength: 2048,
  });
  const jwk = (publicKey as KeyObject).export({ format: "jwk" });
  const kid = createHash("sha256")
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest("base64url");
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));

  return {
    kid,
    jwk: { ...jwk, kid, alg: "RS256", use: "sig" },
    sign(claims) {
      const input = `${header}.${b64url(JSON.stringify(claims))}`;
      const signature = createSign("RSA-SHA256")
        .update(input)
        .sign(privateKey as KeyObject);
      return `${input}.${signature.toString("base64url")}`;
    },
    verify(token) {
      const parts = token.split(".");
      if (parts.length !== 3) return undefined;
      const [head, payload, signature] = parts as [string, string, string];
      try {
        const ok = createVerify("RSA-SHA256")
          .update(`${head}.${payload}`)
          .verify(publicKey as KeyObject, Buffer.from(signature, "base64url"));
        return ok ? decodeJwtClaims(token) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Decodes a JWT payload without checking anything (for error messages). */
export function decodeJwtClaims(token: string): JwtClaims | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(
      Buffer.from(payload, "base64url").toString("utf8"),
    );
    return typeof claims === "object" && claims !== null
      ? (claims as JwtClaims)
      : undefined;
  } catch {
    return undefined;
  }
}
