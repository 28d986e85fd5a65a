import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { unpinnedActions } from "../../scripts/workflow-pins.js";

const SHA = "3d3c42e5aac5ba805825da76410c181273ba90b1";

describe("unpinnedActions", () => {
  it("accepts full commit SHAs, local actions and docker images", () => {
    const text = [
      "jobs:",
      "  a:",
      "    steps:",
      `      - uses: actions/checkout@${SHA} # v7.0.1`,
      `      - uses: "github/codeql-action/init@${SHA}" #v4.36.2`,
      "      - uses: OWNER/REPO@v1 # this action, in the docs",
      "      - uses: ./",
      "      - uses: docker://alpine:3.20",
      "      - run: echo uses: x@v1",
      "  b:",
      "    uses: ./.github/workflows/reusable.yml",
    ].join("\n");
    assert.deepEqual(unpinnedActions(text, "ci.yml"), []);
  });

  it("reports tags, branches and short SHAs of steps and jobs where they stand", () => {
    const text = [
      "jobs:",
      "  a:",
      "    steps:",
      "      - uses: actions/checkout@v7",
      "        with:",
      "          uses: an-input-not-an-action",
      "      - name: x",
      "        uses: actions/setup-node@main # v7",
      `      - uses: actions/cache@${SHA.slice(0, 7)}`,
      `      - uses: actions/upload-artifact@${SHA} # the artifact step`,
      "  b:",
      "    uses: octo-org/workflows/.github/workflows/scan.yml@v2",
    ].join("\n");
    const found = unpinnedActions(text, "ci.yml");
    assert.deepEqual(
      found.map((f) => [f.line, f.column, f.message.split('"')[1]]),
      [
        [4, 15, "actions/checkout@v7"],
        [8, 15, "actions/setup-node@main"],
        [9, 15, `actions/cache@${SHA.slice(0, 7)}`],
        [10, 15, `actions/upload-artifact@${SHA}`],
        [12, 11, "octo-org/workflows/.github/workflows/scan.yml@v2"],
      ],
    );
    assert.ok(found.every((f) => f.file === "ci.yml" && f.kind === "pin"));
    assert.match(found[3]?.message ?? "", /no version comment/);
  });
});
