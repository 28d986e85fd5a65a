/**
 * End-to-end fault tests: the real bundle (`node dist/index.js`) against the
 * HTTPS fake, with the faults the action must survive: a subscription that
 * never answers, throttling with and without Retry-After, connection resets,
 * 5xx bursts, HTML and truncated bodies, a contact without properties, a
 * broken subscription listing, and 2,000 subscriptions with latency.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { defaultResilienceOptions } from "../../src/azure/resilience.js";
import { readRunnerContext } from "../../src/inputs/runner-context.js";
import {
  behaviourTimes,
  type Fake,
  type FakeBehaviour,
  type FakeSubscription,
  type FakeTenant,
  forever,
  generatedTenant,
  guid,
  startFake,
} from "../../test-support/fake/index.js";
import {
  type ActionRun,
  fakeInputs,
  reportRows,
  runAction,
  runnerEnv,
} from "../../test-support/run-action.js";
import type { ReportRow } from "../../src/report/report-file.js";

/** Per-attempt timeout for the runs here, so a hang costs seconds, not minutes. */
const ATTEMPT_TIMEOUT_MS = 1500;
/** Nothing here may hang the suite: the bundle is killed after this. */
const RUN_GUARD_MS = 80_000;

function row(rows: Map<string, ReportRow>, n: number): ReportRow {
  const found = rows.get(guid(n));
  assert.ok(found, `report row for subscription ${n}`);
  return found;
}

function reportErrors(run: ActionRun): string[] {
  return (run.report?.errors ?? []) as string[];
}

function sub(tenant: FakeTenant, n: number): FakeSubscription {
  const found = tenant.subscriptions[n - 1];
  assert.ok(found, `subscription ${n} exists`);
  return found;
}

/** The counts outputs, in the order the README lists them. */
function counts(run: ActionRun): number[] {
  return ["total", "passed", "failed", "errored", "skipped"].map((name) =>
    Number(run.outputs[`subscriptions-${name}`]),
  );
}

function contactRequests(fake: Fake, n: number): number {
  return fake.counters().contactRequestsBySubscription.get(guid(n)) ?? 0;
}

function listingRequests(fake: Fake): number {
  return fake.requests.filter(
    (r) => r.service === "arm" && /^\/arm\/subscriptions\/?$/.test(r.path),
  ).length;
}

/** The "N subscriptions in T s, R retries." line of the Verdicts group. */
function loggedRetries(run: ActionRun): number {
  const match = /^\d+ subscriptions in [\d.]+ s, (\d+) retries\.$/m.exec(
    run.stdout,
  );
  assert.ok(match, "the verdicts group logs the retry count");
  return Number(match[1]);
}

async function runAgainst(
  fake: Fake,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  const run = await runAction(
    { ...fakeInputs(fake), ...inputs },
    runnerEnv(fake),
    {
      env: { CONTACT_CHECK_ATTEMPT_TIMEOUT_MS: String(ATTEMPT_TIMEOUT_MS) },
      timeoutMs: RUN_GUARD_MS,
    },
  );
  assert.notEqual(run.exitCode, null, `the run ended by itself\n${run.stderr}`);
  assert.equal(run.stderr, "", "nothing on stderr (no crash)");
  return run;
}

/** Worst time one subscription can take: every attempt times out, every backoff at its ceiling. */
function worstCaseMs(
  options: ReturnType<typeof defaultResilienceOptions>,
): number {
  let total = (options.maxRetries + 1) * options.attemptTimeoutMs;
  for (let retry = 0; retry < options.maxRetries; retry++) {
    total += Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  }
  return total;
}

describe("default resilience options", () => {
  it("time out each attempt after 10 to 60 s, and a hung subscription costs two minutes at most", () => {
    const options = defaultResilienceOptions();
    assert.ok(
      options.attemptTimeoutMs >= 10_000 && options.attemptTimeoutMs <= 60_000,
      `attempt timeout ${options.attemptTimeoutMs} ms`,
    );
    assert.ok(
      worstCaseMs(options) <= 120_000,
      `worst case ${worstCaseMs(options)} ms`,
    );
    assert.equal(
      defaultResilienceOptions(
        readRunnerContext({ CONTACT_CHECK_ATTEMPT_TIMEOUT_MS: "1500" }).timing
          .attemptTimeoutMs,
      ).attemptTimeoutMs,
      1500,
    );
  });
});

