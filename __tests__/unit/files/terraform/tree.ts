/** A throw-away workspace holding the given files, scanned by the real scan (scanFiles). */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { FileFinding } from "../../../../src/files/findings.js";
import { scanFiles } from "../../../../src/files/scan.js";

export const TERRAFORM_PATTERNS = ["**/*.tf", "**/*.tfvars", "**/*.json"];

/** `path:line setting=value` (or `!error`, `?unresolved`), then ` <- path:line` of the use. */
export function located(finding: FileFinding): string {
  const what =
    "value" in finding
      ? `=${finding.value}`
      : "error" in finding
        ? `!${finding.error}`
        : `?${finding.unresolved}`;
  const used = finding.usedAt
    ? ` <- ${finding.usedAt.path}:${finding.usedAt.line}`
    : "";
  return `${finding.path}:${finding.line} ${finding.setting}${what}${used}`;
}

export async function writeTree(
  files: Record<string, string>,
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "tf-scan-"));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** Scans the files; findings as `located` lines, in the scan's order. */
export async function scanTree(
  files: Record<string, string>,
  include: readonly string[] = TERRAFORM_PATTERNS,
): Promise<string[]> {
  const root = await writeTree(files);
  try {
    const { findings } = await scanFiles({
      workspace: root,
      include,
      exclude: [],
    });
    return findings.map(located);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
