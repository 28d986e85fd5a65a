/** `alert-notifications`: High-severity alerts are emailed. */
import { notificationSourceControl } from "./notification-source.js";

export const alertNotifications = notificationSourceControl({
  id: "alert-notifications",
  title: "Alert emails",
  benchmark:
    "CIS Microsoft Azure Foundations: Ensure That 'Notify about alerts with the following severity' is Set to 'High'",
  references: {
    cis: { version: "3.0.0", recommendation: "3.1.14" },
    iso27001: ["A.5.25", "A.6.8"],
  },
  cause: "High-severity alerts are not emailed",
  portalSetting: "Notify about alerts with the following severity",
  rule: {
    sourceType: "Alert",
    field: "minimalSeverity",
    passing: ["High", "Medium", "Low"],
    noun: "alerts",
    scale: "severity",
  },
});