describe("faults on single subscriptions, in one run", () => {
  const CONCURRENCY = 8;
  const throttled = (retryAfterSeconds?: number): FakeBehaviour => ({
    kind: "status",
    status: 429,
    code: "TooManyRequests",
    message:
      "The request is being throttled as the limit has been reached for operation type - Read.",
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
  const unavailable: FakeBehaviour = {
    kind: "status",
    status: 503,
    code: "ServiceUnavailable",
    message: "The service is temporarily unavailable.",
  };

  /** Expected contact requests per subscription number; the rest get exactly 1. */
  const requests: Record<number, number> = {};
  /** Subscription number → [status, reason pattern]. */
  const expected = new Map<number, [string, RegExp]>();
  const tenant = generatedTenant(25);
  function setUp(
    n: number,
    behaviours: FakeBehaviour[] | undefined,
    calls: number,
    status: string,
    reason: RegExp,
  ): void {
    if (behaviours) sub(tenant, n).behaviours = behaviours;
    requests[n] = calls;
    expected.set(n, [status, reason]);
  }
  const PASSED = /^1 valid additional email address configured\.$/;

  // Never answers: every attempt times out, then it is an error; the run goes on.
  setUp(
    1,
    forever({ kind: "hang" }),
    5,
    "error",
    /^Could not be evaluated: RequestTimeout: No complete answer within 1\.5 s \(5 attempts\)\.$/,
  );
  // 429 without Retry-After, twice: backoff, then it passes.
  setUp(2, behaviourTimes(2, throttled()), 3, "pass", PASSED);
  // 429 with Retry-After: 2 s, once: waits exactly that long, then passes.
  setUp(3, [throttled(2)], 2, "pass", PASSED);
  // Two connection resets, then an answer.
  setUp(4, behaviourTimes(2, { kind: "reset" }), 3, "pass", PASSED);
  // A burst of three 503s.
  setUp(5, behaviourTimes(3, unavailable), 4, "pass", PASSED);
  // 503 for ever: retries run out, the last cause is Azure's code and message.
  setUp(
    6,
    forever(unavailable),
    5,
    "error",
    /^Could not be evaluated: ServiceUnavailable: The service is temporarily unavailable\.$/,
  );
  // Resets for ever: the last cause is the connection's.
  setUp(
    7,
    forever({ kind: "reset" }),
    5,
    "error",
    /^Could not be evaluated: ECONNRESET: Connection failed \(5 attempts\): .*ECONNRESET/,
  );
  // An HTML page with 200 where JSON belongs: not retried, a clear error.
  setUp(
    8,
    [{ kind: "html", status: 200 }],
    1,
    "error",
    /^Could not be evaluated: HTTP200: Azure answered HTTP 200 with an HTML page instead of JSON\.$/,
  );
  // A gateway's HTML 502 twice (retried like any 5xx), then the real answer.
  setUp(9, behaviourTimes(2, { kind: "html", status: 502 }), 3, "pass", PASSED);
  // HTML 503 for ever: an error that says HTML, not a parse failure.
  setUp(
    10,
    forever({ kind: "html", status: 503 }),
    5,
    "error",
    /^Could not be evaluated: HTTP503: Azure answered HTTP 503 with an HTML page instead of JSON\.$/,
  );
  // Truncated JSON: a clear error, without quoting the body.
  setUp(
    11,
    [{ kind: "truncated" }],
    1,
    "error",
    /^Could not be evaluated: MalformedResponse: Azure answered HTTP 200 with a body that is not valid JSON \(\d+ bytes, possibly truncated\)\.$/,
  );
  // A contact without properties.
  sub(tenant, 12).contact = {
    emails: "secops@contoso.com",
    omitProperties: true,
  };
  setUp(
    12,
    undefined,
    1,
    "error",
    /^Could not be evaluated: MalformedResponse: The security contact 'default' has no properties\.$/,
  );
  // An answer slower than the attempt timeout: timed out once, then passes.
  setUp(13, [{ kind: "delay", ms: 4000 }], 2, "pass", PASSED);
  // The read quota runs low: everything pauses, nothing fails.
  setUp(14, [{ kind: "lowQuota", remaining: 0 }], 1, "pass", PASSED);
  // No security contact: the one failing subscription.
  sub(tenant, 15).contact = null;
  setUp(15, undefined, 1, "fail", /^No security contact is configured/);
  // 429 for ever, with Retry-After: retries run out.
  setUp(
    16,
    forever(throttled(1)),
    5,
    "error",
    /^Could not be evaluated: TooManyRequests: The request is being throttled as the limit has been reached for operation type - Read\.$/,
  );
  // A Retry-After beyond what is honoured ends the retries at once.
  setUp(
    17,
    [throttled(600)],
    1,
    "error",
    /^Could not be evaluated: TooManyRequests: The request is being throttled/,
  );
  // Disabled: skipped without a request.
  sub(tenant, 25).state = "Disabled";
  setUp(25, undefined, 0, "skipped", /^Subscription is Disabled/);

  const errored = [...expected]
    .filter(([, [status]]) => status === "error")
    .map(([n]) => guid(n));
  const retries = Object.values(requests)
    .filter((calls) => calls > 1)
    .reduce((sum, calls) => sum + calls - 1, 0);

  let fake: Fake;
  let run: ActionRun;
  before(async () => {
    fake = await startFake({ tenant });
    run = await runAgainst(fake, { concurrency: String(CONCURRENCY) });
  });
  after(() => fake.close());

  it("ends with exact outputs: one fail, the errors counted apart, the rest right", () => {
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.status, "fail");
    assert.deepEqual(counts(run), [25, 14, 1, errored.length, 1]);
    assert.equal(errored.length, 9);
    assert.equal(
      run.outputs["failed-subscriptions"],
      JSON.stringify([guid(15)]),
    );
  });

  it("gives every subscription the right status and a clear reason", () => {
    const rows = reportRows(run);
    assert.equal(rows.size, 25);
    for (let n = 1; n <= 25; n++) {
      const [status, reason] = expected.get(n) ?? ["pass", PASSED];
      const actual = row(rows, n);
      assert.equal(
        actual.status,
        status,
        `subscription ${n}: ${actual.reason}`,
      );
      assert.match(actual.reason, reason, `subscription ${n}`);
      // A clear sentence, never a dump of the answer.
      assert.doesNotMatch(actual.reason, /[{<]/, `subscription ${n}`);
    }
  });

  it("sends exactly the expected contact requests per subscription, retries included", () => {
    for (let n = 1; n <= 25; n++) {
      assert.equal(
        contactRequests(fake, n),
        requests[n] ?? 1,
        `subscription ${n}`,
      );
    }
    const counters = fake.counters();
    assert.equal(counters.contactRequests, 24 + retries);
    assert.equal(counters.retriesObserved, retries);
    assert.equal(loggedRetries(run), retries);
  });

  it("honours Retry-After and backs off with jitter without it", () => {
    const delays = (n: number): number[] =>
      [
        ...run.stdout.matchAll(
          new RegExp(
            `^::debug::GET /arm/subscriptions/${guid(n)}/\\S+: HTTP 429, retry \\d in (\\d+) ms$`,
            "gm",
          ),
        ),
      ].map((m) => Number(m[1]));
    assert.deepEqual(delays(3), [2000]);
    assert.deepEqual(delays(16), [1000, 1000, 1000, 1000]);
    const backoff = delays(2);
    assert.equal(backoff.length, 2);
    const [first = 0, second = 0] = backoff;
    assert.ok(first >= 500 && first <= 1000, `first backoff ${first} ms`);
    assert.ok(second >= 1000 && second <= 2000, `second backoff ${second} ms`);
  });

  it("never has more than twice the concurrency in flight", () => {
    const { maxInFlight } = fake.counters();
    assert.ok(
      maxInFlight >= 1 && maxInFlight <= 2 * CONCURRENCY,
      `${maxInFlight}`,
    );
  });

  it("annotates every failing and errored subscription, and reports progress", () => {
    const findings = run.annotations.filter(
      (a) =>
        a.title === "Subscription could not be evaluated" ||
        a.title === "Security contact email missing",
    );
    assert.equal(findings.length, 10);
    assert.ok(findings.every((a) => a.level === "error"));
    const erroredAnnotated = findings
      .filter((a) => a.title === "Subscription could not be evaluated")
      .map((a) => /\(([0-9a-f-]{36})\)/.exec(a.message)?.[1]);
    assert.deepEqual(erroredAnnotated.sort(), [...errored].sort());
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === "notice" &&
          a.message ===
            "25 subscriptions: 14 passed, 1 failed, 9 errored, 1 skipped (status: fail).",
      ),
    );
    assert.ok(
      run.annotations.some(
        (a) =>
          a.level === "error" &&
          a.title === "" &&
          a.message.includes("9 subscriptions could not be evaluated"),
      ),
    );
    // The hang keeps this run past the 5 s progress interval.
    assert.match(
      run.stdout,
      /^Progress: \d+ of 25 subscriptions evaluated\.$/m,
    );
  });
});

