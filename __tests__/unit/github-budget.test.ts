import assert from "node:assert/strict";
import { readRunnerContext } from "../../src/inputs/runner-context.js";
import { describe, it } from "node:test";
import {
  defaultGitHubLimits,
  GitHubBudget,
  GitHubStopped,
} from "../../src/github/github-budget.js";

describe("GitHubBudget", () => {
  it("ends work that outlives the deadline, and no request starts afterwards", async () => {
    const budget = new GitHubBudget({ requestTimeoutMs: 1000, deadlineMs: 30 });
    await assert.rejects(
      budget.run(() => new Promise(() => undefined)),
      (error: unknown) =>
        error instanceof GitHubStopped &&
        /within 0\.03 s, the tracking step's deadline/.test(error.message),
    );
    await assert.rejects(
      budget.fetch("https://127.0.0.1:1/user"),
      GitHubStopped,
    );
  });

  it("returns what the work returns within the deadline", async () => {
    const budget = new GitHubBudget({
      requestTimeoutMs: 1000,
      deadlineMs: 1000,
    });
    assert.equal(await budget.run(async () => 42), 42);
  });
});

describe("defaultGitHubLimits", () => {
  it("is 30 s a request and 90 s for the step unless a test overrides it", () => {
    assert.deepEqual(defaultGitHubLimits({}), {
      requestTimeoutMs: 30_000,
      deadlineMs: 90_000,
    });
    assert.deepEqual(
      defaultGitHubLimits(
        readRunnerContext({
          CONTACT_CHECK_GITHUB_REQUEST_TIMEOUT_MS: "2000",
          CONTACT_CHECK_TRACKING_DEADLINE_MS: "junk",
        }).timing,
      ),
      { requestTimeoutMs: 2000, deadlineMs: 90_000 },
    );
  });
});
