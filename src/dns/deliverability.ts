/**
 * Asks DNS whether each mail domain can receive mail: every distinct domain
 * once per run, a few at a time, each query bounded and the whole lookup
 * within one budget. MX first; A/AAAA (the implicit MX of RFC 5321 §5.1)
 * only when a domain has no MX. Answers are data: only the record types and
 * error codes are read, never the text of an answer.
 */
import { Resolver } from "node:dns/promises";
import { domainToASCII } from "node:url";
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
  /**
   * The time the run may spend waiting on DNS, all lookups together (time
   * with none in flight does not count); what is left is unknown.
   */
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
  | { kind: "records"; nullMx: boolean }
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

/** What the evaluation asks: the answers for some domains. */
export interface MailDomainSource {
  lookUp(domains: Iterable<string>): Promise<MailDomains>;
}

/**
 * The run's lookups: each distinct domain (lower-cased as the addresses
 * spell it) is asked once, however many subscriptions share it, at most
 * `concurrency` at a time, within the budget. Never throws: what DNS could
 * not answer is `unknown` with the reason.
 */
export class MailDomainLookups implements MailDomainSource {
  readonly stats: LookupStats = { domains: 0, queries: 0 };
  private readonly answers = new Map<string, Promise<DomainDeliverability>>();
  private readonly settled = new Map<string, DomainDeliverability>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  /** Budget spent in earlier busy spells, and when the current one began. */
  private spentMs = 0;
  private busySince: number | undefined;
  private budget: NodeJS.Timeout | undefined;
  private budgetSpent = false;

  constructor(
    private readonly resolver: MailResolver,
    private readonly limits: LookupLimits = DEFAULT_LOOKUP_LIMITS,
  ) {}

  async lookUp(domains: Iterable<string>): Promise<MailDomains> {
    const wanted = [...new Set([...domains].map((d) => d.toLowerCase()))];
    const answers = await Promise.all(
      wanted.map(async (domain) => {
        let answer = this.answers.get(domain);
        if (!answer) {
          this.stats.domains++;
          answer = this.queued(() => this.lookUpOne(domain)).then((done) => {
            this.settled.set(domain, done);
            return done;
          });
          this.answers.set(domain, answer);
        }
        return [domain, await answer] as const;
      }),
    );
    return new Map(answers);
  }

  /** Every answer so far (a remedy's re-check reads them, asking nothing). */
  answered(): MailDomains {
    return new Map(this.settled);
  }

  /** Ends the budget and every query still open (one a timeout gave up on). */
  close(): void {
    clearTimeout(this.budget);
    this.resolver.cancel();
  }

  /** Runs `work` in a free slot; a finished one hands its slot to the next in line. */
  private async queued<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.limits.concurrency) this.acquire();
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.release();
    }
  }

  /** The first lookup in flight starts a busy spell: the budget runs. */
  private acquire(): void {
    if (this.active++ > 0 || this.budgetSpent) return;
    this.busySince = Date.now();
    this.budget = setTimeout(
      () => this.spend(),
      this.limits.budgetMs - this.spentMs,
    ).unref();
  }

  /** The last lookup in flight ends the spell: the budget pauses. */
  private release(): void {
    if (--this.active > 0 || this.busySince === undefined) return;
    clearTimeout(this.budget);
    this.spentMs += Date.now() - this.busySince;
    this.busySince = undefined;
    if (this.spentMs >= this.limits.budgetMs) this.spend();
  }

  private spend(): void {
    this.budgetSpent = true;
    this.busySince = undefined;
    this.resolver.cancel();
  }

  private async query(
    ask: () => Promise<readonly unknown[]>,
  ): Promise<QueryResult> {
    if (this.budgetSpent) {
      return {
        kind: "failed",
        reason: failureReason("ECANCELLED", this.limits),
      };
    }
    this.stats.queries++;
    try {
      const records = await bounded(ask(), this.limits.queryTimeoutMs);
      if (records.length === 0) return { kind: "no-data" };
      const nullMx =
        records.length === 1 && isNullMx(records[0] as { exchange?: unknown });
      return { kind: "records", nullMx };
    } catch (error) {
      const code = this.budgetSpent ? "ECANCELLED" : codeOf(error);
      if (code === NO_SUCH_DOMAIN) return { kind: "no-domain" };
      if (code === NO_SUCH_RECORD) return { kind: "no-data" };
      return { kind: "failed", reason: failureReason(code, this.limits) };
    }
  }

  private async lookUpOne(domain: string): Promise<DomainDeliverability> {
    // IDN: DNS holds the ASCII (punycode) form.
    const name = domainToASCII(domain) || domain;
    const mx = await this.query(() => this.resolver.resolveMx(name));
    if (mx.kind === "records") {
      return mx.nullMx
        ? undeliverable("null-mx")
        : { deliverability: "deliverable", reason: "domain has MX records" };
    }
    if (mx.kind === "no-domain") return undeliverable("nxdomain");
    if (mx.kind === "failed") return unknown(mx.reason);
    for (const ask of [
      () => this.resolver.resolve4(name),
      () => this.resolver.resolve6(name),
    ]) {
      const address = await this.query(ask);
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
