/**
 * Where a Terraform deployment writes the security contact, and the finding
 * each place yields: the resources (`azurerm_security_center_contact.email`,
 * `azapi_resource` securityContacts `body.properties.emails`, a policy
 * assignment's `emailSecurityContact`) and the Azure Landing Zones settings
 * read by key at any depth of a value (`email_security_contact`,
 * `emailSecurityContact`, `custom_replacements.names.*email_security_contact*`).
 * A finding points at the line where the deciding value is written, with
 * the place that deploys it as `usedAt` when that is elsewhere.
 */
import type { FileFinding, FileLocation } from "../findings.js";
import { attribute, type Block } from "./syntax.js";
import { fromJsonText, plain, type Origin, type Val } from "./values.js";
import type { Instance } from "./instance.js";
import { fileOf, type Declared } from "./module.js";

const ALZ_KEYS = new Set(["email_security_contact", "emailsecuritycontact"]);
const HINTS = [
  "email_security_contact",
  "emailsecuritycontact",
  "securitycontact",
  "security_center_contact",
];
const MAX_WALK_DEPTH = 64;

/** True when text may name one of the settings (case-insensitive, no pattern). */
export function mentionsSetting(text: string): boolean {
  const lower = text.toLowerCase();
  return HINTS.some((hint) => lower.includes(hint));
}

function findingKey(finding: FileFinding): string {
  const what = "value" in finding ? "v" : "error" in finding ? "e" : "u";
  return `${finding.path}\u0000${finding.line}\u0000${finding.setting}\u0000${what}`;
}

export class Findings {
  private readonly seen = new Map<string, number>();
  readonly list: FileFinding[] = [];
  /** `custom_replacements.names` of the deployment: `$${name}` refers to them. */
  readonly replacements = new Set<string>();

  /** One finding per deciding place; the first that names where the value is used wins. */
  add(finding: FileFinding): void {
    const key = findingKey(finding);
    const index = this.seen.get(key);
    if (index === undefined) {
      this.seen.set(key, this.list.length);
      this.list.push(finding);
    } else if (finding.usedAt && !this.list[index]?.usedAt)
      this.list[index] = finding;
  }

  /** The finding for the value deployed at `usedAt`; `legacyEmail` for the 2017 schema's `email`. */
  value(value: Val, used: Origin, legacyEmail?: true): void {
    const o = value.o;
    const base = {
      path: o.file.path,
      line: o.file.line(o.at),
      setting: o.setting,
      source: "terraform" as const,
    };
    const here: FileLocation = {
      path: used.file.path,
      line: used.file.line(used.at),
      setting: used.setting,
    };
    // The use is worth naming when it is another place than the value's own setting.
    const usedAt =
      here.path !== base.path ||
      (here.line !== base.line && here.setting !== base.setting)
        ? { usedAt: here }
        : {};
    switch (value.k) {
      case "str": {
        const name = replacementName(value.v);
        if (name !== undefined && this.replacements.has(name)) return; // judged where the replacement is written
        if (name !== undefined) {
          this.add({
            ...base,
            ...usedAt,
            error: `not a literal: $\${${name}} (no custom_replacements.names.${name} in the scanned files)`,
          });
          return;
        }
        this.add({
          ...base,
          ...usedAt,
          value: value.v,
          ...(legacyEmail ? { legacyEmail } : {}),
        });
        return;
      }
      case "unknown":
        this.add({ ...base, ...usedAt, error: `not a literal: ${value.why}` });
        return;
      case "unset":
        this.add({ ...base, ...usedAt, unresolved: value.why });
        return;
      default:
        this.add({
          ...base,
          ...usedAt,
          error: `not a string: ${describe(value)}`,
        });
    }
  }
}

