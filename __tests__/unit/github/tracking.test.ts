import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { SubscriptionResult } from "../../../src/check/model.js";
import { summarizeRun, type RunResult } from "../../../src/check/run-result.js";
import {
  ISSUE_BODY_LIMIT,
  renderClosingComment,
  renderIssueBody,
  trackingMarker,
  type IssueContext,
} from "../../../src/github/issue-body.js";
import {
  decideTrackingAction,
  isTrackingIssue,
  missingLabels,
  type IssueSummary,
} from "../../../src/github/tracking-decision.js";
import { TrackingIssueError } from "../../../src/github/github-errors.js";
import {
  syncTrackingIssue,
  type IssueApi,
  type IssueRef,
  type TrackingSettings,
} from "../../../src/github/tracking-issue.js";
import { guidFor, resultOf } from "../fixtures.js";
import { assertTablesWellFormed } from "../../../test-support/tables.js";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OTHER_TENANT = "11111111-2222-4333-8444-555555555555";
const RUN_URL = "https://github.example/octo/landing-zone/actions/runs/4242";
const HOSTILE_NAME = "Prod | <script>alert(1)</script> **bold** @team\nline2";

function context(overrides: Partial<IssueContext> = {}): IssueContext {
  return {
    tenantId: TENANT,
    environment: "AzureCloud",
    resourceManagerEndpoint: "https://management.azure.com",
    maskEmails: true,
    generatedAt: "2025-01-01T00:00:00.000Z",
    runUrl: RUN_URL,
    ...overrides,
  };
}

const SETTINGS: TrackingSettings = {
  issueTitle: "Defender for Cloud: security contact email missing",
  issueLabels: ["security-contact-check", "security"],
};

function summary(overrides: Partial<IssueSummary> = {}): IssueSummary {
  return {
    number: 7,
    body: `${trackingMarker(TENANT)}\nold body`,
    isPullRequest: false,
    labels: ["security-contact-check"],
    htmlUrl: "https://github.example/octo/landing-zone/issues/7",
    author: "github-actions[bot]",
    ...overrides,
  };
}

const failingRun = (): RunResult =>
  summarizeRun([resultOf(1, "pass"), resultOf(2, "fail")]);
const erroredRun = (): RunResult =>
  summarizeRun([resultOf(1, "pass"), resultOf(2, "error")]);
const passingRun = (): RunResult =>
  summarizeRun([resultOf(1, "pass"), resultOf(2, "pass")]);

describe("decideTrackingAction", () => {
  const open = summary();

  it("creates an issue when the run fails or errors and none is open", () => {
    assert.deepEqual(decideTrackingAction("fail", undefined), {
      action: "create",
    });
    assert.deepEqual(decideTrackingAction("error", undefined), {
      action: "create",
    });
  });

  it("updates the open issue when the run fails or errors", () => {
    assert.deepEqual(decideTrackingAction("fail", open), {
      action: "update",
      issue: open,
    });
    assert.deepEqual(decideTrackingAction("error", open), {
      action: "update",
      issue: open,
    });
  });

  it("closes the open issue when the run passes", () => {
    assert.deepEqual(decideTrackingAction("pass", open), {
      action: "close",
      issue: open,
    });
  });

  it("does nothing when the run passes and no issue is open", () => {
    assert.deepEqual(decideTrackingAction("pass", undefined), {
      action: "none",
    });
  });
});

describe("trackingMarker", () => {
  it("is a hidden HTML comment naming the check and the tenant", () => {
    const marker = trackingMarker(TENANT);
    assert.match(marker, /^<!--.*-->$/);
    assert.ok(marker.includes("defender-security-contact-check"));
    assert.ok(marker.includes(TENANT));
  });

  it("does not depend on the tenant ID's case", () => {
    assert.equal(trackingMarker(TENANT.toUpperCase()), trackingMarker(TENANT));
  });

  it("differs per tenant, and neither marker contains the other", () => {
    const a = trackingMarker("contoso.onmicrosoft.com");
    const b = trackingMarker("contoso.onmicrosoft.com.evil");
    assert.notEqual(a, b);
    assert.ok(!a.includes(b) && !b.includes(a));
    assert.notEqual(trackingMarker(TENANT), trackingMarker(OTHER_TENANT));
  });
});

