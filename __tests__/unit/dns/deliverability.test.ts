import assert from "node:assert/strict";
import { getServers } from "node:dns";
import { Resolver } from "node:dns/promises";
import { after, before, describe, it } from "node:test";
import {
  createMailResolver,
  MailDomainLookups,
  type LookupLimits,
  type MailResolver,
} from "../../../src/dns/deliverability.js";
import {
  startFakeDns,
  type FakeDns,
  type FakeMailDomain,
} from "../../../test-support/fake/dns.js";

const ZONES: Record<string, FakeMailDomain> = {
  "mail.test": { kind: "mx" },
  "many-mx.test": { kind: "mx", count: 80 },
  "null-mx.test": { kind: "null-mx" },
  "gone.test": { kind: "nxdomain" },
  "nodata.test": { kind: "nodata" },
  "a-only.test": { kind: "address", a: ["192.0.2.10"] },
  "aaaa-only.test": { kind: "address", aaaa: ["2001:db8::10"] },
  "servfail.test": { kind: "servfail" },
  "refused.test": { kind: "refused" },
  "silent.test": { kind: "silent" },
  "xn--bcher-kva.test": { kind: "mx" },
};

const FAST: LookupLimits = {
  queryTimeoutMs: 400,
  budgetMs: 5000,
  concurrency: 4,
};

