// Management Groups: GET /providers/Microsoft.Management/managementGroups/{id}/descendants,
// paged, over the tenant tree of FakeTenant.managementGroups and each
// subscription's managementGroup (the Tenant Root Group's ID is the tenant ID).

import type { FakeTenant } from "./tenant.js";

const DESCENDANT_VERSIONS = ["2020-05-01", "2021-04-01", "2023-04-01"];
const DEFAULT_PAGE_SIZE = 100;
const GROUP_TYPE = "Microsoft.Management/managementGroups";

interface Item {
  id: string;
  type: string;
  name: string;
  properties: { displayName: string; parent: { id: string } };
}

export type DescendantsAnswer =
  | { kind: "page"; value: Item[]; nextOffset: number | undefined }
  | { kind: "error"; status: number; code: string; message: string };

const groupResourceId = (id: string): string =>
  `/providers/${GROUP_TYPE}/${id}`;

/** The group as the tenant spells it, or undefined when it does not exist. */
export function findGroup(tenant: FakeTenant, id: string): string | undefined {
  if (id.toLowerCase() === tenant.tenantId.toLowerCase())
    return tenant.tenantId;
  return tenant.managementGroups?.find(
    (g) => g.id.toLowerCase() === id.toLowerCase(),
  )?.id;
}

/** Every group and subscription below `groupId`, a group before what it holds. */
function descendants(tenant: FakeTenant, groupId: string): Item[] {
  const root = tenant.tenantId.toLowerCase();
  const parentOf = (parent: string | undefined): string =>
    (parent ?? tenant.tenantId).toLowerCase();
  const items: Item[] = [];
  const visit = (id: string, depth: number): void => {
    if (depth > 10) return; // Azure allows six levels; a cycle must not hang the fake.
    const parent = { id: groupResourceId(id) };
    for (const sub of tenant.subscriptions) {
      if (parentOf(sub.managementGroup) !== id.toLowerCase()) continue;
      items.push({
        id: `/subscriptions/${sub.subscriptionId}`,
        type: "/subscriptions",
        name: sub.subscriptionId,
        properties: { displayName: sub.displayName, parent },
      });
    }
    for (const group of tenant.managementGroups ?? []) {
      if (parentOf(group.parent) !== id.toLowerCase()) continue;
      if (group.id.toLowerCase() === root) continue;
      items.push({
        id: groupResourceId(group.id),
        type: GROUP_TYPE,
        name: group.id,
        properties: { displayName: group.displayName ?? group.id, parent },
      });
      visit(group.id, depth + 1);
    }
  };
  visit(findGroup(tenant, groupId) ?? groupId, 0);
  return items;
}

export function descendantsAnswer(
  tenant: FakeTenant,
  groupId: string,
  version: string | null,
  offset: number,
): DescendantsAnswer {
  if (version === null || !DESCENDANT_VERSIONS.includes(version)) {
    return {
      kind: "error",
      status: 400,
      code: "InvalidApiVersionParameter",
      message: `The api-version '${version ?? ""}' is invalid. The supported versions are '${DESCENDANT_VERSIONS.join(",")}'.`,
    };
  }
  if (findGroup(tenant, groupId) === undefined) {
    return {
      kind: "error",
      status: 404,
      code: "NotFound",
      message: `'${groupId}' not found`,
    };
  }
  const all = descendants(tenant, groupId);
  const size = Math.max(1, tenant.descendantsPageSize ?? DEFAULT_PAGE_SIZE);
  let nextOffset = offset + size < all.length ? offset + size : undefined;
  if (tenant.descendantsNextLink === "repeat" && all.length > size) {
    nextOffset = size; // page 2, whatever page this is
  }
  return { kind: "page", value: all.slice(offset, offset + size), nextOffset };
}
