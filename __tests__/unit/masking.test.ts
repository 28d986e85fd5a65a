import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { maskEmail } from "../../src/check/emails.js";
import { maskAddressesIn, maskRun } from "../../src/masking.js";
import { summarizeRun } from "../../src/check/run-result.js";
import { resultOf } from "./fixtures.js";

describe("maskAddressesIn", () => {
  it("masks every address in a text, whatever separates them", () => {
    assert.equal(
      maskAddressesIn("a@contoso.com bob.secret@contoso.com\ncarol@x.org"),
      "a***@contoso.com b***@contoso.com\nc***@x.org",
    );
  });

  it("masks addresses quoted in an error message", () => {
    assert.equal(
      maskAddressesIn("The client 'leaked@contoso.com' (mailto:ops@x.org)"),
      "The client 'l***@contoso.com' (mailto:o***@x.org)",
    );
  });

  it("leaves text without addresses alone and is idempotent", () => {
    assert.equal(maskAddressesIn("no address @ here"), "no address @ here");
    const once = maskAddressesIn("jane@contoso.com");
    assert.equal(maskAddressesIn(once), once);
  });
});

describe("maskEmail", () => {
  it("masks every address inside one entry", () => {
    assert.equal(
      maskEmail("a@contoso.com bob.secret@contoso.com"),
      "a***@contoso.com b***@contoso.com",
    );
  });

  it("keeps one character of an entry without @", () => {
    assert.equal(maskEmail("security-team"), "s***");
  });
});

describe("maskRun", () => {
  it("masks names, reasons and a remediation's reason", () => {
    const masked = maskRun(
      summarizeRun([
        resultOf(1, "fail", {
          displayName: "jane@contoso.com's sub",
          reason: "Write to bob@contoso.com.",
          remediation: {
            action: "failed",
            changes: [],
            reason: "Azure said: soc@contoso.com is not allowed.",
          },
        }),
      ]),
    );
    const [row] = masked.results;
    assert.equal(row?.displayName, "j***@contoso.com's sub");
    assert.equal(row?.reason, "Write to b***@contoso.com.");
    assert.equal(
      row?.remediation?.reason,
      "Azure said: s***@contoso.com is not allowed.",
    );
  });
});
