import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { describe, it } from "node:test";
import {
  AnswerTooLargeError,
  checkDeclaredLength,
  readBounded,
} from "../../src/answer-size.js";

describe("readBounded", () => {
  it("returns a body within the bound, whole", async () => {
    const body = Readable.from([Buffer.from("ab"), Buffer.from("cd")]);
    const bytes = await readBounded(body, "the answer", () => undefined, 4);
    assert.equal(bytes.toString(), "abcd");
  });

  it("stops at the bound, calls stop and names the answer", async () => {
    let stopped = false;
    const body = Readable.from([Buffer.from("abc"), Buffer.from("de")]);
    await assert.rejects(
      readBounded(body, "GitHub's answer", () => (stopped = true), 4),
      (error: unknown) =>
        error instanceof AnswerTooLargeError &&
        /^GitHub's answer is larger than/.test(error.message),
    );
    assert.ok(stopped);
  });

  it("stops an inflating stream early: a bomb is never read whole", async () => {
    const gzip = createGzip();
    const inflated = Readable.from(
      (function* () {
        for (let i = 0; i < 1024; i++) yield Buffer.alloc(1024 * 1024, " ");
      })(),
    ).pipe(gzip);
    const { createGunzip } = await import("node:zlib");
    const decoded = inflated.pipe(createGunzip());
    await assert.rejects(
      readBounded(decoded, "a bomb", () => decoded.destroy(), 1024 * 1024),
      AnswerTooLargeError,
    );
  });
});

describe("checkDeclaredLength", () => {
  it("refuses a larger Content-Length unread, ignores a missing or odd one", () => {
    assert.throws(
      () => checkDeclaredLength("11", "x", 10),
      AnswerTooLargeError,
    );
    checkDeclaredLength("10", "x", 10);
    checkDeclaredLength(null, "x", 10);
    checkDeclaredLength("junk", "x", 10);
  });
});
