/**
 * The HTML tables the summary and the tracking issue are made of (HTML so
 * subscription IDs can sit in never-wrapping cells), read back by tests.
 */
/** The body rows (`<tr>` lines with cells) of every HTML table in `markdown`. */
export function tableRows(markdown: string): string[] {
  return markdown.split("\n").filter((line) => line.startsWith("<tr><td"));
}

/**
 * Asserts that every row of every HTML table has as many cells as its
 * header: escaped text cannot add or close a cell. Returns the row count.
 */
export function assertTablesWellFormed(markdown: string): number {
  let rows = 0;
  let headers = -1;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("<thead>")) headers = line.split("<th>").length - 1;
    if (!line.startsWith("<tr>")) continue;
    const cells = line.split(/<td[ >]/).length - 1;
    if (headers < 0 || cells !== headers || !line.endsWith("</td></tr>")) {
      throw new Error(
        `malformed row (${cells} cells, ${headers} headers): ${line}`,
      );
    }
    rows++;
  }
  return rows;
}
