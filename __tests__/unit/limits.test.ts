import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fitBytes, fitChars } from "../../src/limits.js";

describe("fitChars", () => {
  it("returns short text unchanged and cuts long text to the limit", () => {
    assert.equal(fitChars("short", 10), "short");
    const cut = fitChars("x".repeat(5000), 4096);
    assert.equal(cut.length <= 4096, true);
    assert.match(cut, /cut to fit/);
  });

  it("never leaves half a surrogate pair", () => {
    const cut = fitChars("😀".repeat(100), 51);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut));
  });
});

describe("fitBytes", () => {
  it("cuts to the byte limit without splitting a character", () => {
    const cut = fitBytes("é".repeat(1000), 500);
    assert.ok(Buffer.byteLength(cut) <= 500);
    assert.ok(!cut.includes("\uFFFD"));
    assert.equal(fitBytes("abc", 10), "abc");
  });
});
