/**
 * The fake's sign-in routes besides GitHub OIDC: the managed-identity
 * endpoint and Azure CLI sessions (refresh-token grant), and the claims of
 * the access tokens they issue.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { after, before, describe, it } from "node:test";
import {
  caCertPath,
  generatedTenant,
  startFake,
  type Fake,
} from "../../test-support/fake/index.js";

const ca = readFileSync(caCertPath);
const USER_ASSIGNED = "6c6c6c6c-0000-4000-8000-00000000006c";

function send(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? "GET",
        headers: options.headers,
        ca,
        agent: false,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

function claims(token: unknown): Record<string, unknown> {
  const payload = String(token).split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}

describe("fake sign-in routes", () => {
  let fake: Fake;
  before(async () => {
    const tenant = generatedTenant(1);
    tenant.managedIdentity = {
      systemAssigned: true,
      userAssigned: [USER_ASSIGNED],
    };
    fake = await startFake({ tenant });
  });
  after(() => fake.close());

  const identity = (query: string, header?: string) =>
    send(
      `${fake.identityEndpoint}?api-version=2019-08-01&resource=${encodeURIComponent(fake.armUrl)}${query}`,
      {
        headers: { "x-identity-header": header ?? fake.identityHeader },
      },
    );

  it("identity endpoint: needs its header, serves the known identities only", async () => {
    assert.equal((await identity("", "wrong")).status, 401);
    const system = await identity("");
    assert.equal(system.status, 200);
    assert.equal(claims(system.body.access_token).tid, fake.tenant.tenantId);
    assert.equal(claims(system.body.access_token).aud, fake.armUrl);
    assert.match(String(system.body.expires_on), /^\d+$/);
    const user = await identity(`&client_id=${USER_ASSIGNED}`);
    assert.equal(user.body.client_id, USER_ASSIGNED);
    const unknown = await identity(
      "&client_id=00000000-0000-4000-8000-000000000000",
    );
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.body.message), /No Managed Identity found/);
  });

  const refresh = (refreshToken: string, tenant = fake.tenant.tenantId) =>
    send(`${fake.authorityUrl}/${tenant}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        client_id: "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
        refresh_token: refreshToken,
        scope: `${fake.armUrl}/.default`,
      }).toString(),
    });

  it("Azure CLI session: its refresh token buys a Resource Manager token; another does not", async () => {
    const ok = await refresh(fake.cliSession());
    assert.equal(ok.status, 200);
    assert.equal(claims(ok.body.access_token).tid, fake.tenant.tenantId);
    const unknown = await refresh("not-a-session");
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.body.error_description), /^AADSTS9002313/);
  });
});
