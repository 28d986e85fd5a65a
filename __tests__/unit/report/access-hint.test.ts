import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  accessHint,
  securityReaderAssignment,
} from "../../../src/report/access-hint.js";
import { MAX_CODE_LINE } from "../../../src/report/shell.js";
import { guidFor } from "../fixtures.js";

const CLIENT = "3c9d8e7f-6a5b-4c3d-8e2f-0a1b2c3d4e5f";

/** The lines of every fenced code block in `markdown`. */
function codeLines(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})bash\n([\s\S]*?)\n\1$/gm)].flatMap(
    (m) => (m[2] ?? "").split("\n"),
  );
}

/** Each command of a code block as one line, continuations joined. */
function commands(markdown: string): string[] {
  return codeLines(markdown)
    .join("\n")
    .replace(/ \\\n\s+/g, " ")
    .split("\n");
}

describe("accessHint", () => {
  it("names the role and the scopes, with the exact command for the identity", () => {
    const hint = accessHint(CLIENT, [guidFor(11)]);
    assert.match(hint, /\*\*Security Reader\*\*/);
    assert.match(hint, /on the subscription or on a parent management group/);
    assert.deepEqual(commands(hint), [
      `az role assignment create --assignee ${CLIENT} --role "Security Reader" --scope /subscriptions/${guidFor(11)}`,
    ]);
    for (const line of codeLines(hint)) {
      assert.ok(line.length <= MAX_CODE_LINE, `${line.length}: ${line}`);
    }
  });

  it("lists up to ten subscriptions, then offers the management group", () => {
    const ids = Array.from({ length: 12 }, (_, i) => guidFor(i + 1));
    const hint = accessHint(CLIENT, ids);
    const lines = commands(hint);
    assert.equal(lines.length, 11);
    assert.ok(lines[9]?.endsWith(`--scope /subscriptions/${guidFor(10)}`));
    assert.match(hint, /…and 2 more\. Or once, on the management group/);
    assert.match(
      lines[10] ?? "",
      /--scope '\/providers\/Microsoft\.Management\/managementGroups\/<group-id>'$/,
    );
    for (const line of codeLines(hint)) {
      assert.ok(line.length <= MAX_CODE_LINE, `${line.length}: ${line}`);
    }
  });
});

describe("securityReaderAssignment", () => {
  it("quotes an assignee that is not a plain word", () => {
    assert.equal(
      securityReaderAssignment("it's me; rm -rf /", "/subscriptions/x")[1],
      `--assignee 'it'\\''s me; rm -rf /'`,
    );
  });
});
