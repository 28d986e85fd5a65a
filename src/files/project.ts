/**
 * The ARM and Bicep files of one scan, parsed once, and the neighbours a
 * deployment reaches (modules, `loadJsonContent` files, `using` templates,
 * the template a parameter file belongs to), read through the workspace so
 * nothing outside it is ever opened.
 */
import { posix } from "node:path";
import type { Declaration, Expr } from "./bicep-ast.js";
import { BicepSyntaxError } from "./bicep-lex.js";
import { parseBicep } from "./bicep-parse.js";
import { isExternalModule, type BicepUnit } from "./bicep-eval.js";
import { mayHoldSetting } from "./findings.js";
import {
  lineAt,
  lineStarts,
  parseJsonDocument,
  type JsonDocument,
} from "./json-tree.js";
import { normalise, readInside, type Workspace } from "./workspace.js";

/** Neighbours above this are not read (as for the files themselves). */
const MAX_BYTES = 4 * 1024 * 1024;
/** Neighbours read per scan at most: a bound on what one pull request can make the scan open. */
const MAX_NEIGHBOURS = 2000;

export type Parsed<T> = T | { readonly invalid: string; readonly line: number };

export class Project {
  readonly texts = new Map<string, string>();
  private readonly bicepCache = new Map<string, Parsed<BicepUnit>>();
  private readonly jsonCache = new Map<string, Parsed<JsonDocument>>();
  private neighbours = 0;

  constructor(readonly ws: Workspace) {}

  /** Reads a neighbour into the project; false when it is missing, outside or too large. */
  async load(path: string): Promise<boolean> {
    if (this.texts.has(path)) return true;
    if (this.neighbours >= MAX_NEIGHBOURS) return false;
    const read = await readInside(this.ws, path, MAX_BYTES);
    if (!read || !("text" in read)) return false;
    this.neighbours++;
    this.texts.set(path, read.text);
    return true;
  }

  bicep(path: string): Parsed<BicepUnit> | undefined {
    const text = this.texts.get(path);
    if (text === undefined) return undefined;
    let unit = this.bicepCache.get(path);
    if (!unit) {
      const starts = lineStarts(text);
      const line = (offset: number): number => lineAt(starts, offset);
      try {
        const declarations = parseBicep(text);
        unit = {
          path,
          text,
          declarations,
          line,
          source: path.endsWith(".bicepparam") ? "bicepparam" : "bicep",
        };
      } catch (error) {
        if (!(error instanceof BicepSyntaxError || error instanceof RangeError))
          throw error;
        const message =
          error instanceof BicepSyntaxError
            ? error.message
            : "nested too deeply";
        unit = {
          invalid: `invalid Bicep: ${message}`,
          line: error instanceof BicepSyntaxError ? line(error.offset) : 1,
        };
      }
      this.bicepCache.set(path, unit);
    }
    return unit;
  }

  json(path: string): Parsed<JsonDocument> | undefined {
    const text = this.texts.get(path);
    if (text === undefined) return undefined;
    let doc = this.jsonCache.get(path);
    if (!doc) {
      try {
        doc = parseJsonDocument(text);
      } catch (error) {
        doc = {
          invalid:
            error instanceof RangeError
              ? "nested too deeply to parse"
              : String((error as Error).message),
          line: 1,
        };
      }
      this.jsonCache.set(path, doc);
    }
    return doc;
  }

  /**
   * Reads what the Bicep files reach (modules, loaded JSON, `using`
   * templates), transitively; returns the JSON files loaded by
   * `loadJsonContent` (a library, never a deployment on its own).
   */
  async reachBicep(): Promise<Set<string>> {
    const loaded = new Set<string>();
    // Only these words start a reference; keywords and function names cannot be escaped.
    const queue = [...this.texts].flatMap(([p, text]) =>
      (p.endsWith(".bicep") || p.endsWith(".bicepparam")) &&
      (text.includes("module") ||
        text.includes("using") ||
        text.includes("loadJsonContent"))
        ? [p]
        : [],
    );
    const seen = new Set(queue);
    // Breadth first, each level's neighbours read at once.
    for (let level = queue; level.length > 0;) {
      const next: { path: string; json: boolean }[] = [];
      for (const path of level) {
        const unit = this.bicep(path);
        if (!unit || "invalid" in unit) continue;
        for (const { target, json } of references(unit.declarations)) {
          const resolved = resolveFrom(path, target);
          if (resolved === undefined && isLocalPath(target))
            this.ws.skipped.add(posix.join(posix.dirname(path), target));
          if (resolved && json) loaded.add(resolved);
          if (!resolved || seen.has(resolved)) continue;
          seen.add(resolved);
          next.push({ path: resolved, json });
        }
      }
      const read = await Promise.all(next.map(({ path }) => this.load(path)));
      level = next.filter((n, i) => read[i] && !n.json).map((n) => n.path);
    }
    return loaded;
  }

