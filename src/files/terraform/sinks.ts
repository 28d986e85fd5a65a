/**
 * The findings of a Terraform deployment, one per deciding place, and the
 * Azure Landing Zones settings read by key at any depth of a value
 * (`email_security_contact`, `emailSecurityContact`,
 * `custom_replacements.names.*email_security_contact*`). A finding points at
 * the line where the deciding value is written, with the place that deploys
 * it as `usedAt` when that is elsewhere.
 */
import type { FileLocation } from "../../check/file-run.js";
import type { FileFinding } from "../findings.js";
import { fromJsonText, plain } from "./json-values.js";
import { unknown, type Origin, type Val } from "./val.js";

const ALZ_KEYS = new Set(["email_security_contact", "emailsecuritycontact"]);
/** Deeper than any value the parsers accept: reaching it is an error, never silence. */
const MAX_WALK_DEPTH = 1000;

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
export function parameterValue(value: Val): Val {
  let inner = value.k === "json" ? value.inner : value;
  if (inner.k === "str" && inner.v.trimStart().startsWith("{"))
    inner = fromJsonText(inner.v, inner.o);
  if (inner.k === "obj") return inner.m.get("value") ?? inner;
  return inner;
}

/** Looks up a key as ARM does (case-insensitively). */
export function member(value: Val | undefined, key: string): Val | undefined {
  const target = value?.k === "json" ? value.inner : value;
  if (target?.k === "str" && target.v.trimStart().startsWith("{"))
    return member(fromJsonText(target.v, target.o), key);
  // What cannot be read stands for every member it may hold.
  if (target?.k === "unknown" || target?.k === "unset") return target;
  if (target?.k !== "obj") return undefined;
  const lower = key.toLowerCase();
  for (const [k, v] of target.m) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The ALZ settings anywhere inside a value. */
export function walk(found: Findings, value: Val, depth = 0): void {
  if (depth > MAX_WALK_DEPTH) {
    found.value(
      unknown("a value nested too deeply to read", value.o, true),
      value.o,
    );
    return;
  }
  if (value.k === "json") return walk(found, value.inner, depth + 1);
  if (value.k === "tuple")
    for (const item of value.items) walk(found, item, depth + 1);
  if (value.k === "unknown" && value.hidden) found.value(value, value.o);
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
