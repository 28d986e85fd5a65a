import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { describe, it } from "node:test";
import {
  readRunnerContext,
  visibilityOf,
} from "../../../src/inputs/runner-context.js";

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

  it("reads the repository's visibility from the event payload once", () => {
    const read: string[] = [];
    const runner = readRunnerContext(
      {
        GITHUB_EVENT_PATH:
          "/home/runner/work/_temp/_github_workflow/event.json",
      },
      (path) => {
        read.push(path);
        return JSON.stringify({
          repository: { private: true, visibility: "internal" },
        });
      },
    );
    assert.equal(runner.repositoryVisibility, "internal");
    assert.deepEqual(read, [
      "/home/runner/work/_temp/_github_workflow/event.json",
    ]);
    assert.equal(readRunnerContext({}).repositoryVisibility, undefined);
    assert.equal(
      readRunnerContext({ GITHUB_EVENT_PATH: "/nonexistent/event.json" })
        .repositoryVisibility,
      undefined,
    );
  });
});

describe("visibilityOf", () => {
  it("prefers visibility, falls back to private, and says public when either does", () => {
    const of = (repository: unknown): string | undefined =>
      visibilityOf(JSON.stringify({ repository }));
    assert.equal(of({ visibility: "private" }), "private");
    assert.equal(of({ visibility: "internal", private: true }), "internal");
    assert.equal(of({ private: true }), "private");
    assert.equal(of({ private: false }), "public");
    assert.equal(of({ visibility: "public", private: true }), "public");
    assert.equal(of({ visibility: "private", private: false }), "public");
    assert.equal(of({}), undefined);
    assert.equal(of(null), undefined);
    assert.equal(of({ private: "true" }), undefined);
  });

  it("anything that is not a JSON payload is unknown", () => {
    assert.equal(visibilityOf(undefined), undefined);
    assert.equal(visibilityOf("{"), undefined);
    assert.equal(visibilityOf("[]"), undefined);
    assert.equal(visibilityOf('"repository"'), undefined);
  });
});
