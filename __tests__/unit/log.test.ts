import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { log, safeLine, setLogMasker } from "../../src/log.js";

describe("safeLine", () => {
  it("keeps a forged workflow command on the same line", () => {
    const line = safeLine(
      "AuthorizationFailed\n::error title=Forged::x\r\n::add-mask::Prod",
    );
    assert.ok(!/[\r\n]/.test(line));
    assert.equal(
      line,
      "AuthorizationFailed ::error title=Forged::x ::add-mask::Prod",
    );
  });

  it("defuses a leading :: and the legacy ##[command] form anywhere", () => {
    assert.equal(safeLine("::warning::x"), " ::warning::x");
    assert.equal(safeLine("name ##[error]forged"), "name ## [error]forged");
  });

  it("drops ANSI escapes, other controls and format characters", () => {
    assert.equal(safeLine("\u001b[31mred\u001b[0m"), "[31mred[0m");
    assert.equal(safeLine("a\u202Eb\u200Bc\u0000d"), "abcd");
  });
});

describe("log.lines", () => {
  it("writes many lines in one write, each made safe and masked", (t) => {
    const writes: string[] = [];
    t.mock.method(process.stdout, "write", (chunk: string) => {
      writes.push(String(chunk));
      return true;
    });
    setLogMasker((text) => text.replace(/[^\s@]*@/g, "***@"));
    try {
      log.lines(["PASS a: ops@contoso.com", "::error::forged", "FAIL b\nc"]);
      log.lines([]);
    } finally {
      t.mock.restoreAll();
    }
    assert.deepEqual(writes, [
      "PASS a: ***@contoso.com\n ::error::forged\nFAIL b c\n",
    ]);
  });
});
