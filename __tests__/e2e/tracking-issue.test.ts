/**
 * The tracking issue end to end: the real bundle in a subprocess against the
 * HTTPS fake of OIDC, Entra ID, ARM and GitHub REST, asserting on the fake's
 * issues and on the step's outputs and exit code.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ISSUE_BODY_LIMIT,
  trackingMarker,
} from "../../src/github/issue-body.js";
import { escapeMarkdown } from "../../src/report/markdown.js";
import { assertTablesWellFormed } from "../../test-support/tables.js";
import {
  type Fake,
  type FakeContact,
  type FakeGitHubIssue,
  type FakeSubscription,
  type FakeTenant,
  forever,
  guid,
  type RecordedRequest,
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
const RUN_LINK = "https://github.example/octo/landing-zone/actions/runs/4242";
const HOSTILE_NAME = "Prod | <script>alert(1)</script> **bold** @team\nline2";
const OTHER_TENANT_ID = "5d1a7c3e-2b4f-4e6a-8c9d-0f1e2d3c4b5a";

const startFake = fakeStarter();

/** A small hand-built tenant; the IDs of the sample tenant, these subscriptions. */
function tenant(
  subscriptions: FakeSubscription[],
  tenantId?: string,
): FakeTenant {
  const base = sampleTenant();
  return { ...base, tenantId: tenantId ?? base.tenantId, subscriptions };
}

function sub(
  n: number,
  displayName: string,
  emails: string | null,
): FakeSubscription {
  return {
    subscriptionId: guid(n),
    displayName,
    contact: emails === null ? null : { emails },
  };
}

/** Changes a subscription's contact; the fake reads the tenant live. */
function setContact(fake: Fake, n: number, contact: FakeContact | null): void {
  const found = fake.tenant.subscriptions.find(
    (s) => s.subscriptionId === guid(n),
  );
  assert.ok(found, `no subscription ${guid(n)}`);
  found.contact = contact;
}

async function start(t: FakeTenant): Promise<Fake> {
  const fake = await startFake({ tenant: t });
  return fake;
}

function run(
  fake: Fake,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction(
    {
      ...fakeInputs(fake),
      "create-issue": "true",
      "github-token": "ghs_test",
      ...inputs,
    },
    runnerEnv(fake),
    // Only catches a hang: 3,000 subscriptions on a loaded 2-core machine
    // take a while, and time is measured in npm run bench, not here.
    { timeoutMs: 300_000 },
  );
}

function describeRun(result: ActionRun): string {
  return `exit ${result.exitCode}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`;
}

function htmlUrl(fake: Fake, number: number): string {
  return `${fake.url}/github-web/${fake.github.repo}/issues/${number}`;
}

function issue(fake: Fake, number: number): FakeGitHubIssue {
  const found = fake.github.issues.find((i) => i.number === number);
  assert.ok(found, `issue #${number} does not exist`);
  return found;
}

function assertIssueOutputs(
  fake: Fake,
  result: ActionRun,
  number: number | undefined,
): void {
  assert.equal(result.outputs["issue-number"], number ? String(number) : "");
  assert.equal(
    result.outputs["issue-url"],
    number ? htmlUrl(fake, number) : "",
  );
}

function githubRequests(fake: Fake): RecordedRequest[] {
  return fake.requests.filter((r) => r.service === "github");
}

/** Only the repository's issue endpoints and who the token is, never the search API. */
function assertNoSearch(fake: Fake): void {
  for (const request of githubRequests(fake)) {
    assert.ok(
      request.path.startsWith(`/github/repos/${fake.github.repo}/issues`) ||
        request.path === "/github/user" ||
        request.path === "/github/graphql",
      `unexpected GitHub call ${request.method} ${request.path}`,
    );
  }
}

/** One table row of the body, found by subscription ID. */
function rowFor(body: string, subscriptionId: string): string {
  const row = body
    .split("\n")
    .find((line) => line.startsWith("<tr>") && line.includes(subscriptionId));
  assert.ok(row, `no table row for ${subscriptionId}`);
  return row;
}

