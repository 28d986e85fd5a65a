/**
 * Every input, parsed and validated once into a typed, documented Settings
 * object before any network call. Nothing else reads inputs.
 */
import { CLOUDS, findCloud } from "./azure/clouds.js";
import { classifyAddress } from "./check/address-policy.js";
import { CONTROLS, DEFAULT_CHECKS } from "./check/controls/index.js";
import {
  parseRemediateMode,
  remediationAddressProblem,
  remediationEmailsRequired,
  REMEDIATE_MODES,
  type RemediateMode,
} from "./remediation/inputs.js";

/** Reads one raw input by its action.yml name ("" when unset). */
export type InputReader = (name: string) => string;

export interface Settings {
  /** Entra app registration or managed identity that trusts this repository. */
  readonly clientId: string;
  /** Tenant GUID or verified domain. */
  readonly tenantId: string;
  /** Canonical cloud name, e.g. `AzureUSGovernment`. */
  readonly environment: string;
  /** Audience requested for the GitHub OIDC token. */
  readonly audience: string;
  /** Azure Resource Manager base URL, no trailing slash. */
  readonly resourceManagerEndpoint: string;
  /** Entra authority base URL, no trailing slash. */
  readonly authorityHost: string;
  /** True when `authority-host` was given: no instance discovery against the public cloud. */
  readonly customAuthority: boolean;
  /** Lower-cased subscription IDs to check; empty means every visible one. */
  readonly subscriptions: readonly string[];
  /** Lower-cased subscription IDs to leave out. */
  readonly excludeSubscriptions: ReadonlySet<string>;
  readonly failOnMissing: boolean;
  readonly failOnError: boolean;
  readonly maskEmails: boolean;
  /** Subscriptions evaluated at once, 1 to 64. */
  readonly concurrency: number;
  readonly createIssue: boolean;
  readonly githubToken: string;
  readonly issueTitle: string;
  /** Labels for the tracking issue; the first one is how the action finds it. */
  readonly issueLabels: readonly string[];
  /** `checks`: the selected control IDs, in registry order. */
  readonly checks: readonly string[];
  /** `required-emails`, lower-cased: present on every subscription. */
  readonly requiredEmails: readonly string[];
  /** `allowed-email-domains`, lower-cased; empty means any domain. */
  readonly allowedEmailDomains: readonly string[];
  /** `remediate`: off (default), plan or apply. */
  readonly remediate: RemediateMode;
  /** `remediation-emails`: valid, deliverable addresses the remedy adds; duplicates removed. */
  readonly remediationEmails: readonly string[];
}

export const DEFAULT_ISSUE_TITLE =
  "Defender for Cloud: security contact email missing";
export const DEFAULT_ISSUE_LABEL = "security-contact-check";

/** A bad input: the message names the input, quotes the value and says what was expected. */
export class InputError extends Error {
  override name = "InputError";
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN =
  /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function invalid(name: string, value: string, expected: string): InputError {
  return new InputError(
    `Input '${name}' has the value ${JSON.stringify(value)}, but ${expected}.`,
  );
}

function required(read: InputReader, name: string): string {
  const value = read(name).trim();
  if (!value) {
    throw new InputError(`Input '${name}' is required but was not supplied.`);
  }
  return value;
}

function guid(name: string, value: string): string {
  if (!GUID.test(value)) {
    throw invalid(
      name,
      value,
      "a GUID such as 00000000-0000-0000-0000-000000000000 was expected",
    );
  }
  return value.toLowerCase();
}

function boolean(read: InputReader, name: string, fallback: boolean): boolean {
  const value = read(name).trim();
  if (value === "") return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw invalid(name, value, "'true' or 'false' was expected");
}

function httpsUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(name, value, "an https:// URL was expected");
  }
  if (url.protocol !== "https:") {
    throw invalid(
      name,
      value,
      "an https:// URL was expected (Azure credentials are never sent over plain http)",
    );
  }
  if (url.search || url.hash) {
    throw invalid(
      name,
      value,
      "a base URL without query or fragment was expected",
    );
  }
  return url.href.replace(/\/+$/, "");
}

/** IDs separated by commas, whitespace or newlines; duplicates removed, case-insensitively. */
function subscriptionIds(read: InputReader, name: string): string[] {
  const entries = read(name)
    .split(/[\s,;]+/)
    .filter((entry) => entry.length > 0);
  return [...new Set(entries.map((entry) => guid(name, entry)))];
}

function concurrency(read: InputReader): number {
  const value = read("concurrency").trim();
  if (value === "") return 16;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > 64) {
    throw invalid(
      "concurrency",
      value,
      "a whole number from 1 to 64 was expected",
    );
  }
  return parsed;
}

function tenant(read: InputReader): string {
  const value = required(read, "tenant-id");
  if (GUID.test(value)) return value.toLowerCase();
  if (DOMAIN.test(value)) return value.toLowerCase();
  throw invalid(
    "tenant-id",
    value,
    "a tenant GUID or a verified domain such as contoso.onmicrosoft.com was expected",
  );
}

/** Entries separated by commas, whitespace or newlines (and `;` for addresses). */
function list(read: InputReader, name: string): string[] {
  return read(name)
    .split(/[\s,;]+/)
    .filter((entry) => entry.length > 0);
}

