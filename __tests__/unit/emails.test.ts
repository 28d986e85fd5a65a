import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  isValidEmail,
  maskEmail,
  presentEmails,
  splitEmails,
} from "../../src/check/emails.js";

describe("splitEmails", () => {
  it("splits on semicolons and commas and trims each entry", () => {
    assert.deepEqual(
      splitEmails(" jane@contoso.com ;ops@contoso.com,  soc@contoso.com "),
      ["jane@contoso.com", "ops@contoso.com", "soc@contoso.com"],
    );
  });

  it("drops empty entries between and around separators", () => {
    assert.deepEqual(splitEmails(";jane@contoso.com;;, ,ops@contoso.com;"), [
      "jane@contoso.com",
      "ops@contoso.com",
    ]);
  });

  for (const raw of ["", ";  ,", " ", ";;;", ",,"]) {
    it(`returns no entries for ${JSON.stringify(raw)}`, () => {
      assert.deepEqual(splitEmails(raw), []);
    });
  }

  it("returns no entries for undefined and null", () => {
    assert.deepEqual(splitEmails(undefined), []);
    assert.deepEqual(splitEmails(null), []);
  });

  it("does not split on spaces inside an entry", () => {
    assert.deepEqual(splitEmails("a b@c.com"), ["a b@c.com"]);
  });
});

describe("isValidEmail", () => {
  for (const address of [
    "jane@contoso.com",
    "Jane.Doe+sec@sub.contoso.co.uk",
    "a@b.co",
  ]) {
    it(`accepts ${address}`, () => {
      assert.equal(isValidEmail(address), true);
    });
  }

  for (const address of [
    "not-an-email",
    "ops@localhost",
    "a@@b.com",
    "a b@c.com",
    '"quoted"@contoso.com',
    "jöhn@contoso.com",
    "a@-contoso.com",
    "a@contoso-.com",
    "a@contoso..com",
    "@contoso.com",
    "jane@",
    "",
  ]) {
    it(`rejects ${JSON.stringify(address)}`, () => {
      assert.equal(isValidEmail(address), false);
    });
  }
});

describe("maskEmail", () => {
  it("keeps the first character of the local part and the whole domain", () => {
    assert.equal(maskEmail("jane@contoso.com"), "j***@contoso.com");
  });

  it("hides the length of the local part", () => {
    assert.equal(
      maskEmail("Jane.Doe+sec@sub.contoso.co.uk"),
      "J***@sub.contoso.co.uk",
    );
    assert.equal(maskEmail("a@b.co"), "a***@b.co");
  });

  it("keeps only the first character of an entry without @", () => {
    assert.equal(maskEmail("security-team"), "s***");
  });

  it("does not split a non-BMP first character", () => {
    assert.equal(maskEmail("😀ops@contoso.com"), "😀***@contoso.com");
  });
});

describe("presentEmails", () => {
  const entries = ["jane@contoso.com", "security-team"];

  it("masks every entry when mask is true", () => {
    assert.deepEqual(presentEmails(entries, true), [
      "j***@contoso.com",
      "s***",
    ]);
  });

  it("returns the entries unchanged when mask is false", () => {
    assert.deepEqual(presentEmails(entries, false), [
      "jane@contoso.com",
      "security-team",
    ]);
  });

  it("returns a copy, not the caller's array", () => {
    const shown = presentEmails(entries, false);
    assert.notEqual(shown, entries);
  });
});
