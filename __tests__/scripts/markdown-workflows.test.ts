import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { documentedWorkflows } from "../../scripts/markdown-workflows.js";

describe("documentedWorkflows", () => {
  it("returns the yaml blocks that are workflows, with the page line they start on", () => {
    const page = [
      "# Title", // 1
      "```yaml", // 2
      "on: push", // 3
      "jobs:", // 4
      "  a:", // 5
      "    runs-on: ubuntu-latest", // 6
      "```", // 7
      "```yaml", // 8
      "- uses: OWNER/REPO@v1", // 9: a fragment, not a workflow
      "```", // 10
      "```bash", // 11
      "on: push", // 12
      "jobs: {}", // 13
      "```", // 14
      "```yml", // 15
      "name: x", // 16
      "on:", // 17
      "  schedule: [{cron: '1 1 * * *'}]", // 18
      "jobs: {}", // 19
      "```", // 20
      "```yaml", // 21
      "on: [unclosed", // 22
      "jobs:", // 23
      "```", // 24
    ].join("\n");
    const found = documentedWorkflows(page, "docs/x.md");
    assert.deepEqual(
      found.map((w) => [w.file, w.firstLine, w.text.split("\n")[0]]),
      [
        ["docs/x.md", 3, "on: push"],
        ["docs/x.md", 16, "name: x"],
      ],
    );
  });
});