function checks(read: InputReader): string[] {
  const ids = list(read, "checks").map((id) => id.toLowerCase());
  if (ids.length === 0) return [...DEFAULT_CHECKS];
  if (ids.includes("all")) return CONTROLS.map((control) => control.id);
  const known = CONTROLS.map((control) => control.id);
  for (const id of ids) {
    if (!known.includes(id)) {
      throw invalid(
        "checks",
        read("checks"),
        `'${id}' is not a control; valid IDs are all, ${known.join(", ")}`,
      );
    }
  }
  return known.filter((id) => ids.includes(id));
}

function requiredEmails(read: InputReader): string[] {
  const entries = list(read, "required-emails");
  for (const entry of entries) {
    const verdict = classifyAddress(entry);
    if (verdict.kind !== "valid") {
      throw invalid(
        "required-emails",
        entry,
        `a deliverable email address was expected (${verdict.reason.replace(/\.$/, "")})`,
      );
    }
  }
  return [...new Set(entries.map((entry) => entry.toLowerCase()))];
}

function allowedDomains(read: InputReader): string[] {
  const entries = list(read, "allowed-email-domains").map((entry) =>
    entry.toLowerCase().replace(/^@/, ""),
  );
  for (const entry of entries) {
    if (!DOMAIN.test(entry)) {
      throw invalid(
        "allowed-email-domains",
        entry,
        "a domain such as contoso.com was expected",
      );
    }
  }
  return [...new Set(entries)];
}

/** `remediate` and `remediation-emails`; their rules live in remediation/inputs.ts. */
function remediation(
  read: InputReader,
  selectedChecks: readonly string[],
  allowedEmailDomains: readonly string[],
): Pick<Settings, "remediate" | "remediationEmails"> {
  const modeInput = read("remediate").trim() || "off";
  const remediate = parseRemediateMode(modeInput);
  if (!remediate) {
    throw invalid(
      "remediate",
      modeInput,
      `one of ${REMEDIATE_MODES.join(", ")} was expected`,
    );
  }
  const byLowerCase = new Map<string, string>();
  for (const entry of list(read, "remediation-emails")) {
    const problem = remediationAddressProblem(entry, allowedEmailDomains);
    if (problem) throw invalid("remediation-emails", entry, problem);
    if (!byLowerCase.has(entry.toLowerCase())) {
      byLowerCase.set(entry.toLowerCase(), entry);
    }
  }
  if (
    byLowerCase.size === 0 &&
    remediationEmailsRequired(remediate, selectedChecks)
  ) {
    throw new InputError(
      `Input 'remediation-emails' is empty, but 'remediate' is '${remediate}': ` +
        "list the addresses to add where 'additional-emails' fails (e.g. secops@contoso.com).",
    );
  }
  return { remediate, remediationEmails: [...byLowerCase.values()] };
}

export function readSettings(read: InputReader): Settings {
  const clientId = guid("client-id", required(read, "client-id"));
  const tenantId = tenant(read);

  const environmentInput = read("environment").trim() || "AzureCloud";
  const cloud = findCloud(environmentInput);
  if (!cloud) {
    throw invalid(
      "environment",
      environmentInput,
      `one of ${CLOUDS.map((c) => c.name).join(", ")} was expected`,
    );
  }

  const armInput = read("resource-manager-endpoint").trim();
  const authorityInput = read("authority-host").trim();
  const audience = read("audience").trim() || cloud.audience;

  const labels = (read("issue-labels").trim() || DEFAULT_ISSUE_LABEL)
    .split(",")
    .map((label) => label.trim())
    .filter((label) => label.length > 0);
  if (labels.length === 0) {
    throw invalid(
      "issue-labels",
      read("issue-labels"),
      "at least one label was expected",
    );
  }

  const createIssue = boolean(read, "create-issue", false);
  const githubToken = read("github-token").trim();
  if (createIssue && !githubToken) {
    throw new InputError(
      "Input 'github-token' is empty, but 'create-issue' is true: pass a token with 'issues: write' (the default is ${{ github.token }}).",
    );
  }

  const selectedChecks = checks(read);
  const allowedEmailDomains = allowedDomains(read);
  return {
    clientId,
    tenantId,
    environment: cloud.name,
    audience,
    resourceManagerEndpoint: armInput
      ? httpsUrl("resource-manager-endpoint", armInput)
      : cloud.resourceManagerEndpoint,
    authorityHost: authorityInput
      ? httpsUrl("authority-host", authorityInput)
      : cloud.authorityHost,
    customAuthority: authorityInput !== "",
    subscriptions: subscriptionIds(read, "subscriptions"),
    excludeSubscriptions: new Set(
      subscriptionIds(read, "exclude-subscriptions"),
    ),
    failOnMissing: boolean(read, "fail-on-missing", true),
    failOnError: boolean(read, "fail-on-error", true),
    maskEmails: boolean(read, "mask-emails", true),
    concurrency: concurrency(read),
    createIssue,
    githubToken,
    issueTitle: read("issue-title").trim() || DEFAULT_ISSUE_TITLE,
    issueLabels: labels,
    checks: selectedChecks,
    requiredEmails: requiredEmails(read),
    allowedEmailDomains,
    ...remediation(read, selectedChecks, allowedEmailDomains),
  };
}