  /** The template a parameter file belongs to by name (`x.parameters*.json` beside `x.bicep`/`x.json`, or in `parameters/`). */
  async templateOf(paramPath: string): Promise<string | undefined> {
    const dir = posix.dirname(paramPath);
    const dirs = [
      dir,
      ...(/^param/i.test(posix.basename(dir)) ? [posix.dirname(dir)] : []),
    ];
    const parts = posix.basename(paramPath).split(".");
    for (let k = parts.length - 2; k >= 1; k--) {
      const prefix = parts.slice(0, k).join(".");
      for (const d of dirs) {
        for (const name of [`${prefix}.bicep`, `${prefix}.json`]) {
          const candidate = d === "." ? name : `${d}/${name}`;
          if (candidate !== paramPath && (await this.load(candidate)))
            return candidate;
        }
      }
    }
    return undefined;
  }
}

/** A local path (not a registry module or URL) that climbs out of the workspace. */
function isLocalPath(target: string): boolean {
  return !isExternalModule(target) && !target.includes("://");
}

/** A repository path for `target` written in the file at `from`; undefined outside the workspace. */
export function resolveFrom(from: string, target: string): string | undefined {
  if (isExternalModule(target) || target.includes("://")) return undefined;
  return normalise(posix.join(posix.dirname(from), target)) || undefined;
}

/** Literal module targets, `using` targets and `loadJsonContent` paths. */
function references(
  declarations: readonly Declaration[],
): { target: string; json: boolean }[] {
  const out: { target: string; json: boolean }[] = [];
  const visit = (expr: Expr | undefined, depth: number): void => {
    if (!expr || depth > 100) return;
    switch (expr.type) {
      case "call": {
        const [first] = expr.args;
        const callee = expr.callee;
        const name =
          callee.type === "name" || callee.type === "member"
            ? callee.name.toLowerCase()
            : "";
        if (
          name === "loadjsoncontent" &&
          first?.type === "string" &&
          first.holes.length === 0
        )
          out.push({ target: first.pieces[0] ?? "", json: true });
        expr.args.forEach((a) => visit(a, depth + 1));
        visit(callee, depth + 1);
        return;
      }
      case "object":
        expr.properties.forEach((p) => visit(p.value, depth + 1));
        return;
      case "array":
        expr.items.forEach((i) => visit(i, depth + 1));
        return;
      case "member":
        return visit(expr.object, depth + 1);
      case "index":
        visit(expr.object, depth + 1);
        return visit(expr.index, depth + 1);
      case "string":
        expr.holes.forEach((h) => visit(h, depth + 1));
        return;
      default:
        return;
    }
  };
  for (const d of declarations) {
    if (d.kind === "module" || d.kind === "using") {
      if (d.target) out.push({ target: d.target, json: false });
    }
    if (d.kind === "module" || d.kind === "resource") visit(d.body, 0);
    else if (d.kind !== "using") visit(d.value, 0);
  }
  return out;
}

/** May this file, or a module it calls, set the contact? (Cheap text test, transitively.) */
export function relevance(project: Project): (path: string) => boolean {
  const memo = new Map<string, boolean>();
  const relevant = (path: string): boolean => {
    const known = memo.get(path);
    if (known !== undefined) return known;
    memo.set(path, false); // a cycle adds nothing
    const text = project.texts.get(path) ?? "";
    let result =
      mayHoldSetting(text) || text.toLowerCase().includes("policyassignments");
    const unit =
      path.endsWith(".bicep") && text.includes("module")
        ? project.bicep(path)
        : undefined;
    if (!result && unit && !("invalid" in unit)) {
      result = unit.declarations.some((d) => {
        if (d.kind !== "module") return false;
        const target = resolveFrom(path, d.target);
        return target !== undefined && relevant(target);
      });
    }
    memo.set(path, result);
    return result;
  };
  return relevant;
}
