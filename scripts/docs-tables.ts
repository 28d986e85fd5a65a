/**
 * `npm run docs`: writes the inputs and outputs tables of docs/reference.md
 * from action.yml, between the markers, so the reference cannot drift from
 * what the action declares. `npm run docs:check` (in .ci/run) writes nothing
 * and exits 1 when the page differs from what `npm run docs` would write.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import { parse } from "yaml";
import { repoRoot } from "../test-support/run-action.js";

const page = join(repoRoot, "docs", "reference.md");
const check = process.argv.includes("--check");

interface Entry {
  description?: string;
  default?: string;
}
interface ActionYaml {
  inputs: Record<string, Entry>;
  outputs: Record<string, Entry>;
}

/** Table cell text: one line, no markdown or HTML taken from the description. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*<>[\]|]/g, (character) => `\\${character}`);
}

function code(text: string): string {
  return text === "" ? "empty" : `\`${text}\``;
}

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => "---"), ...rows]
    .map((row) => `| ${row.join(" | ")} |`)
    .join("\n");
}

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start (generated from action.yml by npm run docs) -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from)
    throw new Error(`${page} lacks the markers "${start}" and "${end}".`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

const action = parse(
  await readFile(join(repoRoot, "action.yml"), "utf8"),
) as ActionYaml;
const inputs = table(
  ["input", "default", "description"],
  Object.entries(action.inputs).map(([name, input]) => [
    code(name),
    code(input.default ?? ""),
    cell(input.description ?? ""),
  ]),
);
const outputs = table(
  ["output", "description"],
  Object.entries(action.outputs).map(([name, output]) => [
    code(name),
    cell(output.description ?? ""),
  ]),
);

const current = await readFile(page, "utf8");
const generated = await format(
  replaceBetween(replaceBetween(current, "inputs", inputs), "outputs", outputs),
  { ...(await resolveConfig(page)), filepath: page },
);

if (generated === current) {
  console.log(
    "docs/reference.md: the inputs and outputs tables match action.yml.",
  );
} else if (check) {
  console.error(
    "docs/reference.md differs from action.yml's inputs and outputs: run 'npm run docs' and commit it.",
  );
  process.exit(1);
} else {
  await writeFile(page, generated);
  console.log(
    "docs/reference.md: wrote the inputs and outputs tables from action.yml.",
  );
}
