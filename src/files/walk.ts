/**
 * The files the scan reads: the `files` patterns under the workspace,
 * never inside `.git/`, `node_modules/` or `.terraform/`, never through a
 * symbolic link (a link could point outside the workspace).
 */
import { glob } from "tinyglobby";

/** Directories never read, whatever the patterns say. */
const NEVER_READ = ["**/.git/**", "**/node_modules/**", "**/.terraform/**"];

/** Repository-relative paths (forward slashes), sorted. */
export async function listFiles(
  workspace: string,
  include: readonly string[],
  exclude: readonly string[],
): Promise<string[]> {
  const paths = await glob([...include], {
    cwd: workspace,
    ignore: [...exclude, ...NEVER_READ],
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
  });
  return paths.sort();
}
