import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  MAX_CONTACT_PAGES,
  nextLinkProblem,
} from "../../src/azure/security-contacts.js";

const ARM = "https://management.azure.com";
const NEXT = `${ARM}/subscriptions/x/providers/Microsoft.Security/securityContacts?page=2`;

describe("nextLinkProblem", () => {
  it("follows a new link on the Resource Manager origin", () => {
    assert.equal(nextLinkProblem(NEXT, ARM, new Set(), 1), null);
  });

  it("refuses another origin, even a look-alike host or another port", () => {
    for (const link of [
      "https://management.azure.com.evil.example/x",
      "https://management.azure.com:8443/x",
      "http://management.azure.com/x",
    ]) {
      assert.match(
        nextLinkProblem(link, ARM, new Set(), 1) ?? "",
        /another origin/,
      );
    }
  });

  it("refuses a link that is not a URL", () => {
    assert.match(
      nextLinkProblem("/relative", ARM, new Set(), 1) ?? "",
      /not a URL/,
    );
  });

  it("refuses a repeating link", () => {
    assert.match(
      nextLinkProblem(NEXT, ARM, new Set([NEXT]), 2) ?? "",
      /repeats/,
    );
  });

  it("stops after the page bound", () => {
    assert.match(
      nextLinkProblem(NEXT, ARM, new Set(), MAX_CONTACT_PAGES) ?? "",
      /more than 100 pages/,
    );
  });
});
