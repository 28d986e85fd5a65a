/**
 * Values as a Terraform deployment would compute them, each with the place
 * it is written (its origin), so a finding points at the deciding line.
 * Only what the files fix is computed: literals, objects, tuples, `var.`,
 * `local.`, `module.` outputs, and a few pure functions. Anything else is
 * `unknown` (named by its expression); a variable nothing sets is `unset`.
 */
import { fromJsonText } from "./json-values.js";
import { mentionsSetting } from "./hints.js";
import type { Expr, TfFile } from "./syntax.js";
import { unknown, type Context, type Origin, type Val } from "./val.js";

/** An expression the scan does not evaluate, named as written. */
function opaque(file: TfFile, at: number, end: number, o: Origin): Val {
  return unknown(
    sourceOf(file, at, end),
    o,
    mentionsSetting(file.text.slice(at, end)),
  );
}

const MAX_SHOWN = 120;

/** The expression as written, on one line and bounded: how errors name it. */
export function sourceOf(file: TfFile, at: number, end: number): string {
  const text = file.text
    .slice(at, Math.min(end, at + MAX_SHOWN * 4))
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/**
 * Nesting beyond anything the parsers accept (HCL: 200 levels): reaching it
 * means the scan could not look inside, which is an error, never silence.
 */
const MAX_DEPTH = 1000;

export function evaluate(expr: Expr, c: Context): Val {
  const o: Origin = { file: c.file, at: expr.at, setting: c.setting };
  if (c.depth > MAX_DEPTH)
    return unknown(
      `${sourceOf(c.file, expr.at, expr.end)} (nested too deeply)`,
      o,
      true,
    );
  const deeper = (setting: string): Context => ({
    ...c,
    setting,
    depth: c.depth + 1,
  });
  switch (expr.k) {
    case "literal":
      return typeof expr.v === "string"
        ? { k: "str", v: expr.v, o }
        : { k: "prim", v: expr.v, o };
    case "template": {
      let text = "";
      for (const part of expr.parts) {
        if (typeof part === "string") {
          text += part;
          continue;
        }
        const value = evaluate(part, deeper(c.setting));
        if (value.k === "unknown" || value.k === "unset") return value;
        if (value.k === "str" || (value.k === "prim" && value.v !== null))
          text += String(value.v);
        else
          return unknown(
            `${sourceOf(c.file, part.at, part.end)} (not a string)`,
            value.o,
          );
      }
      return { k: "str", v: text, o };
    }
    case "tuple":
      return {
        k: "tuple",
        items: expr.items.map((item, i) =>
          evaluate(item, deeper(`${c.setting}[${i}]`)),
        ),
        o,
      };
    case "object": {
      const m = new Map<string, Val>();
      const keys = new Map<string, Origin>();
      for (const { key, value } of expr.items) {
        const name = evaluate(key, deeper(c.setting));
        if (name.k !== "str")
          return unknown(
            `${sourceOf(c.file, key.at, key.end)} (a key that is not a literal)`,
            name.o,
          );
        const setting = c.setting ? `${c.setting}.${name.v}` : name.v;
        if (m.has(name.v)) {
          const text = c.file.text.slice(expr.at, expr.end);
          return unknown(
            `key ${name.v} set twice in ${sourceOf(c.file, expr.at, expr.end)}`,
            o,
            mentionsSetting(text),
          );
        }
        m.set(name.v, evaluate(value, deeper(setting)));
        keys.set(name.v, { file: c.file, at: key.at, setting });
      }
      return { k: "obj", m, keys, o };
    }
    case "ref":
      return reference(expr, c, o);
    case "call":
      return call(expr, c, o);
    default:
      return opaque(c.file, expr.at, expr.end, o);
  }
}

function reference(expr: Expr & { k: "ref" }, c: Context, o: Origin): Val {
  const [first, second, ...rest] = expr.steps;
  const name = first && "name" in first ? first.name : undefined;
  let value: Val;
  let steps = expr.steps.slice(1);
  if (expr.root === "var" && name) value = c.scope.variable(name, o);
  else if (expr.root === "local" && name) value = c.scope.local(name, o);
  else if (expr.root === "module" && name && second && "name" in second) {
    value = c.scope.moduleOutput(name, second.name, o);
    steps = rest;
  } else return opaque(c.file, expr.at, expr.end, o);
  for (const step of steps) {
    if (value.k === "unknown" || value.k === "unset") return value;
    const key =
      "name" in step
        ? step.name
        : evaluate(step.index, { ...c, depth: c.depth + 1 });
    const index =
      typeof key === "string"
        ? key
        : key.k === "str" || key.k === "prim"
          ? key.v
          : undefined;
    const next =
      value.k === "obj" && typeof index === "string"
        ? value.m.get(index)
        : value.k === "tuple" && typeof index === "number"
          ? value.items[index]
          : undefined;
    if (!next)
      return unknown(
        `${sourceOf(c.file, expr.at, expr.end)} (no such attribute or element)`,
        o,
      );
    value = next;
  }
  return value;
}

function call(expr: Expr & { k: "call" }, c: Context, o: Origin): Val {
  const args = expr.args.map((arg) =>
    evaluate(arg, { ...c, depth: c.depth + 1 }),
  );
  const [first, second, third] = args;
  const blocked = args.find((a) => a.k === "unknown" || a.k === "unset");
  const named = opaque(c.file, expr.at, expr.end, o);
  switch (expr.name) {
    case "jsonencode":
      return first && args.length === 1
        ? { k: "json", inner: first, o }
        : named;
    case "jsondecode":
      if (blocked) return blocked;
      return first?.k === "str" ? fromJsonText(first.v, first.o) : named;
    case "tostring":
      return first?.k === "str" ||
        first?.k === "unknown" ||
        first?.k === "unset"
        ? first
        : named;
    case "merge": {
      if (blocked) return blocked;
      const m = new Map<string, Val>();
      const keys = new Map<string, Origin>();
      for (const arg of args) {
        if (arg.k === "prim" && arg.v === null) continue;
        if (arg.k !== "obj") return named;
        for (const [k, v] of arg.m) m.set(k, v);
        for (const [k, v] of arg.keys) keys.set(k, v);
      }
      return { k: "obj", m, keys, o };
    }
    case "lookup":
      if (first?.k === "obj" && second?.k === "str")
        return (
          first.m.get(second.v) ??
          third ??
          unknown(`${sourceOf(c.file, expr.at, expr.end)} (no such key)`, o)
        );
      return blocked ?? named;
    case "try":
    case "coalesce":
      // The first argument decides unless it is null (coalesce) or fails (try): only that much is followed.
      if (
        first &&
        first.k !== "unknown" &&
        first.k !== "unset" &&
        !(first.k === "prim" && first.v === null)
      )
        return first;
      return first?.k === "unset" ? first : named;
    default:
      return named;
  }
}