describe("MailDomainLookups against the fake DNS (real Resolver, loopback)", () => {
  let dns: FakeDns;
  let zones: Record<string, FakeMailDomain> = ZONES;
  before(async () => {
    dns = await startFakeDns(() => zones);
  });
  after(() => dns.close());

  /** One run's lookups: the answers and what they cost. */
  async function lookUp(domains: string[], limits: LookupLimits = FAST) {
    const lookups = new MailDomainLookups(
      createMailResolver([dns.server], limits.queryTimeoutMs),
      limits,
    );
    try {
      return { domains: await lookups.lookUp(domains), stats: lookups.stats };
    } finally {
      lookups.close();
    }
  }

  it("gives every outcome its verdict and reason", async () => {
    zones = ZONES;
    const { domains } = await lookUp([
      "mail.test",
      "null-mx.test",
      "gone.test",
      "nodata.test",
      "a-only.test",
      "aaaa-only.test",
      "servfail.test",
      "refused.test",
    ]);
    const seen = Object.fromEntries(
      [...domains].map(([domain, answer]) => [
        domain,
        `${answer.deliverability}: ${answer.reason}`,
      ]),
    );
    assert.deepEqual(seen, {
      "mail.test": "deliverable: domain has MX records",
      "null-mx.test": "null-mx: domain accepts no mail",
      "gone.test": "nxdomain: domain does not exist",
      "nodata.test": "no-mail-host: domain has no mail host",
      "a-only.test":
        "deliverable: domain has no MX record but an address record (implicit MX)",
      "aaaa-only.test":
        "deliverable: domain has no MX record but an address record (implicit MX)",
      "servfail.test": "unknown: the DNS server answered SERVFAIL",
      "refused.test": "unknown: the DNS server refused the query (REFUSED)",
    });
  });

  it("asks each distinct domain once, MX first, A/AAAA only where MX is absent", async () => {
    zones = ZONES;
    dns.queries.length = 0;
    const { stats } = await lookUp([
      "mail.test",
      "MAIL.test",
      "mail.test",
      "a-only.test",
      "nodata.test",
      "null-mx.test",
      "gone.test",
    ]);
    assert.equal(dns.count("MX"), 5);
    for (const name of ["mail.test", "a-only.test", "nodata.test"]) {
      assert.equal(dns.count("MX", name), 1, name);
    }
    // A answered for a-only.test; nodata.test needed AAAA too.
    assert.equal(dns.count("A"), 2);
    assert.equal(dns.count("A", "a-only.test"), 1);
    assert.equal(dns.count("AAAA"), 1);
    assert.equal(dns.count("AAAA", "nodata.test"), 1);
    assert.deepEqual(stats, { domains: 5, queries: 8 });
  });

  it("calls that share a domain, even while it is in flight, ask it once", async () => {
    zones = ZONES;
    dns.queries.length = 0;
    const lookups = new MailDomainLookups(
      createMailResolver([dns.server]),
      FAST,
    );
    try {
      const [first, second] = await Promise.all([
        lookups.lookUp(["mail.test", "nodata.test"]),
        lookups.lookUp(["Mail.test"]),
      ]);
      const third = await lookups.lookUp(["mail.test", "nodata.test"]);
      assert.equal(second.get("mail.test"), first.get("mail.test"));
      assert.equal(third.get("nodata.test"), first.get("nodata.test"));
      assert.equal(dns.count("MX"), 2);
      assert.deepEqual(lookups.stats, { domains: 2, queries: 4 });
    } finally {
      lookups.close();
    }
  });

  it("reads an answer too long for UDP over TCP", async () => {
    zones = ZONES;
    dns.queries.length = 0;
    const { domains } = await lookUp(["many-mx.test"]);
    assert.equal(domains.get("many-mx.test")?.deliverability, "deliverable");
    assert.ok(
      dns.queries.some((q) => q.type === "MX" && q.transport === "tcp"),
      "the resolver asked again over TCP",
    );
  });

  it("looks an IDN up in its ASCII form, keyed as the address spells it", async () => {
    zones = ZONES;
    dns.queries.length = 0;
    const { domains } = await lookUp(["Bücher.test"]);
    assert.equal(domains.get("bücher.test")?.deliverability, "deliverable");
    assert.equal(dns.count("MX", "xn--bcher-kva.test"), 1);
  });

  it("a resolver that never answers gives unknown within the query timeout", async () => {
    zones = ZONES;
    const { domains } = await lookUp(["silent.test"]);
    assert.deepEqual(domains.get("silent.test"), {
      deliverability: "unknown",
      reason: "no DNS answer within 0.4 s",
    });
  });

  it("the budget counts only time spent waiting on DNS, not the pauses between lookups", async () => {
    zones = ZONES;
    const lookups = new MailDomainLookups(createMailResolver([dns.server]), {
      ...FAST,
      budgetMs: 300,
    });
    try {
      await lookups.lookUp(["mail.test"]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const later = await lookups.lookUp(["a-only.test"]);
      assert.equal(later.get("a-only.test")?.deliverability, "deliverable");
    } finally {
      lookups.close();
    }
  });

  it("the budget ends every lookup: what is left is unknown, never undeliverable", async () => {
    zones = { ...ZONES };
    const silent = Array.from({ length: 12 }, (_, i) => `s${i}.silent.test`);
    for (const name of silent) zones[name] = { kind: "silent" };
    dns.queries.length = 0;
    const limits: LookupLimits = {
      queryTimeoutMs: 5000,
      budgetMs: 600,
      concurrency: 2,
    };
    const { domains, stats } = await lookUp(silent, limits);
    assert.equal(domains.size, 12);
    for (const answer of domains.values()) {
      assert.deepEqual(answer, {
        deliverability: "unknown",
        reason: "the DNS budget of 0.6 s ran out",
      });
    }
    // The two in flight when the budget ran out; the rest never asked.
    assert.equal(stats.queries, 2);
  });
});

/** A resolver that answers from a table, for paths the fake cannot take. */
function injected(
  answer: (type: string, name: string) => unknown[] | Error,
): MailResolver & { asked: string[] } {
  const asked: string[] = [];
  const ask = (type: string) => (name: string) => {
    asked.push(`${type} ${name}`);
    const result = answer(type, name);
    return result instanceof Error
      ? Promise.reject(result)
      : Promise.resolve(result);
  };
  return {
    asked,
    resolveMx: ask("MX") as MailResolver["resolveMx"],
    resolve4: ask("A") as MailResolver["resolve4"],
    resolve6: ask("AAAA") as MailResolver["resolve6"],
    cancel() {},
  };
}

const coded = (code: string): Error =>
  Object.assign(new Error(`query ${code}`), { code });

describe("MailDomainLookups with an injected resolver", () => {
  it("without a reachable server, or with an error it does not know, the answer is unknown", async () => {
    const resolver = injected((_, name) =>
      name === "down.test" ? coded("ECONNREFUSED") : new Error("boom"),
    );
    const domains = await new MailDomainLookups(resolver).lookUp([
      "down.test",
      "odd.test",
    ]);
    assert.deepEqual(domains.get("down.test"), {
      deliverability: "unknown",
      reason: "no DNS server could be reached",
    });
    assert.deepEqual(domains.get("odd.test"), {
      deliverability: "unknown",
      reason: "DNS lookup failed (unexpected error)",
    });
  });

  it("a null MX beside real ones is still deliverable; an empty MX answer falls back to A", async () => {
    const resolver = injected((type, name) => {
      if (type === "MX" && name === "mixed.test")
        return [
          { exchange: "", priority: 0 },
          { exchange: "mx.mixed.test", priority: 10 },
        ];
      if (type === "MX") return [];
      if (type === "A") return ["192.0.2.1"];
      return coded("ENODATA");
    });
    const domains = await new MailDomainLookups(resolver).lookUp([
      "mixed.test",
      "empty.test",
    ]);
    assert.equal(domains.get("mixed.test")?.deliverability, "deliverable");
    assert.equal(domains.get("empty.test")?.deliverability, "deliverable");
    assert.deepEqual(resolver.asked, [
      "MX mixed.test",
      "MX empty.test",
      "A empty.test",
    ]);
  });

  it("no dns-servers: the runner's own resolvers, untouched", () => {
    const resolver = createMailResolver([]);
    assert.ok(resolver instanceof Resolver);
    assert.deepEqual(resolver.getServers(), getServers());
  });

  it("dns-servers replace the runner's resolvers", () => {
    const resolver = createMailResolver(["127.0.0.1:5353", "[::1]:53"]);
    assert.ok(resolver instanceof Resolver);
    assert.deepEqual(resolver.getServers(), ["127.0.0.1:5353", "::1"]);
  });
});
