import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  displayCode,
  errorMessage,
  inflect,
  oneLine,
  plural,
} from "../../src/text.js";

describe("plural", () => {
  it("uses the singular for one only", () => {
    assert.equal(plural(1, "subscription"), "1 subscription");
    assert.equal(plural(0, "subscription"), "0 subscriptions");
    assert.equal(plural(2, "entry", "entries"), "2 entries");
  });
});

describe("inflect", () => {
  it("picks the form that agrees with the count, for nouns and verbs", () => {
    assert.equal(inflect(1, "subscription"), "subscription");
    assert.equal(inflect(0, "subscription"), "subscriptions");
    assert.equal(inflect(1, "lists", "list"), "lists");
    assert.equal(inflect(3, "lists", "list"), "list");
  });
});

describe("errorMessage", () => {
  it("reads an Error's message and stringifies anything else", () => {
    assert.equal(errorMessage(new TypeError("boom")), "boom");
    assert.equal(errorMessage("plain"), "plain");
    assert.equal(errorMessage(42), "42");
  });
});

describe("oneLine", () => {
  it("folds whitespace and newlines", () => {
    assert.equal(oneLine("  a\n b\r\n\tc  "), "a b c");
  });
});

describe("displayCode", () => {
  it("shows identifier-shaped codes as Azure sent them", () => {
    for (const code of [
      "AuthorizationFailed",
      "Subscription Not Registered",
      "HTTP503",
      "a.b_c-d",
    ]) {
      assert.equal(displayCode(code), code);
    }
  });

  it("shows anything else as InvalidCode", () => {
    for (const code of [
      "AuthorizationFailed\n::error::x",
      "two  spaces",
      " lead",
      "",
      "x".repeat(101),
      "<b>",
    ]) {
      assert.equal(displayCode(code), "InvalidCode");
    }
  });
});