describe("tracking issue", { concurrency: true }, () => {
  it("is created, updated in place, closed when clean and opened anew when failing again", async () => {
    const fake = await start(
      tenant([
        sub(1, "Contoso Production", "secops@contoso.com;soc@contoso.com"),
        sub(2, "Contoso Sandbox", "sandbox-owner@contoso.com"),
        sub(3, HOSTILE_NAME, "carol@fabrikam.com"),
      ]),
    );
    const inputs = { "issue-labels": `${LABEL}, security` };
    const marker = trackingMarker(fake.tenant.tenantId);

    // 0. Everything passes and nothing is open: no issue, empty outputs.
    const clean = await run(fake, inputs);
    assert.equal(clean.exitCode, 0, describeRun(clean));
    assert.equal(clean.outputs.status, "pass");
    assertIssueOutputs(fake, clean, undefined);
    assert.deepEqual(fake.github.issues, []);

    // 1. Two subscriptions fail: one issue, with every label.
    setContact(fake, 2, { emails: "" });
    setContact(fake, 3, { emails: "alice.smith@contoso; bob" });
    const first = await run(fake, inputs);
    assert.equal(first.exitCode, 1, describeRun(first));
    assert.equal(first.outputs.status, "fail");
    assert.equal(fake.github.issues.length, 1);
    const created = issue(fake, 1);
    assertIssueOutputs(fake, first, 1);
    assert.equal(created.state, "open");
    assert.equal(
      created.title,
      "Defender for Cloud: security contact email missing",
    );
    assert.deepEqual(created.labels, [LABEL, "security"]);
    assert.deepEqual(created.comments, []);
    assert.ok(created.body.startsWith(marker));
    assert.ok(created.body.includes("❌ 2 failed"));
    assert.ok(created.body.includes(`(${RUN_LINK})`));
    assert.ok(created.body.includes("### How to fix"));
    assert.ok(created.body.length < ISSUE_BODY_LIMIT);
    assert.ok(
      !created.body.includes(guid(1)),
      "a passing subscription is listed",
    );
    rowFor(created.body, guid(2));

    // Hostile display name: escaped, one table row, no tag, no mention.
    assert.ok(!created.body.includes("<script>"));
    assert.ok(!created.body.includes("@team"));
    assert.ok(!created.body.includes("**bold**"));
    assert.ok(created.body.includes("&#60;script&#62;"));
    rowFor(created.body, guid(3));
    assertTablesWellFormed(created.body);

    // Masking (the default): no address appears unmasked.
    for (const address of [
      "alice.smith",
      "secops@contoso.com",
      "soc@contoso.com",
      "sandbox-owner",
      "carol@fabrikam.com",
    ]) {
      assert.ok(!created.body.includes(address), `${address} in the body`);
      assert.ok(
        !created.body.includes(escapeMarkdown(address)),
        `${address} (escaped) in the body`,
      );
    }
    assert.ok(created.body.includes("<code>a***@contoso</code>"));

    // People triage the issue: add a label, drop one of ours.
    created.labels = [LABEL, "triaged"];

    // 2. One is fixed, one still fails: the same issue, rewritten in place.
    setContact(fake, 2, { emails: "sandbox-soc@contoso.com" });
    const second = await run(fake, inputs);
    assert.equal(second.exitCode, 1, describeRun(second));
    assert.equal(fake.github.issues.length, 1, "a duplicate issue was opened");
    assertIssueOutputs(fake, second, 1);
    const updated = issue(fake, 1);
    assert.equal(updated.state, "open");
    assert.deepEqual(updated.comments, [], "an update must not comment");
    assert.ok(updated.body.startsWith(marker));
    assert.ok(updated.body.includes("❌ 1 failed"));
    assert.ok(
      !updated.body.includes(guid(2)),
      "the fixed subscription is still listed",
    );
    rowFor(updated.body, guid(3));
    assert.deepEqual(
      [...updated.labels].sort(),
      [LABEL, "security", "triaged"].sort(),
    );

    // 3. Everything passes: comment with totals and the run link, then close.
    setContact(fake, 3, { emails: "carol@fabrikam.com" });
    const third = await run(fake, inputs);
    assert.equal(third.exitCode, 0, describeRun(third));
    assert.equal(fake.github.issues.length, 1);
    assertIssueOutputs(fake, third, 1);
    const closed = issue(fake, 1);
    assert.equal(closed.state, "closed");
    assert.equal(closed.state_reason, "completed");
    assert.equal(closed.comments.length, 1);
    const [closing = ""] = closed.comments;
    assert.ok(closing.includes(RUN_LINK));
    assert.ok(closing.includes("**3** subscriptions in scope"));
    assert.ok(closing.includes("✅ 3 passed"));
    assert.deepEqual(
      [...closed.labels].sort(),
      [LABEL, "security", "triaged"].sort(),
    );

    // 4. Failing again later: a NEW issue; the closed one stays closed.
    setContact(fake, 1, null);
    const fourth = await run(fake, inputs);
    assert.equal(fourth.exitCode, 1, describeRun(fourth));
    assert.equal(fake.github.issues.length, 2);
    assertIssueOutputs(fake, fourth, 2);
    const reopened = issue(fake, 2);
    assert.equal(reopened.state, "open");
    assert.deepEqual(reopened.labels, [LABEL, "security"]);
    assert.ok(reopened.body.startsWith(marker));
    rowFor(reopened.body, guid(1));
    assert.equal(issue(fake, 1).state, "closed");
    assert.equal(issue(fake, 1).comments.length, 1);

    assertNoSearch(fake);
  });

  it("finds its issue on the second page and leaves foreign issues and pull requests alone", async () => {
    const fake = await start(
      tenant([
        sub(1, "Contoso Production", "secops@contoso.com"),
        sub(2, "Contoso Sandbox", ""),
      ]),
    );
    const marker = trackingMarker(fake.tenant.tenantId);
    // Ours is #1, so newest-first listing puts it on page 2 of 100.
    fake.github.issues.push({
      number: 1,
      title: "Defender for Cloud: security contact email missing",
      body: `${marker}\nstale body`,
      state: "open",
      state_reason: null,
      labels: [LABEL],
      comments: [],
    });
    for (let n = 2; n <= 151; n++) {
      const kind = n % 3;
      fake.github.issues.push({
        number: n,
        title: `Foreign ${n}`,
        // Pull requests even carry our marker: they must still be ignored.
        body:
          kind === 0
            ? `${marker}\nA pull request quoting the marker.`
            : kind === 1
              ? "Filed by a person with the same label."
              : "",
        state: "open",
        state_reason: null,
        labels: [LABEL, "someone-elses"],
        comments: [],
        ...(kind === 0 ? { pull_request: true } : {}),
        user: "octocat",
      });
    }
    // A closed issue with our marker is history, never reopened.
    fake.github.issues.push({
      number: 152,
      title: "Old incident",
      body: `${marker}\nold`,
      state: "closed",
      state_reason: "completed",
      labels: [LABEL],
      comments: [],
    });
    const foreign = (): FakeGitHubIssue[] =>
      fake.github.issues.filter((i) => i.number !== 1);
    const before = structuredClone(foreign());

    const failing = await run(fake);
    assert.equal(failing.exitCode, 1, describeRun(failing));
    assert.equal(fake.github.issues.length, 152, "an issue was created");
    assertIssueOutputs(fake, failing, 1);
    const ours = issue(fake, 1);
    assert.equal(ours.state, "open");
    assert.ok(!ours.body.includes("stale body"));
    rowFor(ours.body, guid(2));
    assert.deepEqual(foreign(), before);

    const pages = githubRequests(fake)
      .filter((r) => r.method === "GET" && r.path.endsWith("/issues"))
      .map((r) => r.query);
    assert.ok(
      pages.some((q) => q.page === "2"),
      `page 2 was not read: ${JSON.stringify(pages)}`,
    );
    for (const q of pages) {
      assert.equal(q.labels, LABEL);
      assert.equal(q.state, "open");
    }

    setContact(fake, 2, { emails: "soc@contoso.com" });
    const passing = await run(fake);
    assert.equal(passing.exitCode, 0, describeRun(passing));
    assertIssueOutputs(fake, passing, 1);
    assert.equal(issue(fake, 1).state, "closed");
    assert.equal(issue(fake, 1).comments.length, 1);
    assert.deepEqual(foreign(), before);
    assertNoSearch(fake);
  });

  it("keeps one issue per tenant when two tenants report into one repository", async () => {
    const tenantA = tenant([sub(1, "A Production", "")]);
    const tenantB = tenant([sub(1, "B Production", "")], OTHER_TENANT_ID);
    const fake = await start(tenantA);
    const markerA = trackingMarker(tenantA.tenantId);
    const markerB = trackingMarker(tenantB.tenantId);

    const a1 = await run(fake);
    assert.equal(a1.exitCode, 1, describeRun(a1));
    assertIssueOutputs(fake, a1, 1);

    // The same fake, signed into the other tenant; GitHub state is shared.
    fake.tenant = tenantB;
    const b1 = await run(fake);
    assert.equal(b1.exitCode, 1, describeRun(b1));
    assertIssueOutputs(fake, b1, 2);
    assert.equal(fake.github.issues.length, 2);
    assert.ok(issue(fake, 1).body.startsWith(markerA));
    assert.ok(issue(fake, 2).body.startsWith(markerB));
    assert.ok(issue(fake, 1).body.includes("A Production"));
    const bBody = issue(fake, 2).body;

    // Tenant A is fixed: only A's issue closes.
    fake.tenant = tenantA;
    setContact(fake, 1, { emails: "soc@contoso.com" });
    const a2 = await run(fake);
    assert.equal(a2.exitCode, 0, describeRun(a2));
    assertIssueOutputs(fake, a2, 1);
    assert.equal(issue(fake, 1).state, "closed");
    assert.equal(issue(fake, 2).state, "open");
    assert.equal(issue(fake, 2).body, bBody);
    assert.deepEqual(issue(fake, 2).comments, []);

    // Tenant B still fails: its own issue is updated, not duplicated.
    fake.tenant = tenantB;
    const b2 = await run(fake);
    assert.equal(b2.exitCode, 1, describeRun(b2));
    assertIssueOutputs(fake, b2, 2);
    assert.equal(fake.github.issues.length, 2);
    assert.equal(issue(fake, 1).state, "closed");
    assert.ok(issue(fake, 2).body.startsWith(markerB));
  });

  it("still writes every report and fails the step, naming the permission, when GitHub refuses", async () => {
    const fake = await start(
      tenant([
        sub(1, "Contoso Production", "secops@contoso.com"),
        sub(2, "Contoso Sandbox", ""),
      ]),
    );
    fake.github.readOnly = true;
    const result = await run(fake);
    assert.equal(result.exitCode, 1, describeRun(result));
    assert.deepEqual(fake.github.issues, []);
    assert.equal(result.outputs.status, "fail");
    assert.equal(result.outputs["subscriptions-failed"], "1");
    assertIssueOutputs(fake, result, undefined);
    assert.ok(result.report, "no JSON report");
    assert.ok(result.summary.includes(guid(2)), "no job summary");

    const annotation = result.annotations.find(
      (a) => a.title === "Tracking issue not updated",
    );
    assert.ok(annotation, describeRun(result));
    assert.match(annotation.message, /Resource not accessible by integration/);
    assert.match(annotation.message, /issues: write/);
    const failed = result.annotations.find((a) =>
      a.message.startsWith("Security contact check failed"),
    );
    assert.ok(failed, "no step failure message");
    assert.match(failed.message, /issues: write/);
  });

  it("opens an issue for errors alone, retrying a 502, a 429 and a rate-limit 403 from GitHub", async () => {
    const fake = await start(
      tenant([
        sub(1, "Contoso Production", "secops@contoso.com"),
        {
          ...sub(2, "Contoso Restricted", "secops@contoso.com"),
          behaviours: forever({
            kind: "status",
            status: 403,
            code: "AuthorizationFailed",
            message: "The client does not have authorization.",
          }),
        },
      ]),
    );
    fake.github.failNext = { status: 502, times: 1 };
    const first = await run(fake);
    assert.equal(first.exitCode, 1, describeRun(first));
    assert.equal(first.outputs.status, "error");
    assert.ok(issue(fake, 1).body.includes("⚠️ 1 errored"));
    rowFor(issue(fake, 1).body, guid(2));
    assert.equal(fake.github.issues.length, 1);
    assertIssueOutputs(fake, first, 1);
    assert.ok(
      githubRequests(fake).some((r) => r.status === 502),
      "the 502 was never served",
    );
    assert.doesNotMatch(first.stdout, /Tracking issue not updated/);

    fake.github.failNext = { status: 429, times: 1 };
    const second = await run(fake);
    assert.equal(second.exitCode, 1, describeRun(second));
    assert.equal(fake.github.issues.length, 1, "a duplicate issue was opened");
    assertIssueOutputs(fake, second, 1);
    assert.ok(githubRequests(fake).some((r) => r.status === 429));
    assert.doesNotMatch(second.stdout, /Tracking issue not updated/);

    // GitHub's primary rate limit answers 403 with no reads left until the reset.
    fake.github.failNext = {
      status: 403,
      times: 1,
      message: "API rate limit exceeded for installation.",
      headers: {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 1),
      },
    };
    const third = await run(fake);
    assert.equal(fake.github.issues.length, 1, "a duplicate issue was opened");
    assertIssueOutputs(fake, third, 1);
    assert.ok(githubRequests(fake).some((r) => r.status === 403));
    assert.doesNotMatch(third.stdout, /Tracking issue not updated/);
  });

  it("keeps the body under GitHub's limit with 3,000 failing subscriptions", async () => {
    const subscriptions: FakeSubscription[] = [];
    for (let n = 1; n <= 3000; n++) {
      subscriptions.push(
        sub(
          n,
          `${"|<@>".repeat(30)} Landing zone ${n}`,
          `${"x".repeat(60)}${n}@contoso; not-an-address-${n}`,
        ),
      );
    }
    const fake = await start(tenant(subscriptions));
    const result = await run(fake, { concurrency: "64" });
    assert.equal(result.exitCode, 1, describeRun(result));
    assert.equal(result.outputs["subscriptions-failed"], "3000");
    assertIssueOutputs(fake, result, 1);
    const body = issue(fake, 1).body;
    assert.ok(
      body.length < ISSUE_BODY_LIMIT,
      `body is ${body.length} characters`,
    );
    assert.match(body, /…and \d+ more: see the job summary/);
    assert.ok(!body.includes("x".repeat(60)), "an address is unmasked");
  });
});
