/**
 * A Terraform module: one directory's `.tf` / `.tf.json` files merged the
 * way Terraform merges them (override files last), and where its local
 * module calls lead.
 */
import { posix } from "node:path";
import {
  attribute,
  literalString,
  type Attribute,
  type Block,
  type TfFile,
} from "./syntax.js";

export interface Declared<T> {
  readonly file: TfFile;
  readonly node: T;
  /** Arguments an override file replaced, and that file. */
  readonly overrides?: ReadonlyMap<string, TfFile>;
}

/** The file an argument of a declared block is written in. */
export function fileOf(declared: Declared<Block>, argument: string): TfFile {
  return declared.overrides?.get(argument) ?? declared.file;
}

export interface ModuleDir {
  /** Repository-relative directory, `.` for the root. */
  readonly dir: string;
  readonly variables: ReadonlyMap<string, Declared<Block>>;
  readonly locals: ReadonlyMap<string, Declared<Attribute>>;
  readonly calls: ReadonlyMap<string, Declared<Block>>;
  readonly outputs: ReadonlyMap<string, Declared<Block>>;
  readonly resources: readonly Declared<Block>[];
  /** `variable.x`, `locals.x`, `module.x`, … declared more than once. */
  readonly twice: ReadonlySet<string>;
}

/** Directories the file scan never reads (walk.ts), module sources included. */
const NEVER_READ = new Set([".git", "node_modules", ".terraform"]);

/** Override files (`override.tf`, `*_override.tf`) replace arguments of what they name. */
function isOverride(name: string): boolean {
  const base = name.replace(/\.tf(\.json)?$/, "");
  return base === "override" || base.endsWith("_override");
}

function mergeBlock(
  into: Map<string, Declared<Block>>,
  key: string,
  file: TfFile,
  block: Block,
  override: boolean,
  twice: Set<string>,
): void {
  const existing = into.get(key);
  if (!override || !existing) {
    // Declared twice outside override files: Terraform refuses the module.
    if (existing) twice.add(`${block.type}.${key}`);
    into.set(existing ? `${key}\u0000${twice.size}` : key, {
      file,
      node: block,
    });
    return;
  }
  const names = new Set(block.body.attributes.map((a) => a.name));
  const attributes = [
    ...existing.node.body.attributes.filter((a) => !names.has(a.name)),
    ...block.body.attributes,
  ];
  const overrides = new Map(existing.overrides);
  for (const name of names) overrides.set(name, file);
  into.set(key, {
    file: existing.file,
    node: { ...existing.node, body: { ...existing.node.body, attributes } },
    overrides,
  });
}

/** The module in a directory: its files in name order, override files last. */
export function moduleOf(dir: string, files: readonly TfFile[]): ModuleDir {
  const ordered = [...files].sort((a, b) => {
    const [x, y] = [
      isOverride(posix.basename(a.path)),
      isOverride(posix.basename(b.path)),
    ];
    return x !== y ? Number(x) - Number(y) : a.path < b.path ? -1 : 1;
  });
  const variables = new Map<string, Declared<Block>>();
  const locals = new Map<string, Declared<Attribute>>();
  const calls = new Map<string, Declared<Block>>();
  const outputs = new Map<string, Declared<Block>>();
  const resources = new Map<string, Declared<Block>>();
  const twice = new Set<string>();
  for (const file of ordered) {
    const override = isOverride(posix.basename(file.path));
    for (const block of file.body.blocks) {
      const [a = "", b = ""] = block.labels;
      if (block.type === "variable")
        mergeBlock(variables, a, file, block, override, twice);
      else if (block.type === "module")
        mergeBlock(calls, a, file, block, override, twice);
      else if (block.type === "output")
        mergeBlock(outputs, a, file, block, override, twice);
      else if (block.type === "resource")
        mergeBlock(resources, `${a}.${b}`, file, block, override, twice);
      else if (block.type === "locals")
        for (const node of block.body.attributes) {
          if (locals.has(node.name) && !override)
            twice.add(`locals.${node.name}`);
          locals.set(node.name, { file, node });
        }
    }
  }
  return {
    dir,
    variables,
    locals,
    calls,
    outputs,
    resources: [...resources.values()],
    twice,
  };
}

/** A local module call's directory, or why it is not followed. */
export function localSource(
  dir: string,
  call: Block,
): { dir: string } | { why: string } {
  const source = literalString(attribute(call.body, "source")?.expr);
  if (source === undefined) return { why: "its source is not a literal" };
  if (!source.startsWith("./") && !source.startsWith("../"))
    return { why: `source ${source} is not a local path` };
  const target = posix.normalize(posix.join(dir, source)).replace(/\/$/, "");
  if (target === ".." || target.startsWith("../"))
    return { why: `source ${source} is outside the workspace` };
  if (target.split("/").some((part) => NEVER_READ.has(part)))
    return { why: `source ${source} is in a directory the scan never reads` };
  return { dir: target };
}
