/**
 * Which subscriptions are in scope once the management-group walks are back.
 * Pure: the union of the named subscriptions and the named groups'
 * descendants, exclusions winning, each subscription once, each with its
 * direct parent group.
 */
import type { GroupWalk } from "./azure/management-groups.js";
import { oneLine } from "./text.js";

export interface WalkedGroup {
  groupId: string;
  walk: GroupWalk;
}

export interface ScopeInput {
  /** Lower-cased subscription IDs named in `subscriptions`. */
  subscriptions: readonly string[];
  excludeSubscriptions: ReadonlySet<string>;
  /** The walks of `management-groups`, in input order. */
  included: readonly WalkedGroup[];
  /** The walks of `exclude-management-groups`. */
  excluded: readonly WalkedGroup[];
}

export interface ScopeDecision {
  /**
   * In-scope subscriptions, lower-cased ID → ID as first spelled, named ones
   * first; undefined when no group is named (today's scope rules apply).
   */
  members: ReadonlyMap<string, string> | undefined;
  /** Lower-cased ID → ID of its direct parent group, for every subscription a walk reached. */
  parentGroups: ReadonlyMap<string, string>;
  /** Lower-cased ID → why it is skipped; an exclusion wins over any inclusion. */
  exclusions: ReadonlyMap<string, string>;
  /** Groups that could not be read, in words that name the group and the input. */
  runErrors: string[];
}

export const EXCLUDED_BY_SUBSCRIPTIONS =
  "Excluded by the exclude-subscriptions input.";

/** What to do about the usual causes: a display name given as ID, a missing role. */
const WALK_HINTS: Record<string, string> = {
  NotFound: " (use the group's ID, its name, not its display name)",
  AuthorizationFailed:
    " (the group does not exist, or the identity lacks Microsoft.Management/managementGroups/descendants/read on it: assign Reader there, or a custom role with that action)",
};

function failedWalk(
  { groupId, walk }: WalkedGroup,
  input: string,
  consequence: string,
): string | undefined {
  if (walk.kind !== "error") return undefined;
  const hint = WALK_HINTS[walk.code] ?? "";
  return `Management group '${groupId}' in ${input} could not be read, so ${consequence}: ${walk.code}: ${oneLine(walk.message).replace(/\.$/, "")}${hint}.`;
}

export function decideScope(input: ScopeInput): ScopeDecision {
  const parentGroups = new Map<string, string>();
  const includeErrors: string[] = [];
  const excludeErrors: string[] = [];
  const reached = (walked: WalkedGroup): { key: string; id: string }[] => {
    if (walked.walk.kind !== "found") return [];
    return walked.walk.members.map(({ subscriptionId, parentGroup }) => {
      const key = subscriptionId.toLowerCase();
      parentGroups.set(key, parentGroup);
      return { key, id: subscriptionId };
    });
  };

  const exclusions = new Map<string, string>();
  for (const walked of input.excluded) {
    const error = failedWalk(
      walked,
      "exclude-management-groups",
      "the subscriptions below it were not skipped",
    );
    if (error) excludeErrors.push(error);
    for (const { key } of reached(walked)) {
      if (!exclusions.has(key)) {
        exclusions.set(
          key,
          `Excluded by the exclude-management-groups input (below management group '${walked.groupId}').`,
        );
      }
    }
  }
  // Named IDs are excluded by name first, whatever group also holds them.
  for (const key of input.excludeSubscriptions) {
    exclusions.set(key, EXCLUDED_BY_SUBSCRIPTIONS);
  }

  let members: Map<string, string> | undefined;
  if (input.included.length > 0) {
    members = new Map<string, string>();
    for (const id of input.subscriptions) members.set(id, id);
    for (const walked of input.included) {
      const error = failedWalk(
        walked,
        "management-groups",
        "the subscriptions below it were not evaluated",
      );
      if (error) includeErrors.push(error);
      for (const { key, id } of reached(walked)) {
        if (!members.has(key)) members.set(key, id);
      }
    }
  }
  return {
    members,
    parentGroups,
    exclusions,
    runErrors: [...includeErrors, ...excludeErrors],
  };
}
