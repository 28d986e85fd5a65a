/**
 * Small builders shared by the unit tests. Not a test file itself.
 */
import type { SubscriptionResult, Verdict } from "../../src/check/model.js";

/** A distinct, valid, lower-case subscription GUID for index `n`. */
export function guidFor(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** A subscription result with sensible defaults for `status`. */
export function resultOf(
  n: number,
  status: Verdict,
  overrides: Partial<SubscriptionResult> = {},
): SubscriptionResult {
  return {
    subscriptionId: guidFor(n),
    displayName: `Subscription ${n}`,
    state: "Enabled",
    status,
    reason: `Reason for subscription ${n}.`,
    emails: status === "pass" ? [`owner${n}@contoso.com`] : [],
    invalidEmails: [],
    notificationsOff: false,
    ...overrides,
  };
}
