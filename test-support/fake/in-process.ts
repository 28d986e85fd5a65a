// For tests that drive the real SDK clients inside the test process.
// NODE_EXTRA_CA_CERTS is read only at process start, so the fake's CA is
// trusted through the client's tlsOptions instead, and ARM tokens come from
// the fake's Entra the way the action gets them: a GitHub OIDC token traded
// as a client assertion.

import { readFileSync } from "node:fs";
import { request } from "node:https";
import { ServiceClient } from "@azure/core-client";
import type { AccessToken, TokenCredential } from "@azure/identity";
import {
  resiliencePolicy,
  RetryCounter,
  type ResilienceOptions,
} from "../../src/azure/resilience.js";
import { caCertPath, type Fake } from "./server.js";

const ca = readFileSync(caCertPath);

function fetchJson(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: string },
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method, headers: options.headers, ca, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode !== 200) {
            reject(new Error(`${url}: HTTP ${res.statusCode} ${text}`));
          } else {
            resolve(JSON.parse(text) as Record<string, unknown>);
          }
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A TokenCredential for the fake's ARM, asking the fake's Entra each time. */
export function fakeArmCredential(fake: Fake): TokenCredential {
  return {
    async getToken(): Promise<AccessToken> {
      const tenant = fake.tenant;
      const audience = encodeURIComponent(tenant.audience);
      const oidc = await fetchJson(
        `${fake.oidcRequestUrl}&audience=${audience}`,
        {
          method: "GET",
          headers: { authorization: `Bearer ${fake.oidcRequestToken}` },
        },
      );
      const answer = await fetchJson(
        `${fake.authorityUrl}/${tenant.tenantId}/oauth2/v2.0/token`,
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: tenant.clientId,
            client_assertion_type:
              "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            client_assertion: String(oidc.value),
            scope: `${fake.armUrl}/.default`,
          }).toString(),
        },
      );
      return {
        token: String(answer.access_token),
        expiresOnTimestamp: Date.now() + Number(answer.expires_in) * 1000,
      };
    },
  };
}

/** The action's retry rules with millisecond waits, so retry paths test fast. */
export const FAST_RETRIES: ResilienceOptions = {
  maxRetries: 2,
  baseDelayMs: 1,
  maxDelayMs: 2,
  maxRetryAfterMs: 2000,
  attemptTimeoutMs: 5000,
  lowQuotaThreshold: 0,
  retryBudgetMs: 10_000,
};

/**
 * The ARM client for Microsoft.Security on the fake, with the action's
 * resilience policy in place of the SDK's retry, as arm-clients.ts builds it.
 */
export function fakeSecurityCenter(
  fake: Fake,
  options: ResilienceOptions = FAST_RETRIES,
): { client: ServiceClient; retries: RetryCounter } {
  const client = new ServiceClient({
    credential: fakeArmCredential(fake),
    endpoint: fake.armUrl,
    credentialScopes: [`${fake.armUrl}/.default`],
    tlsOptions: { ca },
  });
  const retries = new RetryCounter();
  client.pipeline.removePolicy({ name: "defaultRetryPolicy" });
  client.pipeline.addPolicy(resiliencePolicy(options, retries), {
    phase: "Retry",
  });
  return { client, retries };
}
