/**
 * The verdict of one file finding: the live check's own rule. The value is
 * judged as if it were a security contact's `emails` (or its legacy `email`)
 * by the `additional-emails` control, so placeholders, reserved domains,
 * `required-emails` and `allowed-email-domains` mean the same in both scans.
 */
import {
  classifyAddress,
  NO_ADDRESS_POLICY,
  type RejectedAddress,
} from "../check/address-policy.js";
import {
  additionalEmails,
  contactAddresses,
} from "../check/controls/additional-emails.js";
import type { ControlPolicy } from "../check/controls/control.js";
import { splitEmails } from "../check/emails.js";
import type { EvaluatedFileFinding } from "../check/file-run.js";
import type { SecurityContact } from "../check/model.js";
import type { FileFinding } from "./findings.js";

/** The control every file finding is evidence for (the SARIF rule). */
export const FILE_CONTROL = additionalEmails.id;

/** `{{token}}`, `$${name}` and `${…}` are substituted later: never addresses. */
const TOKEN = /\{\{[^{}]*\}\}|\$?\$\{[^{}]*\}/g;

export function evaluateFileFinding(
  finding: FileFinding,
  policy: ControlPolicy = NO_ADDRESS_POLICY,
): EvaluatedFileFinding {
  const { path, line, setting, source, usedAt } = finding;
  const base = {
    path,
    line,
    setting,
    source,
    control: FILE_CONTROL,
    ...(usedAt ? { usedAt } : {}),
  } as const;
  const unjudged = (
    status: "error" | "unresolved",
    reason: string,
  ): EvaluatedFileFinding => ({
    ...base,
    status,
    reason,
    emails: [],
    invalidEmails: [],
    rejected: [],
  });
  if ("error" in finding) return unjudged("error", finding.error);
  if ("unresolved" in finding)
    return unjudged("unresolved", finding.unresolved);
  const withoutTokens = finding.value.replace(TOKEN, "");
  if (withoutTokens.trim() === "" && finding.value.trim() !== "") {
    // Only tokens: the value is filled in by a later step this scan cannot see.
    return unjudged("error", `unresolved: ${finding.value}`);
  }
  const contact: SecurityContact = finding.legacyEmail
    ? {
        name: "default",
        emails: undefined,
        email: withoutTokens,
        isEnabled: undefined,
      }
    : { name: "default", emails: withoutTokens, isEnabled: undefined };
  const { status, reason } = additionalEmails.evaluate([contact], policy);
  const checked = contactAddresses([contact], policy);
  // A legacy value is never read by Defender: none of its entries counts.
  const rejected: RejectedAddress[] = finding.legacyEmail
    ? splitEmails(withoutTokens).map((address) => {
        const { kind } = classifyAddress(address, policy);
        return { address, kind: kind === "valid" ? "legacy-field" : kind };
      })
    : checked.rejected;
  return {
    ...base,
    // Fail closed: a verdict the rule could not reach is never a pass.
    status: status === "unknown" ? "error" : status,
    reason,
    emails: checked.valid,
    invalidEmails: rejected.map((r) => r.address),
    rejected,
  };
}
