/**
 * Renders the action's job summary readably in a terminal: headings, lists
 * and aligned tables, with entities decoded. Good enough for the demo; the
 * real rendering is GitHub's.
 */

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
};

export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCodePoint(Number(code)),
    )
    .replace(/&([a-z]+);/g, (whole, name: string) => ENTITIES[name] ?? whole);
}

function cells(line: string): string[] {
  return line
    .replace(/^\|\s?/, "")
    .replace(/\s?\|$/, "")
    .split(" | ")
    .map((cell) =>
      decodeEntities(
        cell.replace(/<br>/g, ", ").replace(/\*\*/g, "").replace(/`/g, ""),
      ),
    );
}

function clip(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length <= width
    ? text.padEnd(width)
    : `${chars.slice(0, width - 1).join("")}…`;
}

function renderTable(rows: string[][]): string[] {
  const widths = [30, 36, 10, 34, 60];
  return rows.map((row, index) => {
    const line = row
      .map((cell, column) => clip(cell, widths[column] ?? 20))
      .join("  ");
    return index === 0 ? `\x1b[1m${line}\x1b[0m` : line;
  });
}

export function renderForTerminal(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("|")) {
      const rows: string[][] = [];
      for (; i < lines.length && (lines[i] ?? "").startsWith("|"); i++) {
        if (!/^\|\s*---/.test(lines[i] ?? "")) rows.push(cells(lines[i] ?? ""));
      }
      i--;
      out.push(...renderTable(rows));
    } else if (line.startsWith("```")) {
      continue;
    } else if (/^#{1,3} /.test(line)) {
      out.push(`\x1b[1m${decodeEntities(line.replace(/^#+ /, ""))}\x1b[0m`);
    } else if (/^<\/?details>|^<details>/.test(line)) {
      const summary = /<summary>(.*)<\/summary>/.exec(line)?.[1];
      if (summary) out.push(`\x1b[1m▸ ${decodeEntities(summary)}\x1b[0m`);
    } else {
      out.push(decodeEntities(line.replace(/\*\*/g, "").replace(/`/g, "")));
    }
  }
  return out.join("\n");
}
