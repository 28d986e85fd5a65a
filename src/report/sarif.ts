/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif):
 * one rule per control, one result per failing or errored file finding.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Log, ReportingDescriptor, Result } from "sarif";
import packageJson from "../../package.json" with { type: "json" };
import type { EvaluatedFileFinding } from "../check/file-run.js";
import { FILE_CONTROL } from "../files/verdict.js";
import { presentEmails } from "./present.js";

export const SARIF_FILE_NAME = "security-contact-check.sarif";

const RULES: Record<string, ReportingDescriptor> = {
  [FILE_CONTROL]: {
    id: FILE_CONTROL,
    name: "SecurityContactAdditionalEmails",
    shortDescription: {
      text: "Defender for Cloud security contact has a valid additional email address",
    },
    fullDescription: {
      text: "The security contact's 'Additional email addresses' must hold at least one valid address (CIS Azure Foundations; ISO 27001 A.5.24). Placeholders such as security_contact@replace_me leave Defender's alerts unread.",
    },
    defaultConfiguration: { level: "error" },
  },
};

/** The SARIF `tool.driver`: what code scanning shows as the source of the alerts. */
const TOOL = { name: packageJson.name, version: packageJson.version };

function message(finding: EvaluatedFileFinding, mask: boolean): string {
  const invalid = presentEmails(finding.invalidEmails, mask);
  const listed = invalid.length > 0 ? ` (${invalid.join(", ")})` : "";
  return finding.status === "fail"
    ? `Security contact address set by ${finding.setting} fails: ${finding.reason}${listed}.`
    : `Security contact address set by ${finding.setting} could not be verified: ${finding.reason}.`;
}

/** Pure: the SARIF log for the findings (passing findings produce no result). */
export function buildSarif(
  findings: readonly EvaluatedFileFinding[],
  mask: boolean,
): Log {
  const results: Result[] = findings
    .filter((finding) => finding.status !== "pass")
    .map((finding) => ({
      ruleId: finding.control,
      level: finding.status === "fail" ? "error" : "warning",
      message: { text: message(finding, mask) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: finding.path, uriBaseId: "%SRCROOT%" },
            region: { startLine: Math.max(1, finding.line) },
          },
        },
      ],
    }));
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
