// The App Service style managed-identity endpoint (IDENTITY_ENDPOINT +
// IDENTITY_HEADER), as App Service, Container Apps and Functions serve it:
// GET ?resource=R&api-version=2019-08-01[&client_id=ID] with X-IDENTITY-HEADER.

import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  issueAccessToken,
} from "./access-token.js";
import { type Exchange, type FakeContext, sendJson } from "./context.js";

/** The object ID-like name the fake gives the system-assigned identity. */
const SYSTEM_ASSIGNED_ID = "5a5a5a5a-0000-4000-8000-00000000005a";

export function handleIdentity(ctx: FakeContext, ex: Exchange): void {
  if (ex.req.method !== "GET" || ex.segments.length !== 0) {
    sendJson(ex, 404, { statusCode: 404, message: "Not found" });
    return;
  }
  if (ex.req.headers["x-identity-header"] !== ctx.identityHeader) {
    sendJson(ex, 401, {
      statusCode: 401,
      message: "The X-IDENTITY-HEADER header is missing or wrong.",
    });
    return;
  }
  const query = ex.url.searchParams;
  if (query.get("api-version") !== "2019-08-01") {
    sendJson(ex, 400, {
      statusCode: 400,
      message: `Unsupported api-version '${query.get("api-version") ?? ""}'.`,
    });
    return;
  }
  const resource = query.get("resource");
  if (!resource) {
    sendJson(ex, 400, { statusCode: 400, message: "resource is required." });
    return;
  }
  const identities = ctx.tenant.managedIdentity ?? {};
  const clientId = query.get("client_id");
  const known = clientId
    ? (identities.userAssigned ?? []).some(
        (id) => id.toLowerCase() === clientId.toLowerCase(),
      )
    : identities.systemAssigned === true;
  if (!known) {
    sendJson(ex, 400, {
      statusCode: 400,
      message:
        "No Managed Identity found for specified ClientId/ResourceId/PrincipalId.",
    });
    return;
  }
  const appId = clientId ?? SYSTEM_ASSIGNED_ID;
  const token = issueAccessToken(ctx, resource, ctx.tenant.tenantId, appId);
  sendJson(ex, 200, {
    access_token: token,
    expires_on: String(
      Math.floor(Date.now() / 1000) + ACCESS_TOKEN_LIFETIME_SECONDS,
    ),
    resource,
    token_type: "Bearer",
    client_id: appId,
  });
}
