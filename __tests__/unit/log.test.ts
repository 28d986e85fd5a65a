import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { safeLine } from "../../src/log.js";

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
