/**
 * Escaping for strings that came from Azure (display names, reasons,
 * addresses) before they go into markdown, HTML or an issue. Pure.
 */

/**
 * Every character that means something in GFM, HTML or a GitHub comment
 * becomes a numeric entity: `<` cannot open a tag, `|` cannot split a table
 * cell, `@` cannot mention a team, `#` cannot link an issue, `*` `_` `` ` ``
 * `[` `~` cannot format or link, `:` cannot autolink a URL.
 */
const SPECIAL = /[&<>"'|@#*_`[\]\\~:]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\f\v]+/g, " ")
    .replace(/\p{Cc}/gu, "")
    .replace(SPECIAL, (char) => `&#${char.codePointAt(0)};`);
}

/** Shortens long Azure text without cutting a surrogate pair. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** One GFM table row; every cell must already be escaped. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}
