/**
 * Generic input parsers: each reads one input, or checks one value, and
 * throws an InputError that names the input, quotes the value and says what
 * was expected. They know no input in particular.
 */
import { defaultOf, type InputName } from "../action-interface.js";
import { isGuid } from "../text.js";

/** Reads one raw input by its action.yml name ("" when unset). */
export type InputReader = (name: InputName) => string;

/** A bad input: the message names the input, quotes the value and says what was expected. */
export class InputError extends Error {
  override name = "InputError";
}

export function invalid(
  name: string,
  value: string,
  expected: string,
): InputError {
  return new InputError(
    `Input '${name}' has the value ${JSON.stringify(value)}, but ${expected}.`,
  );
}

/** The input's value, or its action.yml default when empty (as when a test or a runner leaves it unset). */
export function orDefault(read: InputReader, name: InputName): string {
  return read(name).trim() || defaultOf(name);
}

/** `true` or `false`, in any case (YAML 1.2 spellings); empty means the default. */
export function boolean(read: InputReader, name: InputName): boolean {
  const value = orDefault(read, name);
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw invalid(name, value, "'true' or 'false' was expected");
}

/**
 * One of `choices`, case-insensitively, returned as spelled in `choices`;
 * empty means the default.
 */
export function oneOf<const T extends string>(
  read: InputReader,
  name: InputName,
  choices: readonly T[],
  expected = `one of ${choices.join(", ")} was expected`,
): T {
  const value = orDefault(read, name);
  const found = choices.find(
    (choice) => choice.toLowerCase() === value.toLowerCase(),
  );
  if (found === undefined) throw invalid(name, value, expected);
  return found;
}

/** Entries separated by commas, whitespace, newlines or `;`; empty entries dropped. */
export function list(read: InputReader, name: InputName): string[] {
  return read(name)
    .split(/[\s,;]+/)
    .filter((entry) => entry.length > 0);
}

/** Entries that may hold spaces: split on `separator`, trimmed, empty ones dropped. */
export function separated(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

export function guid(name: string, value: string): string {
  if (!isGuid(value)) {
    throw invalid(
      name,
      value,
      "a GUID such as 00000000-0000-0000-0000-000000000000 was expected",
    );
  }
  return value.toLowerCase();
}

const DOMAIN =
  /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** A DNS name with at least two labels, such as contoso.com. */
export function isDomain(value: string): boolean {
  return DOMAIN.test(value);
}

/** An https base URL without query or fragment, returned without trailing slash. */
export function httpsUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(name, value, "an https:// URL was expected");
  }
  if (url.protocol !== "https:") {
    throw invalid(
      name,
      value,
      "an https:// URL was expected (Azure credentials are never sent over plain http)",
    );
  }
  if (url.search || url.hash) {
    throw invalid(
      name,
      value,
      "a base URL without query or fragment was expected",
    );
  }
  return url.href.replace(/\/+$/, "");
}
