import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  MAX_CODE_LINE,
  shellBlock,
  wrapCommand,
} from "../../../src/report/shell.js";

const LONG = [
  "az rest --method put",
  `--url "https://management.azure.com/subscriptions/00000000-0000-4000-8000-000000000001"`,
  "--body @contact.json",
  "--output none",
];

describe("wrapCommand", () => {
  it("keeps a short command on one line", () => {
    assert.deepEqual(wrapCommand(["az account show", "--output json"]), [
      "az account show --output json",
    ]);
  });

  it("breaks between segments with ' \\' and indents the rest", () => {
    const lines = wrapCommand(LONG);
    assert.deepEqual(lines, [
      "az rest --method put \\",
      `  --url "https://management.azure.com/subscriptions/00000000-0000-4000-8000-000000000001" \\`,
      "  --body @contact.json --output none",
    ]);
    for (const line of lines) assert.ok(line.length <= MAX_CODE_LINE, line);
  });

  it("is the same command once the continuations are joined", () => {
    const joined = wrapCommand(LONG, 30)
      .join("\n")
      .replace(/ \\\n\s+/g, " ");
    assert.equal(joined, LONG.join(" "));
  });

  it("uses the last column exactly and never one more", () => {
    const segments = ["x".repeat(50), "y".repeat(47), "zz"];
    const lines = wrapCommand(segments);
    assert.equal(lines[0], `${"x".repeat(50)} ${"y".repeat(47)} \\`);
    assert.equal(lines[0]?.length, 100);
    assert.deepEqual(wrapCommand(["x".repeat(50), "y".repeat(49)]), [
      `${"x".repeat(50)} ${"y".repeat(49)}`,
    ]);
  });

  it("keeps an indent and leaves an unbreakable segment whole", () => {
    const lines = wrapCommand(["  done-soon", "q".repeat(120), "tail"]);
    assert.deepEqual(lines, [
      "  done-soon \\",
      `    ${"q".repeat(120)} \\`,
      "    tail",
    ]);
  });
});

describe("shellBlock", () => {
  it("fences the wrapped commands as bash", () => {
    assert.equal(
      shellBlock([["echo one"], LONG]),
      ["```bash", "echo one", ...wrapCommand(LONG), "```"].join("\n"),
    );
  });

  it("picks a fence no backtick run inside can close", () => {
    const block = shellBlock([["echo '```'"]]);
    assert.match(block, /^````bash\n/);
    assert.match(block, /\n````$/);
  });
});
