/**
 * The typed Settings every module reads, and its parser: each input judged
 * on its own value. Rules between inputs run after it, in validate.ts.
 */
import { SCAN_MODES, type ScanMode } from "../check/run-result.js";
import { REMEDIATE_MODES, type RemediateMode } from "../remediation/inputs.js";
import {
  addresses,
  allowedDomains,
  checks,
  cloud,
  concurrency,
  dnsServers,
  filePatterns,
  managementGroupIds,
  maskEmails,
  names,
  subscriptionIds,
  tenantId,
  type FilePatterns,
} from "./fields.js";
import {
  boolean,
  guid,
  httpsUrl,
  oneOf,
  orDefault,
  type InputReader,
} from "./parse.js";
import type { RunnerContext } from "./runner-context.js";

/** How "Needs attention" groups failing subscriptions (input `group-by`). */
export const GROUP_BY = ["cause", "management-group", "owner"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** How the action signs in (input `auth-type`). */
const AUTH_TYPES = ["OIDC", "AZURE_CLI", "IDENTITY"] as const;
type AuthType = (typeof AUTH_TYPES)[number];

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
  /** `fail-on-unresolved`: a file setting nothing in the repository binds fails the step. */
  readonly failOnUnresolved: boolean;
  /**
   * `mask-emails`, resolved: with `auto` (the default) true unless the event
   * payload says the repository is private or internal.
   */
  readonly maskEmails: boolean;
  /** Subscriptions evaluated at once: `auto` (adaptive, 16 to 64) or fixed, 1 to 64. */
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
  /**
   * `tenant` in `allowed-email-domains`: the signed-in tenant's verified
   * domains count too; the live check adds them (withTenantDomains).
   */
  readonly allowTenantDomains: boolean;
  /** `dns-servers`: resolvers for mail-domain lookups; empty: the runner's. */
  readonly dnsServers: readonly string[];
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
  /** `group-by`: failing subscriptions by first cause (default), management group or owner. */
  readonly groupBy: GroupBy;
}

/**
 * Every input parsed on its own. Not yet valid as a whole: an identity OIDC
 * needs may be "", and so may `resourceManagerEndpoint` (Azure Stack Hub
 * without `resource-manager-endpoint`) until validate() has run.
 */
export function parseSettings(
  read: InputReader,
  runner: Pick<RunnerContext, "repositoryVisibility"> = {
    repositoryVisibility: undefined,
  },
): Settings {
  const clientId = read("client-id").trim();
  const environment = cloud(read);
  const armInput = read("resource-manager-endpoint").trim();
  const authorityInput = read("authority-host").trim();
  const allowed = allowedDomains(read);
  return {
    authType: oneOf(
      read,
      "auth-type",
      AUTH_TYPES,
      `one of ${AUTH_TYPES.join(", ")} was expected (case-insensitive)`,
    ),
    clientId: clientId ? guid("client-id", clientId) : "",
    tenantId: tenantId(read),
    environment: environment.name,
    audience: read("audience").trim() || environment.audience,
    resourceManagerEndpoint: armInput
      ? httpsUrl("resource-manager-endpoint", armInput)
      : (environment.resourceManagerEndpoint ?? ""),
    authorityHost: authorityInput
      ? httpsUrl("authority-host", authorityInput)
      : environment.authorityHost,
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
    failOnUnresolved: boolean(read, "fail-on-unresolved"),
    maskEmails: maskEmails(read, runner.repositoryVisibility),
    concurrency: concurrency(read),
    createIssue: boolean(read, "create-issue"),
    githubToken: read("github-token").trim(),
    issueTitle: orDefault(read, "issue-title"),
    issueLabels: names(
      read,
      "issue-labels",
      /,/,
      "at least one label was expected",
    ),
    checks: checks(read),
    requiredEmails: addresses(read, "required-emails").map((address) =>
      address.toLowerCase(),
    ),
    allowedEmailDomains: allowed.domains,
    allowTenantDomains: allowed.tenant,
    dnsServers: dnsServers(read),
    ownerTags: names(
      read,
      "owner-tags",
      /[,\r\n]+/,
      "at least one tag name, such as owner, was expected",
    ),
    remediate: oneOf(read, "remediate", REMEDIATE_MODES),
    remediationEmails: addresses(read, "remediation-emails"),
    scan: oneOf(
      read,
      "scan",
      SCAN_MODES,
      "'azure', 'files' or 'both' was expected",
    ),
    files: filePatterns(read),
    groupBy: oneOf(read, "group-by", GROUP_BY),
  };
}
