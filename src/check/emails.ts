/**
 * The "Additional email addresses" field: splitting and validating.
 * Pure: no I/O.
 */

/**
 * The WHATWG HTML "valid email address" (what `<input type=email>` accepts),
 * https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address,
 * with one more rule: the domain must contain a dot (`ops@localhost` cannot
 * receive mail from Defender). The spec publishes this exact grammar, and no
 * maintained package implements it as written (validator.js rejects leading
 * dots and accepts quoted or non-ASCII local parts), so it is kept verbatim.
 */
const label = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
/** The characters of a local part, as a character-class body; the masking pattern is built from it too. */
export const LOCAL_PART_CHARS = "a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-";
const VALID_EMAIL = new RegExp(
  `^[${LOCAL_PART_CHARS}]+@${label}(?:\\.${label})+$`,
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