describe("isTrackingIssue", () => {
  const marker = trackingMarker(TENANT);

  it("accepts an issue whose body carries this tenant's marker", () => {
    assert.equal(
      isTrackingIssue(summary(), marker, "github-actions[bot]"),
      true,
    );
  });

  it("never accepts a pull request, even with the marker", () => {
    assert.equal(
      isTrackingIssue(
        summary({ isPullRequest: true }),
        marker,
        "github-actions[bot]",
      ),
      false,
    );
  });

  it("rejects an issue without the marker, or with no body at all", () => {
    assert.equal(
      isTrackingIssue(
        summary({ body: "Labelled by a person." }),
        marker,
        "github-actions[bot]",
      ),
      false,
    );
    assert.equal(
      isTrackingIssue(summary({ body: null }), marker, "github-actions[bot]"),
      false,
    );
  });

  it("rejects another tenant's tracking issue", () => {
    const other = summary({ body: `${trackingMarker(OTHER_TENANT)}\nbody` });
    assert.equal(isTrackingIssue(other, marker, "github-actions[bot]"), false);
  });
});

describe("missingLabels", () => {
  it("lists the wanted labels the issue lacks, in input order", () => {
    const issue = summary({ labels: ["security"] });
    assert.deepEqual(
      missingLabels(issue, ["security-contact-check", "security", "azure"]),
      ["security-contact-check", "azure"],
    );
  });

  it("compares case-insensitively and ignores labels people added", () => {
    const issue = summary({
      labels: ["Security-Contact-Check", "triaged", "p1"],
    });
    assert.deepEqual(missingLabels(issue, ["security-contact-check"]), []);
  });
});

describe("renderIssueBody", () => {
  it("starts with the marker and gives the verdict, counts and run link", () => {
    const body = renderIssueBody(failingRun(), context());
    assert.ok(body.startsWith(trackingMarker(TENANT)));
    assert.ok(body.includes("Security contact email missing"));
    assert.ok(body.includes("✅ 1 passed · ❌ 1 failed"));
    assert.ok(body.includes(`(${RUN_URL})`));
    assert.ok(body.includes("### How to fix"));
    assert.ok(body.includes(guidFor(2)));
  });

  it("lists failing and errored subscriptions, not passing ones", () => {
    const run = summarizeRun([
      resultOf(1, "pass"),
      resultOf(2, "fail"),
      resultOf(3, "error"),
      resultOf(4, "skipped"),
    ]);
    const body = renderIssueBody(run, context());
    assert.ok(body.includes(guidFor(2)));
    assert.ok(body.includes(guidFor(3)));
    assert.ok(!body.includes(guidFor(1)));
    assert.ok(!body.includes(guidFor(4)));
  });

  it("stays under GitHub's limit with 3,000 failing subscriptions", () => {
    const results: SubscriptionResult[] = [];
    for (let i = 1; i <= 3000; i++) {
      results.push(
        resultOf(i, "fail", {
          // Worst case: every character escapes to a numeric entity.
          displayName: `${"|<@>".repeat(40)} ${i}`,
          reason: "#|".repeat(300),
          invalidEmails: Array.from(
            { length: 8 },
            (_, k) => `${"x".repeat(70)}${k}@contoso`,
          ),
        }),
      );
    }
    const run = summarizeRun(results);
    for (const maskEmails of [true, false]) {
      const body = renderIssueBody(run, context({ maskEmails }));
      assert.ok(
        body.length < ISSUE_BODY_LIMIT,
        `body is ${body.length} characters`,
      );
      assert.match(body, /…and \d+ more: see the job summary/);
    }
  });

  it("escapes hostile display names", () => {
    const run = summarizeRun([
      resultOf(1, "fail", { displayName: HOSTILE_NAME }),
    ]);
    const body = renderIssueBody(run, context());
    assert.ok(!body.includes("<script>"));
    assert.ok(!body.includes("@team"));
    assert.ok(!body.includes("**bold**"));
    const row = body.split("\n").find((line) => line.includes(guidFor(1)));
    assert.ok(row?.startsWith("<tr>"), "no table row for the subscription");
    // The name's `|` or markup must not add a cell.
    assert.equal(assertTablesWellFormed(body), 1);
  });

  it("masks addresses when asked, and shows them when not", () => {
    const run = summarizeRun([
      resultOf(1, "fail", { invalidEmails: ["alice.smith@contoso"] }),
    ]);
    const masked = renderIssueBody(run, context({ maskEmails: true }));
    assert.ok(!masked.includes("alice.smith"));
    assert.ok(masked.includes("<code>a***@contoso</code>"));
    const plain = renderIssueBody(run, context({ maskEmails: false }));
    // Shown exactly, in code: no zero-width space, no mention, no link.
    assert.ok(plain.includes("<code>alice.smith@contoso</code>"));
  });

  it("lists errors outside any subscription", () => {
    const run = summarizeRun([], ["Listing failed: <boom>"]);
    const body = renderIssueBody(run, context());
    assert.ok(body.includes("Errors outside any one subscription"));
    assert.ok(body.includes("Listing failed"));
    assert.ok(!body.includes("<boom>"));
  });
});

