/**
 * "Needs attention", grouped by cause: each failing or errored subscription
 * is filed under what is wrong with it (per failing control and reason kind,
 * or the error code that stopped its evaluation), so a report can state each
 * cause and its fix once. The job summary and the tracking issue both render
 * from this. Pure.
 */
import type { AddressKind } from "../check/address-policy.js";
import { CONTROLS } from "../check/controls/index.js";
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

/** Only addresses of one kind (or a mix) stand in the contact. */
const ONLY: Record<Exclude<AddressKind, "valid">, string> = {
  "invalid-syntax": "Only entries that are not email addresses",
  placeholder: "Only placeholder addresses left over from a template",
  "reserved-domain":
    "Only addresses on reserved domains, which never receive mail",
  "disallowed-domain": "Only addresses outside allowed-email-domains",
};

/** Per control ID, the cause of a failure when a contact exists; the generic one covers later controls. */
const CONTROL_CAUSE: Record<string, string> = {
  "notifications-enabled":
    "Email notifications are turned off (isEnabled: false)",
  "notify-owners": "Subscription Owners are not emailed",
  "alert-notifications": "High-severity alerts are not emailed",
  "attack-path-notifications": "High-risk attack paths are not emailed",
};

/** The kinds of the rejected addresses: why none of them counts. */
function rejectedKinds(result: SubscriptionResult): Set<AddressKind> {
  return new Set<AddressKind>(
    (result.rejectedEmails ?? []).map((r) =>
      r.kind === "legacy-field" ? "invalid-syntax" : r.kind,
    ),
  );
}

function additionalEmailsCause(result: SubscriptionResult): Cause {
  const control = "additional-emails";
  const fix = portalFix(control);
  if (result.emails.length === 0) {
    const kinds = [...rejectedKinds(result)];
    const [only] = kinds;
    if (only === undefined || only === "valid") {
      return {
        key: "no-address",
        label: "The security contact has no additional email addresses",
        fix,
        control,
      };
    }
    if (kinds.length === 1) {
      return {
        key: `only-${only}`,
        label: ONLY[only],
        fix: `Replace them with your security team's working addresses. ${fix}`,
        control,
        showAddresses: true,
      };
    }
    return {
      key: "only-rejected",
      label: "Only addresses that cannot receive mail or are not allowed",
      fix: `Replace them with your security team's working addresses. ${fix}`,
      control,
      showAddresses: true,
    };
  }
  return {
    key: "missing-required",
    label: "Addresses from required-emails are missing",
    fix: `Add every address of the required-emails input to the contact. ${fix}`,
    control,
    showAddresses: true,
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
    const control = failing[0]?.control ?? "additional-emails";
    return [
      {
        key: "no-contact",
        label: "No security contact is configured",
        fix: portalFix(control),
        control,
      },
    ];
  }
  // A failure with no findings can only be the seed check's.
  if (failing.length === 0) return [additionalEmailsCause(result)];
  return failing.map(({ control }) => {
    if (control === "additional-emails") return additionalEmailsCause(result);
    const title = CONTROLS.find((c) => c.id === control)?.title ?? control;
    return {
      key: control,
      label: CONTROL_CAUSE[control] ?? `${title}: failing`,
      fix: portalFix(control),
      control,
    };
  });
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
