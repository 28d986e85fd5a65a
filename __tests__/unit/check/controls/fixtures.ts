/** Contacts and policies shared by the control tests. Not a test file itself. */
import type { ControlPolicy } from "../../../../src/check/controls/control.js";
import type { SecurityContact } from "../../../../src/check/model.js";

export function contact(
  overrides: Partial<SecurityContact> = {},
): SecurityContact {
  return {
    name: "default",
    emails: "secops@contoso.com",
    isEnabled: true,
    notificationsByRole: { state: "On", roles: ["Owner"] },
    notificationsSources: [{ sourceType: "Alert", minimalSeverity: "High" }],
    ...overrides,
  };
}

export function policy(overrides: Partial<ControlPolicy> = {}): ControlPolicy {
  return {
    requiredEmails: [],
    allowedEmailDomains: [],
    ...overrides,
  };
}
