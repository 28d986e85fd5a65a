/**
 * End-to-end: the bundle signing in each way `auth-type` offers, against the
 * fake: OIDC (request counts, federation refusals), AZURE_CLI (the stand-in
 * `az` first on PATH) and IDENTITY (the App Service style endpoint on loopback).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  generatedTenant,
  guid,
  type Fake,
} from "../../test-support/fake/index.js";
import { azureCliEnv } from "../../test-support/azure-cli.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
  withFake,
  type ActionRun,
  assertNoTokenLeak,
} from "../../test-support/run-action.js";

const OTHER_TENANT = "0b0b0b0b-1111-4222-8333-444444444444";
const USER_ASSIGNED = "6c6c6c6c-0000-4000-8000-00000000006c";

/** A runner's environment without the OIDC variables (no id-token: write). */
function runnerEnvWithoutOidc(fake: Fake): Record<string, string> {
  const {
    ACTIONS_ID_TOKEN_REQUEST_URL: _url,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: _token,
    ...rest
  } = runnerEnv(fake);
  return rest;
}

function tokenRequests(fake: Fake, service: "oidc" | "entra" | "identity") {
  return fake.requests.filter(
    (r) =>
      r.service === service &&
      (service !== "entra" || r.path.endsWith("/oauth2/v2.0/token")),
  );
}

/** The message of the step's failure (the last ::error:: annotation). */
function failure(run: ActionRun): string {
  return run.annotations.at(-1)?.message ?? "";
}

const armOnly = (fake: Fake) => ({
  "resource-manager-endpoint": fake.armUrl,
});

describe("auth-type OIDC", () => {
  test("300 subscriptions, 200 failing: GitHub and Entra are each asked for a token at most twice", async () => {
    const tenant = generatedTenant(300);
    for (const sub of tenant.subscriptions.slice(0, 200)) sub.contact = null;
    await withFake(tenant, async (fake) => {
      const run = await runAction(fakeInputs(fake), runnerEnv(fake));
      assert.equal(run.exitCode, 1, run.stderr);
      assert.equal(run.outputs["subscriptions-failed"], "200");
      assert.equal(run.outputs["subscriptions-passed"], "100");
      const pricings = fake.requests.filter((r) =>
        r.path.endsWith("/pricings"),
      );
      assert.equal(pricings.length, 200, "pricings read for each failing one");
      const oidc = tokenRequests(fake, "oidc").length;
      const entra = tokenRequests(fake, "entra").length;
      console.log(
        `OIDC token requests: ${oidc}, Entra token requests: ${entra}`,
      );
      assert.ok(oidc >= 1 && oidc <= 2, `${oidc} OIDC token requests`);
      assert.ok(entra >= 1 && entra <= 2, `${entra} Entra token requests`);
      assert.equal(run.report?.tenantId, fake.tenant.tenantId);
    });
  });

  test("a refused assertion prints the token's issuer, subject and audience, never the token", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      // The federated credential expects the default audience; the workflow asks for another.
      const run = await runAction(
        { ...fakeInputs(fake), audience: "api://SomethingElse" },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 1);
      const message = failure(run);
      assert.match(message, /AADSTS700212/);
      assert.match(
        message,
        /issuer 'https:\/\/token\.actions\.githubusercontent\.com', subject 'repo:octo\/landing-zone:ref:refs\/heads\/main' and audience 'api:\/\/SomethingElse'/,
      );
      assert.equal(fake.requests.filter((r) => r.service === "arm").length, 0);
      assertNoTokenLeak(fake, run);
    });
  });

  test("client-id missing: stops before any request and names the other auth-types", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      const { "client-id": _omitted, ...inputs } = fakeInputs(fake);
      const run = await runAction(inputs, runnerEnv(fake));
      assert.equal(run.exitCode, 1);
      assert.match(
        failure(run),
        /'client-id' is required with auth-type OIDC.*AZURE_CLI.*IDENTITY/,
      );
      assert.equal(fake.requests.length, 0);
    });
  });
});

