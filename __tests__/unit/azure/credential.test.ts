import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import {
  CachedCredential,
  checkArmToken,
  createSignIn,
  signIn,
} from "../../../src/azure/credential.js";
import {
  SignInError,
  type SignInMethod,
} from "../../../src/azure/sign-in/method.js";
import { readSettings, type Settings } from "../../../src/settings.js";
import { unsignedJwt } from "./unsigned-jwt.js";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OTHER_TENANT = "11111111-2222-4333-8444-555555555555";
const CLIENT = "0f3e8d9a-1b2c-4d5e-8f70-a1b2c3d4e5f6";

function settings(values: Record<string, string> = {}): Settings {
  return readSettings((name) => values[name] ?? "");
}

function method(credential: TokenCredential): SignInMethod {
  return {
    credential,
    description: "a test identity",
    explain: (error) => `explained: ${String(error)}`,
  };
}

const token = (value: string, expiresOnTimestamp: number): AccessToken => ({
  token: value,
  expiresOnTimestamp,
  tokenType: "Bearer",
});

describe("CachedCredential", () => {
  it("asks once for concurrent callers and reuses the token until close to expiry", async () => {
    let now = 0;
    let calls = 0;
    const cached = new CachedCredential(
      {
        getToken: async () => token(`t${++calls}`, now + 3_600_000),
      },
      () => now,
    );
    const scope = "https://management.azure.com/.default";
    const first = await Promise.all(
      Array.from({ length: 50 }, () => cached.getToken(scope)),
    );
    assert.equal(calls, 1);
    assert.ok(first.every((t) => t.token === "t1"));
    now = 3_600_000 - 5 * 60_000 - 1;
    assert.equal((await cached.getToken(scope)).token, "t1");
    now += 2;
    assert.equal((await cached.getToken(scope)).token, "t2");
    assert.equal(calls, 2);
  });

  it("keeps a short-lived token for half its life", async () => {
    let now = 0;
    let calls = 0;
    const cached = new CachedCredential(
      { getToken: async () => token(`t${++calls}`, now + 60_000) },
      () => now,
    );
    await cached.getToken("s");
    now = 29_000;
    await cached.getToken("s");
    assert.equal(calls, 1);
    now = 31_000;
    await cached.getToken("s");
    assert.equal(calls, 2);
  });

  it("does not keep a failure: the next caller asks again", async () => {
    let calls = 0;
    const cached = new CachedCredential({
      getToken: async () => {
        calls++;
        if (calls === 1) throw new Error("refused");
        return token("ok", Date.now() + 3_600_000);
      },
    });
    await assert.rejects(cached.getToken("s"), /refused/);
    assert.equal((await cached.getToken("s")).token, "ok");
  });
});

describe("checkArmToken", () => {
  const arm = "https://management.azure.com";

  it("reports tenant-id as given, else the token's tid", () => {
    const withTid = unsignedJwt({ tid: TENANT.toUpperCase(), aud: arm });
    assert.equal(
      checkArmToken(withTid, settings({ "auth-type": "AZURE_CLI" })).tenantId,
      TENANT,
    );
    const domain = settings({
      "auth-type": "AZURE_CLI",
      "tenant-id": "contoso.onmicrosoft.com",
    });
    assert.equal(
      checkArmToken(withTid, domain).tenantId,
      "contoso.onmicrosoft.com",
    );
  });

  it("refuses a token for another tenant than tenant-id", () => {
    assert.throws(
      () =>
        checkArmToken(
          unsignedJwt({ tid: OTHER_TENANT, aud: arm }),
          settings({ "auth-type": "AZURE_CLI", "tenant-id": TENANT }),
        ),
      (error: Error) =>
        error instanceof SignInError &&
        error.message.includes(
          `Signed in to tenant ${OTHER_TENANT}, but input 'tenant-id' is ${TENANT}`,
        ),
    );
  });

  it("refuses a token for another cloud", () => {
    assert.throws(
      () =>
        checkArmToken(
          unsignedJwt({
            tid: TENANT,
            aud: "https://management.chinacloudapi.cn",
          }),
          settings({ "auth-type": "AZURE_CLI" }),
        ),
      /wrong cloud: the token is for AzureChinaCloud's Resource Manager/,
    );
  });

  it("asks for tenant-id when the token names no tenant", () => {
    assert.throws(
      () => checkArmToken("opaque", settings({ "auth-type": "IDENTITY" })),
      /no 'tid' claim\): set the 'tenant-id' input/,
    );
  });
});

describe("signIn", () => {
  const oidc = settings({ "client-id": CLIENT, "tenant-id": TENANT });

  it("gives up on a sign-in that never answers, with a clear message", async () => {
    const hung = method({ getToken: () => new Promise(() => undefined) });
    // A real hang holds a socket open; AbortSignal.timeout alone does not keep Node running.
    const socketStandIn = setInterval(() => undefined, 1000);
    try {
      await assert.rejects(
        signIn(hung, oidc, 50),
        (error: Error) =>
          error instanceof SignInError &&
          /a test identity did not answer within 0.05 s/.test(error.message),
      );
    } finally {
      clearInterval(socketStandIn);
    }
  });

  it("lets the mode explain a refusal", async () => {
    const refusing = method({
      getToken: () => Promise.reject(new Error("AADSTS700016")),
    });
    await assert.rejects(
      signIn(refusing, oidc),
      /^SignInError: explained: Error: AADSTS700016$/,
    );
  });

  it("returns the tenant signed in to", async () => {
    const fine = method({
      getToken: async () =>
        token(
          unsignedJwt({ tid: TENANT, aud: "https://management.azure.com/" }),
          Date.now() + 3_600_000,
        ),
    });
    assert.deepEqual(await signIn(fine, oidc), { tenantId: TENANT });
  });
});

describe("createSignIn", () => {
  const noIdToken = () => Promise.reject(new Error("not called"));

  it("checks for id-token: write with OIDC only, before any request", () => {
    assert.throws(
      () =>
        createSignIn(
          settings({ "client-id": CLIENT, "tenant-id": TENANT }),
          noIdToken,
          {},
        ),
      (error: Error) =>
        error instanceof SignInError &&
        /permissions: id-token: write/.test(error.message) &&
        /forks/.test(error.message) &&
        /AZURE_CLI/.test(error.message),
    );
    for (const type of ["AZURE_CLI", "IDENTITY"]) {
      const made = createSignIn(settings({ "auth-type": type }), noIdToken, {});
      assert.ok(made.credential instanceof CachedCredential);
    }
  });
});
