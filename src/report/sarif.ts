/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif):
 * one rule per control, one result per failing, errored or unresolved file
 * finding. URIs are percent-encoded per segment (a `#` or `%` in a file name
 * must not change which file an alert points at) and fingerprints leave the
 * line out, so alerts stay put when lines move.
 */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Location, Log, ReportingDescriptor, Result } from "sarif";
import packageJson from "../../package.json" with { type: "json" };
import { citation } from "../check/controls/control.js";
import { controlsById } from "../check/controls/index.js";
import type { EvaluatedFileFinding } from "../check/file-run.js";
import { FILE_CONTROL } from "../files/verdict.js";
import { presentEmails } from "./present.js";

export const SARIF_FILE_NAME = "security-contact-check.sarif";

/** Where the rule comes from, from the control's own references. */
const CITED = controlsById([FILE_CONTROL])
  .map((control) => citation(control.references))
  .join("; ");

const RULES: Record<string, ReportingDescriptor> = {
  [FILE_CONTROL]: {
    id: FILE_CONTROL,
    name: "SecurityContactAdditionalEmails",
    shortDescription: {
      text: "Defender for Cloud security contact has a valid additional email address",
    },
    fullDescription: {
      text: `The security contact's 'Additional email addresses' must hold at least one valid address (${CITED}). Placeholders such as security_contact@replace_me leave Defender's alerts unread.`,
    },
    defaultConfiguration: { level: "error" },
    help: {
      text: "Set the security contact's emails (Microsoft.Security/securityContacts properties.emails, or the emailSecurityContact parameter of the Deploy-MDFC-Config policy assignment) to at least one real, monitored address, in the file that decides the value (the parameter file, .bicepparam or .tfvars the deployment uses).",
      markdown: [
        `**Why:** Microsoft Defender for Cloud emails its alerts to the security contact's *Additional email addresses*. A placeholder such as \`security_contact@replace_me\`, an empty value or a reserved domain means no one reads them (${CITED}).`,
        "",
        "**Fix:** set the address where the deployment takes it from: the parameter file, `.bicepparam` or `.tfvars` named by the alert (the *related location* is where the value is deployed). Separate several addresses with `;`.",
        "",
        "**Unresolved** alerts (level *note*) mark a parameter with no default that no file in the repository binds: the value is decided at deployment. Bind it in a parameter file, or set `fail-on-unresolved: true` to fail on them.",
      ].join("\n"),
    },
    properties: { tags: ["security"], "security-severity": "7.5" },
  },
};

/** The SARIF `tool.driver`: what code scanning shows as the source of the alerts. */
const TOOL = { name: packageJson.name, version: packageJson.version };

const LEVELS = { fail: "error", error: "warning", unresolved: "note" } as const;

/** A repository-relative path as a URI reference: each segment percent-encoded. */
function pathUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function location(path: string, line: number): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: pathUri(path), uriBaseId: "%SRCROOT%" },
      region: { startLine: Math.max(1, line) },
    },
  };
}

/** Stable across pushes: the file, the setting and the kind, never the line. */
function fingerprint(finding: EvaluatedFileFinding): string {
  return createHash("sha256")
    .update(
      [finding.control, finding.path, finding.setting, finding.status].join(
        "\0",
      ),
    )
    .digest("hex");
}

function message(finding: EvaluatedFileFinding, mask: boolean): string {
  const invalid = presentEmails(finding.invalidEmails, mask);
  const listed = invalid.length > 0 ? ` (${invalid.join(", ")})` : "";
  if (finding.status === "fail")
    return `Security contact address set by ${finding.setting} fails: ${finding.reason}${listed}.`;
  if (finding.status === "unresolved")
    return `Security contact address ${finding.setting} is decided at deployment: ${finding.reason}.`;
  return `Security contact address set by ${finding.setting} could not be verified: ${finding.reason}.`;
}

/** Pure: the SARIF log for the findings (passing findings produce no result). */
export function buildSarif(
  findings: readonly EvaluatedFileFinding[],
  mask: boolean,
): Log {
  const results: Result[] = [];
  for (const finding of findings) {
    if (finding.status === "pass") continue;
    const { usedAt } = finding;
    results.push({
      ruleId: finding.control,
      level: LEVELS[finding.status],
      message: { text: message(finding, mask) },
      locations: [location(finding.path, finding.line)],
      partialFingerprints: {
        "securityContactSetting/v1": fingerprint(finding),
      },
      ...(usedAt
        ? {
            relatedLocations: [
              {
                id: 1,
                ...location(usedAt.path, usedAt.line),
                message: { text: `Deployed here: ${usedAt.setting}` },
              },
            ],
          }
        : {}),
    });
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL.name,
            version: TOOL.version,
            rules: Object.values(RULES),
          },
        },
        results,
      },
    ],
  };
}

/** Writes the log under RUNNER_TEMP; returns its absolute path. */
export async function writeSarif(
  log: Log,
  runnerTemp: string,
): Promise<string> {
  await mkdir(runnerTemp, { recursive: true });
  const path = resolve(runnerTemp, SARIF_FILE_NAME);
  await writeFile(path, `${JSON.stringify(log, null, 2)}\n`, "utf8");
  return path;
}
