/**
 * The descendants answer, read defensively. (The walk itself, and its
 * nextLink guard, run against the fake in the end-to-end tests.)
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readDescendantsPage } from "../../../src/azure/management-groups.js";
import { guidFor } from "../fixtures.js";

const ARM = "https://management.azure.com";
const group = (id: string, parent: string): unknown => ({
  id: `/providers/Microsoft.Management/managementGroups/${id}`,
  type: "Microsoft.Management/managementGroups",
  name: id,
  properties: {
    displayName: id,
    parent: {
      id: `/providers/Microsoft.Management/managementGroups/${parent}`,
    },
  },
});
const subscription = (n: number, parent: string): unknown => ({
  id: `/subscriptions/${guidFor(n)}`,
  type: "/subscriptions",
  name: guidFor(n),
  properties: {
    displayName: `Sub ${n}`,
    parent: {
      id: `/providers/Microsoft.Management/managementGroups/${parent}`,
    },
  },
});

describe("readDescendantsPage", () => {
  it("keeps the subscriptions with their direct parent and the nextLink", () => {
    const page = readDescendantsPage(
      200,
      JSON.stringify({
        value: [
          group("corp-eu", "corp"),
          subscription(1, "corp"),
          subscription(2, "corp-eu"),
        ],
        nextLink: `${ARM}/providers/Microsoft.Management/managementGroups/corp/descendants?api-version=2020-05-01&$skiptoken=x`,
      }),
    );
    assert.ok(!("code" in page));
    assert.deepEqual(page.members, [
      { subscriptionId: guidFor(1), parentGroup: "corp" },
      { subscriptionId: guidFor(2), parentGroup: "corp-eu" },
    ]);
    assert.match(page.nextLink ?? "", /skiptoken=x$/);
  });

  it("ends on a page without nextLink", () => {
    const page = readDescendantsPage(200, JSON.stringify({ value: [] }));
    assert.deepEqual(page, { members: [], nextLink: undefined });
  });

  it("passes Azure's own error code and message on", () => {
    assert.deepEqual(
      readDescendantsPage(
        403,
        JSON.stringify({
          error: { code: "AuthorizationFailed", message: "no access" },
        }),
      ),
      { code: "AuthorizationFailed", message: "no access" },
    );
  });

  for (const [what, body] of [
    ["a bare array", "[]"],
    ["HTML", "<html>oops</html>"],
    ["an item without a type", JSON.stringify({ value: [{ name: "x" }] })],
    [
      "a subscription whose name is not a GUID",
      JSON.stringify({
        value: [{ ...(subscription(1, "corp") as object), name: "prod" }],
      }),
    ],
    [
      "a parent group ID Azure would never issue",
      JSON.stringify({
        value: [subscription(1, `corp\u0007${"x".repeat(100)}<script>`)],
      }),
    ],
    [
      "a subscription without a parent",
      JSON.stringify({
        value: [{ type: "/subscriptions", name: guidFor(1), properties: {} }],
      }),
    ],
  ]) {
    it(`refuses ${what} instead of dropping it`, () => {
      const page = readDescendantsPage(200, body);
      assert.ok("code" in page, JSON.stringify(page));
    });
  }
});
