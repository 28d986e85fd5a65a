/**
 * End-to-end: `deliverable-emails` through the bundle against the fake's ARM
 * and its DNS resolver (loopback; `fakeInputs` sets dns-servers to it).
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  baseTenant,
  generatedTenant,
  guid,
  sampleTenant,
  type FakeMailDomain,
  type FakeTenant,
} from "../../test-support/fake/index.js";
import {
  fakeInputs,
  repoRoot,
  reportRow,
  runAction,
  runnerEnv,
  withFake,
} from "../../test-support/run-action.js";

/** One subscription per address; the DNS answers per domain. */
function tenantOf(
  emails: string[],
  mailDomains: Record<string, FakeMailDomain>,
): FakeTenant {
  const tenant = baseTenant(
    emails.map((address, i) => ({
      subscriptionId: guid(i + 1),
      displayName: `Landing zone ${i + 1}`,
      contact: { emails: address },
    })),
  );
  tenant.mailDomains = mailDomains;
  return tenant;
}

const OUTCOMES: [string, FakeMailDomain, string, RegExp][] = [
  ["mx.net", { kind: "mx" }, "pass", /1 of 1 valid address at a domain/],
  ["long-mx.net", { kind: "mx", count: 80 }, "pass", /1 of 1/],
  ["null-mx.net", { kind: "null-mx" }, "fail", /domain accepts no mail/],
  ["gone.net", { kind: "nxdomain" }, "fail", /domain does not exist/],
  ["a-only.net", { kind: "address", a: ["192.0.2.1"] }, "pass", /1 of 1/],
  ["aaaa-only.net", { kind: "address", aaaa: ["2001:db8::1"] }, "pass", /1/],
  ["nodata.net", { kind: "nodata" }, "fail", /domain has no mail host/],
  ["servfail.net", { kind: "servfail" }, "unknown", /answered SERVFAIL/],
  ["refused.net", { kind: "refused" }, "unknown", /refused the query/],
];

const DELIVERABILITY: Record<string, string> = {
  "mx.net": "deliverable",
  "long-mx.net": "deliverable",
  "null-mx.net": "null-mx",
  "gone.net": "nxdomain",
  "a-only.net": "deliverable",
  "aaaa-only.net": "deliverable",
  "nodata.net": "no-mail-host",
  "servfail.net": "unknown",
  "refused.net": "unknown",
};

