/**
 * What people see of a run: the one place where `mask-emails` masking, the
 * bounding of text from Azure and from files, and the labels of rejected
 * addresses happen. Checks, controls and the file scan never mask; the log
 * gets `maskAddressesIn` injected. Pure.
 */
import type { RejectedKind } from "../check/address-policy.js";
import { LOCAL_PART_CHARS } from "../check/emails.js";
import type { EvaluatedFileFinding, FileRun } from "../check/file-run.js";
import type {
  FieldChange,
  Remediation,
  SubscriptionResult,
} from "../check/model.js";
import type { RunResult } from "../check/run-result.js";
import { MAX_AZURE_TEXT_CHARS } from "../limits.js";
import { truncate } from "./markdown.js";

/**
 * The one address pattern for free text, built from the validator's own
 * grammar: a local part of its characters (and any non-ASCII character, which
 * still names a person), quoted strings (`"john.smith"@x`) and comments
 * (`bob.jones(home)@x`), then `@` and a domain. Whitespace, `;` `,` `:` `<>`
 * `()` `[]` and quotes end the domain, so `mailto:bob@x.com` keeps its scheme
 * and `a@x.com b@x.com` is two addresses.
 */
const ADDRESS = new RegExp(
  `(?:[${LOCAL_PART_CHARS}]|[^\\p{ASCII}\\s]|"[^"\\r\\n]*"|\\([^()\\r\\n]*\\))+@[^\\s@;,<>()[\\]{}"'\`]*`,
  "gu",
);

/** Already masked (`j***`): masking again leaves it as it is. */
const MASKED_LOCAL = /^.?\*\*\*$/u;

