/**
 * End-to-end, second hostile review: the real bundle against an Azure (and
 * an OIDC endpoint) that answers with another subscription's contacts,
 * decompression bombs, oversized documents and redirects to another host;
 * and addresses the WHATWG grammar accepts but no mail server delivers.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import {
  type Fake,
  type FakeSubscription,
  forever,
  guid,
  baseTenant,
} from "../../test-support/fake/index.js";
import { fakeStarter } from "../../test-support/e2e.js";
import {
  type ActionRun,
  fakeInputs,
  reportRow,
  runAction,
  runnerEnv,
} from "../../test-support/run-action.js";

const GUARD_MS = 100_000;

const startFake = fakeStarter();
const dirs: string[] = [];
after(async () => {
  await Promise.all(
    dirs.map((dir) => rm(dir, { recursive: true, force: true })),
  );
});

async function start(subscriptions: FakeSubscription[]): Promise<Fake> {
  const fake = await startFake({ tenant: baseTenant(subscriptions) });
  return fake;
}

function run(
  fake: Fake,
  inputs: Record<string, string> = {},
  options: { measureRss?: boolean; env?: Record<string, string> } = {},
): Promise<ActionRun> {
  return runAction({ ...fakeInputs(fake), ...inputs }, runnerEnv(fake), {
    timeoutMs: GUARD_MS,
    ...options,
  });
}

function describeRun(result: ActionRun): string {
  return `exit ${result.exitCode}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`;
}

/** Subscription 1 has no contact; subscription 2's contact is someone else's. */
function victimAndOther(victim: Partial<FakeSubscription>): FakeSubscription[] {
  return [
    {
      subscriptionId: guid(1),
      displayName: "No contact",
      contact: null,
      ...victim,
    },
    {
      subscriptionId: guid(2),
      displayName: "Other",
      contact: { emails: "other-soc@contoso.com" },
    },
  ];
}

function contactsUrl(fake: Fake, subscriptionId: string): string {
  return `${fake.armUrl}/subscriptions/${subscriptionId}/providers/Microsoft.Security/securityContacts?api-version=2023-12-01-preview`;
}

describe("round 2, finding 3: a subscription's contacts come only from that subscription", () => {
  it("a same-origin nextLink to another subscription's contacts makes the subscription an error", async () => {
    const fake = await start(victimAndOther({}));
    const victim = fake.tenant.subscriptions[0];
    assert.ok(victim);
    victim.contactNextLink = contactsUrl(fake, guid(2));
    const result = await run(fake);
    const row = reportRow(result, 1);
    assert.equal(row.status, "error", describeRun(result));
    assert.match(row.reason, /another subscription|not .*subscription/i);
    assert.deepEqual(row.emails, []);
    assert.equal(reportRow(result, 2).status, "pass");
  });

  it("a 307 to another subscription's contacts makes the subscription an error", async () => {
    const fake = await start(victimAndOther({}));
    const victim = fake.tenant.subscriptions[0];
    assert.ok(victim);
    victim.behaviours = forever({
      kind: "redirect",
      status: 307,
      location: contactsUrl(fake, guid(2)),
    });
    const result = await run(fake);
    const row = reportRow(result, 1);
    assert.equal(row.status, "error", describeRun(result));
    assert.match(row.reason, /another subscription|not .*subscription/i);
    assert.deepEqual(row.emails, []);
  });
});

