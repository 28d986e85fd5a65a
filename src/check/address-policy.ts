/**
 * Which addresses count: the one validator behind the `additional-emails`
 * control (and the landing-zone file scan). Each entry gets a kind and a
 * reason; the policy inputs `required-emails` and `allowed-email-domains`
 * apply on top. Pure: no I/O.
 */
import { isValidEmail, splitEmails } from "./emails.js";

/** The address policy from the inputs; empty lists mean "no rule". */
export interface AddressPolicy {
  /** Lower-cased addresses that must be present on every subscription. */
  readonly requiredEmails: readonly string[];
  /** Lower-cased domains; an address counts only within one of them (or a subdomain). */
  readonly allowedEmailDomains: readonly string[];
}

export const NO_ADDRESS_POLICY: AddressPolicy = {
  requiredEmails: [],
  allowedEmailDomains: [],
};

export type AddressKind =
  | "valid"
  | "invalid-syntax"
  | "reserved-domain"
  | "placeholder"
  | "disallowed-domain";

export interface AddressVerdict {
  kind: AddressKind;
  /** One plain sentence; does not repeat the address (it may need masking). */
  reason: string;
}

/** RFC 2606 second-level names and RFC 2606 / RFC 6761 top-level names: never deliver mail. */
const RESERVED_DOMAINS = ["example.com", "example.net", "example.org"];
const RESERVED_TLDS = ["example", "invalid", "localhost", "test"];

/** Words that landing-zone templates and docs leave in for the user to replace. */
const PLACEHOLDER =
  /replace_me|replace\.me|replaceme|change_me|changeme|yourcompany|your-company|yourdomain|your-domain|placeholder/i;

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/** True when `domain` is `parent` or a subdomain of it. */
function within(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

const RESERVED = [...RESERVED_DOMAINS, ...RESERVED_TLDS];
const RESERVED_SUFFIXES = RESERVED.map((name) => `.${name}`);

export function isReservedDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return (
    RESERVED.includes(lower) ||
    RESERVED_SUFFIXES.some((suffix) => lower.endsWith(suffix))
  );
}

/**
 * RFC 5321 / 5322 limits the WHATWG grammar leaves out; mail servers refuse
 * these shapes, so they never deliver. The grammar is ASCII-only and has no
 * quoted local part, so characters are octets and every local part is unquoted.
 */
function undeliverableShape(address: string): string | undefined {
  const local = address.slice(0, address.lastIndexOf("@"));
  if (local.length > 64) {
    return `not deliverable: the local part (before @) is ${local.length} octets, over the 64 RFC 5321 allows.`;
  }
  if (address.length > 254) {
    return `not deliverable: the address is ${address.length} octets, over the 254 RFC 5321 allows.`;
  }
  if (local.startsWith(".") || local.endsWith(".")) {
    return "not deliverable: the local part (before @) starts or ends with a dot (RFC 5322).";
  }
  if (local.includes("..")) {
    return "not deliverable: the local part (before @) has two dots in a row (RFC 5322).";
  }
  return undefined;
}

/**
 * Classifies one entry. Order matters: a placeholder is named as such even
 * when its syntax is also broken (`security_contact@replace_me`).
 */
export function classifyAddress(
  entry: string,
  policy: AddressPolicy = NO_ADDRESS_POLICY,
): AddressVerdict {
  if (PLACEHOLDER.test(entry)) {
    return {
      kind: "placeholder",
      reason: "placeholder: a template value that was never replaced.",
    };
  }
  if (!isValidEmail(entry)) {
    return { kind: "invalid-syntax", reason: "not a valid email address." };
  }
  const undeliverable = undeliverableShape(entry);
  if (undeliverable) return { kind: "invalid-syntax", reason: undeliverable };
  const domain = domainOf(entry);
  if (isReservedDomain(domain)) {
    return {
      kind: "reserved-domain",
      reason: `reserved domain (RFC 2606 / RFC 6761): ${domain} never receives mail.`,
    };
  }
  if (
    policy.allowedEmailDomains.length > 0 &&
    !policy.allowedEmailDomains.some((allowed) => within(domain, allowed))
  ) {
    return {
      kind: "disallowed-domain",
      reason: `domain ${domain} is not in allowed-email-domains.`,
    };
  }
  return { kind: "valid", reason: "valid." };
}

/** An entry that does not count, with why: carried to every report, never re-classified there. */
export interface RejectedAddress {
  /** The entry as written, unmasked. */
  readonly address: string;
  readonly kind: RejectedKind;
}

/** Why an entry does not count; `legacy-field` is a value only the unread legacy `email` holds. */
export type RejectedKind = Exclude<AddressKind, "valid"> | "legacy-field";

export interface CheckedAddresses {
  /** Addresses that count, in order, repeats dropped. */
  valid: string[];
  /** Entries that are not deliverable addresses (syntax, reserved, placeholder). */
  invalid: string[];
  /** Valid addresses outside `allowed-email-domains`: they do not count. */
  disallowed: string[];
  /** Entries of `required-emails` that are absent (as written in the input). */
  missingRequired: string[];
  /** Each entry of `invalid` and `disallowed`, in the field's order, with its kind. */
  rejected: RejectedAddress[];
}

/** Splits the raw field (`;` or `,`) and applies the validator and the policy to it. */
export function checkAddresses(
  raw: string | undefined | null,
  policy: AddressPolicy = NO_ADDRESS_POLICY,
): CheckedAddresses {
  const checked: CheckedAddresses = {
    valid: [],
    invalid: [],
    disallowed: [],
    missingRequired: [],
    rejected: [],
  };
  const present = new Set<string>();
  for (const entry of new Set(splitEmails(raw))) {
    const verdict = classifyAddress(entry, policy);
    if (verdict.kind === "valid") {
      checked.valid.push(entry);
      present.add(entry.toLowerCase());
      continue;
    }
    checked.rejected.push({ address: entry, kind: verdict.kind });
    if (verdict.kind === "disallowed-domain") {
      checked.disallowed.push(entry);
      present.add(entry.toLowerCase());
    } else checked.invalid.push(entry);
  }
  checked.missingRequired = policy.requiredEmails.filter(
    (address) => !present.has(address.toLowerCase()),
  );
  return checked;
}
