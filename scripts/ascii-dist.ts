/**
 * Build step: writes every non-ASCII character in dist/*.js as a \u escape,
 * as esbuild does by default. V8 keeps a script's source in memory for as
 * long as it runs, one byte a character if all of it is ASCII but two if a
 * single character is not: a few dashes and arrows in comments doubled the
 * Azure SDK chunk's 2.4 MB. An escape means the same in a string, template,
 * regular expression, identifier or comment (a template's raw text is the
 * only difference, and no bundled code reads that of a non-ASCII one).
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** JavaScript source with every non-ASCII character written as a \u escape. */
export function asciiSource(text: string): string {
  // An astral character becomes its surrogate pair, as JavaScript source can
  // write it. After an odd run of backslashes the character was escaped
  // already (`\é` is `é`): that backslash starts our escape.
  return text.replace(/[^\p{ASCII}]/gu, (c, at: number) => {
    let slashes = 0;
    while (text[at - 1 - slashes] === "\\") slashes++;
    const escaped = Array.from(
      { length: c.length },
      (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`,
    ).join("");
    return slashes % 2 === 1 ? escaped.slice(1) : escaped;
  });
}

if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? "dist";
  for (const name of await readdir(dist)) {
    if (!name.endsWith(".js")) continue;
    const path = join(dist, name);
    const text = await readFile(path, "utf8");
    const ascii = asciiSource(text);
    if (ascii !== text) await writeFile(path, ascii);
  }
}
