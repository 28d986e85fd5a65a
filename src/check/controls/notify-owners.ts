/** `notify-owners`: `notificationsByRole` is `On` and includes `Owner`. */
import { mergeContact } from "../contact-merge.js";
import { oneLine } from "../../text.js";
import { same, type Control } from "./control.js";

export const notifyOwners: Control = {
  id: "notify-owners",
  title: "Owners notified",
  reads: "`notificationsByRole`",
  benchmark:
    "CIS Microsoft Azure Foundations: Ensure That 'All users with the following roles' is set to 'Owner'",
  references: {
    cis: { version: "3.0.0", recommendation: "3.1.12" },
    iso27001: ["A.5.24"],
  },
  cause: "Subscription Owners are not emailed",
  evaluate(contacts) {
    if (contacts.length === 0) {
      return {
        status: "pass",
        reason:
          "No security contact is configured, so Defender for Cloud's documented default applies: subscription Owners are emailed.",
      };
    }
    const byRole = contacts.map((c) => c.notificationsByRole);
    if (
      byRole.some(
        (r) => same(r?.state, "On") && r?.roles.some((x) => same(x, "Owner")),
      )
    ) {
      return {
        status: "pass",
        reason: "Subscription Owners are notified (notificationsByRole: On).",
      };
    }
    const on = byRole.find((r) => same(r?.state, "On"));
    if (on) {
      const roles = on.roles.slice(0, 5).map((r) => oneLine(r).slice(0, 40));
      return {
        status: "fail",
        reason: `Notifications by role do not include Owner (roles: ${roles.join(", ") || "none"}), so subscription Owners are not emailed.`,
      };
    }
    return {
      status: "fail",
      reason:
        "Notifications by role are off, so subscription Owners are not emailed.",
    };
  },
  remedy: {
    step: "Under **All users with the following roles**, include **Owner**, then **Save**.",
    // As mergeContact does: other roles and fields kept, Owner added unless there in any case.
    merge: [
      ".properties.notificationsByRole = (",
      '  (.properties.notificationsByRole | if type == "object" then . else {} end) as $by',
      '  | ($by.roles | if type == "array" then . else [] end) as $roles',
      '  | $by + {state: "On", roles: (',
      '      if any($roles[]; type == "string" and ascii_downcase == "owner")',
      '      then $roles else $roles + ["Owner"] end)}',
      ")",
    ],
  },
  repair: (contact) =>
    mergeContact(contact, { roleState: "On", addRoles: ["Owner"] }),
};
