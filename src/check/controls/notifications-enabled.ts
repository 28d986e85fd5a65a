/** `notifications-enabled`: a contact exists and `isEnabled` is not `false`. */
import { mergeContact } from "../contact-merge.js";
import type { Control } from "./control.js";

export const notificationsEnabled: Control = {
  id: "notifications-enabled",
  title: "Email notifications on",
  reads: "`isEnabled`",
  benchmark:
    "Defender for Cloud documentation, Configure email notifications for alerts and attack paths: the security contact's email notifications are enabled",
  // No CIS recommendation covers isEnabled on its own.
  references: { iso27001: ["A.5.24", "A.6.8"] },
  cause: "Email notifications are turned off (isEnabled: false)",
  evaluate(contacts) {
    if (contacts.length === 0) {
      return {
        status: "fail",
        reason:
          "No security contact is configured, so no email notification settings are turned on.",
      };
    }
    if (contacts.every((contact) => contact.isEnabled === false)) {
      return {
        status: "fail",
        reason:
          "Email notifications are turned off (isEnabled: false), so the security contact sends nothing at all.",
      };
    }
    return { status: "pass", reason: "Email notifications are turned on." };
  },
  remedy: {
    step: "Review the settings and **Save** them (saving turns the notifications on).",
    merge: [".properties.isEnabled = true"],
  },
  repair: (contact) => mergeContact(contact, { isEnabled: true }),
};
