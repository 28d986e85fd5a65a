/**
 * The registry: every control, in the order the evaluation and every report
 * use. Adding a control = one module (it describes itself: rule, wording,
 * repair, remedy, references), its unit test, a README row, a line here.
 */
import { additionalEmails } from "./additional-emails.js";
import { alertNotifications } from "./alert-notifications.js";
import { attackPathNotifications } from "./attack-path-notifications.js";
import type { Control } from "./control.js";
import { deliverableEmails } from "./deliverable-emails.js";
import { notificationsEnabled } from "./notifications-enabled.js";
import { notifyOwners } from "./notify-owners.js";

export const CONTROLS: readonly Control[] = [
  additionalEmails,
  notificationsEnabled,
  notifyOwners,
  alertNotifications,
  attackPathNotifications,
  deliverableEmails,
];

/** What `checks: all` selects: every control but the opt-in ones. */
export const ALL_CHECKS: readonly string[] = CONTROLS.filter(
  (control) => !control.optIn,
).map((control) => control.id);

/** What `checks` selects by default: today's single check. */
export const DEFAULT_CHECKS: readonly string[] = [additionalEmails.id];

/** The only selected control, when exactly one is selected. */
export function soleControl(ids: readonly string[]): Control | undefined {
  return ids.length === 1 ? CONTROLS.find((c) => c.id === ids[0]) : undefined;
}

/** The controls with these IDs, in registry order. */
export function controlsById(ids: readonly string[]): Control[] {
  return CONTROLS.filter((control) => ids.includes(control.id));
}
