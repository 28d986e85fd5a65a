// GitHub Actions' OIDC token endpoint, as @actions/core's getIDToken calls it:
// GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=AUD with the request token.

import { randomUUID } from "node:crypto";
import { type Exchange, type FakeContext, sendJson } from "./context.js";
import { DEFAULT_AUDIENCE, DEFAULT_SUBJECT } from "./tenant.js";

export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
const LIFETIME_SECONDS = 300;

export function handleOidc(ctx: FakeContext, ex: Exchange): void {
  const [first, second] = ex.segments;
  if (ex.req.method === "GET" && first === ".well-known" && second === "jwks") {
    sendJson(ex, 200, { keys: [ctx.signer.jwk] });
    return;
  }
  if (first !== "token" || ex.segments.length !== 1) {
    sendJson(ex, 404, { message: "Not Found" });
    return;
  }
  if (ex.req.method !== "GET") {
    sendJson(ex, 405, { message: "Method Not Allowed" });
    return;
  }
  if (ctx.tenant.oidcRedirect !== undefined) {
    sendJson(
      ex,
      307,
      { message: "Temporary Redirect" },
      {
        location: ctx.tenant.oidcRedirect,
      },
    );
    return;
  }
  if (ex.req.headers.authorization !== `Bearer ${ctx.oidcRequestToken}`) {
    sendJson(ex, 401, {
      message: "Unauthorized: the ID token request token is missing or wrong.",
    });
    return;
  }

  const now = Math.floor(Date.now() / 1000);
  const repository = ctx.github.repo;
  const token = ctx.signer.sign({
    jti: randomUUID(),
    sub: ctx.tenant.subject ?? DEFAULT_SUBJECT,
    aud: ex.url.searchParams.get("audience") || DEFAULT_AUDIENCE,
    ref: "refs/heads/main",
    ref_type: "branch",
    sha: "0000000000000000000000000000000000000000",
    repository,
    repository_owner: repository.split("/")[0],
    actor: "octocat",
    event_name: "schedule",
    workflow: "Defender security contact",
    job_workflow_ref: `${repository}/.github/workflows/defender.yml@refs/heads/main`,
    runner_environment: "github-hosted",
    iss: GITHUB_ISSUER,
    nbf: now,
    iat: now,
    exp: now + LIFETIME_SECONDS,
  });
  ctx.issuedTokens.push(token);
  sendJson(ex, 200, { count: token.length, value: token });
}
