/**
 * `deliverable-emails` (opt-in): at least one address that passes
 * `additional-emails` is at a domain that can receive mail, as DNS answered
 * before the evaluation (MX, else A/AAAA; RFC 5321 §5.1, RFC 7505). A domain
 * DNS could not answer for is unknown: the control then neither passes nor
 * fails, so a runner with restricted DNS does not turn every subscription red.
 */
import { mergeContact } from "../contact-merge.js";
import { plural } from "../../text.js";
import {
  deliverabilityOf,
  mailDomainOf,
  type AddressDeliverability,
} from "../mail-domains.js";
import { addressCause } from "./address-causes.js";
import {
  ADDRESS_MERGE,
  ADDRESS_NEEDS,
  contactAddresses,
} from "./additional-emails.js";
import type { Control } from "./control.js";

/** How many domains a reason names before it counts the rest. */
const NAMED_DOMAINS = 3;

/** "contoso.cm: domain does not exist; …", each domain once. */
function domainsWithReasons(rows: readonly AddressDeliverability[]): string {
  const byDomain = new Map(rows.map((row) => [row.domain, row.reason]));
  const named = [...byDomain]
    .slice(0, NAMED_DOMAINS)
    .map(([domain, reason]) => `${domain}: ${reason}`);
  const more = byDomain.size - named.length;
  return named.join("; ") + (more > 0 ? `; and ${more} more` : "");
}

export const deliverableEmails: Control = {
  id: "deliverable-emails",
  title: "Addresses at domains that receive mail",
  reads: "`emails`, and DNS (MX, else A/AAAA) for their domains",
  benchmark:
    "ISO 27001 A.5.24 (a security alert must reach a person): beyond CIS, at least one valid additional address is at a domain that can receive mail",
  references: { iso27001: ["A.5.24"] },
  cause: "Addresses whose domain cannot receive mail",
  // Without a valid address it fails for additional-emails' reason: one cause, not two.
  causeOf: (result) =>
    result.emails.length === 0
      ? addressCause(result)
      : {
          key: "deliverable-emails",
          label: "Addresses whose domain cannot receive mail",
          showAddresses: true,
        },
  needsRemediationEmails: true,
  optIn: true,
  mailDomains(contacts, policy) {
    return contactAddresses(contacts, policy).valid.map(mailDomainOf);
  },
  evaluate(contacts, policy) {
    if (contacts.length === 0) {
      return {
        status: "fail",
        reason:
          "No security contact is configured, so there is no address to receive mail.",
      };
    }
    const valid = contactAddresses(contacts, policy).valid;
    if (valid.length === 0) {
      return {
        status: "fail",
        reason:
          "No additional email address passes additional-emails, so none can receive mail.",
      };
    }
    const rows = deliverabilityOf(valid, policy.mailDomains);
    const deliverable = rows.filter((r) => r.deliverability === "deliverable");
    const unknown = rows.filter((r) => r.deliverability === "unknown");
    const undeliverable = rows.filter(
      (r) =>
        r.deliverability !== "deliverable" && r.deliverability !== "unknown",
    );
    if (deliverable.length > 0) {
      const notes = [
        undeliverable.length > 0
          ? `cannot receive mail: ${domainsWithReasons(undeliverable)}`
          : "",
        unknown.length > 0 ? `not known: ${domainsWithReasons(unknown)}` : "",
      ].filter(Boolean);
      return {
        status: "pass",
        reason: `${deliverable.length} of ${plural(valid.length, "valid address", "valid addresses")} at a domain that receives mail${notes.length > 0 ? ` (${notes.join("; ")})` : ""}.`,
      };
    }
    if (unknown.length > 0) {
      return {
        status: "unknown",
        reason: `Whether the addresses' domains receive mail could not be determined (${domainsWithReasons(unknown)})${undeliverable.length > 0 ? `; cannot receive mail: ${domainsWithReasons(undeliverable)}` : ""}.`,
      };
    }
    return {
      status: "fail",
      reason: `No valid additional email address is at a domain that receives mail: ${domainsWithReasons(undeliverable)}.`,
    };
  },
  remedy: {
    step: "In **Additional email addresses**, add an address at a domain that receives mail (replace those whose domain does not exist, accepts no mail or has no mail host), then **Save**.",
    merge: ADDRESS_MERGE,
    needs: ADDRESS_NEEDS,
  },
  // remediation-emails are checked deliverable before the run: adding them fixes it.
  repair: (contact, { remediationEmails, requiredEmails }) =>
    mergeContact(contact, {
      addEmails: [...remediationEmails, ...requiredEmails],
    }),
};
