/**
 * The template functions both ARM and Bicep evaluate when every argument is
 * a literal: string building (`concat`, `join`, `format`, `toLower`,
 * `toUpper`, `trim`, `string`), `union` of objects and `first` of an array.
 * The result keeps the origin of the value it transforms, so a finding still
 * points where that value is written. Anything else is left to the caller.
 */
import { text, union, type Origin, type Value } from "./values.js";

const strings = (args: readonly Value[]): string[] | undefined =>
  args.every((a) => a.kind === "string")
    ? args.map((a) => (a.kind === "string" ? a.value : ""))
    : undefined;

/** `{0}`, `{1}`… replaced by the arguments; undefined for any other brace. */
function format(template: string, args: readonly string[]): string | undefined {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "{") {
      const close = template.indexOf("}", i);
      const index = Number(template.slice(i + 1, close));
      if (close < 0 || !Number.isInteger(index) || args[index] === undefined)
        return undefined;
      out += args[index];
      i = close;
    } else out += c;
  }
  return out;
}

export function callPure(
  name: string,
  args: readonly Value[],
  origin: Origin,
): Value | undefined {
  const [first, second] = args;
  const all = strings(args);
  switch (name.toLowerCase()) {
    case "concat":
      if (all && all.length > 0) return text(all.join(""), origin);
      if (args.length > 0 && args.every((a) => a.kind === "array"))
        return {
          kind: "array",
          items: args.flatMap((a) => (a.kind === "array" ? a.items : [])),
          origin,
        };
      return undefined;
    case "join": {
      if (first?.kind !== "array" || second?.kind !== "string")
        return undefined;
      const items = strings(first.items);
      return items && text(items.join(second.value), first.origin);
    }
    case "format": {
      const result =
        all && all.length > 0 && format(all[0] ?? "", all.slice(1));
      return typeof result === "string" ? text(result, origin) : undefined;
    }
    case "tolower":
    case "toupper":
    case "trim":
    case "string": {
      if (args.length !== 1 || first?.kind !== "string") return undefined;
      const lower = name.toLowerCase();
      const value =
        lower === "tolower"
          ? first.value.toLowerCase()
          : lower === "toupper"
            ? first.value.toUpperCase()
            : lower === "trim"
              ? first.value.trim()
              : first.value;
      return text(value, first.origin);
    }
    case "union":
      return args.length > 0 ? union(args, origin) : undefined;
    case "first":
      return first?.kind === "array" && args.length === 1
        ? first.items[0]
        : undefined;
    default:
      return undefined;
  }
}
