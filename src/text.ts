/**
 * Small text rules every module shares, so each lives in one place. Pure.
 */

/** `plural(1, "subscription")` → "1 subscription"; `plural(2, "entry", "entries")` → "2 entries". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${inflect(count, one, many)}`;
}

/** The form of a word, noun or verb, that agrees with `count`: `inflect(1, "lists", "list")` → "lists". */
export function inflect(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** The message of anything thrown: an Error's message, else its string form. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Collapses text that can span lines (Azure's messages) into one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A subscription, tenant or client ID: the only shape that is safe in a URL, a table or a shell line. */
export function isGuid(text: string): boolean {
  return GUID.test(text);
}

/** Letters, digits, `.`, `_`, `-` and single spaces (ARM really answers `Subscription Not Registered`). */
const CODE_SHAPE = /^[A-Za-z0-9._-]+( [A-Za-z0-9._-]+)*$/;

/**
 * An error code as it may be shown: Azure's own when it has the shape of a
 * short identifier, else `InvalidCode`. Only for showing: verdicts still
 * decide on the code Azure sent.
 */
export function displayCode(code: string): string {
  return code.length <= 100 && CODE_SHAPE.test(code) ? code : "InvalidCode";
}
