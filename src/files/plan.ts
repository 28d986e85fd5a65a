/**
 * Terraform plan JSON (`terraform show -json`, format_version 1.x): the
 * planned `after` values of the resources that set the address. A value
 * Terraform only knows at apply time cannot be verified: an error finding.
 */
import type { FileFinding } from "./findings.js";
import { parseTree, type ParseError } from "jsonc-parser";
import {
  child,
  DuplicateKeyError,
  entries,
  type JsonDocument,
  type Node,
} from "./json-tree.js";

const APPLY_TIME = "known only at apply time";

/** True for `terraform show -json` output. */
export function isPlan(root: Node): boolean {
  const version = child(root, "format_version")?.value;
  return (
    typeof version === "string" &&
    /^1\./.test(version) &&
    child(root, "resource_changes")?.type === "array"
  );
}

interface Change {
  address: string;
  after: Node | undefined;
  unknown: Node | undefined;
}

/** `after_unknown` is `true` at the unknown key, or an ancestor of it. */
function isUnknown(
  unknown: Node | undefined,
  keys: readonly string[],
): boolean {
  let node = unknown;
  for (const key of keys) {
    if (node?.type === "boolean") return node.value === true;
    node = child(node, key);
  }
  return node?.type === "boolean" && node.value === true;
}

function read(
  path: string,
  doc: JsonDocument,
  change: Change,
  keys: readonly string[],
  out: FileFinding[],
  legacyEmail?: true,
): void {
  const setting = `${change.address}.${keys.join(".")}`;
  const line = doc.line(change.after ?? doc.root);
  if (isUnknown(change.unknown, keys)) {
    out.push({
      path,
      line,
      setting,
      source: "terraform-plan",
      error: APPLY_TIME,
    });
    return;
  }
  let node = change.after;
  for (const key of keys) node = child(node, key);
  if (node?.type === "string") {
    out.push({
      path,
      line: doc.line(node),
      setting,
      source: "terraform-plan",
      value: node.value,
      ...(legacyEmail ? { legacyEmail } : {}),
    });
  } else {
    out.push({
      path,
      line,
      setting,
      source: "terraform-plan",
      error: node ? "not a string" : "missing",
    });
  }
}

/** azurerm policy assignments carry `parameters` as a JSON string. */
function assignmentParameters(
  path: string,
  doc: JsonDocument,
  change: Change,
  out: FileFinding[],
): void {
  const setting = `${change.address}.parameters.emailSecurityContact.value`;
  const line = doc.line(change.after ?? doc.root);
  const raw = child(change.after, "parameters");
  if (isUnknown(change.unknown, ["parameters"])) {
    // Unknown parameters matter only for the Defender assignment.
    const name = `${child(change.after, "name")?.value ?? ""} ${child(change.after, "policy_definition_id")?.value ?? ""}`;
    if (/mdfc|asc|securitycontact/i.test(name)) {
      out.push({
        path,
        line,
        setting,
        source: "terraform-plan",
        error: APPLY_TIME,
      });
    }
    return;
  }
  if (raw?.type !== "string") return;
  // Parsed, never searched as text: an escaped key (`\u0065mail…`) is the same key.
  const errors: ParseError[] = [];
  const tree = parseTree(raw.value, errors, { disallowComments: true });
  const at = {
    path,
    line: doc.line(raw),
    setting,
    source: "terraform-plan" as const,
  };
  if (errors.length > 0 || tree?.type !== "object") {
    if (/emailSecurityContact/i.test(raw.value))
      out.push({ ...at, error: "parameters is not valid JSON" });
    return;
  }
  let values: ReturnType<typeof entries>;
  try {
    const contact = entries(tree).find(
      ([key]) => key.toLowerCase() === "emailsecuritycontact",
    );
    if (!contact) return;
    values = entries(contact[1]).filter(([key]) => key === "value");
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    // A key set twice: tools disagree on which value counts, so none is judged.
    if (/emailSecurityContact/i.test(raw.value))
      out.push({
        ...at,
        error:
          error.key.toLowerCase() === "emailsecuritycontact"
            ? "emailSecurityContact is set twice in parameters"
            : `${error.key} is set twice`,
      });
    return;
  }
  const [value] = values;
  if (values.length === 1 && value?.[1].type === "string")
    out.push({ ...at, value: String(value[1].value) });
  else
    out.push({
      ...at,
      error: values.length > 1 ? "value is set twice" : "not a string",
    });
}

export function recognisePlan(path: string, doc: JsonDocument): FileFinding[] {
  const out: FileFinding[] = [];
  for (const entry of child(doc.root, "resource_changes")?.children ?? []) {
    const type = child(entry, "type")?.value;
    const change: Change = {
      address: String(child(entry, "address")?.value ?? type),
      after: child(child(entry, "change"), "after"),
      unknown: child(child(entry, "change"), "after_unknown"),
    };
    // A deleted resource has `after: null`: nothing will be written.
    if (typeof type !== "string" || change.after?.type !== "object") continue;
    if (type === "azurerm_security_center_contact") {
      read(path, doc, change, ["email"], out);
    } else if (type === "azapi_resource") {
      const apiType = child(change.after, "type")?.value;
      if (
        typeof apiType !== "string" ||
        !/^Microsoft\.Security\/securityContacts@/i.test(apiType)
      )
        continue;
      const properties = child(child(change.after, "body"), "properties");
      const key =
        entries(properties).some(([k]) => k === "emails") ||
        !child(properties, "email")
          ? "emails"
          : "email";
      // The 2017 schema's single `email`: Defender no longer reads it.
      read(
        path,
        doc,
        change,
        ["body", "properties", key],
        out,
        key === "email" || undefined,
      );
    } else if (/^azurerm_.*policy_assignment$/.test(type)) {
      assignmentParameters(path, doc, change, out);
    }
  }
  return out;
}
