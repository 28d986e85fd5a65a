/**
 * One subscription's verdict. Pure: every decision about pass, fail, skipped
 * and error lives here, separate from how the answer was fetched.
 */
import { displayCode, oneLine } from "../text.js";
import { NO_ADDRESS_POLICY } from "./address-policy.js";
import { contactAddresses } from "./controls/additional-emails.js";
import { controlsById, DEFAULT_CHECKS } from "./controls/index.js";
import type { Control, ControlPolicy } from "./controls/control.js";
import { deliverabilityOf } from "./mail-domains.js";
import type {
  ContactLookup,
  Finding,
  SubscriptionInfo,
  SubscriptionResult,
  Verdict,
} from "./model.js";

/** Defender for Cloud does not evaluate these; `Warned` and `PastDue` are still evaluated. */
const INACTIVE_STATES = new Set(["disabled", "deleted"]);

function result(
  subscription: SubscriptionInfo,
  status: Verdict,
  reason: string,
  extra: Partial<SubscriptionResult> = {},
): SubscriptionResult {
  return {
    subscriptionId: subscription.subscriptionId,
    displayName: subscription.displayName,
    state: subscription.state,
    status,
    reason,
    emails: [],
    invalidEmails: [],
    notificationsOff: false,
    disallowedEmails: [],
    missingRequiredEmails: [],
    findings: [],
    ...extra,
  };
}

/** A named ID before Azure has told us its name and state. */
export function unknownSubscription(subscriptionId: string): SubscriptionInfo {
  return { subscriptionId, displayName: "", state: "Unknown" };
}

/** `reason` names the input (and group) that excluded it. */
export function excludedVerdict(
  subscription: SubscriptionInfo,
  reason: string,
): SubscriptionResult {
  return result(subscription, "skipped", reason);
}

/**
 * Why a subscription is skipped before any request is made, or null when it
 * must be evaluated.
 */
export function skipBeforeRequest(
  subscription: SubscriptionInfo,
  excludedBecause: string | undefined,
): SubscriptionResult | null {
  if (excludedBecause) return excludedVerdict(subscription, excludedBecause);
  if (INACTIVE_STATES.has(subscription.state.toLowerCase())) {
    return result(
      subscription,
      "skipped",
      `Subscription is ${subscription.state}, so Defender for Cloud does not evaluate it.`,
    );
  }
  return null;
}

/** A subscription that could not be evaluated. Never a pass. */
export function errorVerdict(
  subscription: SubscriptionInfo,
  code: string,
  message: string,
): SubscriptionResult {
  return result(
    subscription,
    "error",
    `Could not be evaluated: ${displayCode(code)}: ${oneLine(message)}`,
    { errorCode: code },
  );
}

/** The subscription's reason: the control's own with one control, else the failing ones named. */
function combinedReason(findings: readonly Finding[]): string {
  const only = findings[0];
  if (findings.length === 1 && only) return only.reason;
  const clause = (f: Finding): string =>
    `${f.control}: ${f.reason.replace(/\.$/, "")}`;
  const failing = findings.filter((f) => f.status === "fail");
  if (failing.length > 0) {
    return `${failing.length} of ${findings.length} controls fail: ${failing.map(clause).join("; ")}.`;
  }
  const unknown = findings.filter((f) => f.status === "unknown");
  if (unknown.length > 0) {
    return `${findings.length - unknown.length} of ${findings.length} controls pass; not determined: ${unknown.map(clause).join("; ")}.`;
  }
  return `All ${findings.length} controls pass.`;
}

/** Turns the security-contact answer into pass, fail, skipped or error, one finding per control. */
export function verdictFromContacts(
  subscription: SubscriptionInfo,
  lookup: ContactLookup,
  controls: readonly Control[] = controlsById(DEFAULT_CHECKS),
  policy: ControlPolicy = NO_ADDRESS_POLICY,
): SubscriptionResult {
  if (lookup.kind === "error") {
    return errorVerdict(subscription, lookup.code, lookup.message);
  }
  if (lookup.kind === "not-registered") {
    return result(
      subscription,
      "skipped",
      `Defender for Cloud is not enabled: the Microsoft.Security resource provider is not registered (${displayCode(lookup.code)}).`,
    );
  }
  const { contacts } = lookup;
  const findings: Finding[] = controls.map((control) => ({
    control: control.id,
    ...control.evaluate(contacts, policy),
  }));
  const addresses = contactAddresses(contacts, policy);
  // A control that reads DNS answers: each address with its domain's.
  const deliverability = controls.some((control) => control.mailDomains)
    ? { deliverability: deliverabilityOf(addresses.valid, policy.mailDomains) }
    : {};
  return result(
    subscription,
    findings.some((f) => f.status === "fail") ? "fail" : "pass",
    combinedReason(findings),
    {
      emails: addresses.valid,
      invalidEmails: addresses.invalid,
      disallowedEmails: addresses.disallowed,
      rejectedEmails: addresses.rejected,
      missingRequiredEmails: addresses.missingRequired,
      // A contact that Azure marks disabled sends nothing.
      notificationsOff:
        contacts.length > 0 && contacts.every((c) => c.isEnabled === false),
      findings,
      noContact: contacts.length === 0,
      ...deliverability,
    },
  );
}

/**
 * Adds what is at stake to a failing verdict: the paid Defender plans whose
 * alerts now reach only owners. Other verdicts, or no plans, pass unchanged.
 */
export function withPaidPlans(
  result: SubscriptionResult,
  plans: readonly string[] | undefined,
): SubscriptionResult {
  if (result.status !== "fail" || !plans) return result;
  if (plans.length === 0) return { ...result, paidDefenderPlans: [] };
  return {
    ...result,
    reason: `${result.reason.replace(/\.$/, "")}; paid Defender plans on: ${plans.join(", ")}.`,
    paidDefenderPlans: [...plans],
  };
}
