/**
 * What the file scan produces: one finding per place a deployment sets the
 * security-contact address. A recogniser either read a value (the verdict
 * comes later, in verdict.ts), could not (an error finding: fail closed), or
 * found a parameter nothing in the repository binds (unresolved: decided at
 * deployment time).
 */

import type { FileLocation, FindingSource } from "../check/file-run.js";

export type { FileLocation, FindingSource } from "../check/file-run.js";

interface FindingBase {
  /** Repository-relative path of the file that decides the value. */
  readonly path: string;
  /** 1-based line of the deciding value (best effort for Terraform: see terraform.ts). */
  readonly line: number;
  /** Where in the file, e.g. `parameters.emailSecurityContact.value`. */
  readonly setting: string;
  readonly source: FindingSource;
  /** The place that deploys the value, when another file decides it (a template, a module, a resource). */
  readonly usedAt?: FileLocation;
}

export interface ValueFinding extends FindingBase {
  /** The literal the deployment would use. */
  readonly value: string;
  /** The legacy singular `properties.email`: Defender no longer reads it, so it fails whatever its value. */
  readonly legacyEmail?: true;
}

export interface ErrorFinding extends FindingBase {
  /** Why no value could be read, e.g. "not a literal: cond ? 'a' : b". */
  readonly error: string;
}

export interface UnresolvedFinding extends FindingBase {
  /** What decides it at deployment, e.g. "parameter parEmail of main.bicep: no default, no parameter file binds it". */
  readonly unresolved: string;
}

export type FileFinding = ValueFinding | ErrorFinding | UnresolvedFinding;

/**
 * A cheap test run before any parser: files that cannot hold one of the
 * settings are never parsed, which keeps a large repository's scan fast.
 * A file holding an escape (`\u…`) may spell a name in a way this cannot
 * see, so it is always parsed (see mayHoldSetting).
 */
const SETTING_HINT =
  /security_?contact|security_center_contact|emailcontactasc/i;

/** False only for text no recogniser could find a setting in. */
export function mayHoldSetting(text: string): boolean {
  return SETTING_HINT.test(text) || text.includes("\\u");
}
