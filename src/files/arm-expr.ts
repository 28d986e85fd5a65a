/**
 * ARM template values: JSON nodes turned into Values, with `[…]` template
 * expressions parsed and evaluated as far as literals reach:
 * `parameters('x')`, `variables('x')`, property and index access, `concat`
 * of strings and `union` of objects. Any other expression stays an error
 * value that names it; `[[` is an escaped literal.
 */
import type { FindingSource } from "./findings.js";
import {
  entries,
  DuplicateKeyError,
  type JsonDocument,
  type Node,
} from "./json-tree.js";
import { callPure } from "./functions.js";
import { failed, property, text, type Origin, type Value } from "./values.js";

/** How names in expressions resolve in one template of one deployment. */
export interface ArmScope {
  parameter(name: string, origin: Origin): Value;
  variable(name: string, origin: Origin): Value;
  /** The document is written to be embedded in a template once more: `[[` opens an expression. */
  readonly escaped?: boolean;
}

export interface JsonPlace {
  readonly path: string;
  readonly doc: JsonDocument;
  readonly source: FindingSource;
}

type Ast =
  | { readonly t: "str"; readonly v: string }
  | { readonly t: "num" }
  | { readonly t: "call"; readonly name: string; readonly args: readonly Ast[] }
  | { readonly t: "get"; readonly of: Ast; readonly key: Ast | string };

class ArmSyntaxError extends Error {}

/** Parses the inside of `[…]`. */
function parseArm(source: string): Ast {
  let i = 0;
  const space = (): void => {
    while (
      source[i] === " " ||
      source[i] === "\t" ||
      source[i] === "\n" ||
      source[i] === "\r"
    )
      i++;
  };
  const word = (): string => {
    const start = i;
    while (i < source.length && /[\w$]/.test(source[i] ?? "")) i++;
    if (i === start) throw new ArmSyntaxError("expected a name");
    return source.slice(start, i);
  };
  const expr = (depth: number): Ast => {
    if (depth > 64) throw new ArmSyntaxError("nested too deeply");
    space();
    let node: Ast;
    if (source[i] === "'") {
      let value = "";
      for (i++; ; i++) {
        if (i >= source.length) throw new ArmSyntaxError("unterminated string");
        if (source[i] === "'") {
          if (source[i + 1] !== "'") break;
          i++;
        }
        value += source[i];
      }
      i++;
      node = { t: "str", v: value };
    } else if (/[-\d]/.test(source[i] ?? "")) {
      i++;
      while (/[\d.]/.test(source[i] ?? "")) i++;
      node = { t: "num" };
    } else {
      const name = word();
      space();
      if (source[i] !== "(")
        throw new ArmSyntaxError(`expected ( after ${name}`);
      i++;
      const args: Ast[] = [];
      space();
      if (source[i] === ")") i++;
      else {
        for (;;) {
          args.push(expr(depth + 1));
          space();
          if (source[i] === ",") i++;
          else if (source[i] === ")") {
            i++;
            break;
          } else throw new ArmSyntaxError("expected , or )");
        }
      }
      node = { t: "call", name: name.toLowerCase(), args };
    }
    for (;;) {
      space();
      if (source[i] === "." || (source[i] === "?" && source[i + 1] === ".")) {
        i += source[i] === "." ? 1 : 2;
        node = { t: "get", of: node, key: word() };
      } else if (source[i] === "[") {
        i++;
        const key = expr(depth + 1);
        space();
        if (source[i] !== "]") throw new ArmSyntaxError("expected ]");
        i++;
        node = { t: "get", of: node, key };
      } else return node;
    }
  };
  const ast = expr(0);
  space();
  if (i !== source.length)
    throw new ArmSyntaxError("unexpected text after the expression");
  return ast;
}

const shown = (raw: string): string =>
  raw.length > 160 ? `${raw.slice(0, 157)}…` : raw;

function evaluate(
  ast: Ast,
  scope: ArmScope,
  origin: Origin,
  raw: string,
): Value {
  const not = (): Value => failed(`not a literal: ${shown(raw)}`, origin);
  switch (ast.t) {
    case "str":
      return text(ast.v, origin);
    case "num":
      return { kind: "scalar", origin };
    case "get": {
      const of = evaluate(ast.of, scope, origin, raw);
      const key =
        typeof ast.key === "string"
          ? ast.key
          : evaluate(ast.key, scope, origin, raw);
      if (typeof key !== "string" && key.kind !== "string") return not();
      const name = typeof key === "string" ? key : key.value;
      return (
        property(of, name) ??
        failed(`no property ${name}: ${shown(raw)}`, origin)
      );
    }
    case "call": {
      const args = ast.args.map((a) => evaluate(a, scope, origin, raw));
      const [first] = args;
      if (
        (ast.name === "parameters" || ast.name === "variables") &&
        first?.kind === "string" &&
        args.length === 1
      )
        return ast.name === "parameters"
          ? scope.parameter(first.value, origin)
          : scope.variable(first.value, origin);
      const pure = callPure(ast.name, args, origin);
      if (pure) return pure;
      const stuck = args.find(
        (a) => a.kind === "unbound" || a.kind === "error",
      );
      return stuck ?? not();
    }
  }
}

/** A string as ARM reads it: a `[…]` expression evaluated, `[[` unescaped, anything else literal. */
export function armString(raw: string, scope: ArmScope, origin: Origin): Value {
  if (raw.startsWith("[[")) {
    if (!scope.escaped) return text(raw.slice(1), origin);
    raw = raw.slice(1);
  }
  if (!(raw.startsWith("[") && raw.endsWith("]"))) return text(raw, origin);
  try {
    return evaluate(parseArm(raw.slice(1, -1)), scope, origin, raw);
  } catch (error) {
    if (error instanceof ArmSyntaxError)
      return failed(
        `invalid expression (${error.message}): ${shown(raw)}`,
        origin,
      );
    throw error;
  }
}

/**
 * A JSON node as a Value. `scope` evaluates template expressions; without it
 * strings are taken as written (parameter files, loaded JSON). A duplicate
 * key makes that object an error value at the duplicate.
 */
export function jsonValue(
  place: JsonPlace,
  node: Node,
  setting: string,
  scope?: ArmScope,
  depth = 0,
): Value {
  const origin: Origin = {
    path: place.path,
    line: place.doc.line(node),
    setting,
    source: place.source,
  };
  if (depth > 64) return failed("nested too deeply", origin);
  switch (node.type) {
    case "string":
      return scope
        ? armString(node.value as string, scope, origin)
        : text(node.value as string, origin);
    case "object": {
      let pairs: [string, Node][];
      try {
        pairs = entries(node);
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        return failed(error.message, {
          ...origin,
          line: place.doc.line(error.node),
        });
      }
      const map = new Map<string, Value>();
      for (const [key, item] of pairs)
        map.set(
          key.toLowerCase(),
          jsonValue(
            place,
            item,
            setting ? `${setting}.${key}` : key,
            scope,
            depth + 1,
          ),
        );
      return { kind: "object", entries: map, origin };
    }
    case "array":
      return {
        kind: "array",
        items: (node.children ?? []).map((item, i) =>
          jsonValue(place, item, `${setting}[${i}]`, scope, depth + 1),
        ),
        origin,
      };
    default:
      return { kind: "scalar", origin };
  }
}
