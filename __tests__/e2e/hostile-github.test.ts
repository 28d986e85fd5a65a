/**
 * End-to-end: the tracking issue against hostile answers. Other people's
 * issues that carry the label and the marker, a forged html_url, reference
 * tricks and huge errors in the body; and the history the issue keeps of
 * since when each subscription has been failing.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trackingMarker } from "../../src/github/issue-body.js";
import {
  type Fake,
  type FakeGitHubIssue,
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

const LABEL = "security-contact-check";

const startFake = fakeStarter();

function tenant(subscriptions: FakeSubscription[]): FakeTenant {
  return { ...sampleTenant(), subscriptions };
}

const failing = (n: number, displayName = `Sub ${n}`): FakeSubscription => ({
  subscriptionId: guid(n),
  displayName,
  contact: null,
});

async function start(t: FakeTenant): Promise<Fake> {
  const fake = await startFake({ tenant: t });
  return fake;
}

function run(fake: Fake): Promise<ActionRun> {
  return runAction(
    { ...fakeInputs(fake), "create-issue": "true", "github-token": "ghs_test" },
    runnerEnv(fake),
    { timeoutMs: 60_000 },
  );
}

function seed(
  fake: Fake,
  number: number,
  body: string,
  user?: string,
): FakeGitHubIssue {
  const issue: FakeGitHubIssue = {
    number,
    title: `Issue ${number}`,
    body,
    state: "open",
    state_reason: null,
    labels: [LABEL],
    comments: [],
    ...(user ? { user } : {}),
  };
  fake.github.issues.push(issue);
  return issue;
}

describe("finding 6: only the action's own issue is the tracking issue", () => {
  it("a newer issue by another user with the label and marker is never edited", async () => {
    const fake = await start(tenant([failing(1)]));
    const marker = trackingMarker(fake.tenant.tenantId);
    const ours = seed(fake, 1, `${marker}\nold body`);
    const forged = seed(fake, 2, `${marker}\nlooks like ours`, "mallory");
    const contains = seed(fake, 3, `Please see ${marker} here`);
    const result = await run(fake);
    assert.equal(result.outputs["issue-number"], "1");
    assert.notEqual(ours.body, `${marker}\nold body`);
    assert.equal(forged.body, `${marker}\nlooks like ours`);
    assert.equal(contains.body, `Please see ${marker} here`);
  });

  it("a passing run closes only its own issue", async () => {
    const fake = await start(
      tenant([
        {
          subscriptionId: guid(1),
          displayName: "Ok",
          contact: { emails: "a@contoso.com" },
        },
      ]),
    );
    const marker = trackingMarker(fake.tenant.tenantId);
    const ours = seed(fake, 1, `${marker}\nours`);
    const forged = seed(fake, 2, `${marker}\nnewer, by a person`, "mallory");
    const result = await run(fake);
    assert.equal(result.exitCode, 0);
    assert.equal(ours.state, "closed");
    assert.equal(forged.state, "open");
    assert.deepEqual(forged.comments, []);
  });

  it("when several qualify the oldest wins; with GET /user the token's user decides", async () => {
    const fake = await start(tenant([failing(1)]));
    const marker = trackingMarker(fake.tenant.tenantId);
    fake.github.userLogin = "octo-admin";
    const bots = seed(fake, 1, `${marker}\nby the bot`);
    const older = seed(fake, 2, `${marker}\nmine`, "octo-admin");
    const newer = seed(fake, 3, `${marker}\nmine too`, "octo-admin");
    const result = await run(fake);
    assert.equal(result.outputs["issue-number"], "2");
    assert.notEqual(older.body, `${marker}\nmine`);
    assert.equal(newer.body, `${marker}\nmine too`);
    assert.equal(bots.body, `${marker}\nby the bot`);
  });

  it("a forged html_url never becomes a command in the log", async () => {
    const fake = await start(tenant([failing(1)]));
    fake.github.issueHtmlUrl =
      "https://github.example/x\n::error title=Forged::pwned";
    const result = await run(fake);
    assert.ok(
      !result.stdout
        .split(/\r?\n/)
        .some((l) => l.startsWith("::error title=Forged")),
    );
    assert.ok(!result.annotations.some((a) => a.title === "Forged"));
    assert.equal(result.outputs["issue-number"], "1");
    assert.equal(
      result.outputs["issue-url"],
      "",
      "a forged URL is not passed on",
    );
  });
});

describe("finding 5 and 7 in the issue: no pings, links or oversized bodies", () => {
  it("reference tricks in names are defused and a huge listing error still fits", async () => {
    const name = "www.evil.example GH-1 octo/repo#2 @team &#64;team \u202Eexe";
    const fake = await start(tenant([failing(1, name), failing(2)]));
    fake.tenant.pageSize = 1;
    fake.tenant.listing = [
      { kind: "delay", ms: 0 },
      ...forever({
        kind: "status",
        status: 400,
        code: "BadRequest",
        message: "@".repeat(14_000),
      }),
    ];
    const result = await run(fake);
    const created = fake.github.issues.find((i) => i.number === 1);
    assert.ok(
      created,
      `an issue was created (exit ${result.exitCode})\n${result.stdout.slice(-2000)}`,
    );
    assert.ok(
      created.body.length <= 65_536,
      `body of ${created.body.length} characters`,
    );
    for (const raw of [
      "www.evil",
      "GH-1",
      "#2",
      "@team",
      "&#64;team",
      "\u202E",
    ]) {
      assert.ok(
        !created.body.includes(raw),
        `${JSON.stringify(raw)} survived in the issue`,
      );
    }
  });
});

describe("the tracking issue keeps history", () => {
  it("shows since when each row fails, carries it across runs and resets on pass", async () => {
    const fake = await start(tenant([failing(1), failing(2)]));
    const first = await run(fake);
    assert.equal(first.outputs["issue-number"], "1");
    const issue = fake.github.issues[0];
    assert.ok(issue);
    const today = new Date().toISOString().slice(0, 10);
    assert.ok(issue.body.startsWith(trackingMarker(fake.tenant.tenantId)));
    assert.match(issue.body, /<th>Needs attention since<\/th>/);
    assert.match(issue.body, new RegExp(`<td>${today}</td>`));
    // Pretend the first run was long ago.
    issue.body = issue.body.replaceAll(today, "2026-01-02");
    // Subscription 2 passes now, 3 starts failing.
    const second = fake.tenant.subscriptions[1];
    assert.ok(second);
    second.contact = { emails: "ok@contoso.com" };
    fake.tenant.subscriptions.push(failing(3));
    await run(fake);
    const row = (id: string): string =>
      issue.body
        .split("\n")
        .find((line) => line.startsWith("<tr>") && line.includes(id)) ?? "";
    assert.match(row(guid(1)), /<td>2026-01-02<\/td>/);
    assert.match(row(guid(3)), new RegExp(`<td>${today}</td>`));
    assert.match(issue.body, /history v1 \{[^}]*\}/);
    assert.ok(
      !/history v1 \{[^}]*00000000-0000-4000-8000-000000000002/.test(
        issue.body,
      ),
      "a passing subscription leaves the history",
    );
  });
});
