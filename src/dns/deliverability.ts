/**
 * Asks DNS whether each mail domain can receive mail: every distinct domain
 * once per run, a few at a time, each query bounded and the whole lookup
 * within one budget. MX first; A/AAAA (the implicit MX of RFC 5321 §5.1)
 * only when a domain has no MX. Answers are data: only the record types and
 * error codes are read, never the text of an answer.
 */
import { Resolver } from "node:dns/promises";
import { domainToASCII } from "node:url";
import pMap from "p-map";
import {
  UNDELIVERABLE_REASON,
  type DomainDeliverability,
  type MailDomains,
} from "../check/mail-domains.js";

/** The part of node:dns/promises' Resolver this module uses. */
export interface MailResolver {
  resolveMx(name: string): Promise<{ exchange: string; priority: number }[]>;
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  /** Ends every query in flight with ECANCELLED. */
  cancel(): void;
}

export interface LookupLimits {
  /** One query (MX, A or AAAA) ends by then. */
  queryTimeoutMs: number;
  /** Every lookup together ends by then; what is left is unknown. */
  budgetMs: number;
  /** Domains looked up at once. */
  concurrency: number;
}

export const DEFAULT_LOOKUP_LIMITS: LookupLimits = {
  queryTimeoutMs: 5000,
  budgetMs: 20_000,
  concurrency: 8,
};

/**
 * A resolver on `servers` (`ip`, `ip:port`, `[ipv6]:port`), or on the
 * runner's own when none are given. c-ares retries once within the query
 * timeout; lookUpMailDomains bounds each query by it as well.
 */
export function createMailResolver(
  servers: readonly string[],
  queryTimeoutMs: number = DEFAULT_LOOKUP_LIMITS.queryTimeoutMs,
): MailResolver {
  const resolver = new Resolver({
    timeout: Math.ceil(queryTimeoutMs / 2),
    tries: 2,
  });
  if (servers.length > 0) resolver.setServers([...servers]);
  return resolver;
}

/** What the lookups cost, for the log. */
export interface LookupStats {
  domains: number;
  queries: number;
}

/** c-ares error codes that are an answer about the domain, not a failure to get one. */
const NO_SUCH_DOMAIN = "ENOTFOUND";
const NO_SUCH_RECORD = "ENODATA";

type QueryResult =
  | { kind: "records"; count: number; nullMx: boolean }
  | { kind: "no-data" }
  | { kind: "no-domain" }
  | { kind: "failed"; reason: string };

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/** Why a query gave no usable answer, in a few words. */
function failureReason(code: string, limits: LookupLimits): string {
  switch (code) {
    case "ESERVFAIL":
      return "the DNS server answered SERVFAIL";
    case "EREFUSED":
      return "the DNS server refused the query (REFUSED)";
    case "ETIMEOUT":
      return `no DNS answer within ${limits.queryTimeoutMs / 1000} s`;
    case "ECANCELLED":
      return `the DNS budget of ${limits.budgetMs / 1000} s ran out`;
    case "ECONNREFUSED":
      return "no DNS server could be reached";
    default:
      return `DNS lookup failed (${code || "unexpected error"})`;
  }
}

/** Fails with ETIMEOUT when `work` takes longer than `ms`. */
function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })),
      ms,
    );
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Every domain's deliverability, keyed by the lower-cased domain as given.
 * Never throws: what DNS could not answer is `unknown` with the reason.
 */
export async function lookUpMailDomains(
  domains: Iterable<string>,
  resolver: MailResolver,
  limits: LookupLimits = DEFAULT_LOOKUP_LIMITS,
): Promise<{ domains: MailDomains; stats: LookupStats }> {
  const distinct = [...new Set([...domains].map((d) => d.toLowerCase()))];
  const stats: LookupStats = { domains: distinct.length, queries: 0 };
  let budgetSpent = false;
  const budget = setTimeout(() => {
    budgetSpent = true;
    resolver.cancel();
  }, limits.budgetMs);

  async function query(
    ask: () => Promise<readonly unknown[]>,
  ): Promise<QueryResult> {
    if (budgetSpent) {
      return { kind: "failed", reason: failureReason("ECANCELLED", limits) };
    }
    stats.queries++;
    try {
      const records = await bounded(ask(), limits.queryTimeoutMs);
      if (records.length === 0) return { kind: "no-data" };
      const nullMx =
        records.length === 1 && isNullMx(records[0] as { exchange?: unknown });
      return { kind: "records", count: records.length, nullMx };
    } catch (error) {
      const code = budgetSpent ? "ECANCELLED" : codeOf(error);
      if (code === NO_SUCH_DOMAIN) return { kind: "no-domain" };
      if (code === NO_SUCH_RECORD) return { kind: "no-data" };
      return { kind: "failed", reason: failureReason(code, limits) };
    }
  }

  async function lookUp(domain: string): Promise<DomainDeliverability> {
    // IDN: DNS holds the ASCII (punycode) form.
    const name = domainToASCII(domain) || domain;
    const mx = await query(() => resolver.resolveMx(name));
    if (mx.kind === "records") {
      return mx.nullMx
        ? undeliverable("null-mx")
        : { deliverability: "deliverable", reason: "domain has MX records" };
    }
    if (mx.kind === "no-domain") return undeliverable("nxdomain");
    if (mx.kind === "failed") return unknown(mx.reason);
    for (const ask of [
      () => resolver.resolve4(name),
      () => resolver.resolve6(name),
    ]) {
      const address = await query(ask);
      if (address.kind === "records") {
        return {
          deliverability: "deliverable",
          reason: "domain has no MX record but an address record (implicit MX)",
        };
      }
      if (address.kind === "no-domain") return undeliverable("nxdomain");
      if (address.kind === "failed") return unknown(address.reason);
    }
    return undeliverable("no-mail-host");
  }

  try {
    const answers = await pMap(
      distinct,
      async (domain) => [domain, await lookUp(domain)] as const,
      { concurrency: limits.concurrency },
    );
    return { domains: new Map(answers), stats };
  } finally {
    clearTimeout(budget);
    // Queries a timeout gave up on must not keep the process waiting.
    resolver.cancel();
  }
}

/** RFC 7505: the one MX is "." (Node reports the root as ""). */
function isNullMx(record: { exchange?: unknown }): boolean {
  return record.exchange === "" || record.exchange === ".";
}

function undeliverable(
  kind: keyof typeof UNDELIVERABLE_REASON,
): DomainDeliverability {
  return { deliverability: kind, reason: UNDELIVERABLE_REASON[kind] };
}

function unknown(reason: string): DomainDeliverability {
  return { deliverability: "unknown", reason };
}
