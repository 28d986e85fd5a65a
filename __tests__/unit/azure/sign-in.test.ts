import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
} from "@azure/core-rest-pipeline";
import { explainAzureCliFailure } from "../../../src/azure/sign-in/azure-cli.js";
import {
  identityEndpointKind,
  managedIdentitySignIn,
} from "../../../src/azure/sign-in/managed-identity.js";
import {
  explainSignInFailure,
  IdTokenCache,
} from "../../../src/azure/sign-in/oidc.js";
import { readSettings } from "../../../src/settings.js";
import { unsignedJwt } from "./unsigned-jwt.js";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT = "0f3e8d9a-1b2c-4d5e-8f70-a1b2c3d4e5f6";

describe("IdTokenCache", () => {
  it("asks GitHub once and again only close to the token's exp", async () => {
    let now = 1_000_000_000;
    const asked: string[] = [];
    const cache = new IdTokenCache(
      async (audience) => {
        asked.push(audience);
        return unsignedJwt({ exp: now / 1000 + 300, n: asked.length });
      },
      "api://AzureADTokenExchange",
      () => now,
    );
    const first = await Promise.all([cache.get(), cache.get(), cache.get()]);
    assert.equal(asked.length, 1);
    assert.equal(new Set(first).size, 1);
    now += 239_000;
    await cache.get();
    assert.equal(asked.length, 1);
    now += 2_000;
    await cache.get();
    assert.deepEqual(asked, [
      "api://AzureADTokenExchange",
      "api://AzureADTokenExchange",
    ]);
  });
});

describe("explainSignInFailure", () => {
  const claims = {
    iss: "https://ghes.example.com/_services/token",
    sub: "repo:octo/landing-zone:ref:refs/heads/main",
    aud: "api://AzureADTokenExchange",
  };

  it("adds the subject hint to AADSTS700213, keeps Entra's first line and prints the claims", () => {
    const message = explainSignInFailure(
      "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:o/r:ref:refs/heads/x'.\r\nTrace ID: 1",
      claims,
    );
    assert.match(
      message,
      /^Sign-in to Entra ID failed \(AADSTS700213\): the federated credential's subject/,
    );
    assert.match(message, /Entra said: AADSTS700213: No matching/);
    assert.doesNotMatch(message, /Trace ID/);
    assert.match(
      message,
      /issuer 'https:\/\/ghes\.example\.com\/_services\/token', subject 'repo:octo\/landing-zone:ref:refs\/heads\/main' and audience 'api:\/\/AzureADTokenExchange'.*must hold exactly these three values/,
    );
  });

  it("names the issuer the token carries, not github.com's, for AADSTS700211", () => {
    const message = explainSignInFailure(
      "AADSTS700211: No matching federated identity record found for presented assertion issuer 'https://ghes.example.com/_services/token'.",
      claims,
    );
    assert.doesNotMatch(message, /token\.actions\.githubusercontent\.com/);
    assert.match(
      message,
      /issuer 'https:\/\/ghes\.example\.com\/_services\/token'/,
    );
  });

  it("prints no claims for a failure that is not about the assertion", () => {
    const message = explainSignInFailure(
      "AADSTS90002: Tenant not found",
      claims,
    );
    assert.match(message, /the tenant was not found/);
    assert.doesNotMatch(message, /issuer/);
  });

  it("passes an unknown failure through without a hint", () => {
    assert.equal(
      explainSignInFailure("socket hang up"),
      "Sign-in to Entra ID failed: socket hang up",
    );
  });
});

describe("explainAzureCliFailure", () => {
  it("says when az is missing", () => {
    assert.match(
      explainAzureCliFailure(
        "Azure CLI could not be found. Please visit https://aka.ms/azure-cli",
        "",
      ),
      /'az' was not found on PATH/,
    );
  });

  it("says to run azure/login first when az is logged out", () => {
    assert.match(
      explainAzureCliFailure(
        "Please run 'az login' from a command prompt to authenticate before using this credential.",
        TENANT,
      ),
      new RegExp(
        `no session for tenant-id ${TENANT}: it is not logged in, or logged in to another tenant. Run azure/login first`,
      ),
    );
    assert.match(
      explainAzureCliFailure("Please run 'az login' to setup account.", ""),
      /not logged in: run azure\/login first/,
    );
  });

  it("points at the tenant when az cannot serve tenant-id", () => {
    assert.match(
      explainAzureCliFailure(
        "ERROR: AADSTS90002: Tenant '1' not found.",
        TENANT,
      ),
      new RegExp(
        `for tenant-id ${TENANT}; its session may be for another tenant.*az said: ERROR: AADSTS90002`,
      ),
    );
  });

  it("points at the cloud when the resource is unknown to the session's cloud", () => {
    assert.match(
      explainAzureCliFailure(
        "ERROR: AADSTS500011: The resource principal named https://management.azure.com was not found",
        "",
      ),
      /belongs to another cloud/,
    );
  });
});

