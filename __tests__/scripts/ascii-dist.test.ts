import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { runInNewContext } from "node:vm";
import { asciiSource } from "../../scripts/ascii-dist.js";

describe("asciiSource", () => {
  it("leaves ASCII source alone", () => {
    const source = 'const a = "plain"; // comment\n';
    assert.equal(asciiSource(source), source);
  });

  it("writes every other character as an escape that means the same", () => {
    const source = String.raw`[
      "café — 😀",
      "\é",
      "\\é",
      /😀+/u.test("😀😀"),
      /[é-ë]/.test("ê"),
    ]`;
    const ascii = asciiSource(source);
    assert.match(ascii, /^[\x20-\x7e\s]*$/);
    const run = (code: string): unknown =>
      runInNewContext(`JSON.stringify(${code})`);
    assert.equal(run(ascii), run(source));
  });
});
