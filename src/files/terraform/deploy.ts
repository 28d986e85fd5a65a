/**
 * The deployments a Terraform repository describes, each judged on its own:
 * a root module (a directory no scanned module calls) with the variable
 * files Terraform reads by itself (terraform.tfvars, terraform.tfvars.json,
 * then *.auto.tfvars(.json) by name: later wins), and once more with each
 * other `.tfvars` on top (`envs/prod.tfvars`: a `-var-file` of its own,
 * paired with its nearest enclosing root, else the root declaring most of
 * its variables). Variable files with no root are judged for the ALZ
 * settings they hold.
 */
import { posix } from "node:path";
import { autoVarRank, type Loaded } from "./load.js";
import { Instance } from "./instance.js";
import { localSource, type Declared, type ModuleDir } from "./module.js";
import { judgeInstance } from "./judge.js";
import { Findings, walk } from "./sinks.js";
import type { Block, TfFile } from "./syntax.js";
import { NO_REFERENCES, type Origin, type Val } from "./val.js";
import { evaluate } from "./values.js";

interface Deployment {
  readonly root: ModuleDir | undefined;
  /** Lowest precedence first. */
  readonly varFiles: readonly TfFile[];
}

/** Where an empty deployment's (never used) origin points. */
const EMPTY: TfFile = {
  path: "",
  text: "",
  body: { attributes: [], blocks: [] },
  line: () => 1,
};

const name = (file: TfFile): string => posix.basename(file.path);

function autoOrder(a: TfFile, b: TfFile): number {
  const [x, y] = [autoVarRank(name(a)) ?? 3, autoVarRank(name(b)) ?? 3];
  return x - y || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
}

function isInside(dir: string, root: string): boolean {
  return root === "." || dir === root || dir.startsWith(`${root}/`);
}

/** The root a `-var-file` belongs to: the nearest enclosing one, else the one declaring most of its variables. */
function rootFor(
  file: TfFile,
  roots: readonly ModuleDir[],
): ModuleDir | undefined {
  const dir = posix.dirname(file.path);
  const enclosing = roots
    .filter((r) => isInside(dir, r.dir))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
  if (enclosing) return enclosing;
  const names = file.body.attributes.map((a) => a.name);
  let best: [ModuleDir, number] | undefined;
  for (const root of roots) {
    const score = names.filter((n) => root.variables.has(n)).length;
    if (score > 0 && (!best || score > best[1])) best = [root, score];
  }
  return best?.[0];
}

export function deploymentsOf(
  loaded: Loaded,
  matched: ReadonlySet<string>,
): Deployment[] {
  const called = new Set<string>();
  for (const module of loaded.modules.values())
    for (const { node } of module.calls.values()) {
      const source = localSource(module.dir, node);
      if ("dir" in source && source.dir !== module.dir) called.add(source.dir);
    }
  const roots = [...loaded.modules.values()].filter((m) => !called.has(m.dir));
  const out: Deployment[] = [];
  const explicit = new Map<string, TfFile[]>();
  const standalone: Deployment[] = [];
  for (const [dir, files] of loaded.varFiles) {
    const auto = files
      .filter((f) => autoVarRank(name(f)) !== undefined)
      .sort(autoOrder);
    if (auto.length > 0 && !loaded.modules.has(dir))
      standalone.push({ root: undefined, varFiles: auto });
    for (const file of files) {
      if (autoVarRank(name(file)) !== undefined || !matched.has(file.path))
        continue;
      const root = rootFor(file, roots);
      if (!root) standalone.push({ root: undefined, varFiles: [file] });
      else if (explicit.has(root.dir)) explicit.get(root.dir)?.push(file);
      else explicit.set(root.dir, [file]);
    }
  }
  for (const root of roots) {
    const base = (loaded.varFiles.get(root.dir) ?? [])
      .filter((f) => autoVarRank(name(f)) !== undefined)
      .sort(autoOrder);
    const own = explicit.get(root.dir) ?? [];
    // With -var-files of its own, a root is deployed with one of them, never bare.
    if (own.length === 0) out.push({ root, varFiles: base });
    for (const file of own) out.push({ root, varFiles: [...base, file] });
  }
  return [...out, ...standalone];
}

/** The variable values a deployment's files set, later files winning: as one object, to walk. */
function bindings(varFiles: readonly TfFile[]): Val & { k: "obj" } {
  const m = new Map<string, Val>();
  const keys = new Map<string, Origin>();
  for (const file of varFiles)
    for (const { name: variable, at, expr } of file.body.attributes) {
      m.set(
        variable,
        evaluate(expr, {
          file,
          scope: NO_REFERENCES,
          setting: variable,
          depth: 0,
        }),
      );
      keys.set(variable, { file, at, setting: variable });
    }
  const [first] = varFiles;
  const o: Origin = { file: first ?? EMPTY, at: 0, setting: "" };
  return { k: "obj", m, keys, o };
}

function unset(dir: string, variable: string, declared: Declared<Block>): Val {
  const where = dir === "." ? "the root module" : dir;
  return {
    k: "unset",
    why: `var.${variable} of ${where} has no default (or null) and no variable file in the scanned files sets it: decided at deployment (-var, -var-file or TF_VAR_${variable})`,
    o: {
      file: declared.file,
      at: declared.node.at,
      setting: `variable.${variable}`,
    },
  };
}

/** Every finding of one deployment. */
export function judgeDeployment(
  deployment: Deployment,
  modules: ReadonlyMap<string, ModuleDir>,
): Findings {
  const found = new Findings();
  const all = bindings(deployment.varFiles);
  const values = all.m;
  const { root } = deployment;
  const instance = root
    ? new Instance(
        root,
        {
          value: (v) => values.get(v),
          missing: (v, d) => unset(root.dir, v, d),
          nullIsMissing: true,
        },
        modules,
        [root.dir],
      )
    : undefined;
  // Replacement names first: `$${name}` anywhere refers to them.
  const early = new Findings();
  walk(early, all);
  if (instance)
    for (const [callName, call] of root?.calls ?? [])
      for (const [, v] of instance.callArguments(callName, call))
        walk(early, v);
  for (const replacement of early.replacements)
    found.replacements.add(replacement);
  if (instance) judgeInstance(found, instance);
  walk(found, all);
  return found;
}
