/**
 * The only way the file scan touches the disk. Every file and directory it
 * reads, neighbours read to resolve a value included, must be itself inside
 * the workspace: its real path (links resolved) is the path the scan asked
 * for. A path that goes through a symbolic link, or leaves the workspace
 * with `..`, is not read and is recorded for a notice.
 */
import { lstat, readdir, readFile, realpath } from "node:fs/promises";
import { join, posix, sep } from "node:path";

export interface Workspace {
  /** GITHUB_WORKSPACE with its own links resolved. */
  readonly root: string;
  /** Repository-relative paths not read because a link or `..` leads elsewhere. */
  readonly skipped: Set<string>;
  /** Directories already checked (a file's directory is checked once, not per file). */
  readonly dirs?: Map<string, Promise<boolean>>;
}

type ReadResult =
  { readonly text: string } | { readonly tooLarge: number } | undefined;

export async function openWorkspace(root: string): Promise<Workspace> {
  return { root: await realpath(root), skipped: new Set(), dirs: new Map() };
}

/** A repository-relative path normalised; undefined when it climbs out with `..`. */
export function normalise(path: string): string | undefined {
  const clean = posix.normalize(path.replaceAll("\\", "/"));
  if (clean === ".." || clean.startsWith("../") || posix.isAbsolute(clean))
    return undefined;
  return clean === "." ? "" : clean.replace(/\/$/, "");
}

/** True when `path` (repository-relative) is reached without any link and stays inside. */
export async function isContained(
  ws: Workspace,
  path: string,
): Promise<boolean> {
  const clean = normalise(path);
  if (clean === undefined) {
    ws.skipped.add(path);
    return false;
  }
  const full = clean === "" ? ws.root : join(ws.root, clean);
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    return false; // missing: nothing to read, nothing to report
  }
  if (real === full && (real === ws.root || real.startsWith(ws.root + sep)))
    return true;
  ws.skipped.add(clean);
  return false;
}

/** A directory's check, once per directory. */
function dirContained(ws: Workspace, dir: string): Promise<boolean> {
  let known = ws.dirs?.get(dir);
  if (!known) {
    known = isContained(ws, dir);
    ws.dirs?.set(dir, known);
  }
  return known;
}

/**
 * Reads a regular file inside the workspace, up to `maxBytes`: its directory
 * is reached without a link (checked once per directory) and it is not a
 * link itself.
 */
export async function readInside(
  ws: Workspace,
  path: string,
  maxBytes: number,
): Promise<ReadResult> {
  const clean = normalise(path);
  if (clean === undefined || clean === "") {
    ws.skipped.add(path);
    return undefined;
  }
  if (!(await dirContained(ws, posix.dirname(clean).replace(/^\.$/, ""))))
    return undefined;
  const full = join(ws.root, clean);
  let info;
  try {
    info = await lstat(full);
  } catch {
    return undefined; // missing: nothing to read, nothing to report
  }
  if (info.isSymbolicLink()) {
    ws.skipped.add(clean);
    return undefined;
  }
  if (!info.isFile()) return undefined;
  if (info.size > maxBytes) return { tooLarge: info.size };
  return { text: await readFile(full, "utf8") };
}

/** The names in a workspace directory; [] when it is outside, a link or missing. */
export async function listInside(
  ws: Workspace,
  dir: string,
): Promise<string[]> {
  if (!(await isContained(ws, dir))) return [];
  return (await readdir(join(ws.root, normalise(dir) ?? ""))).sort();
}
