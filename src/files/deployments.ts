/**
 * Judges the ARM and Bicep code of a scan the way it is deployed: each
 * template with each parameter file or `.bicepparam` that belongs to it (or
 * alone, with its defaults, when none does), each local module with what its
 * caller passes, policy definitions, blueprint artifacts and library files
 * judged only where they are deployed. Parameter files are also read on
 * their own for the names landing-zone code gives the address.
 */
import { jsonValue, type JsonPlace } from "./arm-expr.js";
import { judgeArmTemplate } from "./arm.js";
import { BicepEvaluation, type Reach } from "./bicep-eval.js";
import {
  mayHoldSetting,
  type FileFinding,
  type FindingSource,
} from "./findings.js";
import { judgeJson } from "./json-documents.js";
import type { JsonDocument } from "./json-tree.js";
import {
  bicepparamValues,
  deploymentsByTemplate,
  type Binding,
} from "./pairing.js";
import { Project, relevance, resolveFrom } from "./project.js";
import { namedFindings } from "./sinks.js";
import { failed, judge, type Value } from "./values.js";

/** Modules calling modules deeper than this are not followed (an error finding). */
const MAX_MODULE_DEPTH = 16;
/** Module deployments judged per scan: calls fanning out at every level cannot multiply past it. */
const MAX_MODULE_DEPLOYMENTS = 5000;

const isBicep = (p: string): boolean => p.endsWith(".bicep");
const isJson = (p: string): boolean => /\.jsonc?$/i.test(p);

function fileError(
  path: string,
  parsed: { invalid: string; line: number },
  source: FindingSource,
): FileFinding {
  return {
    path,
    line: parsed.line,
    setting: "(file)",
    source,
    error: parsed.invalid,
  };
}

export async function judgeDeployments(
  project: Project,
  matched: readonly string[],
  deadline: number,
): Promise<FileFinding[]> {
  const out: FileFinding[] = [];
  const loaded = await project.reachBicep();
  const relevant = relevance(project);
  const jsonValues = new Map<string, Value>();
  const place = (
    path: string,
    doc: JsonDocument,
    source: FindingSource,
  ): JsonPlace => ({ path, doc, source });

  let moduleDeployments = 0;
  const reach: Reach = {
    loadJson(from, target, origin) {
      const path = resolveFrom(from, target);
      const doc = path ? project.json(path) : undefined;
      if (!path || !doc)
        return failed(
          `loadJsonContent('${target}') is not a file in the workspace`,
          origin,
        );
      if ("invalid" in doc) return failed(`${path}: ${doc.invalid}`, origin);
      let value = jsonValues.get(path);
      if (!value) {
        value = jsonValue(place(path, doc, "arm-template"), doc.root, "");
        jsonValues.set(path, value);
      }
      return value;
    },
    relevant(from, target) {
      const path = resolveFrom(from, target);
      return !path || !project.texts.has(path) || relevant(path);
    },
    deploy(from, target, bindings, call, depth) {
      const path = resolveFrom(from, target);
      if (!path) return false;
      const by = `module ${call.setting.replace(/^module /, "")} in ${from}`;
      if (++moduleDeployments > MAX_MODULE_DEPLOYMENTS) {
        out.push(
          judge(
            failed(
              `more than ${MAX_MODULE_DEPLOYMENTS} module deployments: not followed`,
              call,
            ),
            call,
          ),
        );
        return true;
      }
      if (depth > MAX_MODULE_DEPTH) {
        out.push(
          judge(
            failed(`modules nested deeper than ${MAX_MODULE_DEPTH}`, call),
            call,
          ),
        );
        return true;
      }
      return deployTemplate(path, { by, values: bindings }, depth);
    },
  };

  /** One deployment of a template file; false when the file is not in the project. */
  function deployTemplate(
    path: string,
    binding: Binding,
    depth: number,
  ): boolean {
    if (isBicep(path)) {
      const unit = project.bicep(path);
      if (!unit) return false;
      if ("invalid" in unit) out.push(fileError(path, unit, "bicep"));
      else
        new BicepEvaluation(
          unit,
          binding.values,
          binding.by,
          reach,
          depth,
        ).judgeAll(out);
      return true;
    }
    const doc = project.json(path);
    if (!doc) return false;
    if ("invalid" in doc) out.push(fileError(path, doc, "arm-template"));
    else
      out.push(
        ...judgeArmTemplate(
          place(path, doc, "arm-template"),
          binding.values,
          binding.by,
        ),
      );
    return true;
  }

  // Who deploys each template: parameter files and .bicepparam files by name or `using`.
  const bindings = await deploymentsByTemplate(project, matched, reach);
  const moduleTargets = new Set<string>();
  for (const [path, text] of project.texts) {
    if (!isBicep(path) || !text.includes("module")) continue;
    const unit = project.bicep(path);
    if (!unit || "invalid" in unit) continue;
    for (const d of unit.declarations) {
      const target =
        d.kind === "module" ? resolveFrom(path, d.target) : undefined;
      if (target) moduleTargets.add(target);
    }
  }
  for (const path of matched) {
    if (Date.now() > deadline) {
      out.push({
        path,
        line: 1,
        setting: "(file)",
        source: "arm-template",
        error: "not judged: the scan's time budget was spent",
      });
      break;
    }
    const text = project.texts.get(path) ?? "";
    const hint = mayHoldSetting(text);
    if (isBicep(path)) {
      if (!relevant(path) || (moduleTargets.has(path) && !bindings.has(path)))
        continue;
      const parsed = project.bicep(path);
      if (parsed && "invalid" in parsed) {
        if (hint) out.push(fileError(path, parsed, "bicep"));
        continue;
      }
      for (const binding of bindings.get(path) ?? [
        {
          by: "itself, with no parameter file or .bicepparam",
          values: new Map(),
        },
      ])
        deployTemplate(path, binding, 0);
    } else if (path.endsWith(".bicepparam")) {
      if (!hint) continue;
      const unit = project.bicep(path);
      if (!unit) continue;
      if ("invalid" in unit) out.push(fileError(path, unit, "bicepparam"));
      else
        for (const [name, value] of bicepparamValues(unit, reach))
          out.push(...namedFindings(name, value));
    } else if (isJson(path) && hint && !loaded.has(path)) {
      out.push(
        ...judgeJson(path, project.json(path), bindings.get(path), (source) =>
          project.texts.has(source),
        ),
      );
    }
  }

  return dedupe(out);
}

/** One finding per deciding place and outcome: deployments that share a value report it once. */
function dedupe(findings: readonly FileFinding[]): FileFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const outcome =
      "value" in f
        ? `v${f.value}${f.legacyEmail ? "!" : ""}`
        : "error" in f
          ? `e${f.error}`
          : `u${f.unresolved}`;
    const key = `${f.path}\0${f.line}\0${f.setting}\0${outcome}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
