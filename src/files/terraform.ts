/**
 * Terraform `.tf` / `.tfvars`, read from the JSON form of HashiCorp's own
 * HCL parser (hcl.ts). That form keeps literals as they are and writes every
 * expression as `${…}`, so a value is either a literal, one `var.x` resolved
 * from the directory's variables (one step, as Terraform would), or an error
 * finding "unresolved: …". Nothing is evaluated or guessed.
 */
import type { FileFinding } from "./findings.js";
import { lineAt, lineStarts } from "./json-tree.js";
import {
  fieldLiteral,
  interpret,
  isObject,
  QUOTED,
  type Raw,
  type TerraformContext,
} from "./terraform-values.js";

/** The parsed form of one file: HCL blocks are arrays of objects. */
export type HclDocument = Record<string, unknown>;

/** Blocks appear once per label as arrays; plain maps as objects. */
const blocks = (value: unknown): Raw[] =>
  (Array.isArray(value) ? value : [value]).filter(isObject);

const TFVARS_ORDER = (name: string): number =>
  name === "terraform.tfvars" ? 0 : name === "terraform.tfvars.json" ? 1 : 2;

/**
 * The variables of one directory: defaults from every `.tf`, overridden by
 * `terraform.tfvars`, `terraform.tfvars.json`, then `*.auto.tfvars(.json)`
 * in name order (Terraform's precedence: later wins).
 */
export function terraformContext(
  files: readonly { name: string; parsed: HclDocument }[],
): TerraformContext {
  const variables = new Map<string, unknown>();
  const replacements = new Set<string>();
  for (const { name, parsed } of files) {
    if (!name.endsWith(".tf")) continue;
    for (const declared of blocks(parsed.variable)) {
      for (const [variable, body] of Object.entries(declared)) {
        const block = blocks(body)[0];
        if (block && "default" in block) variables.set(variable, block.default);
      }
    }
  }
  const tfvars = files
    .filter(({ name }) =>
      /(^terraform\.tfvars(\.json)?|\.auto\.tfvars(\.json)?)$/.test(name),
    )
    .sort(
      (a, b) =>
        TFVARS_ORDER(a.name) - TFVARS_ORDER(b.name) ||
        (a.name < b.name ? -1 : 1),
    );
  for (const { parsed } of tfvars) {
    for (const [variable, value] of Object.entries(parsed))
      variables.set(variable, value);
  }
  for (const { parsed } of files) {
    for (const names of blocks(blocks(parsed.custom_replacements)[0]?.names)) {
      for (const key of Object.keys(names)) replacements.add(key);
    }
  }
  return { variables, replacements };
}

interface Walk {
  path: string;
  text: string;
  starts: number[];
  context: TerraformContext;
  out: FileFinding[];
}

/**
 * Best-effort line: the parser gives none, so find the `key =` whose text
 * (up to the next `key =`) holds the value's text; else the first `key =`.
 */
function lineOf(w: Walk, key: string, raw: unknown, from = 0): number {
  const hint =
    typeof raw === "string" ? raw.replace(/^\$\{|\}$/g, "").slice(0, 60) : "";
  const pattern = new RegExp(`(?<![\\w-])"?${key}"?\\s*[=:]`, "g");
  pattern.lastIndex = from;
  const found: number[] = [];
  for (let m = pattern.exec(w.text); m; m = pattern.exec(w.text))
    found.push(m.index);
  const match = found.find((start, i) =>
    w.text
      .slice(start, Math.min(found[i + 1] ?? Infinity, start + 400))
      .includes(hint),
  );
  const offset = (hint ? match : undefined) ?? found[0];
  return offset === undefined ? 1 : lineAt(w.starts, offset);
}

function emit(
  w: Walk,
  setting: string,
  key: string,
  raw: unknown,
  from = 0,
  legacyEmail?: true,
): void {
  const result = interpret(raw, w.context);
  if ("skip" in result) return;
  const base = {
    path: w.path,
    line: lineOf(w, key, raw, from),
    setting,
    source: "terraform" as const,
  };
  w.out.push(
    "value" in result
      ? {
          ...base,
          value: result.value,
          ...(legacyEmail ? { legacyEmail } : {}),
        }
      : { ...base, error: result.error },
  );
}

