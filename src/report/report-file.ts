/**
 * The JSON report: every subscription, nothing capped, documented in the
 * README as schemaVersion 4 (every field of versions 1 to 3 kept, same
 * meaning). Building is pure; writing is one call.
 */
import { mkdir, open } from "node:fs/promises";
import { resolve } from "node:path";
import {
  byUrgency,
  type FileFindingStatus,
  type FileLocation,
} from "../check/file-run.js";
import type { Deliverability } from "../check/mail-domains.js";
import type {
  Finding,
  Remediation,
  SubscriptionResult,
  Verdict,
} from "../check/model.js";
import type {
  ConcurrencyStats,
  RunCounts,
  RunResult,
  RunStatus,
} from "../check/run-result.js";
import { presentEmails, presentRemediation } from "./present.js";

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
  /** Value of the first `owner-tags` tag present (masked like addresses); absent when none. */
  owner?: string;
  /** Direct parent management group, on rows a `management-groups` walk reached. */
  managementGroup?: string;
  /** v2, optional: what `remediate: plan|apply` did; only on subscriptions that failed a control. */
  remediation?: Remediation;
  /** v4, only with `deliverable-emails`: each valid address (masked like `emails`) with its domain as DNS answered. */
  deliverability?: ReportDeliverability[];
}

/** v4: one address and whether its domain can receive mail. */
export interface ReportDeliverability {
  email: string;
  domain: string;
  deliverability: Deliverability;
  reason: string;
}

/** v3: one security contact setting found in the repository's files. */
export interface ReportFileFinding {
  /** Repository-relative, forward slashes; v4: the file whose value decides (a parameter file, a caller). */
  path: string;
  /** v4: the line of the deciding value. */
  line: number;
  /** Where in the file, e.g. `parameters.emailSecurityContact.value`. */
  setting: string;
  /** Which recogniser: arm-parameters, arm-template, bicepparam, bicep, policy-definition, blueprint, json, terraform-plan, terraform. */
  source: string;
  /** v4 adds `unresolved`: decided at deployment (nothing in the repository binds it); `reason` says what decides it. */
  status: FileFindingStatus;
  reason: string;
  emails: string[];
  invalidEmails: string[];
  /** v4: where the value is deployed (template, module, resource) when another file decides it. */
  usedAt?: FileLocation;
}

/** The report file, schemaVersion 4, as documented in the README. */
export interface Report {
  schemaVersion: 4;
  generatedAt: string;
  tenantId: string;
  environment: string;
  status: RunStatus;
  counts: RunCounts;
  /** Errors that belong to no single subscription, such as a broken listing. */
  errors: string[];
  /** v2: the selected control IDs. */
  checks: string[];
  /** v4: control ID → subscriptions it could not decide (finding status `unknown`), every selected control. */
  controlUnknowns: Record<string, number>;
  subscriptions: ReportRow[];
  /** v3: what was checked: azure, files or both. */
  scan: string;
  /** v3: the file scan's findings, failures first; empty when scan is azure. */
  files: ReportFileFinding[];
  /** v4: how the run went; `concurrency` only when subscriptions were read. */
  run: { concurrency?: ConcurrencyStats };
}

/** One subscription as the report shows it. */
function reportRow(r: SubscriptionResult, context: ReportContext): ReportRow {
  return {
    subscriptionId: r.subscriptionId,
    displayName: r.displayName,
    state: r.state,
    status: r.status,
    reason: r.reason,
    emails: presentEmails(r.emails, context.maskEmails),
    invalidEmails: presentEmails(r.invalidEmails, context.maskEmails),
    notificationsEnabled: !r.notificationsOff,
    ...(r.paidDefenderPlans ? { paidDefenderPlans: r.paidDefenderPlans } : {}),
    findings: r.findings ?? [],
    disallowedEmails: presentEmails(
      r.disallowedEmails ?? [],
      context.maskEmails,
    ),
    missingRequiredEmails: presentEmails(
      r.missingRequiredEmails ?? [],
      context.maskEmails,
    ),
    ...(r.owner ? { owner: r.owner } : {}),
    ...(r.managementGroup ? { managementGroup: r.managementGroup } : {}),
    ...(r.remediation
      ? {
          remediation: presentRemediation(r.remediation, context.maskEmails),
        }
      : {}),
    ...(r.deliverability
      ? {
          deliverability: r.deliverability.map((d) => ({
            email: presentEmails([d.email], context.maskEmails)[0] ?? "",
            domain: d.domain,
            deliverability: d.deliverability,
            reason: d.reason,
          })),
        }
      : {}),
  };
}

