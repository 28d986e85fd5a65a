import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readTokenClaims } from "../../../src/azure/token-claims.js";
import { unsignedJwt } from "./unsigned-jwt.js";

describe("readTokenClaims", () => {
  it("reads iss, sub, aud, tid and exp", () => {
    assert.deepEqual(
      readTokenClaims(
        unsignedJwt({
          iss: "https://issuer.example",
          sub: "repo:o/r:ref:refs/heads/main",
          aud: "api://AzureADTokenExchange",
          tid: "t",
          exp: 1700000000,
          other: 1,
        }),
      ),
      {
        iss: "https://issuer.example",
        sub: "repo:o/r:ref:refs/heads/main",
        aud: "api://AzureADTokenExchange",
        tid: "t",
        exp: 1700000000,
      },
    );
  });

  it("joins an audience list and ignores claims of the wrong type", () => {
    const claims = readTokenClaims(
      unsignedJwt({ aud: ["a", 3, "b"], tid: 7, exp: "soon" }),
    );
    assert.equal(claims?.aud, "a,b");
    assert.equal(claims?.tid, undefined);
    assert.equal(claims?.exp, undefined);
  });

  it("is undefined for what is not a JWT", () => {
    assert.equal(readTokenClaims("opaque"), undefined);
    assert.equal(readTokenClaims("a.!!!.c"), undefined);
    assert.equal(
      readTokenClaims(`a.${Buffer.from("3").toString("base64url")}.c`),
      undefined,
    );
  });
});