describe("checks: deliverable-emails", () => {
  test("each DNS outcome gives its verdict and reason, per address in the report", async () => {
    const tenant = tenantOf(
      OUTCOMES.map(([domain]) => `soc@${domain}`),
      Object.fromEntries(OUTCOMES.map(([domain, zone]) => [domain, zone])),
    );
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        {
          ...fakeInputs(fake),
          checks: "additional-emails, deliverable-emails",
        },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 1, run.stdout);
      assert.equal(run.outputs.status, "fail");
      assert.equal(run.outputs["subscriptions-failed"], "3");
      assert.equal(run.outputs["subscriptions-passed"], "6");
      assert.deepEqual(JSON.parse(run.outputs["control-failures"] ?? ""), {
        "additional-emails": 0,
        "deliverable-emails": 3,
      });
      assert.deepEqual(run.report?.controlUnknowns, {
        "additional-emails": 0,
        "deliverable-emails": 2,
      });
      OUTCOMES.forEach(([domain, , status, reason], i) => {
        const row = reportRow(run, i + 1);
        const finding = row.findings.find(
          (f) => f.control === "deliverable-emails",
        );
        assert.equal(finding?.status, status, domain);
        assert.match(finding?.reason ?? "", reason, domain);
        // unknown never fails the subscription.
        assert.equal(row.status, status === "fail" ? "fail" : "pass", domain);
        assert.deepEqual(
          row.deliverability?.map((d) => [d.email, d.domain, d.deliverability]),
          [[`s***@${domain}`, domain, DELIVERABILITY[domain]]],
        );
      });
      // The long answer came over TCP.
      assert.ok(
        fake.dns.queries.some(
          (q) => q.name === "long-mx.net" && q.transport === "tcp",
        ),
      );
      const warning = run.annotations.find(
        (a) => a.title === "Mail domains not verified",
      );
      assert.equal(warning?.level, "warning");
      assert.match(run.summary, /Addresses whose domain cannot receive mail/);
    });
  });

  test("1,000 subscriptions over 5 domains: 5 MX lookups, A/AAAA only where MX is absent", async () => {
    const domains = [
      "one.net",
      "two.net",
      "three.net",
      "a-only.net",
      "nodata.net",
    ];
    const tenant = generatedTenant(1000);
    tenant.subscriptions.forEach((sub, i) => {
      sub.contact = { emails: `soc+${i}@${domains[i % 5]}` };
    });
    tenant.mailDomains = {
      "one.net": { kind: "mx" },
      "two.net": { kind: "mx" },
      "three.net": { kind: "mx" },
      "a-only.net": { kind: "address", a: ["192.0.2.7"] },
      "nodata.net": { kind: "nodata" },
    };
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        { ...fakeInputs(fake), checks: "deliverable-emails" },
        runnerEnv(fake),
      );
      assert.equal(run.outputs["subscriptions-total"], "1000", run.stdout);
      assert.equal(run.outputs["subscriptions-failed"], "200");
      assert.equal(fake.dns.count("MX"), 5);
      for (const domain of domains)
        assert.equal(fake.dns.count("MX", domain), 1);
      assert.equal(fake.dns.count("A"), 2);
      assert.equal(fake.dns.count("A", "a-only.net"), 1);
      assert.equal(fake.dns.count("AAAA"), 1);
      assert.equal(fake.dns.count("AAAA", "nodata.net"), 1);
      assert.match(run.stdout, /5 domains looked up with 8 DNS queries/);
    });
  });

  test("a resolver that never answers costs at most the budget and yields unknown, not fail", async () => {
    const domains = Array.from({ length: 24 }, (_, i) => `quiet${i}.net`);
    const tenant = tenantOf(
      domains.map((d) => `soc@${d}`),
      Object.fromEntries(domains.map((d) => [d, { kind: "silent" } as const])),
    );
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        { ...fakeInputs(fake), checks: "deliverable-emails" },
        runnerEnv(fake),
        {
          env: { CONTACT_CHECK_DNS_BUDGET_MS: "2000" },
          // 24 domains, 8 at a time, 5 s each would take 15 s without the budget.
          timeoutMs: 12_000,
        },
      );
      assert.equal(run.exitCode, 0, run.stdout);
      assert.equal(run.outputs.status, "pass");
      assert.equal(run.outputs["subscriptions-failed"], "0");
      assert.deepEqual(run.report?.controlUnknowns, {
        "deliverable-emails": 24,
      });
      const reasons = new Set(
        run.report?.subscriptions.flatMap((row) =>
          (row.deliverability ?? []).map(
            (d) => `${d.deliverability}: ${d.reason}`,
          ),
        ),
      );
      assert.deepEqual(
        [...reasons],
        ["unknown: the DNS budget of 2 s ran out"],
      );
    });
  });

  test("remediation-emails at a domain that receives no mail is an input error, before any Azure request", async () => {
    const tenant = tenantOf(["soc@mx.net"], {
      "mx.net": { kind: "mx" },
      "contoso.cm": { kind: "nxdomain" },
    });
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        {
          ...fakeInputs(fake),
          checks: "deliverable-emails",
          remediate: "plan",
          "remediation-emails": "secops@contoso.cm",
        },
        runnerEnv(fake),
      );
      assert.equal(run.exitCode, 1);
      assert.equal(run.outputs.status, "error");
      const message = run.annotations.find((a) => a.level === "error")?.message;
      assert.match(message ?? "", /Input 'remediation-emails'/);
      assert.match(message ?? "", /contoso\.cm: domain does not exist/);
      assert.equal(fake.requests.filter((r) => r.service === "arm").length, 0);
    });
  });

  test("required-emails DNS cannot answer for is allowed, with a warning", async () => {
    const tenant = tenantOf(["soc@mx.net;cso@flaky.net"], {
      "mx.net": { kind: "mx" },
      "flaky.net": { kind: "servfail" },
    });
    await withFake(tenant, async (fake) => {
      const run = await runAction(
        {
          ...fakeInputs(fake),
          checks: "additional-emails, deliverable-emails",
          "required-emails": "cso@flaky.net",
        },
        runnerEnv(fake),
      );
      assert.equal(run.outputs.status, "pass", run.stdout);
      const warning = run.annotations.find((a) =>
        a.message.includes("Input 'required-emails'"),
      );
      assert.equal(warning?.level, "warning");
      assert.match(warning?.message ?? "", /flaky\.net/);
      // Asked once, for the input and the subscription together.
      assert.equal(fake.dns.count("MX", "flaky.net"), 1);
    });
  });
});

describe("without deliverable-emails", () => {
  test("the default check and checks: all send no DNS query and report no deliverability", async () => {
    await withFake(sampleTenant(), async (fake) => {
      for (const checks of ["", "all"]) {
        const run = await runAction(
          { ...fakeInputs(fake), checks },
          runnerEnv(fake),
        );
        assert.equal(run.outputs.status, "fail", run.stdout);
        assert.ok(
          run.report?.subscriptions.every(
            (r) => r.deliverability === undefined,
          ),
        );
        assert.equal(
          run.report?.checks.includes("deliverable-emails"),
          false,
          checks,
        );
      }
      assert.deepEqual(fake.dns.queries, []);
    });
  });

  test("scan: files makes no DNS request, even with the control named", async () => {
    const ws = await mkdtemp(join(tmpdir(), "deliverable-files-"));
    try {
      await cp(
        join(repoRoot, "__tests__", "fixtures", "iac", "alz-bicep-classic"),
        join(ws, "alz-bicep-classic"),
        { recursive: true },
      );
      await withFake(sampleTenant(), async (fake) => {
        const run = await runAction(
          { ...fakeInputs(fake), scan: "files", checks: "deliverable-emails" },
          { ...runnerEnv(fake), GITHUB_WORKSPACE: ws },
        );
        assert.notEqual(run.outputs.status, undefined, run.stderr);
        assert.deepEqual(fake.dns.queries, []);
        assert.deepEqual(fake.requests, []);
      });
    } finally {
      await rm(ws, { recursive: true, force: true });
    }
  });
});
