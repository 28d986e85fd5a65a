/**
 * What a write would change in a security contact, field by field, for the
 * plan a human reviews and for the report. Pure.
 */
import { splitEmails } from "../check/emails.js";
import type { FieldChange } from "../check/model.js";
import type { ContactProperties } from "../check/contact-merge.js";

/** A field's value as shown in a plan; null when absent. */
type FieldValue = FieldChange["before"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Strings, numbers and booleans as they are; anything else as JSON text. */
function scalar(value: unknown): FieldValue {
  if (value === undefined || value === null) return null;
  if (["string", "number", "boolean"].includes(typeof value)) {
    return value as string | number | boolean;
  }
  return JSON.stringify(value);
}

/** An array as a list of strings (other items as JSON text); anything else as scalar() does. */
function list(value: unknown): FieldValue {
  return Array.isArray(value)
    ? value.map((item) =>
        typeof item === "string" ? item : String(scalar(item)),
      )
    : scalar(value);
}

function source(properties: ContactProperties | undefined, type: string) {
  const sources = properties?.notificationsSources;
  if (!Array.isArray(sources)) return undefined;
  return sources.find(
    (item): item is Record<string, unknown> =>
      isObject(item) &&
      typeof item.sourceType === "string" &&
      item.sourceType.toLowerCase() === type.toLowerCase(),
  );
}

/** The fields a remedy can change, each read the way a person reads it. */
const FIELDS: readonly {
  field: string;
  read: (properties: ContactProperties | undefined) => FieldValue;
}[] = [
  {
    field: "emails",
    read: (p) =>
      typeof p?.emails === "string" ? splitEmails(p.emails) : scalar(p?.emails),
  },
  { field: "isEnabled", read: (p) => scalar(p?.isEnabled) },
  {
    field: "notificationsByRole.state",
    read: (p) =>
      isObject(p?.notificationsByRole)
        ? scalar(p.notificationsByRole.state)
        : null,
  },
  {
    field: "notificationsByRole.roles",
    read: (p) =>
      isObject(p?.notificationsByRole)
        ? list(p.notificationsByRole.roles)
        : null,
  },
  {
    field: "notificationsSources.Alert.minimalSeverity",
    read: (p) => scalar(source(p, "Alert")?.minimalSeverity),
  },
  {
    field: "notificationsSources.AttackPath.minimalRiskLevel",
    read: (p) => scalar(source(p, "AttackPath")?.minimalRiskLevel),
  },
];

/** Read field by field above; every other top-level property is compared whole. */
const READ_BY_FIELD = new Set([
  "emails",
  "isEnabled",
  "notificationsByRole",
  "notificationsSources",
]);

/**
 * The changes from `before` (undefined: no contact yet) to `after`, known
 * fields first, then any other top-level property that differs. Order and
 * case count: `Owner` → `owner` is a change.
 */
export function diffContacts(
  before: ContactProperties | undefined,
  after: ContactProperties,
): FieldChange[] {
  const candidates = FIELDS.map(({ field, read }) => ({
    field,
    before: read(before),
    after: read(after),
  }));
  const others = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of others) {
    if (READ_BY_FIELD.has(key)) continue;
    candidates.push({
      field: key,
      before: list(before?.[key]),
      after: list(after[key]),
    });
  }
  return candidates.filter(
    (change) => JSON.stringify(change.before) !== JSON.stringify(change.after),
  );
}
