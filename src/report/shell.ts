/**
 * Shell commands shown in the summary and the tracking issue, wrapped so no
 * line of a code block is longer than GitHub shows without scrolling. Pure.
 */

/** The longest line a code block may hold. */
export const MAX_CODE_LINE = 100;

/**
 * One command as lines of at most `max` characters. `segments` are the
 * pieces that must stay on one line (`--role "Security Reader"`); they are
 * packed greedily, each broken line ends in ` \` and the next is indented two
 * spaces more than the first. A leading indent on the first segment is kept.
 * A single segment longer than the limit cannot be broken safely (it may be
 * quoted) and stays alone on its line.
 */
export function wrapCommand(
  segments: readonly string[],
  max = MAX_CODE_LINE,
): string[] {
  const [first = "", ...rest] = segments;
  const indent = /^\s*/.exec(first)?.[0] ?? "";
  const continuation = `${indent}  `;
  const lines: string[] = [];
  let line = first;
  for (const [index, segment] of rest.entries()) {
    // Room for " segment" and, unless it is the last, a closing " \".
    const reserve = index === rest.length - 1 ? 0 : 2;
    if (`${line} ${segment}`.length + reserve <= max || line.trim() === "") {
      line = `${line} ${segment}`;
    } else {
      lines.push(`${line} \\`);
      line = `${continuation}${segment}`;
    }
  }
  lines.push(line);
  return lines;
}

/** A fenced `bash` block of commands, each wrapped by wrapCommand. */
export function shellBlock(commands: readonly (readonly string[])[]): string {
  return codeBlock(commands.flatMap((command) => wrapCommand(command)));
}

/** A fenced `bash` block of these lines, verbatim. */
export function codeBlock(lines: readonly string[]): string {
  // A fence longer than any backtick run inside, so nothing can close it early.
  const longest = Math.max(
    2,
    ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((m) => m.length)),
  );
  const fence = "`".repeat(longest + 1);
  return [`${fence}bash`, ...lines, fence].join("\n");
}