describe("round 2, finding 6: answers are bounded, raw and inflated", () => {
  it("gzip bombs from Resource Manager are errors and peak memory stays low", async () => {
    const bomb = forever({ kind: "gzipBomb", inflatedBytes: 256 * 1024 ** 2 });
    const fake = await start([
      { subscriptionId: guid(1), displayName: "Bomb 1", behaviours: bomb },
      { subscriptionId: guid(2), displayName: "Bomb 2", behaviours: bomb },
      {
        subscriptionId: guid(3),
        displayName: "Fine",
        contact: { emails: "a@contoso.com" },
      },
    ]);
    const result = await run(fake, {}, { measureRss: true });
    for (const n of [1, 2]) {
      const row = reportRow(result, n);
      assert.equal(row.status, "error", describeRun(result));
      assert.match(row.reason, /larger than|too large|MiB/i);
    }
    assert.equal(reportRow(result, 3).status, "pass");
    assert.ok(
      (result.peakRssMb ?? Infinity) < 250,
      `peak RSS ${result.peakRssMb} MB`,
    );
  });

  it("an oversized Entra document fails sign-in with a clear reason", async () => {
    const fake = await start([
      {
        subscriptionId: guid(1),
        displayName: "A",
        contact: { emails: "a@contoso.com" },
      },
    ]);
    fake.tenant.entraPaddingBytes = 11 * 1024 ** 2;
    const result = await run(fake);
    assert.equal(result.exitCode, 1, describeRun(result));
    assert.match(result.stdout, /larger than|too large|MiB/i);
    assert.equal(
      fake.requests.filter((r) => r.service === "arm").length,
      0,
      "no Azure request after a failed sign-in",
    );
  });
});

describe("round 2, finding 7: the runner's ID-token request token stays with its origin", () => {
  it("a redirect of the ID-token request to another host is refused, unsent", async () => {
    const fake = await start([
      {
        subscriptionId: guid(1),
        displayName: "A",
        contact: { emails: "a@contoso.com" },
      },
    ]);
    // localhost is another origin than 127.0.0.1, on the same (fake) server.
    const foreign = new URL(fake.url);
    foreign.hostname = "localhost";
    fake.tenant.oidcRedirect = `${foreign.origin}/oidc/foreign?api-version=2.0`;
    const result = await run(fake);
    const stolen = fake.requests.filter(
      (r) => r.path === "/oidc/foreign" && r.withToken,
    );
    assert.deepEqual(stolen, [], "the request token went to another host");
    assert.equal(result.exitCode, 1, describeRun(result));
    assert.match(result.stdout, /redirect/i);
  });
});

describe("round 2, finding 9: undeliverable shapes are invalid, live and in files", () => {
  const longLocal = `${"a".repeat(300)}@contoso.com`;
  const longAddress = `${"b".repeat(60)}@${Array.from({ length: 4 }, () => "c".repeat(60)).join(".")}.com`;
  const badEntries = [
    "d..e@contoso.com",
    ".lead@contoso.com",
    "trail.@contoso.com",
    longLocal,
    longAddress,
  ];

  it("the live check: each is an invalid entry and none counts", async () => {
    const fake = await start(
      badEntries.map((emails, i) => ({
        subscriptionId: guid(i + 1),
        displayName: `Bad ${i + 1}`,
        contact: { emails },
      })),
    );
    const result = await run(fake, { "mask-emails": "false" });
    badEntries.forEach((entry, i) => {
      const row = reportRow(result, i + 1);
      assert.equal(row.status, "fail", `${entry}\n${describeRun(result)}`);
      assert.deepEqual(row.emails, []);
      assert.deepEqual(row.invalidEmails, [entry]);
    });
  });

  it("the file scan: the same entries fail in a Bicep file", async () => {
    const ws = await mkdtemp(join(tmpdir(), "round2-files-"));
    dirs.push(ws);
    const resources = badEntries.map(
      (entry, i) =>
        `resource c${i} 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n` +
        `  name: 'default'\n  properties: {\n    emails: '${entry}'\n  }\n}\n`,
    );
    await writeFile(
      join(ws, "contacts.bicep"),
      `targetScope = 'subscription'\n\n${resources.join("\n")}`,
    );
    const fake = await start([]);
    const result = await runAction(
      { ...fakeInputs(fake), scan: "files", "mask-emails": "false" },
      { ...runnerEnv(fake), GITHUB_WORKSPACE: ws },
      { timeoutMs: GUARD_MS },
    );
    const files = result.report?.files ?? [];
    assert.equal(files.length, badEntries.length, describeRun(result));
    for (const finding of files) {
      assert.equal(finding.status, "fail", JSON.stringify(finding));
      assert.deepEqual(finding.emails, []);
    }
  });
});
