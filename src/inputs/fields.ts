/**
 * This action's own input grammars (IDs, clouds, patterns, controls), each
 * judged on its own value; rules between inputs live in validate.ts.
 */
import {
  CLOUDS,
  findCloud,
  RETIRED_CLOUDS,
  type Cloud,
} from "../azure/clouds.js";
import { isManagementGroupId } from "../azure/management-group-id.js";
import {
  ALL_CHECKS,
  CONTROLS,
  DEFAULT_CHECKS,
} from "../check/controls/index.js";
import { dnsServerAddress } from "../dns/servers.js";
import { isGuid } from "../text.js";
import {
  invalid,
  isDomain,
  list,
  oneOf,
  orDefault,
  separated,
  type InputReader,
} from "./parse.js";
import type { InputName } from "../action-interface.js";
import type { RepositoryVisibility } from "./runner-context.js";

/** `concurrency`: `auto` (adaptive, see azure/adaptive-concurrency.ts) or a fixed whole number from 1 to 64. */
export function concurrency(read: InputReader): number | "auto" {
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

export interface FilePatterns {
  readonly include: readonly string[];
  /** Patterns given as `!pattern`, without the `!`. */
  readonly exclude: readonly string[];
}

const SUBSCRIPTION_RESOURCE_ID = /^\/subscriptions\/([^/]+)$/i;

/**
 * Subscription IDs or resource IDs (`/subscriptions/<guid>`), separated by
 * commas, whitespace or newlines; duplicates removed, case-insensitively.
 */
export function subscriptionIds(read: InputReader, name: InputName): string[] {
  const ids = list(read, name).map((entry) => {
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
export function managementGroupIds(
  read: InputReader,
  name: InputName,
): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const entry of list(read, name)) {
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

/** A tenant GUID or verified domain, lower-cased; "" when not given (validate.ts says when it must be). */
export function tenantId(read: InputReader): string {
  const value = read("tenant-id").trim();
  if (value === "") return "";
  if (isGuid(value) || isDomain(value)) return value.toLowerCase();
  throw invalid(
    "tenant-id",
    value,
    "a tenant GUID or a verified domain such as contoso.onmicrosoft.com was expected",
  );
}

/** The cloud `environment` names, case-insensitively; a retired one says where it went. */
export function cloud(read: InputReader): Cloud {
  const value = orDefault(read, "environment");
  const retired = RETIRED_CLOUDS[value.toLowerCase()];
  if (retired) {
    throw invalid("environment", value, `that cloud was retired: ${retired}`);
  }
  const found = findCloud(value);
  if (!found) {
    throw invalid(
      "environment",
      value,
      `one of ${CLOUDS.map((c) => c.name).join(", ")} was expected`,
    );
  }
  return found;
}

/** Names separated by commas or newlines (a tag name or a label may hold spaces); at least one. */
export function names(
  read: InputReader,
  name: "owner-tags" | "issue-labels",
  separator: RegExp,
  expected: string,
): string[] {
  const found = separated(orDefault(read, name), separator);
  if (found.length === 0) throw invalid(name, read(name), expected);
  return found;
}

/** Patterns separated by commas or newlines; `!pattern` excludes; none may leave the workspace. */
export function filePatterns(read: InputReader): FilePatterns {
  const value = orDefault(read, "files");
  const patterns = separated(value, /[,\n]/);
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

/**
 * Control IDs, case-insensitively, returned in registry order; `all` selects
 * every control but the opt-in ones, which count only when named.
 */
export function checks(read: InputReader): string[] {
  const ids = list(read, "checks").map((id) => id.toLowerCase());
  if (ids.length === 0) return [...DEFAULT_CHECKS];
  const known = CONTROLS.map((control) => control.id);
  for (const id of ids) {
    if (id !== "all" && !known.includes(id)) {
      throw invalid(
        "checks",
        read("checks"),
        `'${id}' is not a control; valid IDs are all, ${known.join(", ")}`,
      );
    }
  }
  const all = ids.includes("all");
  return known.filter(
    (id) => ids.includes(id) || (all && ALL_CHECKS.includes(id)),
  );
}

/** The word in `allowed-email-domains` that stands for the signed-in tenant's verified domains. */
const TENANT_DOMAINS = "tenant";

/**
 * `allowed-email-domains`: domains, lower-cased, a leading `@` dropped,
 * duplicates removed; and whether `tenant` was among them.
 */
export function allowedDomains(read: InputReader): {
  domains: string[];
  tenant: boolean;
} {
  const name = "allowed-email-domains";
  const entries = list(read, name).map((entry) =>
    entry.toLowerCase().replace(/^@/, ""),
  );
  const domains = entries.filter((entry) => entry !== TENANT_DOMAINS);
  for (const entry of domains) {
    if (!isDomain(entry)) {
      throw invalid(
        name,
        entry,
        "a domain such as contoso.com, or the word tenant, was expected",
      );
    }
  }
  return {
    domains: [...new Set(domains)],
    tenant: domains.length < entries.length,
  };
}

/** `dns-servers`: IPs, IPv4:port or [IPv6]:port, separated by commas or newlines. */
export function dnsServers(read: InputReader): string[] {
  return separated(read("dns-servers"), /[\s,]+/).map((entry) => {
    const server = dnsServerAddress(entry);
    if (server === undefined) {
      throw invalid(
        "dns-servers",
        entry,
        "an IP address, IPv4:port or [IPv6]:port was expected (port 1 to 65535), such as 10.0.0.53 or [fd00::53]:5353",
      );
    }
    return server;
  });
}

/**
 * Addresses, duplicates removed case-insensitively (the first spelling
 * kept); which addresses are acceptable is validate.ts's one address rule,
 * since it depends on `allowed-email-domains`.
 */
export function addresses(read: InputReader, name: InputName): string[] {
  const byLowerCase = new Map<string, string>();
  for (const entry of list(read, name)) {
    if (!byLowerCase.has(entry.toLowerCase())) {
      byLowerCase.set(entry.toLowerCase(), entry);
    }
  }
  return [...byLowerCase.values()];
}

/**
 * `mask-emails`: `true` and `false` as written; `auto` masks unless the
 * event payload says the repository is private or internal, so a public
 * repository, or one whose visibility is unknown, gets masked addresses.
 */
export function maskEmails(
  read: InputReader,
  visibility: RepositoryVisibility | undefined,
): boolean {
  const mode = oneOf(
    read,
    "mask-emails",
    ["auto", "true", "false"],
    "'auto', 'true' or 'false' was expected",
  );
  if (mode === "auto") {
    return visibility !== "private" && visibility !== "internal";
  }
  return mode === "true";
}
