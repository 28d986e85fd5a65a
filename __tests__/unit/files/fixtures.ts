/** The landing-zone fixtures under __tests__/fixtures/iac/ (modelled on each ALZ flavour). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { judgeDeployments } from "../../../src/files/deployments.js";
import type { FileFinding } from "../../../src/files/findings.js";
import { Project } from "../../../src/files/project.js";

export const IAC_DIR = fileURLToPath(
  new URL("../../fixtures/iac/", import.meta.url),
);

export function fixture(path: string): string {
  return readFileSync(`${IAC_DIR}${path}`, "utf8");
}

/** `setting=value`, `setting!error` or `setting?unresolved`, with the line: compact to compare. */
export function brief(finding: FileFinding): string {
  if ("value" in finding)
    return `${finding.line} ${finding.setting}=${finding.value}`;
  if ("error" in finding)
    return `${finding.line} ${finding.setting}!${finding.error}`;
  return `${finding.line} ${finding.setting}?${finding.unresolved}`;
}

/** The ARM/Bicep findings of in-memory files (no workspace: neighbours not given are missing). */
export async function judgeFiles(
  files: Record<string, string>,
): Promise<FileFinding[]> {
  const project = new Project({
    root: "/nonexistent-workspace",
    skipped: new Set(),
  });
  for (const [path, text] of Object.entries(files))
    project.texts.set(path, text);
  return judgeDeployments(project, Object.keys(files).sort(), Infinity);
}
