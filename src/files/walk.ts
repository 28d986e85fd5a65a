/**
 * The files the scan reads: the `files` patterns under the workspace,
 * never inside `.git/`, `node_modules/` or `.terraform/`, never through a
 * symbolic link (a link could point outside the workspace). A pattern whose
 * fixed leading directories go through a link is not crawled at all: the
 * glob would otherwise list the link's target.
 */
import { glob } from "tinyglobby";
import { isContained, type Workspace } from "./workspace.js";

/** Directories never read, whatever the patterns say. */
const NEVER_READ = ["**/.git/**", "**/node_modules/**", "**/.terraform/**"];

const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** The directories before the first segment with a glob character. */
function fixedPrefix(pattern: string): string {
  const segments = pattern.split("/");
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (GLOB_CHARS.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join("/");
}

/** Repository-relative paths (forward slashes), sorted. */
export async function listFiles(
  ws: Workspace,
  include: readonly string[],
  exclude: readonly string[],
): Promise<string[]> {
  const patterns: string[] = [];
  for (const pattern of include) {
    const prefix = fixedPrefix(pattern);
    if (prefix === "" || (await isContained(ws, prefix)))
      patterns.push(pattern);
  }
  if (patterns.length === 0) return [];
  const paths = await glob(patterns, {
    cwd: ws.root,
    ignore: [...exclude, ...NEVER_READ],
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
  });
  return paths.sort();
}
