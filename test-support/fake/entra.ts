// Microsoft Entra ID: OpenID discovery plus the client-credentials token
// endpoint with a federated (GitHub OIDC) client assertion, as MSAL uses them.

import { randomUUID } from "node:crypto";
import {
  ACCESS_TOKEN_LIFETIME_SECONDS,
  issueAccessToken,
} from "./access-token.js";
import {
  type Exchange,
  type FakeContext,
  readBody,
  sendJson,
} from "./context.js";
import { GITHUB_ISSUER } from "./oidc.js";
import { DEFAULT_SUBJECT } from "./tenant.js";

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
// MSAL may add these to any request; they never name a resource.
const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);
const FIC_HINT =
  "Please note that the matching is done using a case-sensitive comparison. " +
  "Check your federated identity credential Subject, Audience and Issuer " +
  "against the presented assertion. " +
  "https://learn.microsoft.com/entra/workload-id/workload-identity-federation";

export function handleEntra(ctx: FakeContext, ex: Exchange): Promise<void> {
  const [tenant = "", ...rest] = ex.segments;
  const route = rest.join("/").toLowerCase();
  const method = ex.req.method;
  if (
    method === "GET" &&
    (route === "v2.0/.well-known/openid-configuration" ||
      route === ".well-known/openid-configuration")
  ) {
    discovery(ctx, ex, tenant);
  } else if (method === "GET" && route === "discovery/v2.0/keys") {
    // Access tokens are opaque here, so there is nothing to publish.
    sendJson(ex, 200, { keys: [] });
  } else if (method === "POST" && route === "oauth2/v2.0/token") {
    return token(ctx, ex, tenant);
  } else {
    sendJson(ex, 404, { error: "not_found", error_description: "No route" });
  }
  return Promise.resolve();
}

function knownTenant(ctx: FakeContext, tenant: string): boolean {
  return tenant.toLowerCase() === ctx.tenant.tenantId.toLowerCase();
}

function discovery(ctx: FakeContext, ex: Exchange, tenant: string): void {
  if (!knownTenant(ctx, tenant)) {
    entraError(ex, "invalid_tenant", 90002, unknownTenantMessage(tenant));
    return;
  }
  const base = `${ctx.url}/entra/${tenant}`;
  // Field set of the real v2.0 document; MSAL requires authorization_endpoint,
  // token_endpoint, issuer and jwks_uri.
  sendJson(ex, 200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      "client_secret_post",
      "private_key_jwt",
      "client_secret_basic",
    ],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: [
      "code",
      "id_token",
      "code id_token",
      "id_token token",
    ],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${base}/v2.0`,
    ...(ctx.tenant.entraPaddingBytes === undefined
      ? {}
      : { x_padding: " ".repeat(ctx.tenant.entraPaddingBytes) }),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/openid/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "nbf", "tid"],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: null,
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
    rbac_url: "https://pas.windows.net",
  });
}

async function token(
  ctx: FakeContext,
  ex: Exchange,
  tenant: string,
): Promise<void> {
  const form = new URLSearchParams(await readBody(ex.req, 1024 * 1024));
  const fail = (error: string, code: number, message: string): void =>
    entraError(ex, error, code, message);
  const t = ctx.tenant;

  if (!knownTenant(ctx, tenant)) {
    return fail("invalid_request", 90002, unknownTenantMessage(tenant));
  }
  const grantType = form.get("grant_type");
  if (grantType === "refresh_token") {
    return refreshGrant(ctx, ex, tenant, form);
  }
  if (grantType !== "client_credentials") {
    return fail(
      "unsupported_grant_type",
      70003,
      `The app requested an unsupported grant type '${grantType ?? ""}'.`,
    );
  }
  const clientId = form.get("client_id") ?? "";
  if (clientId.toLowerCase() !== t.clientId.toLowerCase()) {
    return fail(
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the ` +
        `directory '${t.tenantId}'. This can happen if the application has ` +
        "not been installed by the administrator of the tenant or consented " +
        "to by any user in the tenant. You may have sent your authentication " +
        "request to the wrong tenant.",
    );
  }
  const assertion = form.get("client_assertion");
  if (form.get("client_assertion_type") !== ASSERTION_TYPE || !assertion) {
    return fail(
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: " +
        "'client_assertion' or 'client_secret'.",
    );
  }
  const claims = ctx.signer.verify(assertion);
  if (claims === undefined) {
    return fail(
      "invalid_client",
      50013,
      "Assertion failed signature validation. [Reason - The key was not " +
        "found., Thumbprint of key used by client: 'unknown']",
    );
  }
  if (claims.iss !== GITHUB_ISSUER) {
    return fail(
      "invalid_client",
      700211,
      "No matching federated identity record found for presented assertion " +
        `issuer '${String(claims.iss)}'. ${FIC_HINT}`,
    );
  }
  const now = Math.floor(Date.now() / 1000);
  const exp = typeof claims.exp === "number" ? claims.exp : 0;
  const nbf = typeof claims.nbf === "number" ? claims.nbf : 0;
  if (now >= exp || now < nbf - 300) {
    return fail(
      "invalid_client",
      700024,
      "Client assertion is not within its valid time range. Current time: " +
        `${isoSeconds(now)}, assertion valid from ${isoSeconds(nbf)}, ` +
        `expiry time of assertion ${isoSeconds(exp)}. Review the ` +
        "documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .",
    );
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(t.audience)) {
    return fail(
      "invalid_client",
      700212,
      "No matching federated identity record found for presented assertion " +
        `audience '${audiences.join(",")}'. ${FIC_HINT}`,
    );
  }
  if (claims.sub !== (t.subject ?? DEFAULT_SUBJECT)) {
    return fail(
      "invalid_client",
      700213,
      "No matching federated identity record found for presented assertion " +
        `subject '${String(claims.sub)}'. ${FIC_HINT}`,
    );
  }
  const resource = singleResource(ex, form);
  if (resource !== undefined) {
    sendToken(ex, issueAccessToken(ctx, resource, t.tenantId, clientId));
  }
}

