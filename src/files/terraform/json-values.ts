/**
 * JSON text inside Terraform values (`jsondecode`, an azapi body or policy
 * parameters written as a string) read as values, and values written back
 * as plain JSON (`jsonencode` inside a string). Invalid JSON and duplicate
 * keys are unreadable: the scan cannot know what would be sent.
 */
import { parseTree, type Node, type ParseError } from "jsonc-parser";
import { unknown, type Origin, type Val } from "./val.js";

/** How much of a text an error shows. */
const MAX_SHOWN = 120;

/** JS value of a fully known Val (for jsonencode inside a string). */
export function plain(value: Val): unknown {
  switch (value.k) {
    case "str":
    case "prim":
      return value.v;
    case "tuple":
      return value.items.map(plain);
    case "obj":
      return Object.fromEntries([...value.m].map(([k, v]) => [k, plain(v)]));
    case "json": {
      const inner = plain(value.inner);
      return inner === undefined ? undefined : JSON.stringify(inner);
    }
    default:
      return undefined;
  }
}

/** A JSON text as a Val whose every part is written where the string is. */
export function fromJsonText(text: string, o: Origin): Val {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true });
  if (!root || errors.length > 0)
    return unknown(`not valid JSON: ${text.slice(0, MAX_SHOWN)}`, o, true);
  const convert = (node: Node, setting: string): Val => {
    const here = { ...o, setting };
    if (node.type === "object") {
      const m = new Map<string, Val>();
      const keys = new Map<string, Origin>();
      for (const property of node.children ?? []) {
        const [key, child] = property.children ?? [];
        if (typeof key?.value !== "string" || !child) continue;
        if (m.has(key.value))
          return unknown(`duplicate key ${key.value} in JSON`, here, true);
        m.set(key.value, convert(child, `${setting}.${key.value}`));
        keys.set(key.value, here);
      }
      return { k: "obj", m, keys, o: here };
    }
    if (node.type === "array")
      return {
        k: "tuple",
        items: (node.children ?? []).map((n) => convert(n, setting)),
        o: here,
      };
    if (node.type === "string")
      return { k: "str", v: String(node.value), o: here };
    return { k: "prim", v: node.value as number | boolean | null, o: here };
  };
  return convert(root, o.setting);
}
