// Drives the fake through the real SDKs the action uses (its own GitHub OIDC
// token request, @azure/identity + MSAL, @azure/arm-resources-subscriptions,
// @azure/arm-security's pipeline) in a child process, because
// NODE_EXTRA_CA_CERTS is only read at process start.
//
//   npx node --import tsx test-support/fake/smoke.ts
//
// starts its own fake (25 subscriptions, 3 pages) and prints what the SDKs saw.

import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Fake } from "./server.js";

export interface SmokeResult {
  subscriptionIds: string[];
  subscriptionStates: string[];
  contactStatus: number;
  contact: unknown;
  pricingTiers: string[];
  tokenExpiresInSeconds: number;
}

interface SmokeConfig {
  tenantId: string;
  clientId: string;
  audience: string;
  armUrl: string;
  authorityUrl: string;
  subscriptionId: string;
}

const RESULT_PREFIX = "SMOKE_RESULT ";
const CONFIG_ENV = "FAKE_SMOKE_CONFIG";
const here = fileURLToPath(import.meta.url);
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Runs the SDK path against `fake` in a child process; resolves its result. */
export function runSdkSmoke(
  fake: Fake,
  subscriptionId: string,
): Promise<SmokeResult> {
  const config: SmokeConfig = {
    tenantId: fake.tenant.tenantId,
    clientId: fake.tenant.clientId,
    audience: fake.tenant.audience,
    armUrl: fake.armUrl,
    authorityUrl: fake.authorityUrl,
    subscriptionId,
  };
  // The node test runner marks its children; this one is not a test file.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  Object.assign(env, {
    NODE_EXTRA_CA_CERTS: fake.caCertPath,
    ACTIONS_ID_TOKEN_REQUEST_URL: fake.oidcRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: fake.oidcRequestToken,
    [CONFIG_ENV]: JSON.stringify(config),
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", here], {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line !== undefined) {
        resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as SmokeResult);
      } else {
        reject(
          new Error(`smoke child exited ${code}\n${stderr}\n${stdout}`.trim()),
        );
      }
    });
  });
}

async function child(config: SmokeConfig): Promise<SmokeResult> {
  const { githubIdTokens } =
    await import("../../src/azure/sign-in/id-token-request.js");
  const { ClientAssertionCredential } = await import("@azure/identity");
  const { SubscriptionClient } =
    await import("@azure/arm-resources-subscriptions");
  const { SecurityCenter } = await import("@azure/arm-security");
  const { createPipelineRequest } = await import("@azure/core-rest-pipeline");

  const scope = `${config.armUrl}/.default`;
  const idTokens = githubIdTokens(process.env, () => undefined);
  // A fresh GitHub token per call, as the action must do (they live 5 min).
  const credential = new ClientAssertionCredential(
    config.tenantId,
    config.clientId,
    () => idTokens(config.audience),
    { authorityHost: config.authorityUrl, disableInstanceDiscovery: true },
  );
  const token = await credential.getToken(scope);

  const subscriptions = new SubscriptionClient(credential, {
    endpoint: config.armUrl,
    credentials: { scopes: [scope] },
  });
  const subscriptionIds: string[] = [];
  const subscriptionStates: string[] = [];
  for await (const s of subscriptions.subscriptions.list()) {
    subscriptionIds.push(s.subscriptionId ?? "");
    subscriptionStates.push(s.state ?? "");
  }

  const security = new SecurityCenter(credential, config.subscriptionId, {
    endpoint: config.armUrl,
    $host: config.armUrl,
    credentialScopes: [scope],
  });
  const response = await security.sendRequest(
    createPipelineRequest({
      url:
        `${config.armUrl}/subscriptions/${config.subscriptionId}` +
        "/providers/Microsoft.Security/securityContacts" +
        "?api-version=2023-12-01-preview",
      method: "GET",
    }),
  );
  const pricingTiers: string[] = [];
  for (const p of (await security.pricings.list()).value ?? []) {
    pricingTiers.push(p.pricingTier ?? "");
  }

  return {
    subscriptionIds,
    subscriptionStates,
    contactStatus: response.status,
    contact: JSON.parse(response.bodyAsText ?? "null"),
    pricingTiers,
    tokenExpiresInSeconds: Math.round(
      (token.expiresOnTimestamp - Date.now()) / 1000,
    ),
  };
}

async function main(): Promise<void> {
  const raw = process.env[CONFIG_ENV];
  if (raw !== undefined) {
    const result = await child(JSON.parse(raw) as SmokeConfig);
    console.log(RESULT_PREFIX + JSON.stringify(result));
    return;
  }
  const { startFake } = await import("./server.js");
  const { generatedTenant, guid } = await import("./tenant.js");
  const fake = await startFake({
    tenant: generatedTenant(25, { pageSize: 10 }),
  });
  try {
    const result = await runSdkSmoke(fake, guid(1));
    console.log(JSON.stringify(result, null, 2));
    for (const r of fake.requests) {
      console.log(r.status, r.service, r.method, r.path);
    }
  } finally {
    await fake.close();
  }
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
