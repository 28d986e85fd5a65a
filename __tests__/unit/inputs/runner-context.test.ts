import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { describe, it } from "node:test";
import { readRunnerContext } from "../../../src/inputs/runner-context.js";

describe("readRunnerContext", () => {
  it("reads the runner's variables by the names the runner sets", () => {
    const runner = readRunnerContext({
      GITHUB_WORKSPACE: "/home/runner/work/repo/repo",
      RUNNER_TEMP: "/home/runner/work/_temp",
      GITHUB_STEP_SUMMARY: "/home/runner/work/_temp/summary.md",
      GITHUB_SERVER_URL: "https://github.example",
      GITHUB_REPOSITORY: "contoso/landing-zone",
      GITHUB_RUN_ID: "4242",
    });
    assert.equal(runner.workspace, "/home/runner/work/repo/repo");
    assert.equal(runner.runnerTemp, "/home/runner/work/_temp");
    assert.equal(runner.stepSummaryPath, "/home/runner/work/_temp/summary.md");
    assert.equal(runner.repository, "contoso/landing-zone");
    assert.equal(
      runner.runUrl,
      "https://github.example/contoso/landing-zone/actions/runs/4242",
    );
  });

  it("outside Actions: the working directory, the system's temp, no summary, no run link", () => {
    const runner = readRunnerContext({ GITHUB_WORKSPACE: "", RUNNER_TEMP: "" });
    assert.equal(runner.workspace, process.cwd());
    assert.equal(runner.runnerTemp, tmpdir());
    assert.equal(runner.stepSummaryPath, undefined);
    assert.equal(runner.repository, "");
    assert.equal(runner.runUrl, undefined);
    assert.equal(
      readRunnerContext({ GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "7" })
        .runUrl,
      "https://github.com/o/r/actions/runs/7",
    );
  });

  it("keeps only the sign-in variables, by their names", () => {
    const runner = readRunnerContext({
      ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.example/",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "request-token",
      IDENTITY_ENDPOINT: "http://localhost:1",
      IDENTITY_HEADER: "h",
      GITHUB_TOKEN: "ghs_not_for_sign_in",
      PATH: "/usr/bin",
    });
    assert.deepEqual(runner.signIn, {
      ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.example/",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "request-token",
      IDENTITY_ENDPOINT: "http://localhost:1",
      IDENTITY_HEADER: "h",
    });
  });

  it("takes the test-only time bounds when they are positive whole numbers, ignoring nonsense", () => {
    assert.deepEqual(
      readRunnerContext({
        CONTACT_CHECK_LISTING_DEADLINE_MS: "3000",
        CONTACT_CHECK_SUBSCRIPTION_DEADLINE_MS: "-1",
        CONTACT_CHECK_ATTEMPT_TIMEOUT_MS: "1500",
        CONTACT_CHECK_GITHUB_REQUEST_TIMEOUT_MS: "2000",
      }).timing,
      {
        listingMs: 3000,
        subscriptionMs: undefined,
        attemptTimeoutMs: 1500,
        dnsMs: undefined,
        githubRequestMs: 2000,
        trackingMs: undefined,
      },
    );
    for (const nonsense of ["", "0", "1.5", "abc", "-1"]) {
      assert.equal(
        readRunnerContext({ CONTACT_CHECK_ATTEMPT_TIMEOUT_MS: nonsense }).timing
          .attemptTimeoutMs,
        undefined,
        nonsense,
      );
    }
  });
});
