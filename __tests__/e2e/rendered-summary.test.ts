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
  tableWidths,
  withPage,
} from "../../test-support/chromium.js";
import { routingTenant } from "../../test-support/fake/routing-tenant.js";
import {
  guid,
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

// Without a browser the tests that lay the page out are skipped, saying how
// to enable them; the markdown checks still run.
const noBrowser = { skip: chromiumMissing() };

describe("the ID rule, in Chromium at 1,200 px", noBrowser, () => {
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

/** Each `<h4>` group heading of rendered HTML, as text. */
function groupHeadings(html: string): string[] {
  return [...html.matchAll(/<h4>(.*?)<\/h4>/g)].map((m) => m[1] ?? "");
}

/** The table that follows the group heading starting with `label`. */
function groupTable(html: string, label: string): string {
  const start = html.indexOf(`<h4>${label}`);
  assert.ok(start >= 0, `no group ${label}`);
  const end = html.indexOf("</table>", start);
  return html.slice(start, end);
}

/** The sample tenant's groups, in the documented order (see test-support/fake/tenant.ts). */
const SAMPLE_GROUPS = [
  "❌ No security contact is configured · 1 subscription",
  "❌ The security contact has no additional email addresses · 4 subscriptions",
  "❌ Only entries that are not email addresses · 1 subscription",
  "⚠️ Could not be read: access denied (AuthorizationFailed) · 1 subscription",
];

/** Rendered summary and tracking issue of the sample tenant share these checks. */
function assertReadable(rendered: string, clientId: string): void {
  // Read as a person does: without the zero-width spaces that defuse mentions.
  const html = rendered.replaceAll("\u200B", "");
  assert.deepEqual(groupHeadings(html), SAMPLE_GROUPS);
  // Each cause states its fix once.
  assert.equal(html.split("<strong>Fix:</strong>").length - 1, 4);
  const empty = groupTable(html, SAMPLE_GROUPS[1] ?? "");
  for (const n of [4, 5, 9, 10]) assert.ok(empty.includes(guid(n)), `${n}`);
  // The owner, from the subscription's tags: masked, in code, hostile text inert.
  assert.ok(empty.includes("<td><code>j***@contoso.com</code></td>"), empty);
  const lab = groupTable(html, SAMPLE_GROUPS[0] ?? "");
  assert.ok(
    lab.includes("<td><code>Platform &#x3C;team> | @ops</code></td>"),
    lab,
  );
  assert.ok(!html.includes("jane.doe"));
  // Addresses only where they explain the cause.
  const invalid = groupTable(html, SAMPLE_GROUPS[2] ?? "");
  assert.ok(invalid.includes("<code>o***@localhost</code> (invalid)"), invalid);
  assert.ok(!empty.includes("<th>Additional email addresses</th>"));
  // The fake's Resource Manager is a custom endpoint: no portal link at all.
  assert.ok(!html.includes("<th>Portal</th>"));
  assert.ok(!/href="https:\/\/portal/.test(html));
  // The 403 group says which role, where, and the command for this client.
  const denied = html.slice(html.indexOf(`<h4>${SAMPLE_GROUPS[3]}`));
  assert.match(denied, /<strong>Security Reader<\/strong>/);
  assert.match(denied, /parent management group/);
  const commands = codeBlockLines(denied)
    .join("\n")
    .replace(/ \\\n\s+/g, " ");
  assert.ok(
    commands.includes(
      `az role assignment create --assignee ${clientId} --role "Security Reader" --scope /subscriptions/${guid(11)}`,
    ),
    commands,
  );
  // No code line runs past the right edge: the remedy script included.
  const lines = codeBlockLines(html);
  assert.ok(lines.some((line) => line.includes("az rest --method put")));
  assert.deepEqual(
    lines.filter((line) => line.length > MAX_CODE_LINE),
    [],
  );
}

describe("the sample tenant's summary and tracking issue, rendered", () => {
  let fake: Fake;
  let run: ActionRun;

  before(async () => {
    fake = await startFake({ tenant: sampleTenant() });
    run = await runAction(
      {
        ...fakeInputs(fake),
        "create-issue": "true",
        "github-token": "ghs_test",
      },
      runnerEnv(fake),
      { timeoutMs: 50_000 },
    );
  });
  after(() => fake.close());

  it("groups the summary by cause, with owner, 403 hint and short code lines", () => {
    assert.equal(run.exitCode, 1, run.stderr);
    assertReadable(renderGfm(run.summary), fake.tenant.clientId);
  });

  it("groups the tracking issue the same way", () => {
    const [issue] = fake.github.issues;
    assert.ok(issue, "no tracking issue");
    assertReadable(renderGfm(issue.body), fake.tenant.clientId);
  });

  it(
    "has no subscription ID cell taller than one text line",
    noBrowser,
    async () => {
      const page = githubPage(renderGfm(run.summary), "job summary");
      const shot = join(tmpdir(), "security-contact-summary-1200.png");
      await screenshot(page, PAGE_WIDTH, shot);
      const cells = await withPage(page, PAGE_WIDTH, idCells);
      // Every subscription of the tenant, the folded passing ones included.
      assert.equal(cells.length, 15);
      const wrapped = cells.filter((cell) => cell.lines !== 1);
      assert.deepEqual(
        wrapped.map((cell) => `${cell.id}: ${cell.lines} lines`),
        [],
        `screenshot: ${shot}`,
      );
      for (const cell of cells) assert.equal(cell.copied, cell.id);
    },
  );
});

describe("a 300-subscription tenant with every control, rendered at 1,200 px", () => {
  let fake: Fake;
  let run: ActionRun;

  before(async () => {
    fake = await startFake({ tenant: routingTenant() });
    // A private repository: addresses and owners unmasked, so at their widest.
    run = await runAction(
      {
        ...fakeInputs(fake),
        checks: "all",
        "create-issue": "true",
        "github-token": "ghs_test",
      },
      runnerEnv(fake),
      {
        timeoutMs: 120_000,
        event: { repository: { private: true, visibility: "private" } },
      },
    );
  });
  after(() => fake.close());

  it(
    "has no table that scrolls sideways, in the summary or the issue",
    noBrowser,
    async () => {
      assert.equal(run.exitCode, 1, run.stderr);
      const [issue] = fake.github.issues;
      assert.ok(issue, "no tracking issue");
      for (const markdown of [run.summary, issue.body]) {
        const widths = await withPage(
          githubPage(renderGfm(markdown)),
          PAGE_WIDTH,
          tableWidths,
        );
        assert.ok(widths.length >= 7, `${widths.length} tables`);
        assert.deepEqual(
          widths.filter((w) => w.scrollWidth > w.clientWidth),
          [],
        );
      }
    },
  );

  it("keeps every ID on one line", noBrowser, async () => {
    const cells = await withPage(
      githubPage(renderGfm(run.summary)),
      PAGE_WIDTH,
      idCells,
    );
    assert.ok(cells.length >= 65, `${cells.length} ID cells`);
    assert.deepEqual(
      cells.filter((cell) => cell.lines !== 1).map((cell) => cell.id),
      [],
    );
  });
});
