/**
 * The rules behind the remediation inputs (`remediate`, `remediation-emails`).
 * Pure; settings.ts reads the inputs and turns a broken rule into an InputError.
 */
import { classifyAddress } from "../check/address-policy.js";
import { controlsById } from "../check/controls/index.js";

export const REMEDIATE_MODES = ["off", "plan", "apply"] as const;
/** off: only check; plan: say what would change; apply: write it and read it back. */
export type RemediateMode = (typeof REMEDIATE_MODES)[number];

export function parseRemediateMode(value: string): RemediateMode | undefined {
  const lower = value.trim().toLowerCase();
  return REMEDIATE_MODES.find((mode) => mode === lower);
}

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

/**
 * Why an address must not be written into a contact, or undefined when it may:
 * the same rule as the address check (no placeholder, no reserved domain,
 * inside `allowed-email-domains` when given), so a remedy never writes an
 * address the check would then refuse.
 */
export function remediationAddressProblem(
  address: string,
  allowedEmailDomains: readonly string[],
): string | undefined {
  const verdict = classifyAddress(address, {
    requiredEmails: [],
    allowedEmailDomains,
  });
  if (verdict.kind === "valid") return undefined;
  return `a deliverable email address was expected (${verdict.reason.replace(/\.$/, "")})`;
}
