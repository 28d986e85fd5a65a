import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TokenCredential } from "@azure/identity";
import {
  assertOidcAvailable,
  explainSignInFailure,
  signIn,
  SignInError,
} from "../../src/azure/credential.js";

describe("assertOidcAvailable", () => {
  it("asks for id-token: write and mentions forks when GitHub gave no OIDC endpoint", () => {
    assert.throws(
      () => assertOidcAvailable({}),
      (error: Error) =>
        error instanceof SignInError &&
        /permissions: id-token: write/.test(error.message) &&
        /forks/.test(error.message),
    );
  });

  it("passes when both variables are set", () => {
    assertOidcAvailable({
      ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.example/?x=1",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t",
    });
  });
});

describe("explainSignInFailure", () => {
  it("adds the subject hint to AADSTS700213 and keeps Entra's first line", () => {
    const message = explainSignInFailure(
      "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:o/r:ref:refs/heads/x'.\r\nTrace ID: 1",
    );
    assert.match(
      message,
      /^Sign-in to Entra ID failed \(AADSTS700213\): the federated credential's subject/,
    );
    assert.match(message, /Entra said: AADSTS700213: No matching/);
    assert.doesNotMatch(message, /Trace ID/);
  });

  it("passes an unknown failure through without a hint", () => {
    assert.equal(
      explainSignInFailure("socket hang up"),
      "Sign-in to Entra ID failed: socket hang up",
    );
  });
});

describe("signIn", () => {
  it("gives up on a sign-in that never answers, with a clear message", async () => {
    const hung: TokenCredential = {
      getToken: () => new Promise(() => undefined),
    };
    await assert.rejects(
      signIn(hung, "https://management.azure.com/.default", 50),
      (error: Error) =>
        error instanceof SignInError &&
        /did not answer within 0.05 s/.test(error.message),
    );
  });

  it("explains a refusal", async () => {
    const refusing: TokenCredential = {
      getToken: () =>
        Promise.reject(new Error("AADSTS700016: Application not found")),
    };
    await assert.rejects(
      signIn(refusing, "https://management.azure.com/.default"),
      /AADSTS700016\): no application with this client-id/,
    );
  });
});
