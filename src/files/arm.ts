/**
 * ARM JSON: deployment parameter files (ALZ-Bicep classic, Enterprise-Scale)
 * and deployment templates, nested deployments included, plus a bare
 * resource document such as the ALZ library's policy assignment files.
 */
import { error, finding, type Source } from "./arm-findings.js";
import type { FileFinding } from "./findings.js";
import {
  at,
  child,
  entries,
  type JsonDocument,
  type Node,
} from "./json-tree.js";

/** Parameter names that hold the address directly. */
export const CONTACT_PARAMETERS = [
  "parMsDefenderForCloudEmailSecurityContact",
  "emailContactAsc",
  "emailSecurityContact",
] as const;

const NESTED_KEY = "emailSecurityContact";
/** ALZ structures are shallow; anything deeper is not a landing-zone file. */
const MAX_DEPTH = 64;

function isContactParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return CONTACT_PARAMETERS.some((p) => p.toLowerCase() === lower);
}

/** True for a `deploymentParameters` document (by `$schema`, or shape). */
export function isParameterFile(root: Node): boolean {
  const schema = child(root, "$schema")?.value;
  if (typeof schema === "string") return /deploymentParameters/i.test(schema);
  const parameters = child(root, "parameters");
  return (
    parameters?.type === "object" &&
    !child(root, "resources") &&
    entries(parameters).every(([, p]) => p.type === "object")
  );
}

/** `emailSecurityContact` at any depth inside a value: `{ value: "…" }` or a plain string. */
function nestedContacts(
  path: string,
  doc: JsonDocument,
  node: Node,
  setting: string,
  source: Source,
  out: FileFinding[],
  depth = 0,
): void {
  if (depth > MAX_DEPTH) {
    out.push(error(path, doc, node, setting, source, "nested too deeply"));
    return;
  }
  for (const [key, value] of entries(node)) {
    const here = `${setting}.${key}`;
    if (key.toLowerCase() === NESTED_KEY.toLowerCase()) {
      const literal = value.type === "object" ? child(value, "value") : value;
      const name = value.type === "object" ? `${here}.value` : here;
      if (literal?.type === "string") {
        out.push(finding(path, doc, literal, name, source, literal.value));
      } else {
        out.push(error(path, doc, value, name, source, "not a string literal"));
      }
    } else if (value.type === "object") {
      nestedContacts(path, doc, value, here, source, out, depth + 1);
    }
  }
}

export function recogniseArmParameters(
  path: string,
  doc: JsonDocument,
): FileFinding[] {
  const out: FileFinding[] = [];
  for (const [name, parameter] of entries(child(doc.root, "parameters"))) {
    const value = child(parameter, "value");
    const setting = `parameters.${name}.value`;
    if (isContactParameter(name)) {
      if (value?.type === "string") {
        out.push(
          finding(path, doc, value, setting, "arm-parameters", value.value),
        );
      } else {
        // A Key Vault reference or a non-string: nothing to verify here.
        out.push(
          error(
            path,
            doc,
            value ?? parameter,
            setting,
            "arm-parameters",
            "not a string literal",
          ),
        );
      }
    } else if (value?.type === "object") {
      nestedContacts(path, doc, value, setting, "arm-parameters", out);
    }
  }
  return out;
}

const WHOLE_PARAMETER = /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/i;

/**
 * An ARM string value: `[[…` is an escaped literal, `[parameters('x')]`
 * resolves to that parameter's defaultValue, any other `[…]` is an
 * expression this scan does not evaluate.
 */
function resolve(
  raw: string,
  parameters: Node | undefined,
): { value: string } | { error: string } {
  if (raw.startsWith("[[")) return { value: raw.slice(1) };
  if (!(raw.startsWith("[") && raw.endsWith("]"))) return { value: raw };
  const name = WHOLE_PARAMETER.exec(raw)?.[1];
  if (name) {
    const fallback = at(parameters, name, "defaultValue");
    if (fallback?.type === "string") return resolve(fallback.value, undefined);
    return { error: `unresolved: ${raw} (no string defaultValue)` };
  }
  return { error: `unresolved: ${raw}` };
}

