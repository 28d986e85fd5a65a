/**
 * The fake's tenant tree: what its descendants answer holds, page by page.
 * (The HTTP route is driven by the end-to-end management-group tests.)
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { guid, type FakeTenant } from "../../test-support/fake/index.js";
import { descendantsAnswer } from "../../test-support/fake/management-groups.js";

const tenant: FakeTenant = {
  tenantId: "7e4f2a1c-5b3d-4c6e-9f80-1a2b3c4d5e6f",
  clientId: "3c9d8e7f-6a5b-4c3d-8e2f-0a1b2c3d4e5f",
  audience: "api://AzureADTokenExchange",
  managementGroups: [
    { id: "corp", displayName: "Corp" },
    { id: "corp-eu", parent: "CORP" },
  ],
  subscriptions: [
    { subscriptionId: guid(1), displayName: "Root sub" },
    {
      subscriptionId: guid(2),
      displayName: "Corp sub",
      managementGroup: "corp",
    },
    {
      subscriptionId: guid(3),
      displayName: "EU sub",
      managementGroup: "corp-eu",
    },
  ],
};

function names(groupId: string, t: FakeTenant = tenant): string[] {
  const answer = descendantsAnswer(t, groupId, "2020-05-01", 0);
  assert.equal(answer.kind, "page");
  return answer.kind === "page" ? answer.value.map((item) => item.name) : [];
}

describe("fake descendants", () => {
  it("lists a group's subscriptions and nested groups, each with its direct parent", () => {
    const answer = descendantsAnswer(tenant, "Corp", "2021-04-01", 0);
    assert.ok(answer.kind === "page");
    assert.deepEqual(
      answer.value.map((i) => [i.type, i.name, i.properties.parent.id]),
      [
        [
          "/subscriptions",
          guid(2),
          "/providers/Microsoft.Management/managementGroups/corp",
        ],
        [
          "Microsoft.Management/managementGroups",
          "corp-eu",
          "/providers/Microsoft.Management/managementGroups/corp",
        ],
        [
          "/subscriptions",
          guid(3),
          "/providers/Microsoft.Management/managementGroups/corp-eu",
        ],
      ],
    );
    assert.equal(answer.nextOffset, undefined);
  });

  it("treats the tenant ID as the Tenant Root Group, above everything", () => {
    assert.deepEqual(names(tenant.tenantId), [
      guid(1),
      "corp",
      guid(2),
      "corp-eu",
      guid(3),
    ]);
  });

  it("pages by descendantsPageSize", () => {
    const small = { ...tenant, descendantsPageSize: 2 };
    const first = descendantsAnswer(small, tenant.tenantId, "2020-05-01", 0);
    const last = descendantsAnswer(small, tenant.tenantId, "2020-05-01", 4);
    assert.ok(first.kind === "page" && last.kind === "page");
    assert.equal(first.value.length, 2);
    assert.equal(first.nextOffset, 2);
    assert.deepEqual(
      last.value.map((i) => i.name),
      [guid(3)],
    );
    assert.equal(last.nextOffset, undefined);
  });

  it("answers 404 for an unknown group and 400 for an unknown api-version", () => {
    assert.deepEqual(descendantsAnswer(tenant, "ghost", "2020-05-01", 0), {
      kind: "error",
      status: 404,
      code: "NotFound",
      message: "'ghost' not found",
    });
    const version = descendantsAnswer(tenant, "corp", "2017-11-01-preview", 0);
    assert.equal(version.kind === "error" && version.status, 400);
  });
});
