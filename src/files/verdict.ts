/**
 * The verdict of one file finding: the live check's own rule. The value is
 * judged as if it were a security contact's `emails` (or its legacy `email`)
 * by the `additional-emails` control, so placeholders, reserved domains,
 * `required-emails` and `allowed-email-domains` mean the same in both scans.
 */
import { NO_ADDRESS_POLICY } from "../check/address-policy.js";
import {
  additionalEmails,
  contactAddresses,
} from "../check/controls/additional-emails.js";
import type { ControlPolicy } from "../check/controls/control.js";
import { splitEmails } from "../check/emails.js";
import type { SecurityContact } from "../check/model.js";
import type {
  FileFinding,
  FileFindingStatus,
  FileLocation,
  FindingSource,
} from "./findings.js";

/** The control every file finding is evidence for (the SARIF rule). */
export const FILE_CONTROL = additionalEmails.id;

/** A finding with its verdict: the shape of a report's `files[]` entry (before masking). */
export interface EvaluatedFileFinding {
  readonly path: string;
  readonly line: number;
  readonly setting: string;
  readonly source: FindingSource;
  readonly control: typeof FILE_CONTROL;
  readonly status: FileFindingStatus;
  /** One plain sentence: why it passed, failed, errored, or what decides it at deployment. */
  readonly reason: string;
  /** Addresses that count, unmasked: reports apply `mask-emails`. */
  readonly emails: string[];
  /** Entries that do not count (invalid, reserved, placeholder, outside allowed-email-domains). */
  readonly invalidEmails: string[];
  /** The place that deploys the value, when another file decides it. */
  readonly usedAt?: FileLocation;
}

/** `{{token}}`, `$${name}` and `${…}` are substituted later: never addresses. */
const TOKEN = /\{\{[^{}]*\}\}|\$?\$\{[^{}]*\}/g;

const DEFAULT_POLICY: ControlPolicy = {
  ...NO_ADDRESS_POLICY,
  maskEmails: true,
};

export function evaluateFileFinding(
  finding: FileFinding,
  policy: ControlPolicy = DEFAULT_POLICY,
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
  return {
    ...base,
    status,
    reason,
    emails: checked.valid,
    // A legacy value is never read by Defender: none of its entries counts.
    invalidEmails: finding.legacyEmail
      ? splitEmails(withoutTokens)
      : [...checked.invalid, ...checked.disallowed],
  };
}
