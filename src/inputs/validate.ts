/**
 * The rules between inputs, in one pass after every input was parsed on its
 * own (as azure/login's validate() does): the first broken rule becomes an
 * InputError, before any network call.
 */
import { classifyAddress } from "../check/address-policy.js";
import { remediationEmailsRequired } from "../remediation/inputs.js";
import { InputError, invalid } from "./parse.js";
import type { Settings } from "./settings.js";

/**
 * The one address rule for `required-emails` and `remediation-emails`: the
 * same one `additional-emails` judges a contact by (deliverable, inside
 * `allowed-email-domains` when given). An address outside it would be
 * required, or written by a remedy, and then not counted by the check.
 */
function checkAddresses(
  name: "required-emails" | "remediation-emails",
  entries: readonly string[],
  allowedEmailDomains: readonly string[],
): void {
  for (const entry of entries) {
    const verdict = classifyAddress(entry, {
      requiredEmails: [],
      allowedEmailDomains,
    });
    if (verdict.kind === "valid") continue;
    if (verdict.kind === "disallowed-domain") {
      throw invalid(
        name,
        entry,
        `an address within 'allowed-email-domains' (${allowedEmailDomains.join(", ")}) was expected: the check does not count an address outside them`,
      );
    }
    throw invalid(
      name,
      entry,
      `a deliverable email address was expected (${verdict.reason.replace(/\.$/, "")})`,
    );
  }
}

/** A missing input that OIDC needs; the other modes may do without it. */
function requiredForOidc(name: "client-id" | "tenant-id"): InputError {
  return new InputError(
    `Input '${name}' is required with auth-type OIDC but was not supplied. ` +
      "To reuse an Azure CLI session (for example from azure/login earlier in the job) set 'auth-type: AZURE_CLI'; " +
      "to use the runner's managed identity set 'auth-type: IDENTITY'.",
  );
}

/** Both address inputs against the address rule, with these allowed domains. */
function checkAddressInputs(
  settings: Settings,
  allowedEmailDomains: readonly string[],
): void {
  checkAddresses(
    "required-emails",
    settings.requiredEmails,
    allowedEmailDomains,
  );
  checkAddresses(
    "remediation-emails",
    settings.remediationEmails,
    allowedEmailDomains,
  );
}

/**
 * `allowed-email-domains: tenant`, once the live check has read the
 * tenant's verified domains: they join the listed ones, and the address
 * inputs must lie within them all.
 */
export function withTenantDomains(
  settings: Settings,
  tenantDomains: readonly string[],
): Settings {
  const allowedEmailDomains = [
    ...new Set([...settings.allowedEmailDomains, ...tenantDomains]),
  ];
  checkAddressInputs(settings, allowedEmailDomains);
  return { ...settings, allowedEmailDomains };
}

/** Throws an InputError for the first rule between inputs that `settings` breaks. */
export function validate(settings: Settings): void {
  if (settings.allowTenantDomains && settings.scan === "files") {
    throw invalid(
      "allowed-email-domains",
      "tenant",
      "domains were expected with scan: files ('tenant' is read from Azure after sign-in; list the domains, or set scan to azure or both)",
    );
  }
  // With `tenant`, the domain part of the rule waits for the tenant's domains.
  checkAddressInputs(
    settings,
    settings.allowTenantDomains ? [] : settings.allowedEmailDomains,
  );

  // A files-only scan signs in nowhere: no identity is needed.
  if (settings.authType === "OIDC" && settings.scan !== "files") {
    if (!settings.clientId) throw requiredForOidc("client-id");
    if (!settings.tenantId) throw requiredForOidc("tenant-id");
  }
  if (!settings.resourceManagerEndpoint) {
    throw new InputError(
      `Input 'resource-manager-endpoint' is required with environment ${settings.environment}: ` +
        "pass your Azure Stack Hub's Resource Manager URL, such as https://management.local.azurestack.external.",
    );
  }
  if (settings.createIssue && !settings.githubToken) {
    throw new InputError(
      "Input 'github-token' is empty, but 'create-issue' is true: pass a token with 'issues: write' (the default is ${{ github.token }}).",
    );
  }

  const { remediate } = settings;
  if (remediate !== "off" && settings.scan === "files") {
    throw invalid(
      "remediate",
      remediate,
      "'off' was expected with scan: files (a remedy writes to Azure; set scan to azure or both)",
    );
  }
  if (
    settings.remediationEmails.length === 0 &&
    remediationEmailsRequired(remediate, settings.checks)
  ) {
    throw new InputError(
      `Input 'remediation-emails' is empty, but 'remediate' is '${remediate}': ` +
        "list the addresses to add where 'additional-emails' fails (e.g. secops@contoso.com).",
    );
  }
}
