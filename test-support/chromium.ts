/**
 * Headless Chromium for tests that measure or photograph rendered markdown:
 * Debian's /usr/bin/chromium (`.ci/run` installs it) driven by
 * playwright-core, with no network, no profile and no background services.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";

const CHROMIUM_PATH = "/usr/bin/chromium";

/** Why Chromium cannot run here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `${CHROMIUM_PATH} is missing: install Debian's chromium (.ci/run does).`;
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
  const profile = await mkdtemp(join(tmpdir(), "chromium-profile-"));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
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