describe("renderClosingComment", () => {
  it("gives the totals and the run link", () => {
    const comment = renderClosingComment(passingRun(), context());
    assert.ok(comment.includes("**2** subscriptions in scope"));
    assert.ok(comment.includes(`(${RUN_URL})`));
    assert.match(comment, /valid additional email address/);
  });

  it("names what was checked: several controls, or the repository's files", () => {
    const controls = renderClosingComment(
      { ...passingRun(), checks: ["additional-emails", "notify-owners"] },
      context(),
    );
    assert.match(
      controls,
      /passes the selected security contact controls \(additional-emails, notify-owners\)/,
    );
    const files = renderClosingComment(
      { ...passingRun(), scan: "files" },
      context(),
    );
    assert.match(
      files,
      /Now every security contact setting in the repository's files passes/,
    );
    assert.doesNotMatch(files, /subscription in scope now/);
  });
});

type Call =
  | { kind: "list"; label: string }
  | { kind: "create"; title: string; body: string; labels: string[] }
  | { kind: "updateBody"; number: number; body: string }
  | { kind: "addLabels"; number: number; labels: string[] }
  | { kind: "comment"; number: number; body: string }
  | { kind: "close"; number: number };

/** An in-memory IssueApi that records every call; `fail` makes one kind of call throw. */
class MemoryIssueApi implements IssueApi {
  readonly calls: Call[] = [];
  listed = 0;
  private nextNumber = 100;

  constructor(
    readonly open: IssueSummary[] = [],
    readonly fail: Partial<Record<Call["kind"], unknown>> = {},
  ) {}

  private check(kind: Call["kind"]): void {
    if (kind in this.fail) throw this.fail[kind];
  }

  private ref(number: number): IssueRef {
    return {
      number,
      url: `https://github.example/octo/landing-zone/issues/${number}`,
    };
  }

  async identity(): Promise<string> {
    return "github-actions[bot]";
  }

  async *openIssuesWithLabel(label: string): AsyncIterable<IssueSummary> {
    this.calls.push({ kind: "list", label });
    this.check("list");
    for (const issue of this.open) {
      if (!issue.labels.some((l) => l.toLowerCase() === label.toLowerCase()))
        continue;
      this.listed++;
      yield issue;
    }
  }

  async create(
    title: string,
    body: string,
    labels: readonly string[],
  ): Promise<IssueRef> {
    this.calls.push({ kind: "create", title, body, labels: [...labels] });
    this.check("create");
    return this.ref(this.nextNumber++);
  }

  async updateBody(number: number, body: string): Promise<IssueRef> {
    this.calls.push({ kind: "updateBody", number, body });
    this.check("updateBody");
    return this.ref(number);
  }

  async addLabels(number: number, labels: readonly string[]): Promise<void> {
    this.calls.push({ kind: "addLabels", number, labels: [...labels] });
    this.check("addLabels");
  }

