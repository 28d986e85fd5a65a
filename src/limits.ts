/**
 * GitHub's size limits and the helpers that keep every text within them.
 * Past a limit GitHub refuses (issue bodies: 422), drops (a step summary
 * over 1 MiB) or cuts silently (annotations), so each text is checked at
 * the point where it leaves the action. Pure.
 */
export const GITHUB_LIMITS = {
  stepSummaryBytes: 1024 * 1024,
  issueBodyChars: 65_536,
  annotationMessageChars: 4096,
  annotationTitleChars: 255,
} as const;

/** Longest Azure text (a reason, an error) shown before escaping. */
export const MAX_AZURE_TEXT_CHARS = 1000;

const CUT = "… (cut to fit GitHub's size limit)";

/** `text` within `max` UTF-16 code units (GitHub's "characters"), never splitting a surrogate pair. */
export function fitChars(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - CUT.length);
  // A high surrogate at the cut would leave half a character.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}${CUT}`;
}

/** `text` within `max` UTF-8 bytes, never splitting a character. */
export function fitBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  const bytes = Buffer.from(text).subarray(0, max - Buffer.byteLength(CUT) - 1);
  // A cut multi-byte character decodes to U+FFFD at the end: drop it.
  return `${bytes.toString("utf8").replace(/\uFFFD$/, "")}${CUT}\n`;
}
