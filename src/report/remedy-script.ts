/**
 * The safe CLI fix for the failing controls: read the current contact, apply
 * each control's merge, PUT the merged body. One script for all of them, so
 * one PUT per subscription keeps every setting it does not fix. Pure.
 */
import { CONTACTS_API_VERSION } from "../azure/security-contacts.js";
import type { Control } from "../check/controls/control.js";

/** The controls with a merge of their own: two that write the same fix (additional-emails, deliverable-emails) write it once. */
export function distinctRemedies(controls: readonly Control[]): Control[] {
  const key = (control: Control): string => control.remedy.merge.join("\n");
  return controls.filter(
    (control, i) => controls.findIndex((c) => key(c) === key(control)) === i,
  );
}

/** Shell lines (each ≤ 100 characters) that fix `controls` on the given subscriptions. */
export function remedyScript(
  failing: readonly Control[],
  resourceManagerEndpoint: string,
  subscriptionIds: readonly string[],
): string[] {
  const controls = distinctRemedies(failing);
  const guards = controls.flatMap((control) =>
    control.remedy.needs
      ? [
          `: "\${${control.remedy.needs.variable}:?${control.remedy.needs.hint}}"`,
        ]
      : [],
  );
  const args = controls.flatMap((control) =>
    control.remedy.needs
      ? [
          `--arg ${control.remedy.needs.jqArg} "$${control.remedy.needs.variable}"`,
        ]
      : [],
  );
  const merges = controls.flatMap((control) =>
    control.remedy.merge.map(
      (line, i) => `    ${i === 0 ? "| " : "  "}${line}`,
    ),
  );
  // IDs are validated GUIDs, so they are safe inside a shell loop.
  const ids =
    subscriptionIds.length > 0 ? subscriptionIds : ["<subscription-id>"];
  return [
    ...guards,
    `arm="${resourceManagerEndpoint}"`,
    "fix_contact() {",
    '  local url="$arm/subscriptions/$1/providers/Microsoft.Security/securityContacts/default"',
    `  url="$url?api-version=${CONTACTS_API_VERSION}"`,
    "  local current",
    '  if ! current=$(az rest --method get --url "$url" 2>&1); then',
    "    # Only a missing contact starts from an empty one; any other error stops.",
    '    case "$current" in *NotFound*|*"Could not find"*) current="{}" ;;',
    '      *) echo "$current" >&2; return 1 ;; esac',
    "  fi",
    `  jq -c ${args.join(" ")} '`,
    "    {properties: (.properties // {})}",
    ...merges,
    `  ' <<<"$current" >contact.json || return 1`,
    '  az rest --method put --url "$url" --body @contact.json',
    "}",
    ...chunk(ids, 2).map(
      (group, i, all) =>
        `${i === 0 ? "for id in " : "  "}${group.join(" ")}${i === all.length - 1 ? "; do" : " \\"}`,
    ),
    '  fix_contact "$id"',
    "done",
  ];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}
