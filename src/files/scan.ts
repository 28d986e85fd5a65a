/**
 * The file scan: list the workspace's files, read each (bounded), and hand
 * it to the recogniser for its kind. No network, no Azure sign-in.
 */
import pMap from "p-map";
import { judgeDeployments } from "./deployments.js";
import { mayHoldSetting, type FileFinding } from "./findings.js";
import { Project } from "./project.js";
import { scanTerraform, terraformKind } from "./terraform/index.js";
import { listFiles } from "./walk.js";
import { openWorkspace, readInside, type Workspace } from "./workspace.js";

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
  if (terraformKind(path)) return "terraform";
  if (path.endsWith(".bicepparam")) return "bicepparam";
  if (path.endsWith(".bicep")) return "bicep";
  return "arm-template";
}

export async function scanFiles(options: ScanOptions): Promise<ScanResult> {
  const ws = await openWorkspace(options.workspace);
  const paths = await listFiles(ws, options.include, options.exclude);
  const findings: FileFinding[] = [];
  // Terraform reads every file of a directory: no pre-filter, see terraform/index.ts.
  const terraform = paths.filter((path) => terraformKind(path));
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
      if (terraformKind(path)) return;
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
      if (/\.(bicep|bicepparam|jsonc?)$/i.test(path)) {
        project.texts.set(path, read.text);
      }
    },
    { concurrency: 16 },
  );
  const matched = paths.filter((path) => project.texts.has(path));
  findings.push(...(await judgeDeployments(project, matched, deadline)));

  findings.push(...(await scanTerraform(ws, terraform, MAX_PARSE_BYTES)));

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
