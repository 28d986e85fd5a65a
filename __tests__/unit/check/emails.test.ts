import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { isValidEmail, splitEmails } from "../../../src/check/emails.js";

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
