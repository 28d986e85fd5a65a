/**
 * The JSON report: every subscription, nothing capped, documented in the
 * README as schemaVersion 2 (every schemaVersion 1 field kept, same
 * meaning). Building is pure; writing is one call.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { presentEmails } from "../check/emails.js";
import type { Finding, Verdict } from "../check/model.js";
import type { RunCounts, RunResult, RunStatus } from "../check/run-result.js";

export const REPORT_FILE_NAME = "security-contact-report.json";

export interface ReportContext {
  tenantId: string;
  environment: string;
  maskEmails: boolean;
  generatedAt: string;
}

/** One subscription in the report; addresses masked unless `mask-emails` is false. */
export interface ReportRow {
  subscriptionId: string;
  /** Raw, as Azure sent it: JSON needs no markdown escaping. */
  displayName: string;
  state: string;
  status: Verdict;
  reason: string;
  emails: string[];
  invalidEmails: string[];
  notificationsEnabled: boolean;
  paidDefenderPlans?: string[];
  /** v2: one per selected control; empty for skipped and error rows. */
  findings: Finding[];
  /** v2: valid addresses outside `allowed-email-domains`. */
  disallowedEmails: string[];
  /** v2: entries of `required-emails` the contact lacks. */
  missingRequiredEmails: string[];
}

/** The report file, schemaVersion 2, as documented in the README. */
export interface Report {
  schemaVersion: 2;
  generatedAt: string;
  tenantId: string;
  environment: string;
  status: RunStatus;
  counts: RunCounts;
  /** Errors that belong to no single subscription, such as a broken listing. */
  errors: string[];
  /** v2: the selected control IDs. */
  checks: string[];
  subscriptions: ReportRow[];
}

export function buildReport(run: RunResult, context: ReportContext): Report {
  return {
    schemaVersion: 2,
    generatedAt: context.generatedAt,
    tenantId: context.tenantId,
    environment: context.environment,
    status: run.status,
    counts: run.counts,
    errors: run.runErrors,
    checks: run.checks,
    subscriptions: run.results.map((r) => ({
      subscriptionId: r.subscriptionId,
      displayName: r.displayName,
      state: r.state,
      status: r.status,
      reason: r.reason,
      emails: presentEmails(r.emails, context.maskEmails),
      invalidEmails: presentEmails(r.invalidEmails, context.maskEmails),
      notificationsEnabled: !r.notificationsOff,
      ...(r.paidDefenderPlans
        ? { paidDefenderPlans: r.paidDefenderPlans }
        : {}),
      findings: r.findings ?? [],
      disallowedEmails: presentEmails(
        r.disallowedEmails ?? [],
        context.maskEmails,
      ),
      missingRequiredEmails: presentEmails(
        r.missingRequiredEmails ?? [],
        context.maskEmails,
      ),
    })),
  };
}

/** Writes the report into `directory` and returns its absolute path. */
export async function writeReport(
  directory: string,
  report: object,
): Promise<string> {
  await mkdir(directory, { recursive: true });
  const path = resolve(directory, REPORT_FILE_NAME);
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`, "utf8");
  return path;
}
