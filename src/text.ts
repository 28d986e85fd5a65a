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
