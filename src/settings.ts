/**
 * Every input, parsed and validated once into a typed, documented Settings
 * object before any network call. Nothing else reads inputs.
 */
import { defaultOf, type InputName } from "./action-interface.js";
import { CLOUDS, findCloud, RETIRED_CLOUDS } from "./azure/clouds.js";
import { isManagementGroupId } from "./azure/management-group-id.js";
import { classifyAddress } from "./check/address-policy.js";
import { CONTROLS, DEFAULT_CHECKS } from "./check/controls/index.js";
import { isGuid } from "./text.js";
import {
  parseRemediateMode,
  remediationAddressProblem,
  remediationEmailsRequired,
  REMEDIATE_MODES,
  type RemediateMode,
} from "./remediation/inputs.js";

/** Reads one raw input by its action.yml name ("" when unset). */
export type InputReader = (name: InputName) => string;

/** How the action signs in (input `auth-type`). */
const AUTH_TYPES = ["OIDC", "AZURE_CLI", "IDENTITY"] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export interface Settings {
  readonly authType: AuthType;
  /**
   * OIDC: the Entra app registration or managed identity that trusts this
   * repository. IDENTITY: the user-assigned identity ("" = system-assigned).
   * Unused with AZURE_CLI.
   */
  readonly clientId: string;
  /**
   * Tenant GUID or verified domain; "" when not given (AZURE_CLI, IDENTITY).
   * main.ts replaces "" with the tenant signed in to before anything reports it.
   */
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
  /** Management group IDs (names, as given) whose descendant subscriptions are in scope. */
  readonly managementGroups: readonly string[];
  /** Management group IDs whose descendant subscriptions are skipped. */
  readonly excludeManagementGroups: readonly string[];
  readonly failOnMissing: boolean;
  readonly failOnError: boolean;
  readonly maskEmails: boolean;
  /** Subscriptions evaluated at once: 1 to 64, or `auto` (found at run time). */
  readonly concurrency: number | "auto";
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
  /** Subscription tag names whose value names the owner, in order of preference. */
  readonly ownerTags: readonly string[];
  /** `remediate`: off (default), plan or apply. */
  readonly remediate: RemediateMode;
  /** `remediation-emails`: valid, deliverable addresses the remedy adds; duplicates removed. */
  readonly remediationEmails: readonly string[];
  /** What to check: the live tenant, the repository's files, or both. */
  readonly scan: ScanMode;
  /** `files` input: glob patterns relative to GITHUB_WORKSPACE. */
  readonly files: FilePatterns;
}

export type ScanMode = "azure" | "files" | "both";

export interface FilePatterns {
  readonly include: readonly string[];
  /** Patterns given as `!pattern`, without the `!`. */
  readonly exclude: readonly string[];
}

/** A bad input: the message names the input, quotes the value and says what was expected. */
export class InputError extends Error {
  override name = "InputError";
}

const DOMAIN =
  /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function invalid(name: string, value: string, expected: string): InputError {
  return new InputError(
    `Input '${name}' has the value ${JSON.stringify(value)}, but ${expected}.`,
  );
}

/** The input's value, or its action.yml default when empty (as when a test or a runner leaves it unset). */
function orDefault(read: InputReader, name: InputName): string {
  return read(name).trim() || defaultOf(name);
}

function guid(name: string, value: string): string {
  if (!isGuid(value)) {
    throw invalid(
      name,
      value,
      "a GUID such as 00000000-0000-0000-0000-000000000000 was expected",
    );
  }
  return value.toLowerCase();
}

