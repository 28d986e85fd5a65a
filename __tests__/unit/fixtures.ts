/**
 * Small builders shared by the unit tests. Not a test file itself.
 */
import {
  classifyAddress,
  type AddressKind,
  type RejectedKind,
} from "../../src/check/address-policy.js";
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
    // The verdict carries each rejected entry's kind; a fixture that lists
    // entries gets the kinds the verdict would have given them.
    rejectedEmails: overrides.rejectedEmails ?? [
      ...(overrides.invalidEmails ?? []).map((address) => ({
        address,
        kind: rejectedKind(classifyAddress(address).kind),
      })),
      ...(overrides.disallowedEmails ?? []).map((address) => ({
        address,
        kind: "disallowed-domain" as const,
      })),
    ],
  };
}

function rejectedKind(kind: AddressKind): RejectedKind {
  return kind === "valid" ? "invalid-syntax" : kind;
}
