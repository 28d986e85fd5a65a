/**
 * The data that flows from the Azure adapters into the pure evaluation.
 * Kept free of SDK types so the core can be tested without a network.
 */
import type { RejectedAddress } from "./address-policy.js";

import type { AddressDeliverability } from "./mail-domains.js";

/** Subscription states as Azure Resource Manager reports them. */
export type SubscriptionState =
  "Enabled" | "Warned" | "PastDue" | "Disabled" | "Deleted" | string;

export interface SubscriptionInfo {
  subscriptionId: string;
  displayName: string;
  state: SubscriptionState;
  /** Subscription tags from the listing (string values only); raw, from Azure. */
  tags?: Readonly<Record<string, string>>;
}

/** `properties.notificationsByRole`: "All users with the following roles". */
export interface NotificationsByRole {
  /** `On` or `Off` as Azure sent it; undefined when absent. */
  state: string | undefined;
  roles: string[];
}

/** One entry of `properties.notificationsSources`. */
export interface NotificationSource {
  /** `Alert` or `AttackPath`. */
  sourceType: string;
  /** Alerts: `High`, `Medium` or `Low` ("or higher"). */
  minimalSeverity?: string;
  /** Attack paths: `Critical`, `High`, `Medium` or `Low` ("or higher"). */
  minimalRiskLevel?: string;
}

/**
 * One security contact as read with api-version 2023-12-01-preview: what the
 * controls read, plus the raw `properties` so a merge-write keeps the rest.
 */
export interface SecurityContact {
  name: string;
  /** `properties.emails`, the "Additional email addresses" field, raw. */
  emails: string | undefined;
  /** `properties.isEnabled`; undefined when Azure did not say. */
  isEnabled: boolean | undefined;
  /** The 2017-era single `properties.email`, which Defender no longer uses. */
  email?: string;
  /** Undefined when the answer has no `notificationsByRole`. */
  notificationsByRole?: NotificationsByRole;
  /** Undefined when the answer has no `notificationsSources` list. */
  notificationsSources?: NotificationSource[];
  /** `properties` verbatim, unknown fields included. */
  properties?: Readonly<Record<string, unknown>>;
}

/** What reading a subscription's security contacts produced. */
export type ContactLookup =
  | { kind: "found"; contacts: SecurityContact[] }
  | { kind: "not-registered"; code: string; message: string }
  | { kind: "error"; code: string; message: string };

export type Verdict = "pass" | "fail" | "skipped" | "error";

/** One field a remediation changes (or would change), as a person reads it. */
export interface FieldChange {
  /** A property path such as `emails` or `notificationsSources.Alert.minimalSeverity`. */
  readonly field: string;
  /** Null when absent; lists (`emails`, `roles`) as arrays; addresses unmasked. */
  readonly before: string | number | boolean | readonly string[] | null;
  readonly after: string | number | boolean | readonly string[] | null;
}

/** What `remediate` did (or would do) to one failing subscription. */
export interface Remediation {
  /** plan: would change; applied: written and read back; unchanged: nothing to write; failed: see reason. */
  action: "plan" | "applied" | "unchanged" | "failed";
  changes: FieldChange[];
  /** One plain sentence; on failed and unchanged. */
  reason?: string;
}

/** One control's verdict on one subscription. */
export interface Finding {
  control: string;
  /**
   * unknown: the control could not decide (a DNS answer it needs did not
   * come); it does not fail the subscription and never counts as a pass.
   */
  status: "pass" | "fail" | "unknown";
  /** One plain sentence. */
  reason: string;
}

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
  /** Valid addresses outside `allowed-email-domains`; they do not count. */
  disallowedEmails?: string[];
  /** Every entry of `invalidEmails` and `disallowedEmails` with why it does not count. */
  rejectedEmails?: RejectedAddress[];
  /** Entries of `required-emails` the contact lacks. */
  missingRequiredEmails?: string[];
  /** One per selected control; empty for skipped and error rows. */
  findings?: Finding[];
  /** Paid Defender plans that are on; read only for failing subscriptions. */
  paidDefenderPlans?: string[];
  /** No security contact is configured at all (the list was empty). */
  noContact?: boolean;
  /** Why an errored row could not be evaluated: Azure's (or our) error code, raw. */
  errorCode?: string;
  /** Raw value of the first `owner-tags` tag present; escape and mask before rendering. */
  owner?: string;
  /** ID of the direct parent management group, when a group walk reached it. */
  managementGroup?: string;
  /** Only with `remediate: plan|apply`, and only on subscriptions that failed a control. */
  remediation?: Remediation;
  /** With `deliverable-emails`: each valid address's domain as DNS answered; addresses unmasked. */
  deliverability?: AddressDeliverability[];
}