function boolean(read: InputReader, name: InputName): boolean {
  const value = orDefault(read, name);
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

function entries(read: InputReader, name: InputName): string[] {
  return read(name)
    .split(/[\s,;]+/)
    .filter((entry) => entry.length > 0);
}

const SUBSCRIPTION_RESOURCE_ID = /^\/subscriptions\/([^/]+)$/i;

/**
 * Subscription IDs or resource IDs (`/subscriptions/<guid>`), separated by
 * commas, whitespace or newlines; duplicates removed, case-insensitively.
 */
function subscriptionIds(read: InputReader, name: InputName): string[] {
  const ids = entries(read, name).map((entry) => {
    const id = SUBSCRIPTION_RESOURCE_ID.exec(entry)?.[1] ?? entry;
    if (!isGuid(id)) {
      throw invalid(
        name,
        entry,
        "a subscription GUID such as 00000000-0000-0000-0000-000000000000 or its resource ID /subscriptions/<guid> was expected",
      );
    }
    return id.toLowerCase();
  });
  return [...new Set(ids)];
}

const GROUP_RESOURCE_ID =
  /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i;

/** Group IDs or resource IDs; duplicates removed, case-insensitively (Azure ignores case). */
function managementGroupIds(read: InputReader, name: InputName): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const entry of entries(read, name)) {
    const id = GROUP_RESOURCE_ID.exec(entry)?.[1] ?? entry;
    if (!isManagementGroupId(id)) {
      throw invalid(
        name,
        entry,
        "a management group ID (its name, such as corp, not its display name) or its resource ID /providers/Microsoft.Management/managementGroups/<id> was expected",
      );
    }
    if (seen.has(id.toLowerCase())) continue;
    seen.add(id.toLowerCase());
    ids.push(id);
  }
  return ids;
}

/** Tag names separated by commas or newlines (a tag name may hold spaces). */
function ownerTags(read: InputReader): string[] {
  const raw = read("owner-tags");
  const names = orDefault(read, "owner-tags")
    .split(/[,\r\n]+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.length === 0) {
    throw invalid(
      "owner-tags",
      raw,
      "at least one tag name, such as owner, was expected",
    );
  }
  return names;
}

function concurrency(read: InputReader): number | "auto" {
  const value = orDefault(read, "concurrency");
  if (value.toLowerCase() === "auto") return "auto";
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > 64) {
    throw invalid(
      "concurrency",
      value,
      "auto, or a whole number from 1 to 64, was expected",
    );
  }
  return parsed;
}

/** A missing input that OIDC needs; the other modes may do without it. */
function requiredForOidc(read: InputReader, name: InputName): string {
  const value = read(name).trim();
  if (!value) {
    throw new InputError(
      `Input '${name}' is required with auth-type OIDC but was not supplied. ` +
        "To reuse an Azure CLI session (for example from azure/login earlier in the job) set 'auth-type: AZURE_CLI'; " +
        "to use the runner's managed identity set 'auth-type: IDENTITY'.",
    );
  }
  return value;
}

function authType(read: InputReader): AuthType {
  const value = read("auth-type").trim();
  if (value === "") return "OIDC";
  const found = AUTH_TYPES.find((type) => type === value.toUpperCase());
  if (!found) {
    throw invalid(
      "auth-type",
      value,
      `one of ${AUTH_TYPES.join(", ")} was expected (case-insensitive)`,
    );
  }
  return found;
}

function tenant(read: InputReader, required: boolean): string {
  const value = required
    ? requiredForOidc(read, "tenant-id")
    : read("tenant-id").trim();
  if (value === "") return "";
  if (isGuid(value)) return value.toLowerCase();
  if (DOMAIN.test(value)) return value.toLowerCase();
  throw invalid(
    "tenant-id",
    value,
    "a tenant GUID or a verified domain such as contoso.onmicrosoft.com was expected",
  );
}

function scanMode(read: InputReader): ScanMode {
  const value = read("scan").trim();
  const mode = (value || "azure").toLowerCase();
  if (mode === "azure" || mode === "files" || mode === "both") return mode;
  throw invalid("scan", value, "'azure', 'files' or 'both' was expected");
}

/** Patterns separated by commas or newlines; `!pattern` excludes; none may leave the workspace. */
function filePatterns(read: InputReader): FilePatterns {
  const value = orDefault(read, "files");
  const patterns = value
    .split(/[,\n]/)
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern.length > 0);
  for (const pattern of patterns) {
    const bare = pattern.replace(/^!/, "");
    if (
      !bare ||
      /^[/\\]|^[a-z]:/i.test(bare) ||
      bare.split(/[/\\]/).includes("..")
    ) {
      throw invalid(
        "files",
        pattern,
        "glob patterns relative to the workspace were expected (no absolute path, no '..')",
      );
    }
  }
  const include = patterns.filter((pattern) => !pattern.startsWith("!"));
  if (include.length === 0) {
    throw invalid(
      "files",
      value,
      "at least one pattern that is not an exclusion (!) was expected",
    );
  }
  return {
    include,
    exclude: patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1)),
  };
}

