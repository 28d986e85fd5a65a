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

describe("readBounded: sources", () => {
  it("reads a web stream (an async iterable, what fetch hands over) the same way", async () => {
    const body = new Response("abcd").body;
    assert.ok(body);
    const bytes = await readBounded(body, "the answer", () => undefined, 4);
    assert.equal(bytes.toString(), "abcd");
  });

  it("refuses a Node stream destroyed before its end: never a short answer", async () => {
    const body = new Readable({ read() {} });
    body.push("ab");
    const reading = readBounded(body, "ARM's answer", () => undefined, 10);
    setImmediate(() => body.destroy());
    await assert.rejects(
      reading,
      /^Error: ARM's answer ended before it was complete\.$/,
    );
  });

  it("reads a Node stream in several chunks whole, and names the answer it refuses", async () => {
    const whole = await readBounded(
      Readable.from([Buffer.from("ab"), "cd"]),
      "the answer",
      () => undefined,
      4,
    );
    assert.equal(whole.toString(), "abcd");
    await assert.rejects(
      readBounded(
        Readable.from([Buffer.from("abcde")]),
        "the answer",
        () => undefined,
        4,
      ),
      /^AnswerTooLargeError: the answer is larger than/,
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
