/**
 * Why a subscription needs attention: each failing control's cause (finer
 * where the control tells one from the carried verdict), no contact at all,
 * or the error that stopped it. Pure; attention-groups.ts files rows by it.
 */
import { controlsById, DEFAULT_CHECKS } from "../check/controls/index.js";
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

/** The control's cause of a failure; finer where the control tells one from the carried verdict. */
function controlCause(controlId: string, result: SubscriptionResult): Cause {
  const [control] = controlsById([controlId]);
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

export function errorCause(result: SubscriptionResult): Cause {
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
        fix: `Create it: ${controlsById([control])[0]?.remedy.step ?? ""}`,
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
