/**
 * Who deploys each template: the parameter files that belong to it by name
 * (`x.parameters*.json` beside `x.bicep`/`x.json` or in `parameters/`) and
 * the `.bicepparam` files whose `using` names it. Each one is a deployment.
 */
import { posix } from "node:path";
import pMap from "p-map";
import type { JsonPlace } from "./arm-expr.js";
import { isParameterFile, parameterBindings } from "./arm.js";
import { BicepEvaluation, type BicepUnit, type Reach } from "./bicep-eval.js";
import { child, DuplicateKeyError, entries } from "./json-tree.js";
import { resolveFrom, type Project } from "./project.js";
import type { Value } from "./values.js";
import { listInside } from "./workspace.js";

export interface Binding {
  /** What deploys the template, in the words of an unresolved finding. */
  readonly by: string;
  /** Parameter values by lower-cased name. */
  readonly values: ReadonlyMap<string, Value>;
}

/** A `.bicepparam`'s values, evaluated in its own scope. */
export function bicepparamValues(
  unit: BicepUnit,
  reach: Reach,
): Map<string, Value> {
  const evaluation = new BicepEvaluation(unit, new Map(), unit.path, reach, 0);
  const values = new Map<string, Value>();
  for (const d of unit.declarations) {
    if (d.kind === "param" && d.value) {
      const origin = {
        path: unit.path,
        line: unit.line(d.offset),
        setting: `param ${d.name}`,
        source: unit.source,
      };
      values.set(d.name.toLowerCase(), evaluation.param(d.name, origin));
    }
  }
  return values;
}

/** The template a deployment file deploys, with its values; undefined for other files. */
async function deploymentOf(
  project: Project,
  path: string,
  reach: Reach,
): Promise<[string, Binding] | undefined> {
  if (path.endsWith(".bicepparam")) {
    const unit = project.bicep(path);
    if (!unit || "invalid" in unit) return undefined;
    const using = unit.declarations.find((d) => d.kind === "using");
    const target =
      using?.kind === "using" ? resolveFrom(path, using.target) : undefined;
    if (!target || !(await project.load(target))) return undefined;
    return [target, { by: path, values: bicepparamValues(unit, reach) }];
  }
  if (!/\.jsonc?$/i.test(path)) return undefined;
  // Parameter files say so in their name, their folder or their $schema (cheap tests before parsing).
  const named = /param/i.test(posix.basename(path));
  const inFolder = /^param/i.test(posix.basename(posix.dirname(path)));
  const text = project.texts.get(path) ?? "";
  if (!named && !inFolder && !text.includes("deploymentParameters"))
    return undefined;
  const doc = project.json(path);
  if (!doc || "invalid" in doc || doc.root.type !== "object") return undefined;
  let values: Map<string, Value>;
  try {
    if (!isParameterFile(doc.root)) return undefined;
    const place: JsonPlace = { path, doc, source: "arm-parameters" };
    values = parameterBindings(place);
  } catch (error) {
    if (error instanceof DuplicateKeyError) return undefined; // reported when the file is judged
    throw error;
  }
  const template =
    (await project.templateOf(path)) ??
    (await soleTemplate(project, path, [...values.keys()]));
  return template ? [template, { by: path, values }] : undefined;
}

/** A template's parameter names, lower-cased; undefined for other files. */
function declaredParameters(
  project: Project,
  path: string,
): Set<string> | undefined {
  if (path.endsWith(".bicep")) {
    const unit = project.bicep(path);
    if (!unit || "invalid" in unit) return undefined;
    return new Set(
      unit.declarations.flatMap((d) =>
        d.kind === "param" ? [d.name.toLowerCase()] : [],
      ),
    );
  }
  const doc = project.json(path);
  if (!doc || "invalid" in doc || !child(doc.root, "resources"))
    return undefined;
  return new Set(
    entries(child(doc.root, "parameters")).map(([n]) => n.toLowerCase()),
  );
}

/** Templates looked at per folder when a parameter file names none. */
const MAX_CANDIDATES = 50;

/**
 * No template by name: the only one in the parameter file's folder (or the
 * folder above a `parameters/`) that declares every parameter the file sets,
 * as a deployment of that file would need.
 */
async function soleTemplate(
  project: Project,
  paramPath: string,
  names: readonly string[],
): Promise<string | undefined> {
  if (names.length === 0) return undefined;
  const dir = posix.dirname(paramPath);
  const dirs = [
    dir,
    ...(/^param/i.test(posix.basename(dir)) ? [posix.dirname(dir)] : []),
  ];
  const found: string[] = [];
  for (const d of dirs) {
    const listed = await listInside(project.ws, d === "." ? "" : d);
    const candidates = listed
      .filter((n) => /\.(bicep|json)$/i.test(n))
      .map((n) => (d === "." ? n : `${d}/${n}`))
      .filter((c) => c !== paramPath)
      .slice(0, MAX_CANDIDATES);
    for (const candidate of candidates) {
      if (!(await project.load(candidate))) continue;
      const declared = declaredParameters(project, candidate);
      if (declared && names.every((n) => declared.has(n)))
        found.push(candidate);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Template path → its deployments, in the order of `matched`. */
export async function deploymentsByTemplate(
  project: Project,
  matched: readonly string[],
  reach: Reach,
): Promise<Map<string, Binding[]>> {
  const pairs = await pMap(
    matched,
    (path) => deploymentOf(project, path, reach),
    { concurrency: 16 },
  );
  const out = new Map<string, Binding[]>();
  for (const pair of pairs) {
    if (pair) out.set(pair[0], [...(out.get(pair[0]) ?? []), pair[1]]);
  }
  return out;
}
