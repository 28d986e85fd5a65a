/**
 * What an expression in a template evaluates to, with where it was written:
 * the scan follows a value from the file that decides it (a parameter file,
 * a `.bicepparam`, a default) to the resource that deploys it, and reports
 * the first with the second as the related location. Anything that is not a
 * literal stays an `error` value naming the expression; a parameter that
 * nothing binds stays `unbound` (an unresolved finding).
 */
import type { FileFinding, FileLocation, FindingSource } from "./findings.js";

export interface Origin extends FileLocation {
  readonly source: FindingSource;
}

export type Value =
  | { readonly kind: "string"; readonly value: string; readonly origin: Origin }
  | {
      readonly kind: "object";
      /** Lower-cased key → value: ARM and Bicep property names are case-insensitive. */
      readonly entries: ReadonlyMap<string, Value>;
      readonly origin: Origin;
    }
  | {
      readonly kind: "array";
      readonly items: readonly Value[];
      readonly origin: Origin;
    }
  | { readonly kind: "scalar"; readonly origin: Origin }
  | { readonly kind: "error"; readonly why: string; readonly origin: Origin }
  | { readonly kind: "unbound"; readonly why: string; readonly origin: Origin };

export const text = (value: string, origin: Origin): Value => ({
  kind: "string",
  value,
  origin,
});

export const failed = (why: string, origin: Origin): Value => ({
  kind: "error",
  why,
  origin,
});

/** The property `key` of an object value; errors and unbound values pass through. */
export function property(value: Value, key: string): Value | undefined {
  if (value.kind === "object") return value.entries.get(key.toLowerCase());
  if (value.kind === "error" || value.kind === "unbound") return value;
  return undefined;
}

/** Follows keys; undefined when a key is missing from an object. */
export function path(
  value: Value,
  ...keys: readonly string[]
): Value | undefined {
  let current: Value | undefined = value;
  for (const key of keys) current = current && property(current, key);
  return current;
}

/** Merges objects, the later winning, nested objects merged too (ARM `union`). */
export function union(values: readonly Value[], origin: Origin): Value {
  const bad = values.find((v) => v.kind !== "object");
  if (bad) {
    return bad.kind === "error" || bad.kind === "unbound"
      ? bad
      : failed("union of values that are not all objects", origin);
  }
  const entries = new Map<string, Value>();
  for (const value of values) {
    if (value.kind !== "object") continue;
    for (const [key, item] of value.entries) {
      const before = entries.get(key);
      entries.set(
        key,
        before?.kind === "object" && item.kind === "object"
          ? union([before, item], item.origin)
          : item,
      );
    }
  }
  return { kind: "object", entries, origin };
}

/**
 * The finding for the value a sink deploys: at the place that decides it,
 * with the sink as the related location when that is elsewhere.
 */
export function judge(
  value: Value,
  sink: Origin,
  legacyEmail?: true,
): FileFinding {
  const { path: file, line, setting, source } = value.origin;
  const elsewhere = file !== sink.path || line !== sink.line;
  const base = {
    path: file,
    line,
    setting,
    source,
    ...(elsewhere
      ? { usedAt: { path: sink.path, line: sink.line, setting: sink.setting } }
      : {}),
  };
  switch (value.kind) {
    case "string":
      return {
        ...base,
        value: value.value,
        ...(legacyEmail ? { legacyEmail } : {}),
      };
    case "error":
      return { ...base, error: value.why };
    case "unbound":
      return { ...base, unresolved: value.why };
    default:
      return {
        ...base,
        error: `not a string: ${value.kind === "scalar" ? "a number, boolean or null" : `an ${value.kind}`}`,
      };
  }
}
