import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  isTrackingIssue,
  oldestTrackingIssue,
  type IssueSummary,
} from "../../src/github/tracking-decision.js";

const MARKER = "<!-- defender-security-contact-check tenant=t -->";

function issue(overrides: Partial<IssueSummary> = {}): IssueSummary {
  return {
    number: 5,
    body: `${MARKER}\nbody`,
    isPullRequest: false,
    labels: [],
    htmlUrl: "",
    author: "github-actions[bot]",
    authorIsBot: true,
    ...overrides,
  };
}

describe("isTrackingIssue", () => {
  it("needs the marker at the very start of the body", () => {
    assert.equal(isTrackingIssue(issue(), MARKER, undefined), true);
    assert.equal(
      isTrackingIssue(issue({ body: `see ${MARKER}` }), MARKER, undefined),
      false,
    );
  });

  it("with a known identity, only its issues qualify", () => {
    const mine = issue({ author: "Octo-Admin", authorIsBot: false });
    assert.equal(isTrackingIssue(mine, MARKER, "octo-admin"), true);
    assert.equal(isTrackingIssue(issue(), MARKER, "octo-admin"), false);
  });

  it("without one, a bot account's issues qualify and a person's never", () => {
    const person = issue({ author: "mallory", authorIsBot: false });
    assert.equal(isTrackingIssue(person, MARKER, undefined), false);
  });
});

describe("oldestTrackingIssue", () => {
  it("picks the oldest qualifying issue, ignoring newer and foreign ones", () => {
    const found = oldestTrackingIssue(
      [
        issue({ number: 9 }),
        issue({ number: 2, author: "mallory", authorIsBot: false }),
        issue({ number: 4 }),
        issue({ number: 1, body: "no marker" }),
      ],
      MARKER,
      undefined,
    );
    assert.equal(found?.number, 4);
  });

  it("with an unknown identity and no bot's issue, the oldest marker-first one stands", () => {
    const people = [
      issue({ number: 7, author: "mallory", authorIsBot: false }),
      issue({ number: 3, author: "ci-user", authorIsBot: false }),
    ];
    assert.equal(oldestTrackingIssue(people, MARKER, undefined)?.number, 3);
    // A known identity never falls back: none of these is its issue.
    assert.equal(oldestTrackingIssue(people, MARKER, "octo-admin"), undefined);
  });
});
