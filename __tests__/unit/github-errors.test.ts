import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  GitHubStopped,
  GitHubTimeout,
} from "../../src/github/github-budget.js";
import {
  describeGitHubError,
  explain,
  rateLimitHint,
  TrackingIssueError,
} from "../../src/github/github-errors.js";

const NOW = Date.parse("2026-12-05T12:00:00Z");

function failure(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Error {
  return Object.assign(new Error(message), {
    status,
    response: { headers },
  });
}

describe("rateLimitHint", () => {
  it("names a used-up primary limit and when it resets", () => {
    const reset = NOW / 1000 + 1800;
    const hint = rateLimitHint(
      failure(403, "API rate limit exceeded", {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
      }),
      NOW,
    );
    assert.match(hint ?? "", /rate limit .* used up; not a missing permission/);
    assert.match(hint ?? "", /resets at 2026-12-05T12:30:00Z \(in 30 min\)/);
  });

  it("names a secondary limit and how long GitHub asks to wait", () => {
    const hint = rateLimitHint(
      failure(403, "You have exceeded a secondary rate limit.", {
        "retry-after": "120",
      }),
      NOW,
    );
    assert.match(hint ?? "", /secondary rate limit/);
    assert.match(hint ?? "", /wait 120 s \(until 2026-12-05T12:02:00Z\)/);
  });

  it("is no rate limit for a plain 403, or another status", () => {
    const plain = failure(403, "Resource not accessible by integration", {
      "x-ratelimit-remaining": "4999",
    });
    assert.equal(rateLimitHint(plain, NOW), undefined);
    assert.equal(
      rateLimitHint(failure(500, "secondary rate limit"), NOW),
      undefined,
    );
  });
});

describe("describeGitHubError", () => {
  it("a 403 that is not a rate limit names the permission", () => {
    assert.match(
      describeGitHubError(
        failure(403, "Resource not accessible by integration"),
      ),
      /permissions: issues: write/,
    );
  });

  it("a stop or a timeout says so, not 'GitHub answered'", () => {
    assert.equal(
      describeGitHubError(new GitHubStopped("Deadline.")),
      "Deadline.",
    );
    const wrapped = Object.assign(new Error("x"), {
      status: 500,
      cause: new GitHubTimeout("No answer within 2 s."),
    });
    assert.equal(describeGitHubError(wrapped), "No answer within 2 s.");
  });

  it("explain keeps a TrackingIssueError as it is", () => {
    const error = new TrackingIssueError("As is.");
    assert.equal(explain(error), error);
    assert.match(
      explain(new GitHubStopped("Stopped.")).message,
      /^Could not update the tracking issue: Stopped\.$/,
    );
  });
});
