/**
 * The rules behind the remediation inputs (`remediate`, `remediation-emails`).
 * Pure; inputs/ reads the inputs and turns a broken rule into an InputError.
 */
export const REMEDIATE_MODES = ["off", "plan", "apply"] as const;
/** off: only check; plan: say what would change; apply: write it and read it back. */
export type RemediateMode = (typeof REMEDIATE_MODES)[number];

/**
 * `remediation-emails` is what the `additional-emails` and
 * `deliverable-emails` remedies add, so it is needed only when one of them
 * is selected and remediation is on.
 */
export function remediationEmailsRequired(
  mode: RemediateMode,
  selectedChecks: readonly string[],
): boolean {
  return (
    mode !== "off" &&
    (selectedChecks.includes("additional-emails") ||
      selectedChecks.includes("deliverable-emails"))
  );
}
