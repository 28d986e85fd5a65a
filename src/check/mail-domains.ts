/**
 * Whether a mail domain can receive mail, as DNS answered before the
 * evaluation (src/dns/deliverability.ts asks; the checks only read the
 * answers). Pure data.
 */

/**
 * deliverable: MX records, or none but an A/AAAA record (RFC 5321 §5.1);
 * null-mx: "accepts no mail" (RFC 7505); nxdomain: the domain does not
 * exist; no-mail-host: neither MX nor A/AAAA; unknown: DNS gave no usable
 * answer (SERVFAIL, REFUSED, timeout, no resolver), which never fails a
 * subscription and never passes one.
 */
export type Deliverability =
  "deliverable" | "null-mx" | "nxdomain" | "no-mail-host" | "unknown";

export interface DomainDeliverability {
  deliverability: Deliverability;
  /** One plain phrase, e.g. "domain accepts no mail"; names no address. */
  reason: string;
}

/** One address with its domain's answer. */
export interface AddressDeliverability extends DomainDeliverability {
  /** Unmasked: reports apply `mask-emails`. */
  email: string;
  domain: string;
}

/** The answers by lower-cased domain, as the addresses spell it. */
export type MailDomains = ReadonlyMap<string, DomainDeliverability>;

/** The fixed wording of the outcomes that fail. */
export const UNDELIVERABLE_REASON = {
  "null-mx": "domain accepts no mail",
  nxdomain: "domain does not exist",
  "no-mail-host": "domain has no mail host",
} as const;

/** The domain of an address, lower-cased: the key into MailDomains. */
export function mailDomainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/** Each address with its domain's answer; a domain not asked is unknown. */
export function deliverabilityOf(
  addresses: readonly string[],
  answers: MailDomains | undefined,
): AddressDeliverability[] {
  return addresses.map((email) => {
    const domain = mailDomainOf(email);
    const answer = answers?.get(domain) ?? {
      deliverability: "unknown" as const,
      reason: "domain was not looked up",
    };
    return { email, domain, ...answer };
  });
}
