/**
 * Type constraints, only as far as they change a value: Terraform fills an
 * attribute left out (or null) with the default of `optional(type, default)`
 * in `object({…})`, at any depth, through `map(…)`, `list(…)` and `set(…)`.
 */
import type { Expr, TfFile } from "./syntax.js";
import { NO_REFERENCES, type Origin, type Val } from "./val.js";
import { evaluate } from "./values.js";

type Type =
  | {
      readonly k: "object";
      readonly attrs: ReadonlyMap<string, { type: Type; fallback?: Expr }>;
    }
  | { readonly k: "collection"; readonly element: Type }
  | { readonly k: "other" };

const OTHER: Type = { k: "other" };

function typeOf(expr: Expr | undefined): Type {
  if (expr?.k !== "call") return OTHER;
  const [first] = expr.args;
  if (expr.name === "object" && first?.k === "object") {
    const attrs = new Map<string, { type: Type; fallback?: Expr }>();
    for (const { key, value } of first.items) {
      if (key.k !== "literal" || typeof key.v !== "string") continue;
      if (value.k === "call" && value.name === "optional") {
        const [inner, fallback] = value.args;
        attrs.set(
          key.v,
          fallback
            ? { type: typeOf(inner), fallback }
            : { type: typeOf(inner) },
        );
      } else attrs.set(key.v, { type: typeOf(value) });
    }
    return { k: "object", attrs };
  }
  if (expr.name === "map" || expr.name === "list" || expr.name === "set")
    return { k: "collection", element: typeOf(first) };
  return OTHER;
}

function apply(value: Val, type: Type, file: TfFile, setting: string): Val {
  if (type.k === "collection") {
    if (value.k === "obj") {
      const m = new Map(
        [...value.m].map(([k, v]) => [
          k,
          apply(v, type.element, file, `${setting}.${k}`),
        ]),
      );
      return { ...value, m };
    }
    if (value.k === "tuple")
      return {
        ...value,
        items: value.items.map((v) => apply(v, type.element, file, setting)),
      };
    return value;
  }
  if (type.k !== "object" || value.k !== "obj") return value;
  const m = new Map(value.m);
  const keys = new Map<string, Origin>(value.keys);
  for (const [name, { type: inner, fallback }] of type.attrs) {
    const given = m.get(name);
    const here = `${setting}.${name}`;
    if (
      (given === undefined || (given.k === "prim" && given.v === null)) &&
      fallback
    ) {
      // The default is itself of the attribute's type: its own optional defaults apply.
      const value = evaluate(fallback, {
        file,
        scope: NO_REFERENCES,
        setting: `${here} (optional default)`,
        depth: 0,
      });
      m.set(name, apply(value, inner, file, here));
      keys.set(name, {
        file,
        at: fallback.at,
        setting: `${here} (optional default)`,
      });
    } else if (given) m.set(name, apply(given, inner, file, here));
  }
  return { ...value, m, keys };
}

/** The value with the type's optional defaults filled in (the type written in `file`). */
export function applyTypeDefaults(
  value: Val,
  type: Expr,
  file: TfFile,
  setting: string,
): Val {
  return apply(value, typeOf(type), file, setting);
}
