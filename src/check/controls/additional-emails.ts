/**
 * `additional-emails`: the seed check. At least one valid address that the
 * address policy accepts, and every required address present.
 */
import { mergeContact } from "../contact-merge.js";
import { inflect, plural } from "../../text.js";
import { checkAddresses, type CheckedAddresses } from "../address-policy.js";
import type { SecurityContact } from "../model.js";
import { addressCause } from "./address-causes.js";
import type { Control, Remedy } from "./control.js";

type Policy = NonNullable<Parameters<typeof checkAddresses>[1]>;

/** Each answer's check, for the controls and the row that read the same contacts. */
const checkedOf = new WeakMap<
  readonly SecurityContact[],
  { policy: Policy | undefined; checked: CheckedAddresses }
>();

/** The addresses of every contact, checked once; shared with the subscription row. */
export function contactAddresses(
  contacts: readonly SecurityContact[],
  policy?: Policy,
): CheckedAddresses {
  const known = checkedOf.get(contacts);
  if (known && known.policy === policy) return known.checked;
  const raw = contacts.map((contact) => contact.emails ?? "").join(";");
  const checked = checkAddresses(raw, policy);
  checkedOf.set(contacts, { policy, checked });
  return checked;
}

/** "2 invalid entries", with why when it is not plain syntax, and the disallowed count. */
function rejected(checked: CheckedAddresses): string {
  const kinds = checked.rejected.map((r) => r.kind);
  const count = (kind: string): number =>
    kinds.filter((k) => k === kind).length;
  const notes = [
    count("reserved-domain") > 0
      ? `${count("reserved-domain")} on a reserved domain that never receives mail`
      : "",
    count("placeholder") > 0 ? `${count("placeholder")} placeholder` : "",
  ].filter(Boolean);
  const parts = [];
  if (checked.invalid.length > 0) {
    parts.push(
      plural(checked.invalid.length, "invalid entry", "invalid entries") +
        (notes.length > 0 ? ` (${notes.join(", ")})` : ""),
    );
  }
  if (checked.disallowed.length > 0) {
    parts.push(
      `${plural(checked.disallowed.length, "address", "addresses")} outside allowed-email-domains`,
    );
  }
  return parts.join(", ");
}

function plainRejection(checked: CheckedAddresses): boolean {
  return (
    checked.disallowed.length === 0 &&
    checked.rejected.every((r) => r.kind === "invalid-syntax")
  );
}

/**
 * The jq that adds the team's addresses as mergeContact does: after the
 * entries there (case-insensitive duplicates skipped), the raw text and
 * every existing entry kept. Shared by every control whose repair adds them.
 */
export const ADDRESS_MERGE: readonly string[] = [
  ".properties.emails = (",
  '  (.properties.emails | if type == "string" then . else "" end) as $raw',
  String.raw`  | [$raw | splits("[;,]") | gsub("^\\s+|\\s+$"; "") | select(. != "")] as $have`,
  String.raw`  | reduce ($emails | splits("[;,]") | gsub("^\\s+|\\s+$"; "") | select(. != "")) as $a`,
  "      ({seen: ($have | map(ascii_downcase)), add: []};",
  "        if .seen | index([$a | ascii_downcase]) then .",
  "        else .seen += [$a | ascii_downcase] | .add += [$a] end)",
  "  | if .add == [] then $raw",
  String.raw`    else [$raw | sub("[\\s;,]+$"; "") | select(. != "")] + .add | join(";") end`,
  ")",
];

/** What the address merge reads: the team's addresses, and required-emails with them. */
export const ADDRESS_NEEDS: NonNullable<Remedy["needs"]> = {
  variable: "SECURITY_CONTACT_EMAILS",
  jqArg: "emails",
  hint: "set it to the addresses of your security team, separated by ;",
  withRequiredEmails: true,
};

export const additionalEmails: Control = {
  id: "additional-emails",
  title: "Additional email addresses",
  reads: "`emails` (and the legacy `email`)",
  benchmark:
    "CIS Microsoft Azure Foundations: Ensure 'Additional email addresses' is Configured with a Security Contact Email",
  references: {
    cis: { version: "3.0.0", recommendation: "3.1.13" },
    iso27001: ["A.5.24", "A.6.8"],
  },
  cause: "The security contact has no additional email addresses",
  causeOf: addressCause,
  needsRemediationEmails: true,
  alone: {
    summary: `Microsoft Defender for Cloud "Additional email addresses" check (CIS Azure Foundations; ISO 27001 A.5.24).`,
    annotationTitle: "Security contact email missing",
    stepFailure: (failed) =>
      `${inflect(failed, "lacks", "lack")} a valid additional email address on the Defender for Cloud security contact`,
  },
  evaluate(contacts, policy) {
    if (contacts.length === 0) {
      return {
        status: "fail",
        reason:
          "No security contact is configured, so high-severity alerts reach only subscription owners.",
      };
    }
    const checked = contactAddresses(contacts, policy);
    const notificationsOff = contacts.every((c) => c.isEnabled === false);
    let status: "pass" | "fail";
    let reason: string;
    if (checked.valid.length === 0) {
      status = "fail";
      if (checked.invalid.length + checked.disallowed.length === 0) {
        reason =
          "The security contact has no additional email addresses, so high-severity alerts reach only subscription owners";
      } else if (plainRejection(checked)) {
        reason = `The security contact lists no valid email address (${rejected(checked)})`;
      } else {
        reason = `The security contact lists no valid email address: ${rejected(checked)}`;
      }
      if (contacts.some((c) => c.email)) {
        reason +=
          "; a legacy 'email' value is present, but Defender for Cloud no longer uses it";
      }
    } else {
      status = "pass";
      reason = `${plural(checked.valid.length, "valid additional email address", "valid additional email addresses")} configured`;
      if (checked.invalid.length + checked.disallowed.length > 0) {
        reason += `; ${rejected(checked)} ignored`;
      }
    }
    if (checked.missingRequired.length > 0) {
      status = "fail";
      reason += `; required-emails missing: ${checked.missingRequired.join(", ")}`;
    }
    // A disabled contact still satisfies this control as written, but nobody
    // is emailed: the reason must say so.
    reason +=
      status === "pass" && notificationsOff
        ? ", but email notifications are turned off (isEnabled: false), so Defender for Cloud sends them nothing."
        : ".";
    return { status, reason };
  },
  remedy: {
    step: "Enter one or more addresses (comma separated) in **Additional email addresses**, then **Save**.",
    merge: ADDRESS_MERGE,
    needs: ADDRESS_NEEDS,
  },
  // Appended after the existing entries, which all stay (invalid ones too:
  // removing an address is a person's decision).
  repair: (contact, { remediationEmails, requiredEmails }) =>
    mergeContact(contact, {
      addEmails: [...remediationEmails, ...requiredEmails],
    }),
};