function describe(value: Val): string {
  if (value.k === "prim") return String(value.v);
  const shown = JSON.stringify(plain(value)) ?? value.k;
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

/** `${name}` as the whole string (from a `$${name}` escape): an accelerator replacement. */
function replacementName(text: string): string | undefined {
  if (!text.startsWith("${") || !text.endsWith("}")) return undefined;
  const name = text.slice(2, -1);
  return name !== "" &&
    [...name].every(
      (c) =>
        c === "_" ||
        c === "-" ||
        (c >= "0" && c <= "9") ||
        c.toLowerCase() !== c.toUpperCase(),
    )
    ? name
    : undefined;
}

/** `jsonencode({ value = x })`, `{ value = x }` or a JSON string of it: x. Else the value itself. */
function parameterValue(value: Val): Val {
  let inner = value.k === "json" ? value.inner : value;
  if (inner.k === "str" && inner.v.trimStart().startsWith("{"))
    inner = fromJsonText(inner.v, inner.o);
  if (inner.k === "obj") return inner.m.get("value") ?? inner;
  return inner;
}

/** Looks up a key as ARM does (case-insensitively). */
function member(value: Val | undefined, key: string): Val | undefined {
  const target = value?.k === "json" ? value.inner : value;
  if (target?.k === "str" && target.v.trimStart().startsWith("{"))
    return member(fromJsonText(target.v, target.o), key);
  if (target?.k !== "obj") return undefined;
  const lower = key.toLowerCase();
  for (const [k, v] of target.m) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The ALZ settings anywhere inside a value. */
export function walk(found: Findings, value: Val, depth = 0): void {
  if (depth > MAX_WALK_DEPTH) return;
  if (value.k === "json") return walk(found, value.inner, depth + 1);
  if (value.k === "tuple")
    for (const item of value.items) walk(found, item, depth + 1);
  if (value.k === "unknown" && mentionsSetting(value.why))
    found.value(value, value.o);
  if (value.k !== "obj") return;
  for (const [key, child] of value.m) {
    const at = value.keys.get(key) ?? value.o;
    if (ALZ_KEYS.has(key.toLowerCase())) found.value(parameterValue(child), at);
    else if (key === "custom_replacements") {
      const names = member(child, "names");
      if (names?.k !== "obj") continue;
      for (const [name, replacement] of names.m) {
        found.replacements.add(name);
        if (name.toLowerCase().includes("email_security_contact"))
          found.value(replacement, names.keys.get(name) ?? names.o);
      }
    } else walk(found, child, depth + 1);
  }
}

function resource(
  found: Findings,
  instance: Instance,
  declared: Declared<Block>,
): void {
  const block = declared.node;
  const [type = "", name = ""] = block.labels;
  const address = `${type}.${name}`;
  const read = (attr: string): [Val, Origin] | undefined => {
    const node = attribute(block.body, attr);
    if (!node) return undefined;
    const file = fileOf(declared, attr);
    const o = { file, at: node.at, setting: `${address}.${attr}` };
    return [instance.evaluate(node.expr, file, o.setting), o];
  };
  if (type === "azurerm_security_center_contact") {
    const email = read("email");
    if (email) found.value(email[0], email[1]);
  } else if (type === "azapi_resource" || type === "azapi_update_resource") {
    const kind = read("type")?.[0];
    if (
      kind?.k !== "str" ||
      !kind.v.toLowerCase().startsWith("microsoft.security/securitycontacts@")
    )
      return;
    const body = read("body");
    if (!body) return;
    const properties = member(body[0], "properties");
    const emails = member(properties, "emails");
    const legacy = emails ? undefined : member(properties, "email");
    const where = {
      ...body[1],
      setting: `${address}.body.properties.${legacy ? "email" : "emails"}`,
    };
    if (emails ?? legacy)
      found.value((emails ?? legacy) as Val, where, legacy ? true : undefined);
    else if (body[0].k === "unknown" || body[0].k === "unset")
      found.value(body[0], where);
    else
      found.value(
        {
          k: "unknown",
          why: `${address}.body has no properties.emails`,
          o: body[1],
        },
        where,
      );
  } else if (
    type.startsWith("azurerm_") &&
    type.endsWith("policy_assignment")
  ) {
    const parameters = read("parameters");
    if (!parameters) return;
    const contact = member(parameters[0], "emailSecurityContact");
    const where = {
      ...parameters[1],
      setting: `${address}.parameters.emailSecurityContact.value`,
    };
    if (contact) found.value(parameterValue(contact), where);
    else if (parameters[0].k === "unknown" || parameters[0].k === "unset") {
      const node = attribute(block.body, "parameters");
      const text = fileOf(declared, "parameters").text;
      if (node && mentionsSetting(text.slice(node.expr.at, node.expr.end)))
        found.value(parameters[0], where);
    }
  }
}

/** Every finding of one module instance and, through local module calls, of its children. */
export function judgeInstance(found: Findings, instance: Instance): void {
  const { module } = instance;
  for (const declared of module.resources) resource(found, instance, declared);
  for (const [name, { file, node }] of module.locals)
    walk(
      found,
      instance.local(name, { file, at: node.at, setting: `locals.${name}` }),
    );
  for (const [name, call] of module.calls) {
    for (const [, value] of instance.callArguments(name, call))
      walk(found, value);
    const child = instance.child(name);
    if (typeof child !== "string") judgeInstance(found, child);
  }
}