/**
 * An Azure CLI session (see cliSession()) exchanging its refresh token, as
 * `az account get-access-token` does through MSAL.
 */
function refreshGrant(
  ctx: FakeContext,
  ex: Exchange,
  tenant: string,
  form: URLSearchParams,
): void {
  const sessionTenant = ctx.refreshTokens.get(form.get("refresh_token") ?? "");
  if (sessionTenant === undefined) {
    return entraError(
      ex,
      "invalid_grant",
      9002313,
      "Invalid request. Request is malformed or invalid.",
    );
  }
  if (sessionTenant.toLowerCase() !== tenant.toLowerCase()) {
    return entraError(
      ex,
      "invalid_grant",
      700082,
      "The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.",
    );
  }
  const resource = singleResource(ex, form);
  if (resource !== undefined) {
    const appId = form.get("client_id") ?? "";
    sendToken(ex, issueAccessToken(ctx, resource, sessionTenant, appId));
  }
}

/** The one resource of a client-credentials scope; answers 70011 itself otherwise. */
function singleResource(
  ex: Exchange,
  form: URLSearchParams,
): string | undefined {
  const scope = form.get("scope") ?? "";
  const resources = scope.split(" ").filter((s) => s && !OIDC_SCOPES.has(s));
  const [single] = resources;
  if (resources.length !== 1 || !single?.endsWith("/.default")) {
    entraError(
      ex,
      "invalid_scope",
      70011,
      "The provided request must include a 'scope' input parameter. The " +
        "provided value for the input parameter 'scope' is not valid. The " +
        `scope ${scope} is not valid: client credential flows need exactly ` +
        "one scope, the resource identifier suffixed with /.default.",
    );
    return undefined;
  }
  return single.slice(0, -"/.default".length);
}

function sendToken(ex: Exchange, accessToken: string): void {
  sendJson(
    ex,
    200,
    {
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
    },
    { "cache-control": "no-store, no-cache", pragma: "no-cache" },
  );
}

function unknownTenantMessage(tenant: string): string {
  return (
    `Tenant '${tenant}' not found. Check to make sure you have the correct ` +
    "tenant ID and are signing into the correct cloud. Check with your " +
    "subscription administrator, this may happen if there are no active " +
    "subscriptions for the tenant."
  );
}

function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d+Z$/, "Z");
}

/** Entra's error shape: AADSTS code in the description, trace ids after it. */
function entraError(
  ex: Exchange,
  error: string,
  code: number,
  message: string,
): void {
  const traceId = randomUUID();
  const header = ex.req.headers["client-request-id"];
  const correlationId = typeof header === "string" ? header : randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  sendJson(
    ex,
    error === "invalid_client" ? 401 : 400,
    {
      error,
      error_description:
        `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\n` +
        `Correlation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    { "cache-control": "no-store, no-cache", pragma: "no-cache" },
  );
}
