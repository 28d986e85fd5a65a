/**
 * The rules behind the remediation inputs (`remediate`, `remediation-emails`).
 * Pure; settings.ts reads the inputs and turns a broken rule into an InputError.
 */
import { isValidEmail } from "../check/emails.js";

export const REMEDIATE_MODES = ["off", "plan", "apply"] as const;
/** off: only check; plan: say what would change; apply: write it and read it back. */
export type RemediateMode = (typeof REMEDIATE_MODES)[number];

export function parseRemediateMode(value: string): RemediateMode | undefined {
  const lower = value.trim().toLowerCase();
  return REMEDIATE_MODES.find((mode) => mode === lower);
}

/**
 * `remediation-emails` is what the `additional-emails` remedy adds, so it is
 * needed only when that control is selected and remediation is on.
 */
export function remediationEmailsRequired(
  mode: RemediateMode,
  selectedChecks: readonly string[],
): boolean {
  return mode !== "off" && selectedChecks.includes("additional-emails");
}

/** RFC 2606 and RFC 6761 names: mail to them is never delivered. */
const RESERVED_DOMAIN =
  /(^|\.)example\.(com|net|org)$|\.(example|invalid|localhost|test)$/i;

/** Why an address must not be written into a contact, or undefined when it may. */
export function remediationAddressProblem(address: string): string | undefined {
  if (!isValidEmail(address)) {
    return "a valid email address such as secops@contoso.com was expected";
  }
  const domain = address.slice(address.lastIndexOf("@") + 1);
  if (RESERVED_DOMAIN.test(domain)) {
    return `'${domain}' is a reserved domain (RFC 2606, RFC 6761) that never receives mail`;
  }
  return undefined;
}
