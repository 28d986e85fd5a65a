/** `attack-path-notifications`: High-risk attack paths are emailed. */
import { notificationSourceControl } from "./notification-source.js";

export const attackPathNotifications = notificationSourceControl({
  id: "attack-path-notifications",
  title: "Attack path emails",
  benchmark:
    "CIS Microsoft Azure Foundations: Ensure that 'Notify about attack paths with the following risk level' is set to 'High'",
  // Attack paths entered the benchmark in 4.0.0 (8.1.15 in 5.0.0 and 6.0.0).
  references: {
    cis: { version: "4.0.0", recommendation: "9.1.15" },
    iso27001: ["A.5.25", "A.8.8"],
  },
  cause: "High-risk attack paths are not emailed",
  portalSetting: "Notify about attack paths with the following risk level",
  rule: {
    sourceType: "AttackPath",
    field: "minimalRiskLevel",
    passing: ["High", "Medium", "Low"],
    noun: "attack paths",
    scale: "risk level",
  },
});
