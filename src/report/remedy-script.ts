/**
 * The safe CLI fix, one script for every failing subscription: read the
 * current contact (Defender's defaults where none exists), apply the merge
 * of each control that subscription fails, PUT the merged body. It merges as
 * `remediate: apply` does (src/check/contact-merge.ts): addresses are added,
 * never replaced, and entries that do not count are kept and listed for a
 * person to remove. Pure.
 */
import { CONTACTS_API_VERSION } from "../azure/security-contacts.js";
import { DEFENDER_DEFAULTS } from "../check/contact-merge.js";
import type { Control } from "../check/controls/control.js";
import { controlsById } from "../check/controls/index.js";
import type { LabelledEntry } from "./present.js";
import { plural } from "../text.js";
import { wrapCommand } from "./shell.js";

/** One failing subscription: the controls to fix, and its entries that do not count (presented). */
export interface ScriptTarget {
  subscriptionId: string;
  controls: readonly Control[];
  /** Entries the merge keeps that do not count, as reports show them (masked, labelled). */
  kept: readonly LabelledEntry[];
}

export interface ScriptOptions {
  resourceManagerEndpoint: string;
  /** `required-emails`: added with the team's addresses. */
  requiredEmails: readonly string[];
  /** `mask-emails`: the required addresses then come from a variable instead. */
  maskEmails: boolean;
}

/** Longest entry a comment lists, so its line stays within 100 characters. */
const MAX_KEPT_CHARS = 60;

/** Single-quotes a word for bash. */
function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Text from Azure inside a comment: one line, nothing invisible, bounded. */
function commentText(text: string): string {
  // No markup either: a report shows the script in a code block, but a raw
  // `<b>` in it would still be HTML to anything that renders it otherwise.
  const plain = text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, " ")
    .replace(/</g, "‹")
    .replace(/>/g, "›");
  const chars = Array.from(plain);
  return chars.length <= MAX_KEPT_CHARS
    ? plain
    : `${chars.slice(0, MAX_KEPT_CHARS - 1).join("")}…`;
}

const REQUIRED_VARIABLE = "REQUIRED_EMAILS";

function guardsAndArgs(
  controls: readonly Control[],
  options: ScriptOptions,
): { guards: string[]; args: string[] } {
  const guards: string[] = [];
  const args: string[] = [];
  for (const { remedy } of controls) {
    const needs = remedy.needs;
    if (!needs) continue;
    guards.push(`: "\${${needs.variable}:?${needs.hint}}"`);
    let value = `"$${needs.variable}"`;
    if (needs.withRequiredEmails && options.requiredEmails.length > 0) {
      if (options.maskEmails) {
        guards.push(
          `: "\${${REQUIRED_VARIABLE}:?set it to the required-emails input, separated by ;}"`,
        );
        value = `"$${needs.variable};$${REQUIRED_VARIABLE}"`;
      } else {
        value += shellQuote(`;${options.requiredEmails.join(";")}`);
      }
    }
    args.push(`--arg ${needs.jqArg} ${value}`);
  }
  return { guards, args };
}

/** One merge and the controls whose fix it is (additional-emails and deliverable-emails share one). */
interface SharedRemedy {
  ids: string[];
  control: Control;
}

function byRemedy(controls: readonly Control[]): SharedRemedy[] {
  const shared = new Map<string, SharedRemedy>();
  for (const control of controls) {
    const key = control.remedy.merge.join("\n");
    const found = shared.get(key);
    if (found) found.ids.push(control.id);
    else shared.set(key, { ids: [control.id], control });
  }
  return [...shared.values()];
}

/** Each merge once, applied only where the subscription fails one of its controls. */
function mergeLines(remedies: readonly SharedRemedy[]): string[] {
  return remedies.flatMap(({ ids, control }) => [
    `    | if any($fix[]; ${ids.map((id) => `. == ${JSON.stringify(id)}`).join(" or ")}) then (`,
    ...control.remedy.merge.map((line) => `        ${line}`),
    "      ) else . end",
  ]);
}