export function buildReport(run: RunResult, context: ReportContext): Report {
  return {
    schemaVersion: 4,
    generatedAt: context.generatedAt,
    tenantId: context.tenantId,
    environment: context.environment,
    status: run.status,
    counts: run.counts,
    errors: run.runErrors,
    checks: run.checks,
    controlUnknowns: run.controlUnknowns,
    subscriptions: run.results.map((r) => reportRow(r, context)),
    scan: run.scan,
    files: byUrgency(run.files?.findings ?? []).map((f) => ({
      path: f.path,
      line: f.line,
      setting: f.setting,
      source: f.source,
      status: f.status,
      reason: f.reason,
      emails: presentEmails(f.emails, context.maskEmails),
      invalidEmails: presentEmails(f.invalidEmails, context.maskEmails),
      ...(f.usedAt ? { usedAt: f.usedAt } : {}),
    })),
    run: run.concurrency ? { concurrency: run.concurrency } : {},
  };
}

/** Rows a write takes: each piece stays under V8's large-object size (128 KiB). */
const ROWS_PER_WRITE = 100;

/**
 * `"key": value` as `JSON.stringify(…, null, 2)` writes it one level down,
 * cut from the text of `{ key: value }`; "" when JSON omits the value.
 */
function field(key: string, value: unknown): string {
  const text = JSON.stringify({ [key]: value }, null, 2);
  return text.slice("{\n".length, text.length - "\n}".length);
}

/** A list read a batch at a time: an array, or one whose elements are built per batch. */
interface Rows {
  readonly length: number;
  slice(start: number, end: number): readonly unknown[];
}

/**
 * The text of `JSON.stringify(report, null, 2)` in pieces: each top-level
 * field, and a long list a few hundred elements at a time, so 10,000
 * subscriptions never become one string (nor one buffer) at once. `lists`
 * stands in for fields of `report` whose elements are built a batch at a
 * time.
 */
function* reportPieces(
  report: Report,
  lists: Partial<Record<keyof Report, Rows>>,
): Generator<string> {
  let separator = "{\n";
  for (const [key, value] of Object.entries(report)) {
    const list: Rows | undefined =
      lists[key as keyof Report] ?? (Array.isArray(value) ? value : undefined);
    if (!list || list.length <= ROWS_PER_WRITE) {
      const whole = list && list !== value ? list.slice(0, list.length) : value;
      const text = field(key, whole);
      if (text === "") continue;
      yield `${separator}${text}`;
    } else {
      // `"key": [` and its first rows, then the rows a batch at a time.
      for (let at = 0; at < list.length; at += ROWS_PER_WRITE) {
        const text = field(key, list.slice(at, at + ROWS_PER_WRITE));
        const end = text.length - "\n  ]".length;
        yield at === 0
          ? `${separator}${text.slice(0, end)}`
          : `,\n${text.slice(text.indexOf("[\n") + "[\n".length, end)}`;
      }
      yield "\n  ]";
    }
    separator = ",\n";
  }
  yield separator === "{\n" ? "{}\n" : "\n}\n";
}

/** Writes the report of `run` into `directory`; returns the file's absolute path. */
export async function writeReport(
  directory: string,
  run: RunResult,
  context: ReportContext,
): Promise<string> {
  await mkdir(directory, { recursive: true });
  const path = resolve(directory, REPORT_FILE_NAME);
  const file = await open(path, "w");
  try {
    // The rows are built while they are written: the report never holds
    // all of them next to the run's own.
    const subscriptions: Rows = {
      length: run.results.length,
      slice: (start, end) =>
        run.results.slice(start, end).map((r) => reportRow(r, context)),
    };
    const head = buildReport({ ...run, results: [] }, context);
    for (const piece of reportPieces(head, { subscriptions })) {
      await file.write(piece, null, "utf8");
    }
  } finally {
    await file.close();
  }
  return path;
}
