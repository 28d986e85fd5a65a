import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { nextLinkProblem } from "../../../src/azure/next-link.js";

const ARM = "https://management.azure.com";
const NEXT = `${ARM}/subscriptions/x/providers/Microsoft.Security/securityContacts?page=2`;
const CONTACTS = { name: "security contacts", maxPages: 100 };

describe("nextLinkProblem", () => {
  it("follows a new link on the Resource Manager origin", () => {
    assert.equal(nextLinkProblem(NEXT, ARM, new Set(), 1, CONTACTS), null);
  });

  it("refuses another origin, even a look-alike host or another port", () => {
    for (const link of [
      "https://management.azure.com.evil.example/x",
      "https://management.azure.com:8443/x",
      "http://management.azure.com/x",
    ]) {
      assert.match(
        nextLinkProblem(link, ARM, new Set(), 1, CONTACTS) ?? "",
        /another origin/,
      );
    }
  });

  it("names the list in every refusal", () => {
    assert.match(
      nextLinkProblem("https://evil.example/x", ARM, new Set(), 1, {
        name: "management group descendants",
        maxPages: 10_000,
      }) ?? "",
      /^The management group descendants answer has a 'nextLink' to another origin \(https:\/\/evil\.example\)/,
    );
  });

  it("refuses a link that is not a URL", () => {
    assert.match(
      nextLinkProblem("/relative", ARM, new Set(), 1, CONTACTS) ?? "",
      /not a URL/,
    );
  });

  it("refuses a repeating link", () => {
    assert.match(
      nextLinkProblem(NEXT, ARM, new Set([NEXT]), 2, CONTACTS) ?? "",
      /repeats/,
    );
  });

  it("stops after the page bound", () => {
    assert.match(
      nextLinkProblem(NEXT, ARM, new Set(), 100, CONTACTS) ?? "",
      /more than 100 pages/,
    );
  });
});
