/**
 * "Needs attention", one row per subscription: each failing subscription is
 * filed under its first cause (no contact first, then the controls in
 * registry order, each control's finer cause from the carried verdict), or
 * under its management group or owner (`group-by`); each errored one under
 * the error code that stopped it, in groups of their own. A group states its
 * fix once. The job summary and the tracking issue both render from this. Pure.
 */
import { CONTROLS, DEFAULT_CHECKS } from "../check/controls/index.js";
import type { Control } from "../check/controls/control.js";
import type { SubscriptionResult } from "../check/model.js";
import type { GroupBy } from "../inputs/settings.js";
import { displayCode } from "../text.js";

/** Why a subscription needs attention; one subscription may have several. */
export interface Cause {
  /** Stable grouping key: `no-contact`, `only-placeholder`, `error:AuthorizationFailed`, … */
  key: string;
  /** The cause in a few plain words; our own text, safe to render. */
  label: string;
  /** What to do about it, one markdown sentence; our own text. */
  fix: string;
  /** The failing control, for failures; undefined for errors. */
  control?: string;
  /** The display-safe error code (displayCode), for errors. */
  errorCode?: string;
  /** Access denied: the report shows how to get read access. */
  accessDenied?: boolean;
  /** The subscription's addresses explain this cause, so they are listed. */
  showAddresses?: boolean;
}

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

function controlNamed(id: string): Control | undefined {
  return CONTROLS.find((c) => c.id === id);
}

/** The control's cause of a failure; finer where the control tells one from the carried verdict. */
function controlCause(controlId: string, result: SubscriptionResult): Cause {
  const control = controlNamed(controlId);
  const step = control?.remedy.step ?? "";
  const fine = control?.causeOf?.(result);
  if (fine) {
    return {
      key: fine.key,
      label: fine.label,
      fix: fine.fixPrefix ? `${fine.fixPrefix} ${step}` : step,
      control: controlId,
      ...(fine.showAddresses ? { showAddresses: true } : {}),
    };
  }
  return {
    key: controlId,
    label: control?.cause ?? `${control?.title ?? controlId}: failing`,
    fix: step,
    control: controlId,
  };
}

/** 403 in the codes ARM and our own answer parser use. */
const ACCESS_DENIED =
  /^(AuthorizationFailed|LinkedAuthorizationFailed|AuthorizationPermissionMismatch|Forbidden|HTTP403)$/i;

/** Worth a plain re-run: throttling, timeouts, dropped connections, 5xx. */
const TRANSIENT =
  /^(TooManyRequests|RequestTimeout|ConnectionFailed|RequestFailed|ServiceUnavailable|GatewayTimeout|InternalServerError|HTTP5\d\d|HTTP429|E[A-Z]+)$/;

function errorCause(result: SubscriptionResult): Cause {
  const code = displayCode(result.errorCode ?? "");
  const base = { key: `error:${code}`, errorCode: code };
  if (ACCESS_DENIED.test(code)) {
    return {
      ...base,
      label: `Could not be read: access denied (${code})`,
      fix: "Give the identity this workflow signs in as read access, as below.",
      accessDenied: true,
    };
  }
  return {
    ...base,
    label: `Could not be read (${code})`,
    fix: TRANSIENT.test(code)
      ? "Azure did not answer in time or in full, even after retries: re-run the job; the run log has each answer."
      : "Azure's answer could not be used: the run log and the JSON report have the full message.",
  };
}

/** The controls a failing row fails, in registry order. */
export function failedControls(result: SubscriptionResult): string[] {
  const failing = (result.findings ?? [])
    .filter((f) => f.status === "fail")
    .map((f) => f.control);
  // A failure with no findings can only be the default check's.
  return failing.length > 0 || result.status !== "fail"
    ? failing
    : [...DEFAULT_CHECKS];
}

/** Every cause of one result, in the documented order; empty for a passing or skipped one. */
export function causesOf(result: SubscriptionResult): Cause[] {
  if (result.status === "error") return [errorCause(result)];
  if (result.status !== "fail") return [];
  const failing = failedControls(result);
  // Every control that fails for want of a contact shares one fix: create it.
  if (result.noContact) {
    const control = failing[0] ?? DEFAULT_CHECKS[0] ?? "";
    return [
      {
        key: "no-contact",
        label: "No security contact is configured",
        fix: `Create it: ${controlNamed(control)?.remedy.step ?? ""}`,
        control,
      },
    ];
  }
  // Two controls may name one cause (deliverable-emails without a valid address): once.
  const causes = failing.map((control) => controlCause(control, result));
  return causes.filter(
    (cause, i) => causes.findIndex((c) => c.key === cause.key) === i,
  );
}

/** Registry position of a cause's control; no contact comes first. */
function causeRank(cause: Cause): number {
  if (cause.key === "no-contact") return -1;
  return CONTROLS.findIndex((c) => c.id === cause.control);
}

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

function causeFix(
  cause: Cause,
  results: readonly SubscriptionResult[],
): string[] {
  const fix = [`**Fix:** ${cause.fix}`];
  // Creating the contact fixes every control a missing one fails.
  if (cause.key === "no-contact" || cause.errorCode !== undefined) return fix;
  const others = failingIn(results, cause.control);
  return others.length === 0
    ? fix
    : [
        ...fix,
        "",
        "Where the **Fails** cell names other controls too:",
        "",
        ...others.map(bullet),
      ];
}

function byCause(failing: readonly SubscriptionResult[]): AttentionGroup[] {
  const groups = new Map<
    string,
    { cause: Cause; results: SubscriptionResult[] }
  >();
  for (const result of failing) {
    const [cause] = causesOf(result);
    if (!cause) continue;
    const group = groups.get(cause.key);
    if (group) group.results.push(result);
    else groups.set(cause.key, { cause, results: [result] });
  }
  return [...groups.values()]
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
  const groups = new Map<
    string,
    { cause: Cause; results: SubscriptionResult[] }
  >();
  for (const result of errored) {
    const cause = errorCause(result);
    const group = groups.get(cause.key);
    if (group) group.results.push(result);
    else groups.set(cause.key, { cause, results: [result] });
  }
  return [...groups.values()]
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
