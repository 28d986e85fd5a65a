/**
 * What the file scan produces: one finding per place a file sets the
 * security-contact address. A recogniser either read a value (the verdict
 * comes later, in verdict.ts) or could not (an error finding: fail closed).
 */
import type { FindingSource } from "../check/file-run.js";

interface FindingBase {
  /** Repository-relative path with forward slashes. */
  readonly path: string;
  /** 1-based line of the setting (best effort for Terraform: see terraform.ts). */
  readonly line: number;
  /** Where in the file, e.g. `parameters.emailSecurityContact.value`. */
  readonly setting: string;
  readonly source: FindingSource;
}

export interface ValueFinding extends FindingBase {
  /** The literal the file sets (after resolving one parameter or variable). */
  readonly value: string;
  /** The legacy singular `properties.email`: Defender no longer reads it, so it fails whatever its value. */
  readonly legacyEmail?: true;
}

export interface ErrorFinding extends FindingBase {
  /** Why no value could be read, e.g. "unresolved: module.x.email". */
  readonly error: string;
}

export type FileFinding = ValueFinding | ErrorFinding;

/**
 * A cheap test run before any parser: files that cannot hold one of the
 * settings are never parsed, which keeps a large repository's scan fast.
 */
export const SETTING_HINT =
  /security_?contact|security_center_contact|emailcontactasc/i;
