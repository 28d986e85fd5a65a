import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contactsScopeProblem } from "../../src/azure/security-contacts.js";

const ARM = "https://management.azure.com";
const SUB = "00000000-0000-4000-8000-000000000001";
const OWN = `${ARM}/subscriptions/${SUB}/providers/Microsoft.Security/securityContacts?api-version=2023-12-01-preview&$skiptoken=2`;

describe("contactsScopeProblem", () => {
  it("allows this subscription's contacts list, in any case, behind a path prefix too", () => {
    assert.equal(contactsScopeProblem(OWN, ARM, SUB), null);
    assert.equal(
      contactsScopeProblem(OWN.toLowerCase(), ARM, SUB.toUpperCase()),
      null,
    );
    const proxy = "https://proxy.example/arm";
    assert.equal(
      contactsScopeProblem(
        `${proxy}/subscriptions/${SUB}/providers/Microsoft.Security/securityContacts`,
        proxy,
        SUB,
      ),
      null,
    );
  });

  it("refuses another subscription's contacts, another resource, or a path trick", () => {
    const other = OWN.replace(SUB, "00000000-0000-4000-8000-000000000002");
    for (const url of [
      other,
      `${ARM}/subscriptions/${SUB}/providers/Microsoft.Security/pricings`,
      `${ARM}/subscriptions/${SUB}/providers/Microsoft.Security/securityContacts/../../../../subscriptions/x`,
      `${ARM}/subscriptions/${SUB}%2F..%2F00000000-0000-4000-8000-000000000002/providers/Microsoft.Security/securityContacts`,
    ]) {
      const problem = contactsScopeProblem(url, ARM, SUB);
      assert.match(problem ?? "", /not at this subscription's contacts/, url);
    }
  });
});
