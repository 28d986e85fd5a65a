/**
 * One JSON file as what it is: Terraform plan output, an ARM parameter file,
 * a policy definition, a blueprint artifact, a bare resource (ALZ library),
 * an ARM template (with each of its deployments), a portal form (values
 * typed in at deployment) or a document of another format read by the
 * contact's names. A duplicate key on the way to a setting is an error.
 */
import { jsonValue, type JsonPlace } from "./arm-expr.js";
import {
  isBlueprintArtifact,
  isPolicyDefinition,
  judgeBlueprintArtifact,
  judgePolicyDefinition,
} from "./arm-policy.js";
import {
  isParameterFile,
  judgeArmTemplate,
  judgeResourceDocument,
  parameterBindings,
  recogniseArmParameters,
} from "./arm.js";
import type { FileFinding, FindingSource } from "./findings.js";
import {
  at,
  child,
  DuplicateKeyError,
  type JsonDocument,
  type Node,
} from "./json-tree.js";
import type { Binding } from "./pairing.js";
import { isPlan, recognisePlan } from "./plan.js";
import type { Parsed } from "./project.js";
import { namedAnywhere } from "./sinks.js";

/** An Azure portal form (createUiDefinition, uiFormDefinition): values typed in at deployment. */
function isPortalForm(root: Node, schema: string): boolean {
  return (
    /ui(form)?definition|createformui/.test(schema) ||
    String(child(root, "handler")?.value ?? "").includes("CreateUIDef") ||
    at(root, "view", "kind")?.value === "Form"
  );
}

function template(
  doc: JsonDocument,
  place: (source: FindingSource) => JsonPlace,
  deployments: readonly Binding[] | undefined,
  hasFile: (path: string) => boolean,
): FileFinding[] {
  const root = doc.root;
  const schema = String(child(root, "$schema")?.value ?? "").toLowerCase();
  if (!child(root, "resources") && !schema.includes("deploymenttemplate"))
    return isPortalForm(root, schema)
      ? []
      : namedAnywhere(jsonValue(place("json"), root, ""));
  // Bicep's build output beside its source is the same deployment: judged once, in the source.
  const generator = at(root, "metadata", "_generator", "name")?.value;
  const path = place("arm-template").path;
  if (generator === "bicep" && hasFile(path.replace(/\.json$/i, ".bicep")))
    return [];
  const found: FileFinding[] = [];
  for (const binding of deployments ?? [
    { by: "itself, with no parameter file", values: new Map() },
  ])
    found.push(
      ...judgeArmTemplate(place("arm-template"), binding.values, binding.by),
    );
  return found;
}

/**
 * caf-enterprise-scale's library (`lib/…/*.tmpl.json`) is rendered by the
 * module with `templatefile()`, which overrides the contact with its own
 * setting (`settings.security_center.config.email_security_contact`, judged
 * where it is written): the library's literal is not what deploys. Never a
 * pass; an error stays an error.
 */
function rendered(finding: FileFinding): FileFinding {
  if (!("value" in finding)) return finding;
  const { path, line, setting, source } = finding;
  return {
    path,
    line,
    setting,
    source,
    unresolved:
      "decided by the Terraform module that renders this library template: its settings override the library's value",
  };
}

function judgeDocument(
  doc: JsonDocument,
  place: (source: FindingSource) => JsonPlace,
  deployments: readonly Binding[] | undefined,
  hasFile: (path: string) => boolean,
): FileFinding[] {
  const root = doc.root;
  if (root.type !== "object") return [];
  if (isPlan(root)) return recognisePlan(place("terraform-plan").path, doc);
  if (isParameterFile(root)) {
    const p = place("arm-parameters");
    return recogniseArmParameters(p, parameterBindings(p));
  }
  if (isPolicyDefinition(root))
    return judgePolicyDefinition(place("policy-definition"));
  if (isBlueprintArtifact(root))
    return judgeBlueprintArtifact(place("blueprint"));
  if (child(root, "type") && !child(root, "resources")) {
    const found = judgeResourceDocument(place("arm-template"));
    return place("arm-template").path.toLowerCase().endsWith(".tmpl.json")
      ? found.map(rendered)
      : found;
  }
  return template(doc, place, deployments, hasFile);
}

/** The findings of one JSON file; `deployments` are the parameter files that deploy it as a template. */
export function judgeJson(
  path: string,
  doc: Parsed<JsonDocument> | undefined,
  deployments: readonly Binding[] | undefined,
  hasFile: (path: string) => boolean,
): FileFinding[] {
  if (!doc) return [];
  const fail = (
    line: number,
    setting: string,
    error: string,
  ): FileFinding[] => [{ path, line, setting, source: "arm-template", error }];
  if ("invalid" in doc) return fail(doc.line, "(file)", doc.invalid);
  try {
    return judgeDocument(
      doc,
      (source) => ({ path, doc, source }),
      deployments,
      hasFile,
    );
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    return fail(doc.line(error.node), error.key, error.message);
  }
}
