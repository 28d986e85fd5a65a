/**
 * Every input, parsed and validated once into a typed, documented Settings
 * object before any network call. Nothing else reads inputs.
 */
import { CLOUDS, findCloud } from "./azure/clouds.js";

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

export const DEFAULT_FILE_PATTERNS =
  "**/*.json, **/*.jsonc, **/*.bicep, **/*.bicepparam, **/*.tf, **/*.tfvars";

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

function scanMode(read: InputReader): ScanMode {
  const value = read("scan").trim();
  const mode = (value || "azure").toLowerCase();
  if (mode === "azure" || mode === "files" || mode === "both") return mode;
  throw invalid("scan", value, "'azure', 'files' or 'both' was expected");
}

/** Patterns separated by commas or newlines; `!pattern` excludes; none may leave the workspace. */
function filePatterns(read: InputReader): FilePatterns {
  const value = read("files").trim() || DEFAULT_FILE_PATTERNS;
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

export function readSettings(read: InputReader): Settings {
  const scan = scanMode(read);
  const files = filePatterns(read);
  // A files-only scan signs in nowhere: no identity is needed.
  const azure = scan !== "files";
  const clientId = azure ? guid("client-id", required(read, "client-id")) : "";
  const tenantId = azure ? tenant(read) : "";

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
    scan,
    files,
  };
}
