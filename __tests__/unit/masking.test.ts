import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { maskEmail } from "../../src/check/emails.js";
import { maskAddressesIn } from "../../src/masking.js";

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
