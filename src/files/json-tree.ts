/**
 * JSON (with comments) as a tree with line numbers, via jsonc-parser.
 */
import {
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from "jsonc-parser";

export type { Node } from "jsonc-parser";

export interface JsonDocument {
  readonly root: Node;
  /** 1-based line of a node. */
  line(node: Node): number;
}

/** Offsets of every line start, for offset → line lookups. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** 1-based line of an offset (binary search over line starts). */
export function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Parses or throws an Error naming the first syntax error and its line. */
export function parseJsonDocument(text: string): JsonDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    allowTrailingComma: true,
    disallowComments: false,
  });
  const starts = lineStarts(text);
  const first = errors[0];
  if (first || !root) {
    const where = first ? ` at line ${lineAt(starts, first.offset)}` : "";
    const what = first ? printParseErrorCode(first.error) : "empty document";
    throw new Error(`invalid JSON: ${what}${where}`);
  }
  return { root, line: (node) => lineAt(starts, node.offset) };
}

/**
 * Two properties of one object with the same name (ARM compares names
 * case-insensitively): JSON tools disagree on which one counts, so a value
 * read through it is never judged.
 */
export class DuplicateKeyError extends Error {
  constructor(
    readonly key: string,
    /** The second property's key node. */
    readonly node: Node,
  ) {
    super(`duplicate key "${key}": tools disagree on which value counts`);
  }
}

/** The child of an object node by key, case-insensitively (ARM keys are); throws on a duplicate key. */
export function child(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== "object") return undefined;
  const lower = key.toLowerCase();
  let found: Node | undefined;
  for (const property of node.children ?? []) {
    const [name, value] = property.children ?? [];
    if (typeof name?.value === "string" && name.value.toLowerCase() === lower) {
      if (found) throw new DuplicateKeyError(name.value, name);
      found = value;
    }
  }
  return found;
}

/** Follows a path of keys, case-insensitively. */
export function at(
  node: Node | undefined,
  ...keys: readonly string[]
): Node | undefined {
  let current = node;
  for (const key of keys) current = child(current, key);
  return current;
}

/** The properties of an object node as [key, value] pairs; throws on a duplicate key. */
export function entries(node: Node | undefined): [string, Node][] {
  if (node?.type !== "object") return [];
  const pairs: [string, Node][] = [];
  const seen = new Set<string>();
  for (const property of node.children ?? []) {
    const [name, value] = property.children ?? [];
    if (typeof name?.value === "string" && value) {
      const lower = name.value.toLowerCase();
      if (seen.has(lower)) throw new DuplicateKeyError(name.value, name);
      seen.add(lower);
      pairs.push([name.value, value]);
    }
  }
  return pairs;
}
