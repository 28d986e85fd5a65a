/**
 * Headless Chromium for tests that measure or photograph rendered markdown:
 * the browser at $CHROMIUM, or else the first one installed where Debian and
 * Ubuntu put it (`.ci/run` installs Debian's chromium), driven by
 * playwright-core, with no network, no profile and no background services.
 * Without one those tests are skipped, saying how to enable them.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";

const USUAL_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];
const ENABLE =
  "install one (apt-get install chromium fonts-noto-color-emoji, as .ci/run does) or set CHROMIUM to its path to run these tests";

function find(): { path: string } | { missing: string } {
  const named = process.env.CHROMIUM;
  if (named)
    return existsSync(named)
      ? { path: named }
      : { missing: `CHROMIUM=${named} names no file: ${ENABLE}` };
  const path = USUAL_PATHS.find((candidate) => existsSync(candidate));
  return path
    ? { path }
    : { missing: `no Chromium in ${USUAL_PATHS.join(", ")}: ${ENABLE}` };
}
const found = find();

/**
 * Why Chromium cannot run here, or undefined when it can: a test's `skip`
 * option, so the reason shows beside the skipped test.
 */
export function chromiumMissing(): string | undefined {
  return "missing" in found ? found.missing : undefined;
}

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Opens `html` in a fresh Chromium (its own user-data-dir) at `width` px,
 * runs `body` with the page, and always cleans up.
 */
export async function withPage<T>(
  html: string,
  width: number,
  body: (page: Page) => Promise<T>,
): Promise<T> {
  if ("missing" in found) throw new Error(found.missing);
  const profile = await mkdtemp(join(tmpdir(), "chromium-profile-"));
  const browser = await chromium.launch({
    executablePath: found.path,
    // playwright adds its own --headless and friends; these are ours, verbatim.
    ignoreDefaultArgs: true,
    args: [...FLAGS, `--user-data-dir=${profile}`, "--remote-debugging-pipe"],
  });
  try {
    const page = await browser.newPage({
      viewport: { width, height: 900 },
    });
    // Nothing rendered may reach the network (images, fonts, links).
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await body(page);
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Renders `html` at `width` px and writes a full-page PNG to `path`. */
export async function screenshot(
  html: string,
  width: number,
  path: string,
): Promise<void> {
  const png = await withPage(html, width, (page) =>
    page.screenshot({ fullPage: true, type: "png" }),
  );
  await writeFile(path, png);
}

export interface IdCell {
  /** The cell's text, a subscription ID. */
  id: string;
  /** Text lines the ID occupies on screen. */
  lines: number;
  /** What selecting the cell's contents copies. */
  copied: string;
}

/**
 * Every table cell whose whole text is a GUID (with every <details>
 * unfolded), with the number of lines its
 * text is laid out on (distinct line tops of its text boxes: padding and
 * taller neighbours in the row do not count) and what a selection of it
 * copies.
 */
export function idCells(page: Page): Promise<IdCell[]> {
  return page.evaluate(ID_CELLS_IN_PAGE) as Promise<IdCell[]>;
}

// Runs inside the page; a string because this project compiles without the DOM types.
const ID_CELLS_IN_PAGE = `(() => {
  // Folded sections are measured as a reader who unfolds them sees them.
  for (const details of document.querySelectorAll("details")) details.open = true;
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const cells = [...document.querySelectorAll("td, th")].filter((cell) =>
    GUID.test((cell.textContent ?? "").trim()),
  );
  return cells.map((cell) => {
    const tops = new Set();
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0) tops.add(Math.round(rect.top));
      }
    }
    const selection = window.getSelection();
    const all = document.createRange();
    all.selectNodeContents(cell);
    selection.removeAllRanges();
    selection.addRange(all);
    const copied = selection.toString();
    selection.removeAllRanges();
    return { id: (cell.textContent ?? "").trim(), lines: tops.size, copied };
  });
})()`;

export interface TableWidth {
  /** The table's rendered width and the width it needs, in px. */
  clientWidth: number;
  scrollWidth: number;
  /** Its header cells, to say which table. */
  headers: string;
}

/**
 * Every table (with every <details> unfolded) and how wide it is laid out
 * against how wide its content needs: GitHub's CSS makes a table a block
 * that scrolls sideways when its content is wider than the column.
 */
export function tableWidths(page: Page): Promise<TableWidth[]> {
  return page.evaluate(TABLE_WIDTHS_IN_PAGE) as Promise<TableWidth[]>;
}

const TABLE_WIDTHS_IN_PAGE = `(() => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  return [...document.querySelectorAll("table")].map((table) => ({
    clientWidth: table.clientWidth,
    scrollWidth: table.scrollWidth,
    headers: [...table.querySelectorAll("th")].map((th) => th.textContent).join(" | "),
  }));
})()`;
