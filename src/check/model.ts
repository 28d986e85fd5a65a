/**
 * The data that flows from the Azure adapters into the pure evaluation.
 * Kept free of SDK types so the core can be tested without a network.
 */

/** Subscription states as Azure Resource Manager reports them. */
export type SubscriptionState =
  "Enabled" | "Warned" | "PastDue" | "Disabled" | "Deleted" | string;

export interface SubscriptionInfo {
  subscriptionId: string;
  displayName: string;
  state: SubscriptionState;
}

/** One security contact as read with api-version 2023-12-01-preview. */
export interface SecurityContact {
  name: string;
  /** `properties.emails`, the "Additional email addresses" field, raw. */
  emails: string | undefined;
  /** `properties.isEnabled`; undefined when Azure did not say. */
  isEnabled: boolean | undefined;
}

/** What reading a subscription's security contacts produced. */
export type ContactLookup =
  | { kind: "found"; contacts: SecurityContact[] }
  | { kind: "not-registered"; code: string; message: string }
  | { kind: "error"; code: string; message: string };

export type Verdict = "pass" | "fail" | "skipped" | "error";

export interface SubscriptionResult {
  subscriptionId: string;
  /** Raw display name from Azure: escape before rendering. */
  displayName: string;
  state: SubscriptionState;
  status: Verdict;
  /** One plain sentence, on every row. */
  reason: string;
  /** Valid addresses, unmasked: reports apply `mask-emails`. */
  emails: string[];
  invalidEmails: string[];
  /** The contact exists but `isEnabled` is false. */
  notificationsOff: boolean;
  /** Paid Defender plans that are on; read only for failing subscriptions. */
  paidDefenderPlans?: string[];
  /** ID of the direct parent management group, when a group walk reached it. */
  managementGroup?: string;
}
