/**
 * The file scan: list the workspace's files, read each (bounded), and hand
 * it to the recogniser for its kind. No network, no Azure sign-in.
 */
import { lstat, readdir, readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import pMap from "p-map";
import { recogniseBicep, recogniseBicepParam } from "./bicep.js";
import { SETTING_HINT, type FileFinding } from "./findings.js";
import { parseHcl } from "./hcl.js";
import { recogniseJsonFile } from "./json-file.js";
import {
  recogniseTerraform,
  terraformContext,
  type HclDocument,
} from "./terraform.js";
import { listFiles } from "./walk.js";
import { errorMessage } from "../text.js";

/** Files above this are not parsed (a finding says so when they mention a setting). */
export const MAX_PARSE_BYTES = 4 * 1024 * 1024;
/** Files above this are not even read. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

export interface ScanOptions {
  /** Absolute path of the workspace (GITHUB_WORKSPACE). */
  readonly workspace: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export interface ScanResult {
  /** Files the patterns selected. */
  readonly filesMatched: number;
  /** Findings sorted by path, then line. */
  readonly findings: FileFinding[];
}

const TERRAFORM = /\.(tf|tfvars|tfvars\.json)$/;
const MiB = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

type Read = { text: string } | { finding: FileFinding } | undefined;

/** Reads a regular file within the bounds; undefined for links and others. */
async function readBounded(workspace: string, path: string): Promise<Read> {
  const full = join(workspace, path);
  const info = await lstat(full);
  if (!info.isFile()) return undefined;
  const error = (message: string): Read => ({
    finding: {
      path,
      line: 1,
      setting: "(file)",
      source: sourceOf(path),
      error: message,
    },
  });
  if (info.size > MAX_READ_BYTES)
    return error(
      `file is ${MiB(info.size)}: larger than ${MiB(MAX_READ_BYTES)}, not read`,
    );
  const text = await readFile(full, "utf8");
  if (!SETTING_HINT.test(text)) return undefined;
  if (info.size > MAX_PARSE_BYTES)
    return error(
      `file is ${MiB(info.size)}: larger than ${MiB(MAX_PARSE_BYTES)}, not parsed`,
    );
  return { text };
}

function sourceOf(path: string): FileFinding["source"] {
  if (TERRAFORM.test(path)) return "terraform";
  if (path.endsWith(".bicepparam")) return "bicepparam";
  if (path.endsWith(".bicep")) return "bicep";
  return "arm-template";
}

/** Parses, or keeps the parser's error (reported for the file if it is a candidate). */
async function tryParse(
  path: string,
  text: string,
): Promise<HclDocument | Error> {
  try {
    return await parseTerraformFile(path, text);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Could this neighbour define one of the variables? (Cheap text test before parsing.) */
function mayDefine(
  name: string,
  text: string,
  variables: ReadonlySet<string>,
): boolean {
  for (const variable of variables) {
    const pattern = name.endsWith(".tf")
      ? `variable\\s+"${variable}"`
      : `(^|\\s|")${variable}"?\\s*[=:]`;
    if (new RegExp(pattern, "m").test(text)) return true;
  }
  return false;
}

/**
 * The candidate files of one directory parsed, plus its variables: the
 * directory's other `.tf`/`.tfvars` are parsed only when they may define a
 * `var.x` that a candidate refers to.
 */
async function parseDirectory(
  workspace: string,
  dir: string,
  candidates: readonly { path: string; text: string }[],
) {
  const parsed = new Map<string, HclDocument | Error>();
  for (const { path, text } of candidates) {
    parsed.set(posix.basename(path), await tryParse(path, text));
  }
  const variables = new Set(
    candidates.flatMap(({ text }) =>
      [...text.matchAll(/\bvar\.([\w-]+)/g)].map((m) => m[1] ?? ""),
    ),
  );
  if (variables.size > 0) {
    const names = (await readdir(join(workspace, dir)))
      .filter((name) => TERRAFORM.test(name) && !parsed.has(name))
      .sort();
    for (const name of names) {
      const path = dir === "." ? name : posix.join(dir, name);
      const info = await lstat(join(workspace, path));
      if (!info.isFile() || info.size > MAX_PARSE_BYTES) continue;
      const text = await readFile(join(workspace, path), "utf8");
      if (mayDefine(name, text, variables))
        parsed.set(name, await tryParse(path, text));
    }
  }
  // A broken neighbour only matters if a value needs it: then that value is unresolved.
  const files = [...parsed]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([name, doc]) =>
      doc instanceof Error ? [] : [{ name, parsed: doc }],
    );
  return { parsed, context: terraformContext(files) };
}

function parseTerraformFile(path: string, text: string): Promise<HclDocument> {
  return path.endsWith(".json")
    ? Promise.resolve(JSON.parse(text) as HclDocument)
    : parseHcl(path, text);
}

export async function scanFiles(options: ScanOptions): Promise<ScanResult> {
  const { workspace } = options;
  const paths = await listFiles(workspace, options.include, options.exclude);
  const findings: FileFinding[] = [];
  const terraform = new Map<string, { path: string; text: string }[]>();

  await pMap(
    paths,
    async (path) => {
      const read = await readBounded(workspace, path);
      if (!read) return;
      if ("finding" in read) {
        findings.push(read.finding);
      } else if (TERRAFORM.test(path)) {
        const dir = posix.dirname(path);
        terraform.set(dir, [
          ...(terraform.get(dir) ?? []),
          { path, text: read.text },
        ]);
      } else if (path.endsWith(".bicepparam")) {
        findings.push(...recogniseBicepParam(path, read.text));
      } else if (path.endsWith(".bicep")) {
        findings.push(...recogniseBicep(path, read.text));
      } else if (/\.jsonc?$/.test(path)) {
        findings.push(...recogniseJsonFile(path, read.text));
      }
    },
    { concurrency: 16 },
  );

  for (const [dir, files] of [...terraform].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const { parsed, context } = await parseDirectory(workspace, dir, files);
    for (const { path, text } of files) {
      const doc = parsed.get(posix.basename(path));
      if (doc && !(doc instanceof Error)) {
        findings.push(...recogniseTerraform(path, text, doc, context));
      } else {
        const why = doc ? errorMessage(doc).split("\n")[0] : "not parsed";
        findings.push({
          path,
          line: 1,
          setting: "(file)",
          source: "terraform",
          error: `invalid: ${why}`,
        });
      }
    }
  }

  findings.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line,
  );
  return { filesMatched: paths.length, findings };
}
