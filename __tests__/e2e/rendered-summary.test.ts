/**
 * The job summary as a reader sees it: the bundle's markdown rendered the way
 * GitHub renders it (GFM, GitHub's sanitizer and CSS) and laid out by
 * headless Chromium on a 1,200-pixel-wide page.
 */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  escapeMarkdown,
  htmlTable,
  idCell,
  tableRow,
} from "../../src/report/markdown.js";
import {
  chromiumMissing,
  idCells,
  screenshot,
  withPage,
} from "../../test-support/chromium.js";
import {
  sampleTenant,
  startFake,
  type Fake,
} from "../../test-support/fake/index.js";
import {
  codeBlockLines,
  githubPage,
  PAGE_WIDTH,
  renderGfm,
} from "../../test-support/gfm.js";
import { MAX_CODE_LINE } from "../../src/report/shell.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
  type ActionRun,
} from "../../test-support/run-action.js";

const ID = "7e4f2a1c-5b3d-4c6e-9f80-1a2b3c4d5e6f";
const LONG_NAME = "A subscription whose display name runs on ".repeat(3);
const LONG_REASON =
  "The security contact has no additional email addresses, so high-severity alerts reach only subscription owners. ".repeat(
    2,
  );

before(() => assert.equal(chromiumMissing(), undefined));

describe("the ID rule, in Chromium at 1,200 px", () => {
  it("an ID in a GFM pipe table (code span) breaks at its hyphens", async () => {
    const markdown = [
      tableRow(["Subscription", "ID", "Reason"]),
      tableRow(["---", "---", "---"]),
      tableRow([LONG_NAME, `\`${ID}\``, LONG_REASON]),
    ].join("\n");
    const cells = await withPage(
      githubPage(renderGfm(markdown)),
      PAGE_WIDTH,
      idCells,
    );
    assert.equal(cells.length, 1);
    assert.ok(
      (cells[0]?.lines ?? 0) > 1,
      "the measurement sees the wrap this project must avoid",
    );
  });

  it("idCell keeps the ID on one line and copies it exactly", async () => {
    const table = htmlTable(
      ["Subscription", "ID", "Reason"],
      [
        [
          `<td>${escapeMarkdown(LONG_NAME)}</td>`,
          idCell(ID),
          `<td>${escapeMarkdown(LONG_REASON)}</td>`,
        ],
      ],
    );
    const cells = await withPage(
      githubPage(renderGfm(table)),
      PAGE_WIDTH,
      idCells,
    );
    assert.deepEqual(cells, [{ id: ID, lines: 1, copied: ID }]);
  });
});

describe("today's summary of the sample tenant", () => {
  let fake: Fake;
  let run: ActionRun;

  before(async () => {
    fake = await startFake({ tenant: sampleTenant() });
    run = await runAction(fakeInputs(fake), runnerEnv(fake));
  });
  after(() => fake.close());

  it(
    "has no subscription ID cell taller than one text line",
    {
      todo: "Phase 2 of issue 15 moves the summary's IDs into idCell (HTML table, nowrap); today's GFM pipe table wraps them at their hyphens.",
    },
    async () => {
      const page = githubPage(renderGfm(run.summary), "job summary");
      const shot = join(tmpdir(), "security-contact-summary-1200.png");
      await screenshot(page, PAGE_WIDTH, shot);
      const cells = await withPage(page, PAGE_WIDTH, idCells);
      assert.ok(cells.length >= 10, `${cells.length} ID cells found`);
      const wrapped = cells.filter((cell) => cell.lines !== 1);
      assert.deepEqual(
        wrapped.map((cell) => `${cell.id}: ${cell.lines} lines`),
        [],
        `screenshot: ${shot}`,
      );
      for (const cell of cells) assert.equal(cell.copied, cell.id);
    },
  );

  it(
    "has no code-block line longer than 100 characters",
    {
      todo: "Phase 2 of issue 15 builds the summary's commands with shellBlock; today's az rest lines run past the right edge.",
    },
    () => {
      const long = codeBlockLines(renderGfm(run.summary)).filter(
        (line) => line.length > MAX_CODE_LINE,
      );
      assert.deepEqual(long, []);
    },
  );
});
