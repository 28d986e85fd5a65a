/**
 * Markdown as GitHub shows it, for tests that look at the rendered job
 * summary or issue: GFM (tables, autolink literals, strikethrough, task
 * lists) by micromark, raw HTML passed through and then cleaned with
 * hast-util-sanitize's default schema, which follows GitHub's allowlist (no
 * `style`, no `<nobr>`, no scripts; `nowrap` and `<details>` survive).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fromHtml } from "hast-util-from-html";
import { sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import type { Nodes } from "hast";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

/** The page width the readability checks use. */
export const PAGE_WIDTH = 1200;

/** GFM → HTML, sanitized the way GitHub sanitizes user content. */
export function renderGfm(markdown: string): string {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return toHtml(sanitize(fromHtml(html, { fragment: true })));
}

function textOf(node: Nodes): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map(textOf).join("") : "";
}

/** Every line of every `<pre>` block in rendered HTML, as text. */
export function codeBlockLines(html: string): string[] {
  const lines: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "element" && node.tagName === "pre") {
      lines.push(...textOf(node).replace(/\n$/, "").split("\n"));
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(fromHtml(html, { fragment: true }));
  return lines;
}

const require = createRequire(import.meta.url);
const GITHUB_CSS = readFileSync(
  require.resolve("github-markdown-css/github-markdown-light.css"),
  "utf8",
);

/**
 * A whole page around rendered HTML, styled with GitHub's markdown CSS in a
 * column as wide as github.com gives a job summary on a `PAGE_WIDTH` window.
 */
export function githubPage(bodyHtml: string, title = "rendered"): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${GITHUB_CSS}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; max-width: ${PAGE_WIDTH}px; margin: 0 auto; padding: 32px; }
</style></head>
<body><article class="markdown-body">${bodyHtml}</article></body></html>`;
}
