/**
 * With `deliverable-emails` selected, the addresses the action itself would
 * write or demand (`remediation-emails`, `required-emails`) must be at domains
 * that receive mail: otherwise the remedy would add, and the policy require,
 * an address that fails the control.
 */
import { mailDomainOf } from "../check/mail-domains.js";
import { InputError, type Settings } from "../settings.js";
import type { MailDomainSource } from "./deliverability.js";

type AddressInput = "remediation-emails" | "required-emails";

/**
 * Throws an InputError for an address whose domain cannot receive mail;
 * returns one warning per address DNS could not answer for (allowed).
 */
export async function checkInputDomains(
  settings: Pick<Settings, "remediationEmails" | "requiredEmails">,
  lookups: MailDomainSource,
): Promise<string[]> {
  const inputs: [AddressInput, readonly string[]][] = [
    ["remediation-emails", settings.remediationEmails],
    ["required-emails", settings.requiredEmails],
  ];
  const answers = await lookups.lookUp(
    inputs.flatMap(([, addresses]) => addresses.map(mailDomainOf)),
  );
  const warnings: string[] = [];
  for (const [input, addresses] of inputs) {
    for (const address of addresses) {
      const domain = mailDomainOf(address);
      const answer = answers.get(domain);
      if (!answer || answer.deliverability === "unknown") {
        warnings.push(
          `Input '${input}': whether ${domain} receives mail could not be determined (${answer?.reason ?? "not looked up"}), so ${address} is used unverified.`,
        );
      } else if (answer.deliverability !== "deliverable") {
        throw new InputError(
          `Input '${input}' has the value ${JSON.stringify(address)}, but an address at a domain that receives mail was expected with deliverable-emails selected (${domain}: ${answer.reason}).`,
        );
      }
    }
  }
  return warnings;
}
