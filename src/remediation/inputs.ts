/**
 * The rules behind the remediation inputs (`remediate`, `remediation-emails`).
 * Pure; inputs/ reads the inputs and turns a broken rule into an InputError.
 */
import { controlsById } from "../check/controls/index.js";

export const REMEDIATE_MODES = ["off", "plan", "apply"] as const;
/** off: only check; plan: say what would change; apply: write it and read it back. */
export type RemediateMode = (typeof REMEDIATE_MODES)[number];

/**
 * `remediation-emails` is what a control's repair adds (one that says
 * `needsRemediationEmails`), so it is needed only when such a control is
 * selected and remediation is on.
 */
export function remediationEmailsRequired(
  mode: RemediateMode,
  selectedChecks: readonly string[],
): boolean {
  return (
    mode !== "off" &&
    controlsById(selectedChecks).some((c) => c.needsRemediationEmails)
  );
}