/** Entries separated by commas, whitespace or newlines (and `;` for addresses). */
function list(read: InputReader, name: InputName): string[] {
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
  scan: ScanMode,
): Pick<Settings, "remediate" | "remediationEmails"> {
  const modeInput = orDefault(read, "remediate");
  const remediate = parseRemediateMode(modeInput);
  if (!remediate) {
    throw invalid(
      "remediate",
      modeInput,
      `one of ${REMEDIATE_MODES.join(", ")} was expected`,
    );
  }
  if (remediate !== "off" && scan === "files") {
    throw invalid(
      "remediate",
      modeInput,
      "'off' was expected with scan: files (a remedy writes to Azure; set scan to azure or both)",
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
  const scan = scanMode(read);
  const type = authType(read);
  // A files-only scan signs in nowhere: no identity is needed.
  const oidcIdentity = type === "OIDC" && scan !== "files";
  const clientIdInput = oidcIdentity
    ? requiredForOidc(read, "client-id")
    : read("client-id").trim();
  const clientId = clientIdInput ? guid("client-id", clientIdInput) : "";
  const tenantId = tenant(read, oidcIdentity);

  const environmentInput = orDefault(read, "environment");
  const retired = RETIRED_CLOUDS[environmentInput.toLowerCase()];
  if (retired) {
    throw invalid(
      "environment",
      environmentInput,
      `that cloud was retired: ${retired}`,
    );
  }
  const cloud = findCloud(environmentInput);
  if (!cloud) {
    throw invalid(
      "environment",
      environmentInput,
      `one of ${CLOUDS.map((c) => c.name).join(", ")} was expected`,
    );
  }

  const armInput = read("resource-manager-endpoint").trim();
  const resourceManagerEndpoint = armInput
    ? httpsUrl("resource-manager-endpoint", armInput)
    : cloud.resourceManagerEndpoint;
  if (resourceManagerEndpoint === undefined) {
    throw new InputError(
      `Input 'resource-manager-endpoint' is required with environment ${cloud.name}: ` +
        "pass your Azure Stack Hub's Resource Manager URL, such as https://management.local.azurestack.external.",
    );
  }
  const authorityInput = read("authority-host").trim();
  const audience = read("audience").trim() || cloud.audience;

  const labels = orDefault(read, "issue-labels")
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

  const createIssue = boolean(read, "create-issue");
  const githubToken = read("github-token").trim();
  if (createIssue && !githubToken) {
    throw new InputError(
      "Input 'github-token' is empty, but 'create-issue' is true: pass a token with 'issues: write' (the default is ${{ github.token }}).",
    );
  }

  const selectedChecks = checks(read);
  const allowedEmailDomains = allowedDomains(read);
  return {
    authType: type,
    clientId,
    tenantId,
    environment: cloud.name,
    audience,
    resourceManagerEndpoint,
    authorityHost: authorityInput
      ? httpsUrl("authority-host", authorityInput)
      : cloud.authorityHost,
    customAuthority: authorityInput !== "",
    subscriptions: subscriptionIds(read, "subscriptions"),
    excludeSubscriptions: new Set(
      subscriptionIds(read, "exclude-subscriptions"),
    ),
    managementGroups: managementGroupIds(read, "management-groups"),
    excludeManagementGroups: managementGroupIds(
      read,
      "exclude-management-groups",
    ),
    failOnMissing: boolean(read, "fail-on-missing"),
    failOnError: boolean(read, "fail-on-error"),
    maskEmails: boolean(read, "mask-emails"),
    concurrency: concurrency(read),
    createIssue,
    githubToken,
    issueTitle: orDefault(read, "issue-title"),
    issueLabels: labels,
    checks: selectedChecks,
    requiredEmails: requiredEmails(read),
    allowedEmailDomains,
    ownerTags: ownerTags(read),
    ...remediation(read, selectedChecks, allowedEmailDomains, scan),
    scan,
    files: filePatterns(read),
  };
}
