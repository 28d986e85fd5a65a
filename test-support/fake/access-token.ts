// Entra access tokens are JWTs whose claims callers read (tid, aud); the
// fake signs them with its own key and remembers them for ARM to accept.

import { randomUUID } from "node:crypto";
import type { FakeContext } from "./context.js";

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3599;

/** Mints a Resource Manager (or other resource) token for `tenantId`, as Entra would. */
export function issueAccessToken(
  ctx: FakeContext,
  resource: string,
  tenantId: string,
  appId: string,
): string {
  const now = Math.floor(Date.now() / 1000);
  const token = ctx.signer.sign({
    aud: resource,
    iss: `https://sts.windows.net/${tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + ACCESS_TOKEN_LIFETIME_SECONDS,
    appid: appId,
    oid: randomUUID(),
    tid: tenantId,
    jti: randomUUID(),
  });
  ctx.accessTokens.set(token, {
    resource: resource.replace(/\/+$/, ""),
    expiresAt: Date.now() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000,
  });
  ctx.issuedTokens.push(token);
  return token;
}
