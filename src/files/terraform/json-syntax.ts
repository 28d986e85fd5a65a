/**
 * Terraform's JSON syntax (`.tf.json`, `.tfvars.json`) as the same tree as
 * native HCL. JSON decodes `\u0063`-style escapes in keys and strings, so no
 * spelling hides a setting. In `.tf.json` strings are templates (`"${var.x}"`);
 * in `.tfvars.json` and in a variable's `default` they are plain values.
 * Duplicate keys are refused: which one Terraform keeps is not for a scan to guess.
 */
import {
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from "jsonc-parser";
import { HclSyntaxError } from "./lexer.js";
import { parseExpression, parseJsonTemplate } from "./parser.js";
import type { Attribute, Block, Body, Expr, ObjectItem } from "./syntax.js";

/** How many labels each block type has in JSON syntax; other top-level keys are skipped. */
const LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  module: 1,
  variable: 1,
  output: 1,
  locals: 0,
};

/** The key nodes of an object, refusing duplicates. */
function properties(node: Node): [string, Node, number][] {
  const seen = new Set<string>();
  const out: [string, Node, number][] = [];
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (typeof key?.value !== "string" || !value) continue;
    if (seen.has(key.value))
      throw new HclSyntaxError(
        `duplicate key ${JSON.stringify(key.value).slice(0, 80)}`,
        key.offset,
      );
    seen.add(key.value);
    out.push([key.value, value, key.offset]);
  }
  return out;
}

function expression(node: Node, templates: boolean): Expr {
  const at = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case "string":
      return templates
        ? parseJsonTemplate(String(node.value), at, end)
        : { k: "literal", v: String(node.value), at, end };
    case "number":
    case "boolean":
    case "null":
      return {
        k: "literal",
        v: node.value as number | boolean | null,
        at,
        end,
      };
    case "array":
      return {
        k: "tuple",
        items: (node.children ?? []).map((c) => expression(c, templates)),
        at,
        end,
      };
    default: {
      const items: ObjectItem[] = properties(node).map(
        ([key, value, keyAt]) => ({
          key: { k: "literal", v: key, at: keyAt, end: keyAt + key.length },
          value: expression(value, templates),
        }),
      );
      return { k: "object", items, at, end };
    }
  }
}

function bodyOf(node: Node, type: string): Body {
  if (node.type !== "object")
    throw new HclSyntaxError(`${type}: expected an object`, node.offset);
  const attributes: Attribute[] = [];
  for (const [name, value, at] of properties(node)) {
    if (name === "//") continue;
    // A variable's default and type are not templates; its type is an expression in a string.
    const expr =
      type === "variable" && name === "type" && value.type === "string"
        ? parseExpression(String(value.value), value.offset + 1)
        : expression(value, !(type === "variable" && name === "default"));
    attributes.push({ name, at, expr });
  }
  return { attributes, blocks: [] };
}

/** Label levels, then one body or an array of bodies. */
function blocksOf(
  type: string,
  node: Node,
  depth: number,
  labels: string[],
  at: number,
  out: Block[],
): void {
  if (depth > 0) {
    if (node.type !== "object")
      throw new HclSyntaxError(
        `${type}: expected an object of labels`,
        node.offset,
      );
    for (const [label, value, keyAt] of properties(node))
      blocksOf(type, value, depth - 1, [...labels, label], keyAt, out);
    return;
  }
  for (const item of node.type === "array" ? (node.children ?? []) : [node])
    out.push({ type, labels, at, body: bodyOf(item, type) });
}

function parseJson(text: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    allowTrailingComma: false,
    disallowComments: true,
  });
  const first = errors[0];
  if (first || !root)
    throw new HclSyntaxError(
      first ? printParseErrorCode(first.error) : "empty document",
      first?.offset ?? 0,
    );
  if (root.type !== "object")
    throw new HclSyntaxError("expected an object", root.offset);
  return root;
}

/** A `.tf.json` file's body: its blocks (attributes of `locals` become a `locals` block). */
export function parseTfJson(text: string): Body {
  const blocks: Block[] = [];
  for (const [type, value, at] of properties(parseJson(text))) {
    const depth = LABELS[type];
    if (depth !== undefined) blocksOf(type, value, depth, [], at, blocks);
  }
  return { attributes: [], blocks };
}

/** A `.tfvars.json` file: one attribute per variable, values as they are. */
export function parseTfvarsJson(text: string): Body {
  const attributes: Attribute[] = properties(parseJson(text)).map(
    ([name, value, at]) => ({
      name,
      at,
      expr: expression(value, false),
    }),
  );
  return { attributes, blocks: [] };
}
