/** `attack-path-notifications`: High-risk attack paths are emailed. */
import { PORTAL_PATH, type Control } from "./control.js";
import {
  evaluateSource,
  repairSource,
  sourceMerge,
  type SourceRule,
} from "./notification-source.js";

const rule: SourceRule = {
  sourceType: "AttackPath",
  field: "minimalRiskLevel",
  passing: ["High", "Medium", "Low"],
  noun: "attack paths",
  scale: "risk level",
};

export const attackPathNotifications: Control = {
  id: "attack-path-notifications",
  title: "Attack path emails",
  reads: "`notificationsSources` (AttackPath)",
  benchmark:
    "CIS Microsoft Azure Foundations: Ensure that 'Notify about attack paths with the following risk level' is set to 'High'",
  evaluate: (contacts) => evaluateSource(contacts, rule),
  remedy: {
    portal: `${PORTAL_PATH} → tick **Notify about attack paths with the following risk level (or higher)** and choose **High** → **Save**.`,
    merge: sourceMerge(rule),
  },
  repair: (contact) => repairSource(contact, rule),
};
