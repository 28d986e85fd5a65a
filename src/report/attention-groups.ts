/**
 * "Needs attention", one row per subscription: each failing subscription is
 * filed under its first cause (no contact first, then the controls in
 * registry order, each control's finer cause from the carried verdict), or
 * under its management group or owner (`group-by`); each errored one under
 * the error code that stopped it, in groups of their own. A group states its
 * fix once. The job summary and the tracking issue both render from this. Pure.
 */
import { CONTROLS } from "../check/controls/index.js";
import type { Control } from "../check/controls/control.js";
import type { SubscriptionResult } from "../check/model.js";
import type { GroupBy } from "../inputs/settings.js";
import {
  causesOf,
  errorCause,
  failedControls,
  type Cause,
} from "./attention-causes.js";

export interface AttentionGroup {
  key: string;
  /** The heading's words; our own text. */
  label: string;
  /** The management group or owner the group is for, from Azure: rendered verbatim in a code span. */
  value?: string | undefined;
  /** The failing control of a cause group, named in its heading when several are selected. */
  control?: string | undefined;
  errorCode?: string | undefined;
  accessDenied?: boolean | undefined;
  showAddresses?: boolean | undefined;
  /** The fix, once for the group: markdown lines of our own text. */
  fix: string[];
  results: SubscriptionResult[];
}

/** Registry position of a cause's control; no contact comes first. */
const causeRank = (cause: Cause): number =>
  cause.key === "no-contact"
    ? -1
    : CONTROLS.findIndex((c) => c.id === cause.control);

/** The controls failing among `results`, in registry order, except `except`. */
function failingIn(
  results: readonly SubscriptionResult[],
  except?: string,
): Control[] {
  const ids = new Set(results.flatMap(failedControls));
  return CONTROLS.filter((c) => ids.has(c.id) && c.id !== except);
}

const bullet = (control: Control): string =>
  `- \`${control.id}\`: ${control.remedy.step}`;

/** The group's fix once, and the steps of the other controls its rows fail. */
function causeFix(
  cause: Cause,
  results: readonly SubscriptionResult[],
): string[] {
  const fix = [`**Fix:** ${cause.fix}`];
  // Creating the contact fixes every control a missing one fails.
  if (cause.key === "no-contact" || cause.errorCode !== undefined) return fix;
  const others = failingIn(results, cause.control).map(bullet);
  if (others.length === 0) return fix;
  return [
    ...fix,
    "",
    "Where the **Fails** cell names other controls too:",
    "",
    ...others,
  ];
}

interface CauseGroup {
  cause: Cause;
  results: SubscriptionResult[];
}

/** Results under the key of the cause `causeOf` names, in first-seen order. */
function groupedBy(
  results: readonly SubscriptionResult[],
  causeOf: (result: SubscriptionResult) => Cause | undefined,
): CauseGroup[] {
  const groups = new Map<string, CauseGroup>();
  for (const result of results) {
    const cause = causeOf(result);
    if (!cause) continue;
    const group = groups.get(cause.key);
    if (group) group.results.push(result);
    else groups.set(cause.key, { cause, results: [result] });
  }
  return [...groups.values()];
}

function byCause(failing: readonly SubscriptionResult[]): AttentionGroup[] {
  return groupedBy(failing, (result) => causesOf(result)[0])
    .sort(
      (a, b) =>
        causeRank(a.cause) - causeRank(b.cause) ||
        b.results.length - a.results.length,
    )
    .map(({ cause, results }) => ({
      key: cause.key,
      label: cause.label,
      // No contact fails several controls; its heading names none.
      control: cause.key === "no-contact" ? undefined : cause.control,
      showAddresses: cause.showAddresses,
      fix: causeFix(cause, results),
      results,
    }));
}

const BY_VALUE: Record<
  Exclude<GroupBy, "cause">,
  {
    of: (r: SubscriptionResult) => string | undefined;
    label: string;
    none: string;
  }
> = {
  "management-group": {
    of: (r) => r.managementGroup,
    label: "Management group",
    none: "No management group known (no management-groups walk reached them)",
  },
  owner: {
    of: (r) => r.owner,
    label: "Owner",
    none: "No owner tag (owner-tags)",
  },
};

function byValue(
  failing: readonly SubscriptionResult[],
  groupBy: Exclude<GroupBy, "cause">,
): AttentionGroup[] {
  const { of, label, none } = BY_VALUE[groupBy];
  const groups = new Map<string, SubscriptionResult[]>();
  for (const result of failing) {
    const value = of(result) ?? "";
    // Azure compares tag values and group IDs as given; so does the grouping.
    groups.set(value, [...(groups.get(value) ?? []), result]);
  }
  return [...groups.entries()]
    .sort(
      ([a, ra], [b, rb]) =>
        Number(a === "") - Number(b === "") || rb.length - ra.length,
    )
    .map(([value, results]) => {
      const [only, ...more] = failingIn(results);
      return {
        key: `${groupBy}:${value}`,
        label: value === "" ? none : label,
        ...(value === "" ? {} : { value }),
        showAddresses: results.some((r) => causesOf(r)[0]?.showAddresses),
        fix:
          only && more.length === 0
            ? [`**Fix:** ${only.remedy.step}`]
            : [
                "**Fix:** for each control a row's **Fails** cell names:",
                "",
                ...failingIn(results).map(bullet),
              ],
        results,
      };
    });
}

function byError(errored: readonly SubscriptionResult[]): AttentionGroup[] {
  return groupedBy(errored, errorCause)
    .sort(
      (a, b) =>
        Number(!a.cause.accessDenied) - Number(!b.cause.accessDenied) ||
        b.results.length - a.results.length,
    )
    .map(({ cause, results }) => ({
      key: cause.key,
      label: cause.label,
      errorCode: cause.errorCode,
      accessDenied: cause.accessDenied,
      fix: [`**Fix:** ${cause.fix}`],
      results,
    }));
}

/**
 * Failing subscriptions grouped by `groupBy`, then errored ones by error
 * code (access denied first, then the largest): every subscription in
 * exactly one group, each group in the order of `results`.
 */
export function groupAttention(
  results: readonly SubscriptionResult[],
  groupBy: GroupBy = "cause",
): AttentionGroup[] {
  const failing = results.filter((r) => r.status === "fail");
  const errored = results.filter((r) => r.status === "error");
  return [
    ...(groupBy === "cause" ? byCause(failing) : byValue(failing, groupBy)),
    ...byError(errored),
  ];
}
