/**
 * Why a subscription fails `additional-emails`, from the carried kinds of
 * its rejected addresses: "Needs attention" groups by these. Pure.
 */
import type { AddressKind } from "../address-policy.js";
import type { SubscriptionResult } from "../model.js";
import type { FailureCause } from "./control.js";

/** Only addresses of one kind (or a mix) stand in the contact. */
const ONLY: Record<Exclude<AddressKind, "valid">, string> = {
  "invalid-syntax": "Only entries that are not email addresses",
  placeholder: "Only placeholder addresses left over from a template",
  "reserved-domain":
    "Only addresses on reserved domains, which never receive mail",
  "disallowed-domain": "Only addresses outside allowed-email-domains",
};

const REPLACE = "Replace them with your security team's working addresses.";

/** The kinds of the rejected addresses: why none of them counts. */
function rejectedKinds(result: SubscriptionResult): Set<AddressKind> {
  return new Set<AddressKind>(
    (result.rejectedEmails ?? []).map((r) =>
      r.kind === "legacy-field" ? "invalid-syntax" : r.kind,
    ),
  );
}

export function addressCause(result: SubscriptionResult): FailureCause {
  if (result.emails.length === 0) {
    const kinds = [...rejectedKinds(result)];
    const [only] = kinds;
    if (only === undefined || only === "valid") {
      return {
        key: "no-address",
        label: "The security contact has no additional email addresses",
      };
    }
    if (kinds.length === 1) {
      return {
        key: `only-${only}`,
        label: ONLY[only],
        fixPrefix: REPLACE,
        showAddresses: true,
      };
    }
    return {
      key: "only-rejected",
      label: "Only addresses that cannot receive mail or are not allowed",
      fixPrefix: REPLACE,
      showAddresses: true,
    };
  }
  return {
    key: "missing-required",
    label: "Addresses from required-emails are missing",
    fixPrefix: "Add every address of the required-emails input to the contact.",
    showAddresses: true,
  };
}