  async comment(number: number, body: string): Promise<void> {
    this.calls.push({ kind: "comment", number, body });
    this.check("comment");
  }

  async close(number: number): Promise<IssueRef> {
    this.calls.push({ kind: "close", number });
    this.check("close");
    return this.ref(number);
  }

  kinds(): string[] {
    return this.calls.map((c) => c.kind);
  }
}

function httpError(status: number, message: string): Error {
  return Object.assign(new Error(`${message}\n{"documentation_url":"x"}`), {
    status,
  });
}

describe("syncTrackingIssue", () => {
  it("creates an issue with every label when the run fails and none is open", async () => {
    const api = new MemoryIssueApi();
    const outcome = await syncTrackingIssue(
      api,
      failingRun(),
      SETTINGS,
      context(),
    );
    assert.equal(outcome.action, "create");
    assert.deepEqual(outcome.issue, {
      number: 100,
      url: "https://github.example/octo/landing-zone/issues/100",
    });
    assert.deepEqual(api.kinds(), ["list", "create"]);
    const create = api.calls[1];
    assert.ok(create?.kind === "create");
    assert.equal(create.title, SETTINGS.issueTitle);
    assert.deepEqual(create.labels, ["security-contact-check", "security"]);
    assert.ok(create.body.startsWith(trackingMarker(TENANT)));
  });

  it("finds the issue by the first label only", async () => {
    const api = new MemoryIssueApi();
    await syncTrackingIssue(api, erroredRun(), SETTINGS, context());
    assert.deepEqual(api.calls[0], {
      kind: "list",
      label: "security-contact-check",
    });
  });

  it("rewrites the open issue in place, with no comment, adding only missing labels", async () => {
    const mine = summary({
      number: 42,
      labels: ["security-contact-check", "triaged"],
    });
    const api = new MemoryIssueApi([mine]);
    const outcome = await syncTrackingIssue(
      api,
      failingRun(),
      SETTINGS,
      context(),
    );
    assert.equal(outcome.action, "update");
    assert.equal(outcome.issue?.number, 42);
    assert.deepEqual(api.kinds(), ["list", "updateBody", "addLabels"]);
    assert.deepEqual(api.calls[2], {
      kind: "addLabels",
      number: 42,
      labels: ["security"],
    });
    const update = api.calls[1];
    assert.ok(update?.kind === "updateBody");
    assert.ok(update.body.startsWith(trackingMarker(TENANT)));
    assert.ok(!update.body.includes("old body"));
  });

  it("does not call addLabels when the issue has every label", async () => {
    const mine = summary({ labels: ["security", "Security-Contact-Check"] });
    const api = new MemoryIssueApi([mine]);
    await syncTrackingIssue(api, failingRun(), SETTINGS, context());
    assert.deepEqual(api.kinds(), ["list", "updateBody"]);
  });

  it("skips pull requests, foreign issues and other tenants' issues", async () => {
    const marker = trackingMarker(TENANT);
    const api = new MemoryIssueApi([
      summary({ number: 1, isPullRequest: true, body: marker }),
      summary({ number: 2, body: "A person's issue with our label." }),
      summary({ number: 3, body: trackingMarker(OTHER_TENANT) }),
      summary({ number: 4, body: null }),
      summary({ number: 5 }),
    ]);
    const outcome = await syncTrackingIssue(
      api,
      failingRun(),
      SETTINGS,
      context(),
    );
    assert.equal(outcome.action, "update");
    assert.equal(outcome.issue?.number, 5);
    for (const call of api.calls) {
      if ("number" in call) assert.equal(call.number, 5);
    }
  });

  it("creates a new issue when only foreign ones carry the label", async () => {
    const api = new MemoryIssueApi([
      summary({ number: 1, isPullRequest: true }),
      summary({ number: 3, body: trackingMarker(OTHER_TENANT) }),
    ]);
    const outcome = await syncTrackingIssue(
      api,
      failingRun(),
      SETTINGS,
      context(),
    );
    assert.equal(outcome.action, "create");
    assert.deepEqual(api.kinds(), ["list", "create"]);
  });

  it("reads every labelled issue and updates the oldest that qualifies", async () => {
    const api = new MemoryIssueApi([
      summary({ number: 30 }),
      ...Array.from({ length: 20 }, (_, i) =>
        summary({ number: 10 + i, body: "" }),
      ),
      summary({ number: 9 }),
    ]);
    await syncTrackingIssue(api, failingRun(), SETTINGS, context());
    assert.equal(api.listed, 22);
    assert.deepEqual(
      api.calls.filter((c) => c.kind === "updateBody").map((c) => c.number),
      [9],
    );
  });

  it("comments with the totals and run link, then closes, when the run passes", async () => {
    const api = new MemoryIssueApi([summary({ number: 42 })]);
    const outcome = await syncTrackingIssue(
      api,
      passingRun(),
      SETTINGS,
      context(),
    );
    assert.equal(outcome.action, "close");
    assert.equal(outcome.issue?.number, 42);
    assert.deepEqual(api.kinds(), ["list", "comment", "close"]);
    const comment = api.calls[1];
    assert.ok(comment?.kind === "comment");
    assert.equal(comment.number, 42);
    assert.ok(comment.body.includes(RUN_URL));
    assert.ok(comment.body.includes("**2** subscriptions in scope"));
  });

  it("does nothing when the run passes and no issue is open", async () => {
    const api = new MemoryIssueApi([summary({ body: "foreign" })]);
    const outcome = await syncTrackingIssue(
      api,
      passingRun(),
      SETTINGS,
      context(),
    );
    assert.deepEqual(outcome, { action: "none", issue: undefined });
    assert.deepEqual(api.kinds(), ["list"]);
  });

  it("turns a 403 into a TrackingIssueError naming the permission to add", async () => {
    const api = new MemoryIssueApi([], {
      create: httpError(403, "Resource not accessible by integration"),
    });
    await assert.rejects(
      syncTrackingIssue(api, failingRun(), SETTINGS, context()),
      (error: unknown) => {
        assert.ok(error instanceof TrackingIssueError);
        assert.ok(error.message.includes("issues: write"), error.message);
        assert.ok(error.message.includes("403"));
        assert.ok(
          error.message.includes("Resource not accessible by integration"),
        );
        // Only the first line of GitHub's message.
        assert.ok(!error.message.includes("documentation_url"));
        return true;
      },
    );
  });

  it("explains 401, 404 and 410, and errors without a status", async () => {
    const cases: [unknown, RegExp][] = [
      [
        httpError(401, "Bad credentials"),
        /github-token input is not a valid token/,
      ],
      [httpError(404, "Not Found"), /repository was not found/],
      [httpError(410, "Issues are disabled"), /Issues are turned off/],
      [new Error("socket hang up"), /answered with an error: socket hang up/],
      ["plain string", /plain string/],
    ];
    for (const [thrown, expected] of cases) {
      const api = new MemoryIssueApi([summary()], { updateBody: thrown });
      await assert.rejects(
        syncTrackingIssue(api, failingRun(), SETTINGS, context()),
        (error: unknown) => {
          assert.ok(error instanceof TrackingIssueError);
          assert.match(error.message, expected);
          return true;
        },
      );
    }
  });

  it("translates errors from listing and closing too", async () => {
    const listing = new MemoryIssueApi([], {
      list: httpError(403, "Forbidden"),
    });
    await assert.rejects(
      syncTrackingIssue(listing, failingRun(), SETTINGS, context()),
      (error: unknown) =>
        error instanceof TrackingIssueError &&
        /issues: write/.test(error.message),
    );
    const closing = new MemoryIssueApi([summary()], {
      close: httpError(403, "Forbidden"),
    });
    await assert.rejects(
      syncTrackingIssue(closing, passingRun(), SETTINGS, context()),
      TrackingIssueError,
    );
  });

  it("passes a TrackingIssueError through unchanged", async () => {
    const original = new TrackingIssueError("already explained");
    const api = new MemoryIssueApi([], { create: original });
    await assert.rejects(
      syncTrackingIssue(api, failingRun(), SETTINGS, context()),
      (error: unknown) => error === original,
    );
  });
});
