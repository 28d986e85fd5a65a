/**
 * One subscription's verdict. Pure: every decision about pass, fail, skipped
 * and error lives here, separate from how the answer was fetched.
 */
import { oneLine, plural } from "../text.js";
import { classifyEmails } from "./emails.js";
import type {
  ContactLookup,
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
    ...extra,
  };
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
    `Could not be evaluated: ${code}: ${oneLine(message)}`,
  );
}

/** Turns the security-contact answer into pass, fail, skipped or error. */
export function verdictFromContacts(
  subscription: SubscriptionInfo,
  lookup: ContactLookup,
): SubscriptionResult {
  if (lookup.kind === "error") {
    return errorVerdict(subscription, lookup.code, lookup.message);
  }
  if (lookup.kind === "not-registered") {
    return result(
      subscription,
      "skipped",
      `Defender for Cloud is not enabled: the Microsoft.Security resource provider is not registered (${lookup.code}).`,
    );
  }
  if (lookup.contacts.length === 0) {
    return result(
      subscription,
      "fail",
      "No security contact is configured, so high-severity alerts reach only subscription owners.",
    );
  }

  const raw = lookup.contacts.map((contact) => contact.emails ?? "").join(";");
  const { valid, invalid } = classifyEmails(raw);
  // A contact that Azure marks disabled still satisfies the check as written,
  // but nobody is emailed: the reason must say so.
  const notificationsOff = lookup.contacts.every(
    (contact) => contact.isEnabled === false,
  );

  if (valid.length === 0) {
    const reason =
      invalid.length === 0
        ? "The security contact has no additional email addresses, so high-severity alerts reach only subscription owners."
        : `The security contact lists no valid email address (${plural(invalid.length, "invalid entry", "invalid entries")}).`;
    return result(subscription, "fail", reason, {
      invalidEmails: invalid,
      notificationsOff,
    });
  }

  let reason = `${plural(valid.length, "valid additional email address", "valid additional email addresses")} configured`;
  if (invalid.length > 0) {
    reason += `; ${plural(invalid.length, "invalid entry", "invalid entries")} ignored`;
  }
  reason += notificationsOff
    ? ", but email notifications are turned off (isEnabled: false), so Defender for Cloud sends them nothing."
    : ".";
  return result(subscription, "pass", reason, {
    emails: valid,
    invalidEmails: invalid,
    notificationsOff,
  });
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