/** Offset of `resource "type" "name"`, so the line search starts in its block. */
function resourceOffset(text: string, type: string, name: string): number {
  const match = new RegExp(`resource\\s+"${type}"\\s+"${name}"`).exec(text);
  return match?.index ?? 0;
}

function resources(w: Walk, parsed: HclDocument): void {
  for (const group of blocks(parsed.resource)) {
    for (const [type, named] of Object.entries(group)) {
      for (const [name, body] of Object.entries(isObject(named) ? named : {})) {
        const from = resourceOffset(w.text, type, name);
        for (const block of blocks(body)) {
          const address = `${type}.${name}`;
          if (type === "azurerm_security_center_contact" && "email" in block) {
            emit(w, `${address}.email`, "email", block.email, from);
          } else if (
            type === "azapi_resource" &&
            typeof block.type === "string" &&
            /^Microsoft\.Security\/securityContacts@/i.test(block.type)
          ) {
            azapiBody(w, address, block.body, from);
          } else if (
            /^azurerm_.*policy_assignment$/.test(type) &&
            typeof block.parameters === "string" &&
            /emailSecurityContact/i.test(block.parameters)
          ) {
            const literal = new RegExp(
              `emailSecurityContact"?\\s*[=:]\\s*\\{\\s*"?value"?\\s*[=:]\\s*(${QUOTED})`,
              "i",
            ).exec(block.parameters)?.[1];
            emit(
              w,
              `${address}.parameters.emailSecurityContact.value`,
              "emailSecurityContact",
              literal === undefined ? block.parameters : JSON.parse(literal),
              from,
            );
          }
        }
      }
    }
  }
}

function azapiBody(
  w: Walk,
  address: string,
  body: unknown,
  from: number,
): void {
  const properties = isObject(body) ? blocks(body.properties)[0] : undefined;
  if (properties) {
    const key =
      "emails" in properties || !("email" in properties) ? "emails" : "email";
    // The 2017 schema's single `email`: Defender no longer reads it.
    emit(
      w,
      `${address}.body.properties.${key}`,
      key,
      properties[key],
      from,
      key === "email" || undefined,
    );
    return;
  }
  const text = typeof body === "string" ? body : "";
  const literal = fieldLiteral(text, "emails") ?? fieldLiteral(text, "email");
  emit(
    w,
    `${address}.body.properties.emails`,
    "emails",
    literal ?? (text || body),
    from,
  );
}

const MAX_DEPTH = 64;

/** Module settings, tfvars maps and locals: the ALZ keys at any depth. */
function settings(
  w: Walk,
  node: unknown,
  setting: string,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(node)) {
    for (const item of node) settings(w, item, setting, depth + 1);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const here = setting ? `${setting}.${key}` : key;
    if (
      depth === 0 &&
      (key === "resource" || key === "variable" || key === "output")
    )
      continue;
    if (
      key === "email_security_contact" ||
      key.toLowerCase() === "emailsecuritycontact"
    ) {
      emit(w, here, key, value);
    } else if (key === "names" && setting.endsWith("custom_replacements")) {
      for (const [name, replacement] of Object.entries(
        blocks(value)[0] ?? {},
      )) {
        if (/email_security_contact/i.test(name))
          emit(w, `${here}.${name}`, name, replacement);
      }
    } else {
      settings(w, value, here, depth + 1);
    }
  }
}

export function recogniseTerraform(
  path: string,
  text: string,
  parsed: HclDocument,
  context: TerraformContext,
): FileFinding[] {
  const w: Walk = { path, text, starts: lineStarts(text), context, out: [] };
  resources(w, parsed);
  settings(w, parsed, "", 0);
  // The parser's JSON sorts keys: restore the file's order.
  return w.out.sort((a, b) => a.line - b.line);
}
