/**
 * Escaping for strings that came from Azure (display names, reasons,
 * addresses) before they go into markdown, HTML or an issue. Pure.
 */

/**
 * Every character that means something in GFM, HTML or a GitHub comment
 * becomes a numeric entity: `<` cannot open a tag, `|` cannot split a table
 * cell, `*` `_` `` ` `` `[` `~` cannot format or link, `:` cannot autolink a
 * URL, and `&` is encoded too, so `&#64;` in a name stays text.
 */
const SPECIAL = /[&<>"'|@#*_`[\]\\~:]/g;

/** Zero-width space: GitHub renders nothing, but no reference or link survives it. */
const ZWSP = "\u200B";

/**
 * GitHub turns text into mentions, references and links after markdown is
 * rendered, so entities alone do not stop `@team` or `#1`: like well-known
 * bots, a zero-width space goes after `@` and `#` (which also breaks
 * `owner/repo#2` and email autolinks), inside `www.` and `GH-`, and inside
 * anything that could be a commit SHA (7 to 40 hex digits on their own).
 */
function defuseReferences(text: string): string {
  return text
    .replace(/[@#]/g, (sign) => `${sign}${ZWSP}`)
    .replace(/\b(www)(\.)/gi, `$1${ZWSP}$2`)
    .replace(/\b(GH)(-)/gi, `$1${ZWSP}$2`)
    .replace(
      /(?<![\p{L}\p{N}_-])([0-9a-f]{6})([0-9a-f]{1,34})(?![\p{L}\p{N}_-])/giu,
      `$1${ZWSP}$2`,
    );
}

export function escapeMarkdown(text: string): string {
  const plain = text
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, " ")
    // Controls, and format characters: right-to-left overrides, zero-width joiners.
    .replace(/[\p{Cc}\p{Cf}]/gu, "");
  return defuseReferences(plain).replace(
    SPECIAL,
    (char) => `&#${char.codePointAt(0)};`,
  );
}

/**
 * Text shown exactly as it is, for addresses and owners people copy: an
 * inline `<code>` element in an HTML block, where GitHub makes no mention,
 * reference or link, so no zero-width space is needed. Only what HTML needs
 * is escaped; controls and invisible format characters are dropped.
 */
export function codeHtml(text: string): string {
  const plain = text
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, "");
  const escaped = plain.replace(
    /[&<>"']/g,
    (char) => `&#${char.codePointAt(0)};`,
  );
  return `<code>${escaped}</code>`;
}

/**
 * The same in markdown outside HTML (a heading): a code span whose fence is
 * longer than any backtick run inside, so the text cannot close it.
 */
export function codeSpan(text: string): string {
  const plain = text
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, "");
  const longest = Math.max(
    0,
    ...(plain.match(/`+/g) ?? []).map((run) => run.length),
  );
  const fence = "`".repeat(longest + 1);
  const pad = /^`|`$|^ .* $/.test(plain) ? " " : "";
  return `${fence}${pad}${plain}${pad}${fence}`;
}

/** Our ISO timestamp as people read it, to the second: `2026-11-27 05:17:03 UTC`. */
export function secondsUtc(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** Shortens long Azure text without cutting a surrogate pair. */
export function truncate(text: string, max: number): string {
  // No more UTF-16 units than the bound: no more characters either, and no copy.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** One GFM table row; every cell must already be escaped. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/**
 * A table cell holding a subscription ID that never wraps and copies as the
 * exact GUID. GitHub strips `style` and `<nobr>`, and styles `<code>` with
 * `white-space: break-spaces`, so a GUID in a GFM pipe table breaks at its
 * hyphens. Its sanitizer keeps the `nowrap` attribute, which browsers apply
 * to `td`, and `<samp>` sets the ID in monospace without any look-alike or
 * invisible character. Use it in an HTML table (`htmlTable`).
 */
export function idCell(id: string): string {
  return `<td nowrap><samp>${escapeMarkdown(id)}</samp></td>`;
}

/**
 * An HTML table, for rows that need `idCell`: pipe tables cannot carry
 * attributes. `headers` and every cell must already be escaped HTML; each
 * row's cells are complete `<td>` elements. One line per row and no blank
 * line, so GFM keeps the block together.
 */
export function htmlTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  return [
    "<table>",
    `<thead><tr>${headers.map((h) => `<th>${h}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...rows.map((cells) => `<tr>${cells.join("")}</tr>`),
    "</tbody>",
    "</table>",
  ].join("\n");
}
