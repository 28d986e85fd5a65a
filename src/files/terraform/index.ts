/**
 * The Terraform part of the file scan: `.tf`, `.tf.json`, `.tfvars`,
 * `.tfvars.json`. No text pre-filter: every Terraform file of a directory the
 * patterns reach is parsed (the parser is linear and fast), so no comment or
 * escape can hide a file Terraform would read. HashiCorp's own parser
 * (hcl.ts, WebAssembly loaded on first use) then confirms every native file
 * a finding rests on: a file it rejects is an error, whatever ours read.
 */
import { posix } from "node:path";
import type { FileFinding } from "../findings.js";
import { parseHcl } from "../hcl.js";
import type { Workspace } from "../workspace.js";
import { deploymentsOf, judgeDeployment } from "./deploy.js";
import {
  autoVarRank,
  loadTerraform,
  terraformKind,
  type Failure,
} from "./load.js";
import { mentionsSetting } from "./hints.js";
import { Findings } from "./sinks.js";

export { terraformKind } from "./load.js";

const dirOf = (path: string): string => posix.dirname(path);

/** A `-var-file` (not one Terraform reads by itself). */
const isExplicitVarFile = (path: string): boolean =>
  !!terraformKind(path)?.startsWith("vars") &&
  autoVarRank(posix.basename(path)) === undefined;

/**
 * HashiCorp's parser is much slower than ours and not linear (a 2 MiB file
 * takes 10 s and more): larger files rest on our parser alone, which refuses
 * whatever it does not understand.
 */
const MAX_CONFIRM_CHARS = 512 * 1024;

/** HashiCorp's parser's message for a native file it rejects; undefined when it accepts the file. */
/**
 * HashiCorp's parser on a native file: its first message when it rejects the
 * file, null when it accepts it, undefined when it was not asked (JSON
 * syntax, or too large to ask).
 */
async function officialError(
  path: string,
  text: string,
): Promise<string | null | undefined> {
  const kind = terraformKind(path);
  if ((kind !== "module" && kind !== "vars") || text.length > MAX_CONFIRM_CHARS)
    return undefined;
  try {
    await parseHcl(path, text);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.split("\n")[0] ?? "";
  }
}

/**
 * A file that was not parsed: an error when it is a variable file, may hold
 * a setting, sits beside a finding, or was too large to know.
 */
async function failureFindings(
  failures: readonly Failure[],
  involved: ReadonlySet<string>,
): Promise<FileFinding[]> {
  const out: FileFinding[] = [];
  for (const f of failures) {
    const matters =
      f.text === "" ||
      terraformKind(f.path)?.startsWith("vars") ||
      involved.has(dirOf(f.path)) ||
      mentionsSetting(f.text) ||
      f.text.includes("\\");
    if (!matters) continue;
    const official = f.text ? await officialError(f.path, f.text) : undefined;
    const error =
      typeof official === "string"
        ? `invalid: ${official}`
        : official === null
          ? `not read: the scan's parser stops where HashiCorp's does not: ${f.message.replace(/^invalid: /, "")}`
          : f.message;
    out.push({
      path: f.path,
      line: f.line,
      setting: "(file)",
      source: "terraform",
      error,
    });
  }
  return out;
}

/** HashiCorp's parser must accept every native file a finding rests on. */
async function confirmed(
  findings: readonly FileFinding[],
  text: ReadonlyMap<string, string>,
): Promise<FileFinding[]> {
  const paths = new Set(
    findings.flatMap((f) => [f.path, ...(f.usedAt ? [f.usedAt.path] : [])]),
  );
  const out: FileFinding[] = [];
  for (const path of [...paths].sort()) {
    const contents = text.get(path);
    const official =
      contents === undefined ? undefined : await officialError(path, contents);
    if (typeof official === "string")
      out.push({
        path,
        line: 1,
        setting: "(file)",
        source: "terraform",
        error: `invalid: ${official}`,
      });
  }
  return out;
}

/** Findings of the Terraform files among `paths` (repository-relative, matched by the patterns). */
export async function scanTerraform(
  ws: Workspace,
  paths: readonly string[],
  maxBytes: number,
): Promise<FileFinding[]> {
  if (paths.length === 0) return [];
  const loaded = await loadTerraform(ws, paths, maxBytes);
  // A directory with a file Terraform would refuse deploys nothing: its
  // findings would judge a value that is never used, so only the file's error counts.
  const broken = new Set(
    loaded.failures
      .filter((f) => !isExplicitVarFile(f.path))
      .map((f) => dirOf(f.path)),
  );
  const all = new Findings();
  const involved = new Set<string>();
  for (const deployment of deploymentsOf(loaded, new Set(paths))) {
    const found = judgeDeployment(deployment, loaded.modules).list;
    const dir = deployment.root?.dir;
    if (dir !== undefined && broken.has(dir)) {
      if (found.length > 0) involved.add(dir);
      continue;
    }
    for (const finding of found) all.add(finding);
  }
  const findings = all.list;
  for (const f of findings) {
    involved.add(dirOf(f.path));
    if (f.usedAt) involved.add(dirOf(f.usedAt.path));
  }
  const texts = new Map(
    [...loaded.files].map(([path, file]) => [path, file.text]),
  );
  return [
    ...findings,
    ...(await failureFindings(loaded.failures, involved)),
    ...(await confirmed(findings, texts)),
  ];
}
