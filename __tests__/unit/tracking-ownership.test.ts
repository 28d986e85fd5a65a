import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  isTrackingIssue,
  oldestTrackingIssue,
  type IssueSummary,
} from "../../src/github/tracking-decision.js";

const MARKER = "<!-- defender-security-contact-check tenant=t -->";
const BOT = "github-actions[bot]";

function issue(overrides: Partial<IssueSummary> = {}): IssueSummary {
  return {
    number: 5,
    body: `${MARKER}\nbody`,
    isPullRequest: false,
    labels: [],
    htmlUrl: "",
    author: "github-actions[bot]",
    ...overrides,
  };
}

describe("isTrackingIssue", () => {
  it("needs the marker at the very start of the body", () => {
    assert.equal(isTrackingIssue(issue(), MARKER, BOT), true);
    assert.equal(
      isTrackingIssue(issue({ body: `see ${MARKER}` }), MARKER, BOT),
      false,
    );
  });

  it("with a known identity, only its issues qualify", () => {
    const mine = issue({ author: "Octo-Admin" });
    assert.equal(isTrackingIssue(mine, MARKER, "octo-admin"), true);
    assert.equal(isTrackingIssue(issue(), MARKER, "octo-admin"), false);
  });

  it("for an installation token, only its bot's issues qualify, never a person's or another bot's", () => {
    const person = issue({ author: "mallory" });
    assert.equal(isTrackingIssue(person, MARKER, BOT), false);
    assert.equal(
      isTrackingIssue(issue({ author: "renovate[bot]" }), MARKER, BOT),
      false,
    );
    assert.equal(
      isTrackingIssue(issue({ author: "my-app[bot]" }), MARKER, "my-app[bot]"),
      true,
    );
  });
});

describe("oldestTrackingIssue", () => {
  it("picks the oldest qualifying issue, ignoring newer and foreign ones", () => {
    const found = oldestTrackingIssue(
      [
        issue({ number: 9 }),
        issue({ number: 2, author: "mallory" }),
        issue({ number: 4 }),
        issue({ number: 1, body: "no marker" }),
      ],
      MARKER,
      BOT,
    );
    assert.equal(found?.number, 4);
  });

  it("never falls back to a person's look-alike: none qualifies, so a new issue is opened", () => {
    const people = [
      issue({ number: 7, author: "mallory" }),
      issue({ number: 3, author: "ci-user" }),
    ];
    assert.equal(oldestTrackingIssue(people, MARKER, BOT), undefined);
    assert.equal(oldestTrackingIssue(people, MARKER, "octo-admin"), undefined);
  });
});
