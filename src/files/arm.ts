/**
 * ARM JSON: deployment templates (nested inline deployments included), a
 * bare resource document such as the ALZ library's policy assignments,
 * Azure Policy definitions that deploy the contact (DeployIfNotExists),
 * Blueprint template artifacts, and deployment parameter files.
 */
import { templateScope } from "./arm-scope.js";
import { jsonValue, type ArmScope, type JsonPlace } from "./arm-expr.js";
import type { FileFinding } from "./findings.js";
import {
  at,
  child,
  DuplicateKeyError,
  entries,
  type Node,
} from "./json-tree.js";
import {
  isContactParameter,
  isSinkType,
  namedFindings,
  resourceFindings,
} from "./sinks.js";
import { failed, judge, type Origin, type Value } from "./values.js";

const MAX_DEPTH = 32;

/** True for a `deploymentParameters` document (by `$schema`, or shape). */
export function isParameterFile(root: Node): boolean {
  const schema = child(root, "$schema")?.value;
  if (typeof schema === "string")
    return schema.toLowerCase().includes("deploymentparameters");
  const parameters = child(root, "parameters");
  return (
    parameters?.type === "object" &&
    !child(root, "resources") &&
    !child(root, "properties") &&
    entries(parameters).every(([, p]) => p.type === "object")
  );
}

/** A parameter file's values by lower-cased name (a Key Vault reference is an error value). */
export function parameterBindings(place: JsonPlace): Map<string, Value> {
  const bindings = new Map<string, Value>();
  for (const [name, parameter] of entries(
    child(place.doc.root, "parameters"),
  )) {
    const setting = `parameters.${name}.value`;
    const value = child(parameter, "value");
    bindings.set(
      name.toLowerCase(),
      value
        ? jsonValue(place, value, setting)
        : failed(
            child(parameter, "reference")
              ? "a Key Vault reference: not readable here"
              : "no value",
            {
              path: place.path,
              line: place.doc.line(parameter),
              setting,
              source: place.source,
            },
          ),
    );
  }
  return bindings;
}

/**
 * The values a deployment passes inline to its template (`properties.parameters`
 * of a nested deployment or a Blueprint artifact), by lower-cased name.
 */
export function inlineBindings(
  place: JsonPlace,
  properties: Node | undefined,
  settingPrefix: string,
  scope: ArmScope,
): Map<string, Value> {
  const bindings = new Map<string, Value>();
  for (const [key, p] of entries(child(properties, "parameters"))) {
    const value = child(p, "value");
    if (value)
      bindings.set(
        key.toLowerCase(),
        jsonValue(place, value, `${settingPrefix}.${key}.value`, scope),
      );
  }
  return bindings;
}

/** A parameter file judged alone: the values it sets under the contact's names. */
export function recogniseArmParameters(
  place: JsonPlace,
  bindings: ReadonlyMap<string, Value>,
): FileFinding[] {
  const names = new Map(
    entries(child(place.doc.root, "parameters")).map(([n]) => [
      n.toLowerCase(),
      n,
    ]),
  );
  return [...bindings].flatMap(([key, value]) =>
    namedFindings(names.get(key) ?? key, value),
  );
}

/** Resources as an array or (languageVersion 2.0) an object of symbolic names. */
function resourceList(node: Node | undefined): Node[] {
  if (node?.type === "array") return node.children ?? [];
  return entries(node).map(([, resource]) => resource);
}

function resource(
  place: JsonPlace,
  node: Node,
  label: string,
  scope: ArmScope,
  out: FileFinding[],
  depth: number,
): void {
  const origin: Origin = {
    path: place.path,
    line: place.doc.line(node),
    setting: label,
    source: place.source,
  };
  if (depth > MAX_DEPTH) {
    out.push(judge(failed("nested too deeply", origin), origin));
    return;
  }
  const type = child(node, "type")?.value;
  const name = child(node, "name")?.value;
  const setting = `${label}${typeof name === "string" ? `[${name}]` : ""}`;
  const sink = { ...origin, setting };
  const properties = child(node, "properties");
  if (typeof type === "string" && isSinkType(type)) {
    const value =
      properties &&
      jsonValue(place, properties, `${setting}.properties`, scope);
    out.push(...resourceFindings(type, value, sink));
  } else if (
    typeof type === "string" &&
    type.toLowerCase() === "microsoft.resources/deployments"
  ) {
    const inner = child(properties, "template");
    if (inner) {
      const own =
        String(
          at(properties, "expressionEvaluationOptions", "scope")?.value ?? "",
        ).toLowerCase() === "inner";
      const bindings = inlineBindings(
        place,
        properties,
        `${setting}.properties.parameters`,
        scope,
      );
      const prefix = `${setting}.properties.template.`;
      const innerScope = own
        ? templateScope(
            place,
            inner,
            bindings,
            `nested deployment ${String(name)}`,
            prefix,
          )
        : scope;
      template(place, inner, prefix, innerScope, out, depth + 1);
    }
  }
  for (const [index, sub] of resourceList(child(node, "resources")).entries())
    resource(
      place,
      sub,
      `${setting}.resources[${index}]`,
      scope,
      out,
      depth + 1,
    );
}

export function template(
  place: JsonPlace,
  node: Node,
  prefix: string,
  scope: ArmScope,
  out: FileFinding[],
  depth: number,
): void {
  for (const [index, sub] of resourceList(child(node, "resources")).entries())
    resource(place, sub, `${prefix}resources[${index}]`, scope, out, depth + 1);
  // Last, so a value also followed to where it is deployed keeps that use site.
  for (const [name, decl] of entries(child(node, "parameters"))) {
    if (!isContactParameter(name)) continue;
    const sink: Origin = {
      path: place.path,
      line: place.doc.line(decl),
      setting: `${prefix}parameters.${name}`,
      source: place.source,
    };
    out.push(judge(scope.parameter(name, sink), sink));
  }
}

/** A duplicate key met on the way to a setting: an error at the duplicate. */
export function guarded(
  place: JsonPlace,
  run: (out: FileFinding[]) => void,
): FileFinding[] {
  const out: FileFinding[] = [];
  try {
    run(out);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    const origin = {
      path: place.path,
      line: place.doc.line(error.node),
      setting: error.key,
      source: place.source,
    };
    out.push(judge(failed(error.message, origin), origin));
  }
  return out;
}

/** One deployment of a template: parameters from `bindings`, else their defaults. */
export function judgeArmTemplate(
  place: JsonPlace,
  bindings: ReadonlyMap<string, Value>,
  deployedBy: string,
): FileFinding[] {
  return guarded(place, (out) => {
    const root = place.doc.root;
    template(
      place,
      root,
      "",
      templateScope(place, root, bindings, deployedBy, ""),
      out,
      0,
    );
  });
}

/** A single resource document (an ALZ library policy assignment): no template around it. */
export function judgeResourceDocument(place: JsonPlace): FileFinding[] {
  const none: ArmScope = {
    parameter: (name, use) =>
      failed(`parameters('${name}') outside a template`, use),
    variable: (name, use) =>
      failed(`variables('${name}') outside a template`, use),
  };
  return guarded(place, (out) =>
    resource(place, place.doc.root, "resource", none, out, 0),
  );
}
