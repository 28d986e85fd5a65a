/** `attack-path-notifications`: High-risk attack paths are emailed. */
import { notificationSourceControl } from "./notification-source.js";

export const attackPathNotifications = notificationSourceControl({
  id: "attack-path-notifications",
  title: "Attack path emails",
  benchmark:
    "CIS Microsoft Azure Foundations: Ensure that 'Notify about attack paths with the following risk level' is set to 'High'",
  // No CIS recommendation number is confirmed for attack paths in 3.0.0.
  references: { iso27001: ["A.5.24"] },
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
