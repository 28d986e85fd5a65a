/**
 * The file scan: list the workspace's files, read each (bounded), and hand
 * it to the recogniser for its kind. No network, no Azure sign-in.
 */
import { posix } from "node:path";
import pMap from "p-map";
import { judgeDeployments } from "./deployments.js";
import { mayHoldSetting, type FileFinding } from "./findings.js";
import { parseHcl } from "./hcl.js";
import { Project } from "./project.js";
import {
  recogniseTerraform,
  terraformContext,
  type HclDocument,
} from "./terraform.js";
import { listFiles } from "./walk.js";
import {
  listInside,
  openWorkspace,
  readInside,
  type Workspace,
} from "./workspace.js";
import { errorMessage } from "../text.js";

/** Files above this are not parsed (a finding says so when they mention a setting). */
export const MAX_PARSE_BYTES = 4 * 1024 * 1024;
/** Files above this are not even read. */
const MAX_READ_BYTES = 64 * 1024 * 1024;
/** More findings than this in one file is not a landing zone: the rest become one error. */
const MAX_FINDINGS_PER_FILE = 200;
/** The whole scan's time budget; files left when it is spent become one error finding. */
const MAX_SCAN_MS = 120_000;

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
  /** Paths not read: a symbolic link or `..` leads elsewhere (shown as notices). */
  readonly skipped: string[];
}

const TERRAFORM = /\.(tf|tfvars|tf\.json|tfvars\.json)$/;
const MiB = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

type Read = { text: string } | { finding: FileFinding } | undefined;

/** Reads a regular file inside the workspace within the bounds; undefined for links and others. */
async function readBounded(ws: Workspace, path: string): Promise<Read> {
  const read = await readInside(ws, path, MAX_READ_BYTES);
  if (!read) return undefined;
  if ("text" in read) return read;
  return {
    finding: {
      path,
      line: 1,
      setting: "(file)",
      source: sourceOf(path),
      error: `file is ${MiB(read.tooLarge)}: larger than ${MiB(MAX_READ_BYTES)}, not read`,
    },
  };
}

/** Too large to parse: an error if it may hold a setting, else nothing. */
function tooLargeToParse(path: string, text: string): FileFinding | undefined {
  const size = Buffer.byteLength(text);
  if (size <= MAX_PARSE_BYTES || !mayHoldSetting(text)) return undefined;
  return {
    path,
    line: 1,
    setting: "(file)",
    source: sourceOf(path),
    error: `file is ${MiB(size)}: larger than ${MiB(MAX_PARSE_BYTES)}, not parsed`,
  };
}

/** At most MAX_FINDINGS_PER_FILE findings per file (sorted); past that one error says the rest was not judged. */
function capFindings(sorted: readonly FileFinding[]): FileFinding[] {
  const out: FileFinding[] = [];
  let count = 0;
  sorted.forEach((finding, i) => {
    count = i > 0 && sorted[i - 1]?.path === finding.path ? count + 1 : 1;
    if (count <= MAX_FINDINGS_PER_FILE) out.push(finding);
    else if (count === MAX_FINDINGS_PER_FILE + 1) {
      const rest =
        sorted.filter((f) => f.path === finding.path).length -
        MAX_FINDINGS_PER_FILE;
      out.push({
        path: finding.path,
        line: finding.line,
        setting: "(file)",
        source: finding.source,
        error: `more than ${MAX_FINDINGS_PER_FILE} security contact settings: the other ${rest} were not judged`,
      });
    }
  });
  return out;
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

/** Could this neighbour define one of the variables? (Cheap text test before parsing; no pattern built from data.) */
function mayDefine(text: string, variables: ReadonlySet<string>): boolean {
  for (const variable of variables) if (text.includes(variable)) return true;
  return false;
}

/**
 * The candidate files of one directory parsed, plus its variables: the
 * directory's other `.tf`/`.tfvars` are parsed only when they may define a
 * `var.x` that a candidate refers to.
 */
async function parseDirectory(
  ws: Workspace,
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
    const names = (await listInside(ws, dir)).filter(
      (name) => TERRAFORM.test(name) && !parsed.has(name),
    );
    for (const name of names) {
      const path = dir === "." ? name : posix.join(dir, name);
      const read = await readInside(ws, path, MAX_PARSE_BYTES);
      if (read && "text" in read && mayDefine(read.text, variables))
        parsed.set(name, await tryParse(path, read.text));
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
  const ws = await openWorkspace(options.workspace);
  const paths = await listFiles(ws, options.include, options.exclude);
  const findings: FileFinding[] = [];
  const terraform = new Map<string, { path: string; text: string }[]>();
  const project = new Project(ws);
  const deadline = Date.now() + MAX_SCAN_MS;
  const late: string[] = [];

  await pMap(
    paths,
    async (path) => {
      if (Date.now() > deadline) {
        late.push(path);
        return;
      }
      const read = await readBounded(ws, path);
      if (!read) return;
      if ("finding" in read) {
        findings.push(read.finding);
        return;
      }
      const large = tooLargeToParse(path, read.text);
      if (large) {
        findings.push(large);
        return;
      }
      if (TERRAFORM.test(path)) {
        if (!mayHoldSetting(read.text)) return;
        const dir = posix.dirname(path);
        terraform.set(dir, [
          ...(terraform.get(dir) ?? []),
          { path, text: read.text },
        ]);
      } else if (/\.(bicep|bicepparam|jsonc?)$/i.test(path)) {
        project.texts.set(path, read.text);
      }
    },
    { concurrency: 16 },
  );
  const matched = paths.filter((path) => project.texts.has(path));
  findings.push(...(await judgeDeployments(project, matched, deadline)));

  for (const [dir, files] of [...terraform].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const { parsed, context } = await parseDirectory(ws, dir, files);
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

  const [firstLate] = late.sort();
  if (firstLate) {
    findings.push({
      path: firstLate,
      line: 1,
      setting: "(scan)",
      source: sourceOf(firstLate),
      error: `the scan ran out of its ${MAX_SCAN_MS / 1000} s budget: this and ${late.length - 1} other files were not read`,
    });
  }
  findings.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line,
  );
  return {
    filesMatched: paths.length,
    findings: capFindings(findings),
    skipped: [...ws.skipped].sort(),
  };
}
