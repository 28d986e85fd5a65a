/**
 * End-to-end, second hostile review of the tracking issue: a person's
 * look-alike issue, a GET /user that fails for another reason than an
 * installation token, rate limits, a GitHub API that trickles bytes and one
 * that answers a decompression bomb. The check's verdict and reports are
 * published whatever happens to the issue.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trackingMarker } from "../../src/github/issue-body.js";
import {
  type Fake,
  type FakeGitHubIssue,
  baseTenant,
  guid,
} from "../../test-support/fake/index.js";
import { fakeStarter } from "../../test-support/e2e.js";
import {
  type ActionRun,
  fakeInputs,
  runAction,
  runnerEnv,
} from "../../test-support/run-action.js";

const LABEL = "security-contact-check";
const BOT = "github-actions[bot]";

const startFake = fakeStarter();

/** One failing subscription: every run wants an open tracking issue. */
async function start(): Promise<Fake> {
  const fake = await startFake({
    tenant: baseTenant([
      { subscriptionId: guid(1), displayName: "No contact", contact: null },
    ]),
  });
  return fake;
}

function run(
  fake: Fake,
  options: {
    env?: Record<string, string>;
    measureRss?: boolean;
    killWhen?: () => boolean;
  } = {},
): Promise<ActionRun> {
  return runAction(
    { ...fakeInputs(fake), "create-issue": "true", "github-token": "ghs_test" },
    runnerEnv(fake),
    { timeoutMs: 60_000, ...options },
  );
}

function seed(fake: Fake, number: number, user: string): FakeGitHubIssue {
  const issue: FakeGitHubIssue = {
    number,
    title: `Issue ${number}`,
    body: `${trackingMarker(fake.tenant.tenantId)}\nAll clear. Run fix.sh`,
    state: "open",
    state_reason: null,
    labels: [LABEL],
    comments: [],
    user,
  };
  fake.github.issues.push({ ...issue });
  const stored = fake.github.issues.at(-1);
  assert.ok(stored);
  return stored;
}

function untouched(issue: FakeGitHubIssue, fake: Fake): void {
  assert.equal(
    issue.body,
    `${trackingMarker(fake.tenant.tenantId)}\nAll clear. Run fix.sh`,
  );
  assert.equal(issue.state, "open");
  assert.deepEqual(issue.comments, []);
}

function describeRun(result: ActionRun): string {
  return `exit ${result.exitCode}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-2000)}`;
}

/** The check's own results exist even when the tracking step failed. */
function assertPublished(result: ActionRun): void {
  assert.ok(result.report, `no JSON report\n${describeRun(result)}`);
  assert.equal(result.outputs.status, "fail");
  assert.ok(result.summary.includes(guid(1)), "no job summary");
}

function trackingAnnotation(result: ActionRun): string {
  const annotation = result.annotations.find(
    (a) => a.title === "Tracking issue not updated",
  );
  assert.ok(annotation, describeRun(result));
  return annotation.message;
}

describe("round 2, finding 1: a person's issue is never taken over", () => {
  it("GITHUB_TOKEN and only a person's look-alike: a new issue is opened, the person's is untouched", async () => {
    const fake = await start();
    const person = seed(fake, 1, "mallory");
    const result = await run(fake);
    assert.equal(result.exitCode, 1, describeRun(result));
    untouched(person, fake);
    assert.equal(result.outputs["issue-number"], "2", describeRun(result));
    const created = fake.github.issues.find((i) => i.number === 2);
    assert.equal(created?.user, BOT);
  });

  it("an app token keeps its own <slug>[bot] issue, not another bot's older one", async () => {
    const fake = await start();
    fake.github.viewerLogin = "contact-check-app[bot]";
    const other = seed(fake, 1, "renovate[bot]");
    const own = seed(fake, 2, "contact-check-app[bot]");
    const result = await run(fake);
    assert.equal(result.outputs["issue-number"], "2", describeRun(result));
    untouched(other, fake);
    assert.notEqual(own.body.includes("All clear"), true);
  });

  it("a GET /user refused for another reason fails the tracking step; the verdict and reports are still published", async () => {
    const fake = await start();
    const person = seed(fake, 1, "mallory");
    const own = seed(fake, 2, "octo-admin");
    fake.github.userLogin = "octo-admin";
    fake.github.userError = {
      status: 403,
      times: 1,
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      headers: { "retry-after": "600" },
    };
    const result = await run(fake);
    assert.equal(result.exitCode, 1, describeRun(result));
    untouched(person, fake);
    untouched(own, fake);
    assert.equal(fake.github.issues.length, 2, "no issue was opened");
    assertPublished(result);
    const message = trackingAnnotation(result);
    assert.match(message, /GET \/user|who the github-token/i);
    assert.match(message, /rate limit/i);
  });
});