describe("auth-type AZURE_CLI (stand-in az first on PATH)", () => {
  async function runCli(
    fake: Fake,
    inputs: Record<string, string>,
    env: Record<string, string>,
  ): Promise<ActionRun> {
    try {
      return await runAction(
        { "auth-type": "azure_cli", ...armOnly(fake), ...inputs },
        runnerEnvWithoutOidc(fake),
        { env },
      );
    } finally {
      if (env.AZURE_CONFIG_DIR) {
        await rm(env.AZURE_CONFIG_DIR, { recursive: true, force: true });
      }
    }
  }

  test("reuses the session: az runs once, no OIDC, the report names the session's tenant", async () => {
    const tenant = generatedTenant(30);
    for (const sub of tenant.subscriptions.slice(0, 20)) sub.contact = null;
    await withFake(tenant, async (fake) => {
      const run = await runCli(fake, {}, await azureCliEnv(fake));
      assert.equal(run.outputs["subscriptions-failed"], "20", run.stdout);
      assert.equal(run.outputs["subscriptions-passed"], "10");
      assert.equal(run.report?.tenantId, fake.tenant.tenantId);
      assert.equal(tokenRequests(fake, "oidc").length, 0);
      assert.equal(tokenRequests(fake, "entra").length, 1, "az asked once");
      assertNoTokenLeak(fake, run);
    });
  });

  test("passes tenant-id to az", async () => {
    await withFake(generatedTenant(2), async (fake) => {
      const run = await runCli(
        fake,
        { "tenant-id": fake.tenant.tenantId.toUpperCase() },
        await azureCliEnv(fake),
      );
      assert.equal(run.exitCode, 0, failure(run));
      const [request] = tokenRequests(fake, "entra");
      assert.equal(
        request?.path.toLowerCase(),
        `/entra/${fake.tenant.tenantId}/oauth2/v2.0/token`,
      );
    });
  });

  test("logged out: says to run azure/login first", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      const run = await runCli(
        fake,
        {},
        await azureCliEnv(fake, { loggedOut: true }),
      );
      assert.equal(run.exitCode, 1);
      assert.match(failure(run), /not logged in: run azure\/login first/);
      assert.equal(fake.requests.length, 0);
    });
  });

  test("az not on PATH: says so", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      const emptyDir = await mkdtemp(join(tmpdir(), "no-az-"));
      try {
        const run = await runCli(fake, {}, { PATH: emptyDir });
        assert.equal(run.exitCode, 1);
        assert.match(failure(run), /'az' was not found on PATH/);
      } finally {
        await rm(emptyDir, { recursive: true, force: true });
      }
    });
  });

  test("a session for another tenant than tenant-id: says which", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      const run = await runCli(
        fake,
        { "tenant-id": OTHER_TENANT },
        await azureCliEnv(fake),
      );
      assert.equal(run.exitCode, 1);
      assert.match(
        failure(run),
        new RegExp(
          `tenant-id ${OTHER_TENANT}; its session may be for another tenant`,
        ),
      );
      assert.equal(fake.requests.filter((r) => r.service === "arm").length, 0);
    });
  });

  test("a token for another cloud: says so before any Resource Manager call", async () => {
    await withFake(generatedTenant(1), async (fake) => {
      const run = await runCli(
        fake,
        {},
        await azureCliEnv(fake, {
          resource: "https://management.usgovcloudapi.net",
        }),
      );
      assert.equal(run.exitCode, 1);
      assert.match(
        failure(run),
        /wrong cloud: the token is for AzureUSGovernment's Resource Manager/,
      );
      assert.equal(fake.requests.filter((r) => r.service === "arm").length, 0);
    });
  });

  const realAz = (() => {
    try {
      execFileSync("az", ["version"], { stdio: "ignore", timeout: 30_000 });
      return true;
    } catch {
      return false;
    }
  })();
  test(
    "the real Azure CLI",
    {
      skip: realAz
        ? "the real az cannot be logged in to the fake without an interactive login to a registered custom cloud"
        : "the Azure CLI (Debian package azure-cli) is not installed here",
    },
    () => undefined,
  );
});

describe("auth-type IDENTITY (App Service style endpoint on loopback)", () => {
  function identityEnv(fake: Fake): Record<string, string> {
    return {
      IDENTITY_ENDPOINT: fake.identityEndpoint,
      IDENTITY_HEADER: fake.identityHeader,
    };
  }

  test("system-assigned: one identity request, the report names the token's tenant", async () => {
    const tenant = generatedTenant(20);
    for (const sub of tenant.subscriptions.slice(0, 10)) sub.contact = null;
    tenant.managedIdentity = { systemAssigned: true };
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        { "auth-type": "IDENTITY", ...armOnly(fake) },
        runnerEnvWithoutOidc(fake),
        { env: identityEnv(fake) },
      );
      assert.equal(run.outputs["subscriptions-failed"], "10", run.stdout);
      assert.equal(run.report?.tenantId, fake.tenant.tenantId);
      const asked = tokenRequests(fake, "identity");
      assert.equal(asked.length, 1);
      assert.equal(asked[0]?.query.resource, fake.armUrl);
      assert.equal(asked[0]?.query.client_id, undefined);
      assert.equal(tokenRequests(fake, "oidc").length, 0);
      assertNoTokenLeak(fake, run);
    });
  });

  test("user-assigned with client-id", async () => {
    const tenant = generatedTenant(2);
    tenant.managedIdentity = { userAssigned: [USER_ASSIGNED] };
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        {
          "auth-type": "IDENTITY",
          "client-id": USER_ASSIGNED,
          ...armOnly(fake),
        },
        runnerEnvWithoutOidc(fake),
        { env: identityEnv(fake) },
      );
      assert.equal(run.exitCode, 0, failure(run));
      assert.equal(
        tokenRequests(fake, "identity")[0]?.query.client_id,
        USER_ASSIGNED,
      );
      assert.equal(run.outputs["subscriptions-passed"], "2");
    });
  });

  test("an identity the host does not have: names the endpoint kind and the client-id", async () => {
    const tenant = generatedTenant(1);
    tenant.managedIdentity = { systemAssigned: true };
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        { "auth-type": "IDENTITY", "client-id": guid(99), ...armOnly(fake) },
        runnerEnvWithoutOidc(fake),
        { env: identityEnv(fake) },
      );
      assert.equal(run.exitCode, 1);
      assert.match(
        failure(run),
        new RegExp(
          `user-assigned managed identity with client-id ${guid(99)} through the App Service style identity endpoint`,
        ),
      );
      assert.match(failure(run), /No Managed Identity found/);
      assert.equal(fake.requests.filter((r) => r.service === "arm").length, 0);
    });
  });
});
