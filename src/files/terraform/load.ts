/**
 * Reads and parses the Terraform files the scan needs: every Terraform file
 * of each directory the `files` patterns reach (Terraform reads them all),
 * then the directories of local module calls, transitively. Every read goes
 * through workspace.ts: inside the workspace, never through a link, bounded.
 */
import { posix } from "node:path";
import pMap from "p-map";
import { lineAt, lineStarts } from "../json-tree.js";
import { listInside, readInside, type Workspace } from "../workspace.js";
import { HclSyntaxError } from "./lexer.js";
import { parseTfJson, parseTfvarsJson } from "./json-syntax.js";
import { localSource, moduleOf, type ModuleDir } from "./module.js";
import { parseHclBody } from "./parser.js";
import type { Body, TfFile } from "./syntax.js";

type TfKind = "module" | "module-json" | "vars" | "vars-json";

export function terraformKind(path: string): TfKind | undefined {
  if (path.endsWith(".tf")) return "module";
  if (path.endsWith(".tf.json")) return "module-json";
  if (path.endsWith(".tfvars")) return "vars";
  if (path.endsWith(".tfvars.json")) return "vars-json";
  return undefined;
}

/** Variable files Terraform reads by itself, in its order: terraform.tfvars(.json), then *.auto.tfvars(.json) by name. */
export function autoVarRank(name: string): number | undefined {
  if (name === "terraform.tfvars") return 0;
  if (name === "terraform.tfvars.json") return 1;
  if (name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json"))
    return 2;
  return undefined;
}

/** A file that could not be read or parsed: an error finding when it matters. */
export interface Failure {
  readonly path: string;
  readonly line: number;
  readonly message: string;
  readonly text: string;
}

export interface Loaded {
  readonly files: ReadonlyMap<string, TfFile>;
  readonly failures: readonly Failure[];
  /** Directory → its module (only directories holding `.tf` / `.tf.json`). */
  readonly modules: ReadonlyMap<string, ModuleDir>;
  /** Directory → its variable files, in any order. */
  readonly varFiles: ReadonlyMap<string, readonly TfFile[]>;
}

/** Directories read at most, module calls included. */
const MAX_DIRECTORIES = 2000;
/** Files of one directory read at once. */
const READ_CONCURRENCY = 8;

function parse(kind: TfKind, text: string): Body {
  switch (kind) {
    case "module":
    case "vars":
      return parseHclBody(text);
    case "module-json":
      return parseTfJson(text);
    default:
      return parseTfvarsJson(text);
  }
}

function tfFile(path: string, text: string, body: Body): TfFile {
  let starts: number[] | undefined;
  return {
    path,
    text,
    body,
    line: (offset) => lineAt((starts ??= lineStarts(text)), offset),
  };
}

async function loadFile(
  ws: Workspace,
  path: string,
  kind: TfKind,
  maxBytes: number,
): Promise<TfFile | Failure | undefined> {
  const read = await readInside(ws, path, maxBytes);
  if (!read) return undefined;
  if ("tooLarge" in read)
    return {
      path,
      line: 1,
      text: "",
      message: `file is ${(read.tooLarge / 1048576).toFixed(1)} MiB: larger than ${(maxBytes / 1048576).toFixed(1)} MiB, not parsed`,
    };
  try {
    return tfFile(path, read.text, parse(kind, read.text));
  } catch (error) {
    const at = error instanceof HclSyntaxError ? error.offset : 0;
    const line = lineAt(lineStarts(read.text), at);
    const message =
      error instanceof RangeError
        ? "nested too deeply to parse"
        : error instanceof Error
          ? error.message
          : String(error);
    return {
      path,
      line,
      text: read.text,
      message: `invalid: ${message} (line ${line})`,
    };
  }
}

const join = (dir: string, name: string): string =>
  dir === "." || dir === "" ? name : posix.join(dir, name);

/** Loads the directories of `paths` and, transitively, of their local module calls. */
export async function loadTerraform(
  ws: Workspace,
  paths: readonly string[],
  maxBytes: number,
): Promise<Loaded> {
  const files = new Map<string, TfFile>();
  const failures: Failure[] = [];
  const modules = new Map<string, ModuleDir>();
  const varFiles = new Map<string, TfFile[]>();
  let wave = [...new Set(paths.map((p) => posix.dirname(p)))].sort();
  const seen = new Set(wave);
  // One wave of directories at a time, files read concurrently; then the
  // directories their local module calls lead to.
  while (wave.length > 0) {
    const read = await pMap(
      wave,
      async (dir) => {
        const names = (await listInside(ws, dir === "." ? "" : dir)).filter(
          (name) => terraformKind(name),
        );
        return pMap(
          names,
          (name) =>
            loadFile(
              ws,
              join(dir, name),
              terraformKind(name) ?? "module",
              maxBytes,
            ),
          { concurrency: READ_CONCURRENCY },
        );
      },
      { concurrency: 4 },
    );
    const next: string[] = [];
    wave.forEach((dir, i) => {
      const moduleFiles: TfFile[] = [];
      for (const loaded of read[i] ?? []) {
        if (!loaded) continue;
        if (!("body" in loaded)) {
          failures.push(loaded);
          continue;
        }
        files.set(loaded.path, loaded);
        if (terraformKind(loaded.path)?.startsWith("module"))
          moduleFiles.push(loaded);
        else {
          const same = varFiles.get(dir);
          if (same) same.push(loaded);
          else varFiles.set(dir, [loaded]);
        }
      }
      if (moduleFiles.length === 0) return;
      const module = moduleOf(dir, moduleFiles);
      modules.set(dir, module);
      for (const { node } of module.calls.values()) {
        const source = localSource(dir, node);
        if (
          "dir" in source &&
          !seen.has(source.dir) &&
          seen.size < MAX_DIRECTORIES
        ) {
          seen.add(source.dir);
          next.push(source.dir);
        }
      }
    });
    wave = next.sort();
  }
  return { files, failures, modules, varFiles };
}
