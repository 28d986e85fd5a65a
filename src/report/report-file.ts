/**
 * The JSON report: every subscription, nothing capped, documented in the
 * README as schemaVersion 1. Building is pure; writing is one call.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { presentEmails } from "../check/emails.js";
import type { RunResult } from "../check/run-result.js";

export const REPORT_FILE_NAME = "security-contact-report.json";

export interface ReportContext {
  tenantId: string;
  environment: string;
  maskEmails: boolean;
  generatedAt: string;
}

export function buildReport(run: RunResult, context: ReportContext): object {
  return {
    schemaVersion: 1,
    generatedAt: context.generatedAt,
    tenantId: context.tenantId,
    environment: context.environment,
    status: run.status,
    counts: run.counts,
    errors: run.runErrors,
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
