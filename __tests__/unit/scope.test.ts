/**
 * decideScope: the union of named subscriptions and group descendants,
 * exclusions winning, each subscription once, each with its parent group.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { GroupWalk } from "../../src/azure/management-groups.js";
import { decideScope, type ScopeInput } from "../../src/scope.js";
import { guidFor } from "./fixtures.js";

function found(...members: [number, string][]): GroupWalk {
  return {
    kind: "found",
    members: members.map(([n, parentGroup]) => ({
      subscriptionId: guidFor(n).toUpperCase(),
      parentGroup,
    })),
  };
}

function input(overrides: Partial<ScopeInput>): ScopeInput {
  return {
    subscriptions: [],
    excludeSubscriptions: new Set(),
    included: [],
    excluded: [],
    ...overrides,
  };
}

describe("decideScope", () => {
  it("leaves today's rules alone when no group is named", () => {
    const decided = decideScope(
      input({
        subscriptions: [guidFor(1)],
        excludeSubscriptions: new Set([guidFor(2)]),
      }),
    );
    assert.equal(decided.members, undefined);
    assert.equal(
      decided.exclusions.get(guidFor(2)),
      "Excluded by the exclude-subscriptions input.",
    );
    assert.deepEqual(decided.runErrors, []);
  });

  it("unites named subscriptions and two overlapping groups, each subscription once, named first", () => {
    const decided = decideScope(
      input({
        subscriptions: [guidFor(9), guidFor(2)],
        included: [
          { groupId: "corp", walk: found([1, "corp"], [2, "corp-eu"]) },
          { groupId: "corp-eu", walk: found([2, "corp-eu"], [3, "corp-eu"]) },
        ],
      }),
    );
    assert.deepEqual(
      [...(decided.members?.keys() ?? [])],
      [guidFor(9), guidFor(2), guidFor(1), guidFor(3)],
    );
    // Azure's spelling of IDs only the hierarchy named.
    assert.equal(decided.members?.get(guidFor(1)), guidFor(1).toUpperCase());
    assert.equal(decided.parentGroups.get(guidFor(2)), "corp-eu");
    assert.equal(decided.parentGroups.get(guidFor(1)), "corp");
    assert.equal(decided.parentGroups.has(guidFor(9)), false);
  });

  it("lets an excluded group inside an included one win, naming the group", () => {
    const decided = decideScope(
      input({
        included: [
          { groupId: "corp", walk: found([1, "corp"], [2, "sandbox"]) },
        ],
        excluded: [{ groupId: "Sandbox", walk: found([2, "sandbox"]) }],
      }),
    );
    assert.equal(decided.members?.size, 2, "still in scope, as a skip");
    assert.match(
      decided.exclusions.get(guidFor(2)) ?? "",
      /exclude-management-groups.*'Sandbox'/,
    );
    assert.equal(decided.exclusions.has(guidFor(1)), false);
  });

  it("prefers the exclude-subscriptions reason when both exclusions apply", () => {
    const decided = decideScope(
      input({
        excludeSubscriptions: new Set([guidFor(2)]),
        excluded: [{ groupId: "sandbox", walk: found([2, "sandbox"]) }],
      }),
    );
    assert.equal(
      decided.exclusions.get(guidFor(2)),
      "Excluded by the exclude-subscriptions input.",
    );
  });

  it("reports each unreadable group as a run error naming it and its input, and keeps the others", () => {
    const decided = decideScope(
      input({
        included: [
          {
            groupId: "ghost",
            walk: {
              kind: "error",
              code: "NotFound",
              message: "'ghost'\nnot found",
            },
          },
          { groupId: "corp", walk: found([1, "corp"]) },
        ],
        excluded: [
          {
            groupId: "locked",
            walk: {
              kind: "error",
              code: "AuthorizationFailed",
              message: "no access",
            },
          },
        ],
      }),
    );
    assert.deepEqual(decided.runErrors, [
      "Management group 'ghost' in management-groups could not be read, so the subscriptions below it were not evaluated: NotFound: 'ghost' not found (use the group's ID, its name, not its display name).",
      "Management group 'locked' in exclude-management-groups could not be read, so the subscriptions below it were not skipped: AuthorizationFailed: no access (the group does not exist, or the identity lacks Microsoft.Management/managementGroups/descendants/read on it: assign Reader there, or a custom role with that action).",
    ]);
    assert.deepEqual([...(decided.members?.keys() ?? [])], [guidFor(1)]);
  });

  it("gives an empty scope, never a silent pass, when every named group fails", () => {
    const decided = decideScope(
      input({
        included: [
          {
            groupId: "ghost",
            walk: { kind: "error", code: "NotFound", message: "gone" },
          },
        ],
      }),
    );
    assert.equal(decided.members?.size, 0);
    assert.equal(decided.runErrors.length, 1);
  });
});
