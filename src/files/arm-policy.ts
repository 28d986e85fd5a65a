/**
 * ARM templates wrapped in other documents: an Azure Policy definition that
 * deploys the contact (DeployIfNotExists) and a Blueprint template artifact.
 */
import {
  armString,
  jsonValue,
  type ArmScope,
  type JsonPlace,
} from "./arm-expr.js";
import { templateScope } from "./arm-scope.js";
import { guarded, inlineBindings, template } from "./arm.js";
import type { FileFinding } from "./findings.js";
import { at, child, entries, type Node } from "./json-tree.js";
import { failed, type Value } from "./values.js";

export function isPolicyDefinition(root: Node): boolean {
  return Boolean(at(root, "properties", "policyRule"));
}

/**
 * A DeployIfNotExists definition: its embedded template deploys what the
 * policy parameters say; a parameter's defaultValue is what an assignment
 * without it deploys. Without a default every assignment sets it (judged there).
 */
export function judgePolicyDefinition(place: JsonPlace): FileFinding[] {
  return guarded(place, (out) => {
    const root = place.doc.root;
    const deployment = at(
      root,
      "properties",
      "policyRule",
      "then",
      "details",
      "deployment",
      "properties",
    );
    const inner = child(deployment, "template");
    if (!inner) return;
    const policyParameters = at(root, "properties", "parameters");
    const policyScope: ArmScope = {
      escaped: true,
      parameter(name, use) {
        const fallback = child(child(policyParameters, name), "defaultValue");
        if (fallback)
          return jsonValue(
            place,
            fallback,
            `properties.parameters.${name}.defaultValue`,
          );
        return {
          kind: "unbound",
          why: `set by each assignment of this policy`,
          origin: use,
        };
      },
      variable: (name, use) =>
        failed(`variables('${name}') in a policy rule`, use),
    };
    const bindings = new Map<string, Value>();
    for (const [key, p] of entries(child(deployment, "parameters"))) {
      const value = child(p, "value");
      const origin = {
        path: place.path,
        line: place.doc.line(p),
        setting: key,
        source: place.source,
      };
      if (value?.type === "string")
        bindings.set(
          key.toLowerCase(),
          armString(String(value.value), policyScope, origin),
        );
    }
    const found: FileFinding[] = [];
    const prefix =
      "properties.policyRule.then.details.deployment.properties.template.";
    template(
      place,
      inner,
      prefix,
      templateScope(place, inner, bindings, "the policy", prefix, true),
      found,
      0,
    );
    out.push(...found.filter((f) => !("unresolved" in f)));
  });
}

export function isBlueprintArtifact(root: Node): boolean {
  return (
    String(child(root, "kind")?.value ?? "").toLowerCase() === "template" &&
    Boolean(at(root, "properties", "template"))
  );
}

/** A Blueprint template artifact: `properties.template` deployed with `properties.parameters`. */
export function judgeBlueprintArtifact(place: JsonPlace): FileFinding[] {
  return guarded(place, (out) => {
    const properties = child(place.doc.root, "properties");
    const inner = child(properties, "template");
    if (!inner) return;
    const blueprint: ArmScope = {
      parameter: (name, use) => ({
        kind: "unbound",
        why: `blueprint parameter ${name}: set by the blueprint assignment`,
        origin: use,
      }),
      variable: (name, use) =>
        failed(`variables('${name}') in a blueprint artifact`, use),
    };
    const bindings = inlineBindings(
      place,
      properties,
      "properties.parameters",
      blueprint,
    );
    const prefix = "properties.template.";
    template(
      place,
      inner,
      prefix,
      templateScope(place, inner, bindings, "the blueprint artifact", prefix),
      out,
      0,
    );
  });
}
