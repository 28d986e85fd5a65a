/** `alert-notifications`: High-severity alerts are emailed. */
import { PORTAL_PATH, type Control } from "./control.js";
import {
  evaluateSource,
  repairSource,
  sourceMerge,
  type SourceRule,
} from "./notification-source.js";

const rule: SourceRule = {
  sourceType: "Alert",
  field: "minimalSeverity",
  passing: ["High", "Medium", "Low"],
  noun: "alerts",
  scale: "severity",
};

export const alertNotifications: Control = {
  id: "alert-notifications",
  title: "Alert emails",
  reads: "`notificationsSources` (Alert)",
  benchmark:
    "CIS Microsoft Azure Foundations: Ensure That 'Notify about alerts with the following severity' is Set to 'High'",
  evaluate: (contacts) => evaluateSource(contacts, rule),
  remedy: {
    portal: `${PORTAL_PATH} → tick **Notify about alerts with the following severity (or higher)** and choose **High** → **Save**.`,
    merge: sourceMerge(rule),
  },
  repair: (contact) => repairSource(contact, rule),
};
