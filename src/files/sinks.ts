/**
 * Where a value becomes the security contact, whatever the file's language:
 * a `Microsoft.Security/securityContacts` resource's `emails` (or its legacy
 * `email`), a policy assignment's `emailSecurityContact` parameter, and the
 * parameters named for the address in landing-zone code.
 */
import type { FileFinding } from "./findings.js";
import { judge, path, property, type Origin, type Value } from "./values.js";

/** Parameter names that hold the address directly. */
const CONTACT_PARAMETERS = [
  "parMsDefenderForCloudEmailSecurityContact",
  "emailContactAsc",
  "emailSecurityContact",
] as const;

const NESTED_KEY = "emailsecuritycontact";
const MAX_DEPTH = 32;

export function isContactParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return CONTACT_PARAMETERS.some((p) => p.toLowerCase() === lower);
}

const CONTACTS = "microsoft.security/securitycontacts";
const ASSIGNMENTS = "microsoft.authorization/policyassignments";

/** The resource type without its `@api-version`, lower-cased. */
function resourceKind(type: string): string {
  return type.split("@")[0]?.toLowerCase() ?? "";
}

/** True for the resource types whose values the scan judges. */
export function isSinkType(type: string): boolean {
  const kind = resourceKind(type);
  return kind === CONTACTS || kind === ASSIGNMENTS;
}

/** Findings for one deployed resource, given its evaluated `properties`. */
export function resourceFindings(
  type: string,
  properties: Value | undefined,
  sink: Origin,
): FileFinding[] {
  const kind = resourceKind(type);
  const at = (suffix: string): Origin => ({
    ...sink,
    setting: `${sink.setting}.properties.${suffix}`,
  });
  if (kind === CONTACTS) {
    if (!properties)
      return [
        judge(
          { kind: "error", why: "no properties", origin: sink },
          at("emails"),
        ),
      ];
    const emails = property(properties, "emails");
    const email = property(properties, "email");
    const out: FileFinding[] = [];
    // A legacy `email` only: whatever it is bound to, the contact has no additional address.
    const legacyOnly = !emails && email !== undefined;
    const legacyOpen = legacyOnly && email.kind !== "string";
    if (emails || !email || legacyOpen)
      out.push(
        // Properties written out without `emails` deploy a contact with no additional address.
        judge(
          emails ??
            (properties.kind === "object"
              ? {
                  kind: "string",
                  value: "",
                  origin: {
                    ...properties.origin,
                    setting: at("emails").setting,
                  },
                }
              : {
                  kind: "error",
                  why: "no emails property",
                  origin: at("emails"),
                }),
          at("emails"),
        ),
      );
    if (email && email !== emails && !legacyOpen)
      out.push(judge(email, at("email"), true));
    return out;
  }
  if (kind === ASSIGNMENTS && properties) {
    const parameters = property(properties, "parameters");
    if (!parameters) return [];
    if (parameters.kind === "error" || parameters.kind === "unbound") {
      // Only an assignment of the Defender configuration can hide the address in an expression.
      const definition = property(properties, "policyDefinitionId");
      const id =
        definition?.kind === "string" ? definition.value.toLowerCase() : "";
      return id.includes("mdfc") || id.includes("securitycontact")
        ? [judge(parameters, at("parameters.emailSecurityContact.value"))]
        : [];
    }
    const contact = property(parameters, NESTED_KEY);
    if (!contact) return [];
    const value =
      contact.kind === "object" ? property(contact, "value") : contact;
    return [
      judge(
        value ?? { kind: "error", why: "no value", origin: contact.origin },
        at("parameters.emailSecurityContact.value"),
      ),
    ];
  }
  return [];
}

/**
 * Values a parameter file or a call passes under names landing-zone code
 * uses for the address: a contact parameter itself, and `emailSecurityContact`
 * (a `{ value: … }` or a plain value) at any depth inside an object. `sink`
 * is where they are used; without it, where they are written.
 */
export function namedFindings(
  name: string,
  value: Value,
  sink?: Origin,
): FileFinding[] {
  if (isContactParameter(name)) {
    const inner = value.kind === "object" ? path(value, "value") : undefined;
    return [judge(inner ?? value, sink ?? (inner ?? value).origin)];
  }
  const out: FileFinding[] = [];
  nested(value, sink, out, 0);
  return out;
}

function nested(
  value: Value,
  sink: Origin | undefined,
  out: FileFinding[],
  depth: number,
): void {
  if (value.kind !== "object") return;
  if (depth > MAX_DEPTH) {
    const origin = value.origin;
    out.push(
      judge({ kind: "error", why: "nested too deeply", origin }, origin),
    );
    return;
  }
  for (const [key, item] of value.entries) {
    if (key === NESTED_KEY) {
      const inner = (item.kind === "object"
        ? property(item, "value")
        : item) ?? {
        kind: "error",
        why: "no value",
        origin: item.origin,
      };
      out.push(judge(inner, sink ?? inner.origin));
    } else nested(item, sink, out, depth + 1);
  }
}

/**
 * A JSON document of no deployment format this scan knows (an Enterprise
 * Policy as Code assignment, a Terraform archetype definition…): every value
 * written under a contact's name, at any depth, in arrays too. Only written
 * strings count; a declaration (`{ type, defaultValue }`) is not a value.
 */
export function namedAnywhere(
  value: Value,
  out: FileFinding[] = [],
  depth = 0,
): FileFinding[] {
  if (depth > MAX_DEPTH) return out;
  if (value.kind === "array") {
    for (const item of value.items) namedAnywhere(item, out, depth + 1);
  } else if (value.kind === "object") {
    for (const [key, item] of value.entries) {
      const named = key === NESTED_KEY || isContactParameter(key);
      const inner = item.kind === "object" ? property(item, "value") : item;
      if (named && inner?.kind === "string") {
        // Another engine's `[…]` expression is no literal (`[[` escapes one).
        const { value: written, origin } = inner;
        const expression =
          written.startsWith("[") &&
          written.endsWith("]") &&
          !written.startsWith("[[");
        const why = `not a literal: ${written}`;
        out.push(
          judge(expression ? { kind: "error", why, origin } : inner, origin),
        );
      } else namedAnywhere(item, out, depth + 1);
    }
  }
  return out;
}