/** Quotes and brackets an address often stands in (`'jane@x'`): kept, so one letter of the name shows, as for any other. */
const LEAD = /^['"`({]*/u;

/** `local@domain` → first character, `***`, then `@` and what follows the last `@`. */
function maskAt(text: string, at: number): string {
  const local = text.slice(0, at);
  const lead = LEAD.exec(local)?.[0] ?? "";
  const rest = local.slice(lead.length);
  if (MASKED_LOCAL.test(rest)) return text;
  return `${lead}${Array.from(rest)[0] ?? ""}***${text.slice(at)}`;
}

/** `write to jane@contoso.com or bob@x.org` → `write to j***@contoso.com or b***@x.org`. */
export function maskAddressesIn(text: string): string {
  // Every address holds an `@`: a text without one is returned as it is.
  if (!text.includes("@")) return text;
  // The domain holds no `@`, so the last one ends the local part.
  return text.replace(ADDRESS, (address) =>
    maskAt(address, address.lastIndexOf("@")),
  );
}

/**
 * One list entry masked as a whole: everything before its last `@` (so no
 * local part survives, whatever characters it holds); an entry without `@`
 * keeps only its first character.
 */
export function maskEntry(entry: string): string {
  const at = entry.lastIndexOf("@");
  return at < 0 ? `${Array.from(entry)[0] ?? ""}***` : maskAt(entry, at);
}

/** Applies the `mask-emails` setting to a list of addresses. */
export function presentEmails(
  entries: readonly string[],
  mask: boolean,
): string[] {
  return mask ? entries.map(maskEntry) : [...entries];
}

/** Fields whose values are addresses. */
const ADDRESS_FIELDS = new Set(["emails", "email"]);

function presentValue(
  value: FieldChange["before"],
  mask: boolean,
): FieldChange["before"] {
  if (!mask) return value;
  if (Array.isArray(value)) return presentEmails(value, mask);
  return typeof value === "string" ? maskEntry(value) : value;
}

/** The remediation with `mask-emails` applied to address fields. */
export function presentRemediation(
  remediation: Remediation,
  mask: boolean,
): Remediation {
  return {
    ...remediation,
    changes: remediation.changes.map((change) =>
      ADDRESS_FIELDS.has(change.field)
        ? {
            field: change.field,
            before: presentValue(change.before, mask),
            after: presentValue(change.after, mask),
          }
        : change,
    ),
  };
}

/** Why an entry does not count, as every table shows it after the entry. */
const REJECTION_LABEL: Record<RejectedKind, string> = {
  "invalid-syntax": "invalid",
  placeholder: "placeholder",
  "reserved-domain": "reserved domain",
  "disallowed-domain": "not allowed",
  "legacy-field": "legacy email field",
};

/** One entry as a report shows it: masked with `mask-emails`, with why it does not count. */
export interface LabelledEntry {
  entry: string;
  label?: string;
}

type Labelled = Pick<EvaluatedFileFinding, "emails" | "rejected"> & {
  missingRequiredEmails?: readonly string[] | undefined;
};

/**
 * The subscription's or finding's addresses, each rejected one with its
 * label and each missing required one marked; masked with `mask`.
 */
export function labelledEntries(
  item: Labelled,
  mask: boolean,
): LabelledEntry[] {
  const shown = (entry: string): string => (mask ? maskEntry(entry) : entry);
  return [
    ...item.emails.map((entry) => ({ entry: shown(entry) })),
    ...item.rejected.map((r) => ({
      entry: shown(r.address),
      label: REJECTION_LABEL[r.kind],
    })),
    ...(item.missingRequiredEmails ?? []).map((entry) => ({
      entry: shown(entry),
      label: "required, missing",
    })),
  ];
}

/** labelledEntries as text: `entry (label)`. */
export function labelledAddresses(item: Labelled, mask: boolean): string[] {
  return labelledEntries(item, mask).map(({ entry, label }) =>
    label ? `${entry} (${label})` : entry,
  );
}

type Text = (text: string, max?: number) => string;

/** Where in a file: a path of keys, never long in a real template. */
const MAX_SETTING_CHARS = 300;

/** The row itself when no text changes (most rows): 10,000 rows are not copied for nothing. */
function presentResult(
  result: SubscriptionResult,
  text: Text,
): SubscriptionResult {
  const displayName = text(result.displayName);
  const reason = text(result.reason);
  const findings = result.findings?.map((f) => {
    const shown = text(f.reason);
    return shown === f.reason ? f : { ...f, reason: shown };
  });
  const owner = result.owner === undefined ? undefined : text(result.owner);
  const remediationReason = result.remediation?.reason
    ? text(result.remediation.reason)
    : undefined;
  const same =
    displayName === result.displayName &&
    reason === result.reason &&
    (findings ?? []).every((f, i) => f === result.findings?.[i]) &&
    owner === result.owner &&
    remediationReason === result.remediation?.reason;
  if (same) return result;
  return {
    ...result,
    displayName,
    reason,
    ...(findings ? { findings } : {}),
    ...(owner !== undefined ? { owner } : {}),
    ...(result.remediation && remediationReason !== undefined
      ? { remediation: { ...result.remediation, reason: remediationReason } }
      : {}),
  };
}

interface Options {
  /** `mask-emails`. */
  maskEmails: boolean;
}

/** Bounded, then masked: the one treatment of every text a person sees. */
function textOf({ maskEmails }: Options): Text {
  return (value, max = MAX_AZURE_TEXT_CHARS) => {
    const bounded = truncate(value, max);
    return maskEmails ? maskAddressesIn(bounded) : bounded;
  };
}

function presentFiles(files: FileRun, text: Text): FileRun {
  return {
    ...files,
    findings: files.findings.map(({ usedAt, ...finding }) => ({
      ...finding,
      setting: text(finding.setting, MAX_SETTING_CHARS),
      reason: text(finding.reason),
      ...(usedAt
        ? {
            usedAt: {
              ...usedAt,
              setting: text(usedAt.setting, MAX_SETTING_CHARS),
            },
          }
        : {}),
    })),
  };
}

/**
 * The run every report shows: each text from Azure or a file (names,
 * reasons, owners, errors, settings) bounded before anything escapes it
 * (escaping can grow a text sixfold) and, with `mask-emails`, its addresses
 * masked. One walk does both, so no text field gets one without the other.
 * Address lists stay whole: reports mask them with `presentEmails`.
 */
export function presentRun(run: RunResult, options: Options): RunResult {
  const text = textOf(options);
  return {
    ...run,
    results: run.results.map((result) => presentResult(result, text)),
    runErrors: run.runErrors.map((error) => text(error)),
    ...(run.files ? { files: presentFiles(run.files, text) } : {}),
  };
}

/** The file scan's part alone, the same way: its step presents it before logging it. */
export function presentFileRun(files: FileRun, options: Options): FileRun {
  return presentFiles(files, textOf(options));
}
