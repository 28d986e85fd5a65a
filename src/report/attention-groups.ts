/**
 * "Needs attention", grouped by cause: each failing or errored subscription
 * is filed under what is wrong with it (per failing control and reason kind,
 * or the error code that stopped its evaluation), so a report can state each
 * cause and its fix once. The job summary and the tracking issue both render
 * from this. Pure.
 */
import { CONTROLS, DEFAULT_CHECKS } from "../check/controls/index.js";
import type { SubscriptionResult } from "../check/model.js";
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

export interface CauseGroup extends Cause {
  results: SubscriptionResult[];
}

const REMEDY_SCRIPT = "or run the script under **How to fix**.";

function portalFix(controlId: string): string {
  const control = CONTROLS.find((c) => c.id === controlId);
  const portal = control?.remedy.portal ?? "";
  return `${portal.replace(/\.$/, "")}; ${REMEDY_SCRIPT}`;
}

/** The control's cause of a failure; finer where the control tells one from the carried verdict. */
function controlCause(controlId: string, result: SubscriptionResult): Cause {
  const control = CONTROLS.find((c) => c.id === controlId);
  const fix = portalFix(controlId);
  const fine = control?.causeOf?.(result);
  if (fine) {
    return {
      key: fine.key,
      label: fine.label,
      fix: fine.fixPrefix ? `${fine.fixPrefix} ${fix}` : fix,
      control: controlId,
      ...(fine.showAddresses ? { showAddresses: true } : {}),
    };
  }
  return {
    key: controlId,
    label: control?.cause ?? `${control?.title ?? controlId}: failing`,
    fix,
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

/** Every cause of one result; empty for a passing or skipped one. */
export function causesOf(result: SubscriptionResult): Cause[] {
  if (result.status === "error") return [errorCause(result)];
  if (result.status !== "fail") return [];
  const failing = (result.findings ?? []).filter((f) => f.status === "fail");
  // Every control that fails for want of a contact shares one fix: create it.
  if (result.noContact) {
    const control = failing[0]?.control ?? DEFAULT_CHECKS[0] ?? "";
    return [
      {
        key: "no-contact",
        label: "No security contact is configured",
        fix: portalFix(control),
        control,
      },
    ];
  }
  // A failure with no findings can only be the default check's.
  if (failing.length === 0) {
    return [controlCause(DEFAULT_CHECKS[0] ?? "", result)];
  }
  // Two controls may name one cause (deliverable-emails without a valid address): once.
  const causes = failing.map(({ control }) => controlCause(control, result));
  return causes.filter(
    (cause, i) => causes.findIndex((c) => c.key === cause.key) === i,
  );
}

/**
 * Failing and errored subscriptions grouped by cause, the largest group
 * first (failures before errors on a tie, then first seen). Each group keeps
 * the order of `results`.
 */
export function groupByCause(
  results: readonly SubscriptionResult[],
): CauseGroup[] {
  const groups = new Map<string, CauseGroup>();
  for (const result of results) {
    for (const cause of causesOf(result)) {
      const group = groups.get(cause.key);
      if (group) group.results.push(result);
      else groups.set(cause.key, { ...cause, results: [result] });
    }
  }
  // sort is stable: equal groups keep the order they were first seen in.
  return [...groups.values()].sort(
    (a, b) =>
      b.results.length - a.results.length ||
      Number(a.errorCode !== undefined) - Number(b.errorCode !== undefined),
  );
}