function templateValue(
  path: string,
  doc: JsonDocument,
  node: Node | undefined,
  owner: Node,
  setting: string,
  parameters: Node | undefined,
  legacyEmail?: true,
): FileFinding {
  if (node?.type !== "string") {
    // `emails` may be an array expression or missing: never a pass.
    return error(
      path,
      doc,
      node ?? owner,
      setting,
      "arm-template",
      "not a string literal",
    );
  }
  const resolved = resolve(node.value, parameters);
  return "value" in resolved
    ? finding(
        path,
        doc,
        node,
        setting,
        "arm-template",
        resolved.value,
        legacyEmail,
      )
    : error(path, doc, node, setting, "arm-template", resolved.error);
}

/** Resources as an array or (languageVersion 2.0) an object of symbolic names. */
function resourceList(node: Node | undefined): Node[] {
  if (node?.type === "array") return node.children ?? [];
  return entries(node).map(([, resource]) => resource);
}

function resource(
  path: string,
  doc: JsonDocument,
  node: Node,
  label: string,
  parameters: Node | undefined,
  out: FileFinding[],
  depth: number,
): void {
  if (depth > MAX_DEPTH) {
    out.push(
      error(path, doc, node, label, "arm-template", "nested too deeply"),
    );
    return;
  }
  const type = child(node, "type")?.value;
  const name = child(node, "name")?.value;
  const setting = `${label}${typeof name === "string" ? `[${name}]` : ""}`;
  const properties = child(node, "properties");
  if (typeof type === "string") {
    const lower = type.toLowerCase();
    if (lower === "microsoft.security/securitycontacts") {
      const emails = child(properties, "emails");
      const email = child(properties, "email");
      if (emails || !email) {
        out.push(
          templateValue(
            path,
            doc,
            emails,
            node,
            `${setting}.properties.emails`,
            parameters,
          ),
        );
      }
      if (email) {
        out.push(
          templateValue(
            path,
            doc,
            email,
            node,
            `${setting}.properties.email`,
            parameters,
            true,
          ),
        );
      }
    } else if (lower === "microsoft.authorization/policyassignments") {
      const contact = at(properties, "parameters", NESTED_KEY);
      if (contact) {
        out.push(
          templateValue(
            path,
            doc,
            child(contact, "value"),
            contact,
            `${setting}.properties.parameters.${NESTED_KEY}.value`,
            parameters,
          ),
        );
      }
    } else if (lower === "microsoft.resources/deployments") {
      const inner = child(properties, "template");
      if (inner)
        template(
          path,
          doc,
          inner,
          `${setting}.properties.template`,
          out,
          depth + 1,
        );
    }
  }
  for (const [index, sub] of resourceList(child(node, "resources")).entries()) {
    resource(
      path,
      doc,
      sub,
      `${setting}.resources[${index}]`,
      parameters,
      out,
      depth + 1,
    );
  }
}

function template(
  path: string,
  doc: JsonDocument,
  node: Node,
  label: string,
  out: FileFinding[],
  depth: number,
): void {
  const parameters = child(node, "parameters");
  const prefix = label ? `${label}.` : "";
  for (const [index, sub] of resourceList(child(node, "resources")).entries()) {
    resource(
      path,
      doc,
      sub,
      `${prefix}resources[${index}]`,
      parameters,
      out,
      depth + 1,
    );
  }
}

/** A deployment template, or a single resource document (ALZ library assignment). */
export function recogniseArmTemplate(
  path: string,
  doc: JsonDocument,
): FileFinding[] {
  const out: FileFinding[] = [];
  if (child(doc.root, "type") && !child(doc.root, "resources")) {
    resource(path, doc, doc.root, "resource", undefined, out, 0);
  } else {
    template(path, doc, doc.root, "", out, 0);
  }
  return out;
}