/** The loop lines for subscriptions that fail the same controls. */
function loop(ids: readonly string[], controls: readonly Control[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < ids.length; i += 2)
    pairs.push(ids.slice(i, i + 2).join(" "));
  return [
    `# ${plural(ids.length, "subscription")} failing the same controls:`,
    "for id in \\",
    ...pairs.map(
      (pair, i) => `  ${pair}${i === pairs.length - 1 ? "; do" : " \\"}`,
    ),
    ...wrapCommand([
      '  fix_contact "$id"',
      ...controls.map((control) => control.id),
    ]),
    "done",
  ];
}

/** Comment lines naming the entries the merge keeps that do not count. */
function keptLines(targets: readonly ScriptTarget[]): string[] {
  const rows = targets.flatMap((target) =>
    target.kept.length === 0
      ? []
      : [
          `#   ${target.subscriptionId}:`,
          ...target.kept.map(
            ({ entry, label }) =>
              `#     ${commentText(entry)}${label ? ` (${label})` : ""}`,
          ),
        ],
  );
  if (rows.length === 0) return [];
  return [
    "# Entries that do not count stay as they are: the script removes nothing.",
    "# Remove by hand any the team no longer wants:",
    ...rows,
  ];
}

/** An object as jq lines: one key a line, a list one element a line. */
function jqObject(value: Readonly<Record<string, unknown>>): string[] {
  const entries = Object.entries(value);
  return [
    "{",
    ...entries.flatMap(([key, field], i) => {
      const comma = i < entries.length - 1 ? "," : "";
      if (!Array.isArray(field)) {
        return [`  ${key}: ${JSON.stringify(field)}${comma}`];
      }
      return [
        `  ${key}: [`,
        ...field.map(
          (item, j) =>
            `    ${JSON.stringify(item)}${j < field.length - 1 ? "," : ""}`,
        ),
        `  ]${comma}`,
      ];
    }),
    "}",
  ];
}

/** Shell lines (each ≤ 100 characters) that fix every target. */
export function remedyScript(
  targets: readonly ScriptTarget[],
  options: ScriptOptions,
): string[] {
  // Every control some target fails, in registry order.
  const all = controlsById(
    targets.flatMap((target) => target.controls.map((c) => c.id)),
  );
  const remedies = byRemedy(all);
  const { guards, args } = guardsAndArgs(
    remedies.map((remedy) => remedy.control),
    options,
  );
  // Subscriptions failing the same controls share one loop.
  const bySet = new Map<
    string,
    { ids: string[]; controls: readonly Control[] }
  >();
  for (const target of targets) {
    const key = target.controls.map((c) => c.id).join(" ");
    const set = bySet.get(key) ?? { ids: [], controls: target.controls };
    set.ids.push(target.subscriptionId);
    bySet.set(key, set);
  }
  const defaults = jqObject(DEFENDER_DEFAULTS);
  return [
    ...guards,
    `arm="${options.resourceManagerEndpoint}"`,
    "# fix_contact <subscription-id> <control>...: merges the fixes into the current contact.",
    "fix_contact() {",
    '  local url="$arm/subscriptions/$1/providers/Microsoft.Security/securityContacts/default"',
    `  url="$url?api-version=${CONTACTS_API_VERSION}"`,
    '  local fixes="${*:2}" current',
    '  if ! current=$(az rest --method get --url "$url" 2>&1); then',
    "    # Only a missing contact starts from Defender's defaults; any other error stops.",
    '    case "$current" in *NotFound*|*"Could not find"*) current="null" ;;',
    '      *) echo "$current" >&2; return 1 ;; esac',
    "  fi",
    ...wrapCommand(["  jq -c", '--arg fixes "$fixes"', ...args, "'"]),
    '    ($fixes | split(" ")) as $fix',
    `    | {properties: (if . == null then ${defaults[0]}`,
    ...defaults.slice(1, -1).map((line) => `        ${line}`),
    `      ${defaults[defaults.length - 1]} else (.properties // {}) end)}`,
    ...mergeLines(remedies),
    `  ' <<<"$current" >contact.json || return 1`,
    '  az rest --method put --url "$url" --body @contact.json',
    "}",
    ...keptLines(targets),
    ...[...bySet.values()].flatMap((set) => loop(set.ids, set.controls)),
  ];
}