describe("faults in the subscription listing", () => {
  /** 12 subscriptions in pages of 5: three pages. */
  function listingTenant(listing?: FakeBehaviour[]): FakeTenant {
    const tenant = generatedTenant(12, { pageSize: 5 });
    if (listing) tenant.listing = listing;
    return tenant;
  }

  async function check(
    tenant: FakeTenant,
  ): Promise<{ run: ActionRun; fake: Fake }> {
    const fake = await startFake({ tenant });
    try {
      return { run: await runAgainst(fake, { concurrency: "4" }), fake };
    } finally {
      await fake.close();
    }
  }

  function assertListingError(run: ActionRun, pattern: RegExp): void {
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.status, "error");
    const errors = reportErrors(run);
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? "", pattern);
    assert.doesNotMatch(errors[0] ?? "", /[{<]|Cannot read properties/);
    const annotated = run.annotations.filter(
      (a) => a.title === "Subscription listing failed",
    );
    assert.deepEqual(
      annotated.map((a) => [a.level, a.message]),
      [["error", errors[0]]],
    );
  }

  it("a repeating nextLink ends the listing with an error, without looping", async () => {
    const tenant = listingTenant();
    tenant.repeatNextLink = true;
    const { run, fake } = await check(tenant);
    assertListingError(
      run,
      /^Listing subscriptions failed: page 2 repeats an earlier nextLink, so the listing stopped\.$/,
    );
    // Page 1 links to page 2 and page 2 links to itself: the link repeats
    // after the second request, and nothing is asked again.
    assert.equal(listingRequests(fake), 2);
    // What was listed is still evaluated, each once.
    assert.deepEqual(counts(run), [10, 10, 0, 0, 0]);
    assert.equal(fake.counters().contactRequests, 10);
    assert.ok(
      [...fake.counters().contactRequestsBySubscription.values()].every(
        (calls) => calls === 1,
      ),
    );
  });

  it("an HTML page where a page of JSON belongs is a clear listing error", async () => {
    const { run, fake } = await check(
      listingTenant([
        { kind: "delay", ms: 0 },
        { kind: "html", status: 200 },
      ]),
    );
    assertListingError(
      run,
      /^Listing subscriptions failed after 1 page: HTTP200: Azure answered HTTP 200 with an HTML page instead of JSON\.$/,
    );
    assert.deepEqual(counts(run), [5, 5, 0, 0, 0]);
    assert.equal(listingRequests(fake), 2);
  });

  it("truncated JSON is a clear listing error that does not quote the page", async () => {
    const { run } = await check(listingTenant([{ kind: "truncated" }]));
    assertListingError(
      run,
      /^Listing subscriptions failed after 0 pages: MalformedResponse: Azure answered HTTP 200 with a body that is not valid JSON \(\d+ bytes, possibly truncated\)\.$/,
    );
    assert.deepEqual(counts(run), [0, 0, 0, 0, 0]);
  });

  it("an HTML 503 that never ends is a listing error, after the retries", async () => {
    const { run, fake } = await check(
      listingTenant(forever({ kind: "html", status: 503 })),
    );
    assertListingError(
      run,
      /^Listing subscriptions failed after 0 pages: HTTP503: Azure answered HTTP 503 with an HTML page instead of JSON\.$/,
    );
    assert.equal(listingRequests(fake), 5);
  });

  it("429 for ever ends with Azure's code once the retries run out", async () => {
    const { run, fake } = await check(
      listingTenant(
        forever({
          kind: "status",
          status: 429,
          code: "TooManyRequests",
          message: "The request is being throttled.",
          retryAfterSeconds: 0,
        }),
      ),
    );
    assertListingError(
      run,
      /^Listing subscriptions failed after 0 pages: TooManyRequests: .*\b429$/,
    );
    assert.equal(listingRequests(fake), 5);
    assert.equal(loggedRetries(run), 4);
  });

  it("a 503 burst and a reset on the listing are retried, and every subscription passes", async () => {
    const { run, fake } = await check(
      listingTenant([
        ...behaviourTimes(2, {
          kind: "status",
          status: 503,
          code: "ServiceUnavailable",
        }),
        { kind: "delay", ms: 0 }, // page 1 answers
        { kind: "reset" }, // page 2 is cut once
      ]),
    );
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, "pass");
    assert.deepEqual(counts(run), [12, 12, 0, 0, 0]);
    assert.deepEqual(reportErrors(run), []);
    assert.equal(listingRequests(fake), 6);
    assert.equal(loggedRetries(run), 3);
    assert.equal(fake.counters().contactRequests, 12);
  });

  it("a page that is a bare array instead of {value} is a clear listing error", async () => {
    const { run } = await check(listingTenant([{ kind: "bareArray" }]));
    assertListingError(
      run,
      /^Listing subscriptions failed after 0 pages: MalformedResponse: page 1 does not have the shape of a subscription list\.$/,
    );
  });
});

