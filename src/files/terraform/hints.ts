/**
 * Names that may set the security contact, for deciding whether something
 * the scan cannot evaluate could hide one (then it is an error, not silence).
 * Plain substring tests on lower-cased text: no pattern is built from data.
 */
const HINTS = [
  "email_security_contact",
  "emailsecuritycontact",
  "securitycontact",
  "security_center_contact",
];

/** True when text may name one of the settings (case-insensitive). */
export function mentionsSetting(text: string): boolean {
  const lower = text.toLowerCase();
  return HINTS.some((hint) => lower.includes(hint));
}
