/**
 * The "Additional email addresses" field: splitting, validating and masking.
 * Pure: no I/O.
 */
import { maskAddressesIn } from "../masking.js";

/**
 * The WHATWG HTML "valid email address" (what `<input type=email>` accepts),
 * https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address,
 * with one more rule: the domain must contain a dot (`ops@localhost` cannot
 * receive mail from Defender). The spec publishes this exact grammar, and no
 * maintained package implements it as written (validator.js rejects leading
 * dots and accepts quoted or non-ASCII local parts), so it is kept verbatim.
 */
const label = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
const VALID_EMAIL = new RegExp(
  `^[a-zA-Z0-9.!#$%&'*+/=?^_\`{|}~-]+@${label}(?:\\.${label})+$`,
);

/** Splits the field on `;` and `,` (the spec says `;`, the portal says `,`), trims, drops empties. */
export function splitEmails(raw: string | undefined | null): string[] {
  if (!raw) return [];
  return raw
    .split(/[;,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

export function isValidEmail(address: string): boolean {
  return VALID_EMAIL.test(address);
}

/**
 * `jane@contoso.com` → `j***@contoso.com`; every address in an entry is
 * masked (`a@x.com b@x.com` is one invalid entry holding two); an entry
 * without `@` keeps only its first character.
 */
export function maskEmail(entry: string): string {
  if (entry.includes("@")) return maskAddressesIn(entry);
  return `${Array.from(entry)[0] ?? ""}***`;
}

/** Applies the `mask-emails` setting to a list of addresses. */
export function presentEmails(
  entries: readonly string[],
  mask: boolean,
): string[] {
  return mask ? entries.map(maskEmail) : [...entries];
}