describe("2,000 subscriptions with 50 ms latency", () => {
  const N = 2000;
  const CONCURRENCY = 16;
  let fake: Fake;
  let run: ActionRun;
  before(async () => {
    fake = await startFake({ tenant: generatedTenant(N, { latencyMs: 50 }) });
    run = await runAgainst(fake, { concurrency: String(CONCURRENCY) });
  });
  after(() => fake.close());

  it("passes every subscription with exact counts", () => {
    assert.equal(run.exitCode, 0, run.stdout.slice(-2000));
    assert.deepEqual(run.outputs, {
      status: "pass",
      "subscriptions-total": "2000",
      "subscriptions-passed": "2000",
      "subscriptions-failed": "0",
      "subscriptions-errored": "0",
      "subscriptions-skipped": "0",
      "failed-subscriptions": "[]",
      "control-failures": '{"additional-emails":0}',
      "remediated-subscriptions": "[]",
      "report-file": run.outputs["report-file"],
      "file-findings-total": "0",
      "file-findings-failed": "0",
      "file-findings-errored": "0",
      "file-findings-unresolved": "0",
      "sarif-file": "",
      "fix-script": "",
      "issue-number": "",
      "issue-url": "",
    });
    const rows = reportRows(run);
    assert.equal(rows.size, N);
    for (let n = 1; n <= N; n++) assert.equal(row(rows, n).status, "pass");
    assert.deepEqual(reportErrors(run), []);
  });

  it("sends one contact request per subscription and retries nothing", () => {
    const counters = fake.counters();
    assert.equal(counters.contactRequests, N);
    assert.equal(counters.contactRequestsBySubscription.size, N);
    assert.ok(
      [...counters.contactRequestsBySubscription.values()].every(
        (c) => c === 1,
      ),
    );
    assert.equal(counters.retriesObserved, 0);
    assert.equal(loggedRetries(run), 0);
    // 20 pages of 100, each once.
    assert.equal(listingRequests(fake), 20);
  });

  it("keeps at most twice the concurrency in flight", () => {
    const { maxInFlight } = fake.counters();
    assert.ok(
      maxInFlight > 1 && maxInFlight <= 2 * CONCURRENCY,
      `${maxInFlight}`,
    );
  });

  it("logs progress, annotates only the totals, and keeps the summary small", () => {
    // 125 rounds of 50 ms cannot finish inside the 5 s progress interval.
    assert.match(
      run.stdout,
      /^Progress: \d+ of \d+\+? (\(listing continues\) )?subscriptions evaluated\.$/m,
    );
    assert.deepEqual(run.annotations, [
      {
        level: "notice",
        title: "Defender for Cloud security contact check",
        message:
          "2000 subscriptions: 2000 passed, 0 failed, 0 errored, 0 skipped (status: pass).",
      },
    ]);
    assert.ok(Buffer.byteLength(run.summary) < 1024 * 1024);
  });
});