describe("managed identity", () => {
  it("names the endpoint kind from the environment", () => {
    assert.match(
      identityEndpointKind({
        IDENTITY_ENDPOINT: "http://localhost:1",
        IDENTITY_HEADER: "h",
      }),
      /App Service style identity endpoint/,
    );
    assert.match(
      identityEndpointKind({
        IDENTITY_ENDPOINT: "http://localhost:1",
        IMDS_ENDPOINT: "http://localhost:2",
      }),
      /Azure Arc/,
    );
    assert.match(identityEndpointKind({}), /Instance Metadata Service/);
  });

  // IMDS only through an injected transport: nothing here touches the network.
  const noIdentityVariables = [
    "IDENTITY_ENDPOINT",
    "IDENTITY_HEADER",
    "IMDS_ENDPOINT",
    "MSI_ENDPOINT",
    "MSI_SECRET",
    "IDENTITY_SERVER_THUMBPRINT",
    "AZURE_FEDERATED_TOKEN_FILE",
  ].every((name) => process.env[name] === undefined);

  // MSAL keeps the managed-identity source (with its transport) and its
  // tokens process-wide, so both tests share one transport whose answer they set.
  const seen: PipelineRequest[] = [];
  let answer: { status: number; body: unknown } = { status: 500, body: {} };
  const transport: HttpClient = {
    sendRequest: async (request) => {
      seen.push(request);
      return {
        request,
        status: answer.status,
        headers: createHttpHeaders({ "content-type": "application/json" }),
        bodyAsText: JSON.stringify(answer.body),
      };
    },
  };

  const seen0 = (seen: PipelineRequest[]): PipelineRequest => {
    assert.ok(seen[0], "the identity endpoint was asked");
    return seen[0];
  };

  const arm = "https://management.azure.com";
  const tokenBody = (clientId: string) => ({
    access_token: unsignedJwt({ tid: TENANT, aud: arm }),
    expires_on: String(Math.floor(Date.now() / 1000) + 3600),
    expires_in: "3600",
    resource: arm,
    token_type: "Bearer",
    client_id: clientId,
  });

  it(
    "asks for the user-assigned identity and names it when IMDS refuses",
    {
      skip:
        !noIdentityVariables &&
        "identity variables are set in this environment",
    },
    async () => {
      answer = {
        status: 400,
        body: {
          error: "invalid_request",
          error_description: "Identity not found",
        },
      };
      const settings = readSettings((n) =>
        n === "auth-type" ? "IDENTITY" : n === "client-id" ? CLIENT : "",
      );
      const method = managedIdentitySignIn(
        settings,
        {},
        {
          httpClient: transport,
          retryOptions: { maxRetries: 0 },
        },
      );
      // Before the success below, which MSAL would remember.
      const error = await method.credential
        .getToken("https://management.usgovcloudapi.net/.default")
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(error, "IMDS refused, so getToken must fail");
      assert.equal(
        new URL(seen0(seen).url).searchParams.get("client_id"),
        CLIENT,
      );
      const explained = method.explain(error);
      assert.match(
        explained,
        new RegExp(
          `user-assigned managed identity with client-id ${CLIENT} through the Azure Instance Metadata Service`,
        ),
      );
      assert.match(explained, /Identity not found/);
    },
  );

  it(
    "asks IMDS for a Resource Manager token, system-assigned",
    {
      skip:
        !noIdentityVariables &&
        "identity variables are set in this environment",
    },
    async () => {
      answer = { status: 200, body: tokenBody("system") };
      seen.length = 0;
      const method = managedIdentitySignIn(
        readSettings((n) => (n === "auth-type" ? "IDENTITY" : "")),
        {},
        {
          httpClient: transport,
        },
      );
      const token = await method.credential.getToken(`${arm}/.default`);
      assert.ok(token?.token);
      assert.equal(seen.length, 1);
      const url = new URL(seen0(seen).url);
      assert.equal(url.host, "169.254.169.254");
      assert.equal(url.pathname, "/metadata/identity/oauth2/token");
      assert.equal(url.searchParams.get("resource"), arm);
      assert.equal(url.searchParams.get("client_id"), null);
      assert.equal(seen0(seen).headers.get("metadata"), "true");
    },
  );
});