describe("round 2, finding 8: a rate limit is called a rate limit", () => {
  it("a 403 with x-ratelimit-remaining: 0 says when the limit resets, not which permission to give", async () => {
    const fake = await start();
    seed(fake, 1, BOT);
    const reset = Math.floor(Date.now() / 1000) + 3600;
    fake.github.failNext = {
      status: 403,
      times: 1,
      method: "PATCH",
      message: "API rate limit exceeded for installation ID 4242.",
      headers: {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
      },
    };
    const result = await run(fake);
    assertPublished(result);
    const message = trackingAnnotation(result);
    assert.match(message, /rate limit/i);
    assert.ok(
      message.includes(new Date(reset * 1000).toISOString().slice(0, 16)),
      message,
    );
    assert.doesNotMatch(message, /permissions/);
  });

  it("a secondary rate limit says to wait, not which permission to give", async () => {
    const fake = await start();
    seed(fake, 1, BOT);
    fake.github.failNext = {
      status: 403,
      times: 1,
      method: "PATCH",
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      headers: { "retry-after": "900" },
    };
    const result = await run(fake);
    assertPublished(result);
    const message = trackingAnnotation(result);
    assert.match(message, /secondary rate limit/i);
    assert.match(message, /900 s|15 min/);
    assert.doesNotMatch(message, /permissions/);
  });
});

describe("round 2, finding 5: GitHub cannot hold the tracking step", () => {
  it("an API that trickles one byte a second ends at the deadline, reports published", async () => {
    const fake = await start();
    fake.github.trickleMs = 1000;
    const result = await run(fake, {
      env: {
        CONTACT_CHECK_GITHUB_REQUEST_TIMEOUT_MS: "2000",
        CONTACT_CHECK_TRACKING_DEADLINE_MS: "8000",
      },
    });
    assert.equal(result.exitCode, 1, describeRun(result));
    assertPublished(result);
    assert.match(trackingAnnotation(result), /within|deadline|timed out/i);
  });
});

describe("round 2, finding 5: everything is published before the tracking step", () => {
  it("a job killed while GitHub stalls still has its summary, report and outputs; the issue outputs are not set", async () => {
    const fake = await start();
    fake.github.trickleMs = 1000;
    const result = await run(fake, {
      env: {
        CONTACT_CHECK_GITHUB_REQUEST_TIMEOUT_MS: "600000",
        CONTACT_CHECK_TRACKING_DEADLINE_MS: "600000",
      },
      // Killed as soon as the tracking step has asked GitHub anything.
      killWhen: () => fake.requests.some((r) => r.service === "github"),
    });
    assert.equal(result.exitCode, null, describeRun(result));
    assertPublished(result);
    assert.equal(result.outputs["subscriptions-failed"], "1");
    assert.equal(result.outputs["issue-number"], "");
    assert.ok(!result.summary.includes("Tracking issue ["));
  });
});

describe("round 2, finding 6: GitHub answers are bounded", () => {
  it("a gzip bomb for the issue list fails the tracking step with a clear reason; memory stays low", async () => {
    const fake = await start();
    fake.github.gzipBombBytes = 256 * 1024 ** 2;
    const result = await run(fake, { measureRss: true });
    assert.equal(result.exitCode, 1, describeRun(result));
    assertPublished(result);
    assert.match(trackingAnnotation(result), /larger than|too large|MiB/i);
    assert.deepEqual(fake.github.issues, [], "an issue was opened");
    assert.ok(
      (result.peakRssMb ?? Infinity) < 250,
      `peak RSS ${result.peakRssMb} MB`,
    );
  });
});
