/**
 * What to do about a 403: which role to assign, at which scope, to the
 * identity the action signed in as, with the exact Azure CLI line. Pure.
 */
import { shellBlock } from "./shell.js";

/** Role assignments listed one by one before pointing at a management group instead. */
const MAX_COMMANDS = 10;

/** Single-quotes a word unless it is plainly safe (GUIDs, paths, domains). */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word)
    ? word
    : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** `az role assignment create` for Security Reader, as segments for shellBlock. */
export function securityReaderAssignment(
  assignee: string,
  scope: string,
): string[] {
  return [
    "az role assignment create",
    `--assignee ${shellWord(assignee)}`,
    `--role "Security Reader"`,
    `--scope ${shellWord(scope)}`,
  ];
}

/**
 * Markdown for subscriptions that answered 403: the least-privilege role
 * (Security Reader reads contacts and pricings), where to assign it, and one
 * command per subscription (up to ten) for `assignee`, the client or
 * principal ID of the identity in use.
 */
export function accessHint(
  assignee: string,
  subscriptionIds: readonly string[],
): string {
  const shown = subscriptionIds.slice(0, MAX_COMMANDS);
  const commands = shown.map((id) =>
    securityReaderAssignment(assignee, `/subscriptions/${id}`),
  );
  const rest = subscriptionIds.length - shown.length;
  const parts = [
    "Assign the **Security Reader** role to the identity this workflow signs in as, on the subscription or on a parent management group (one assignment there covers every subscription below it). Assigning roles needs Owner or User Access Administrator on that scope.",
    "",
    shellBlock(commands),
  ];
  if (rest > 0 || subscriptionIds.length > 1) {
    parts.push(
      "",
      `${rest > 0 ? `…and ${rest} more. ` : ""}Or once, on the management group that holds them:`,
      "",
      shellBlock([
        securityReaderAssignment(
          assignee,
          "/providers/Microsoft.Management/managementGroups/<group-id>",
        ),
      ]),
    );
  }
  return parts.join("\n");
}
