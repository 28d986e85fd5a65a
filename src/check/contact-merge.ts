/**
 * Merges a change into a security contact's `properties` (api-version
 * 2023-12-01-preview) without losing anything someone set by hand: unknown
 * properties, other notification sources, and the order and case of existing
 * entries all stay. Pure.
 */
import { splitEmails } from "./emails.js";

/** A security contact's `properties` as Azure returned them, every key kept. */
export type ContactProperties = Readonly<Record<string, unknown>>;

/** One entry of `notificationsSources`, e.g. `{ sourceType: "Alert", minimalSeverity: "High" }`. */
export interface NotificationSource {
  readonly sourceType: string;
  readonly [field: string]: string;
}

/** What a remedy asks for; whatever it leaves out stays as it is. */
export interface ContactChange {
  /** Added after the existing `emails` entries, unless already there (case-insensitive). */
  readonly addEmails?: readonly string[];
  readonly isEnabled?: boolean;
  /** `notificationsByRole.state`. */
  readonly roleState?: "On" | "Off";
  /** Added after the existing `notificationsByRole.roles`, unless already there (case-insensitive). */
  readonly addRoles?: readonly string[];
  /** Fields set on the source of the same `sourceType` (case-insensitive), which is added when missing. */
  readonly sources?: readonly NotificationSource[];
}

/**
 * What Defender does when a subscription has no contact: Owners are emailed
 * about High alerts and High-risk attack paths. A new contact starts here, so
 * writing one never takes a notification away.
 */
export const DEFENDER_DEFAULTS: ContactProperties = {
  emails: "",
  isEnabled: true,
  notificationsByRole: { state: "On", roles: ["Owner"] },
  notificationsSources: [
    { sourceType: "Alert", minimalSeverity: "High" },
    { sourceType: "AttackPath", minimalRiskLevel: "High" },
  ],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const lower = (value: unknown): unknown =>
  typeof value === "string" ? value.toLowerCase() : value;

/** `existing` plus the `additions` it lacks (case-insensitive), in order. */
function appendMissing(
  existing: readonly unknown[],
  additions: readonly string[],
): unknown[] {
  const seen = new Set(existing.map(lower));
  const result = [...existing];
  for (const addition of additions) {
    if (seen.has(addition.toLowerCase())) continue;
    seen.add(addition.toLowerCase());
    result.push(addition);
  }
  return result;
}

/** Appends to the raw `emails` text, so existing entries keep their spelling and separators. */
function mergeEmails(raw: unknown, additions: readonly string[]): unknown {
  const text = typeof raw === "string" ? raw : "";
  const entries = splitEmails(text);
  const added = appendMissing(entries, additions).slice(entries.length);
  if (added.length === 0) return raw;
  const kept = entries.length > 0 ? [text.replace(/[\s;,]+$/, "")] : [];
  return [...kept, ...added].join(";");
}

function mergeSources(
  raw: unknown,
  changes: readonly NotificationSource[],
): unknown[] {
  const sources: unknown[] = Array.isArray(raw) ? [...raw] : [];
  for (const change of changes) {
    const type = change.sourceType.toLowerCase();
    const index = sources.findIndex(
      (source) => isObject(source) && lower(source.sourceType) === type,
    );
    const existing = sources[index];
    if (isObject(existing)) {
      const { sourceType: _ignored, ...fields } = change;
      sources[index] = { ...existing, ...fields };
    } else {
      sources.push({ ...change });
    }
  }
  return sources;
}

/**
 * The contact after `change`; `before` undefined means none exists yet, and
 * the new one starts from Defender's defaults. Keys keep their order.
 */
export function mergeContact(
  before: ContactProperties | undefined,
  change: ContactChange,
): ContactProperties {
  const after: Record<string, unknown> = { ...(before ?? DEFENDER_DEFAULTS) };
  if (change.addEmails) {
    after.emails = mergeEmails(after.emails, change.addEmails);
  }
  if (change.isEnabled !== undefined) after.isEnabled = change.isEnabled;
  if (change.roleState !== undefined || change.addRoles !== undefined) {
    const byRole = isObject(after.notificationsByRole)
      ? { ...after.notificationsByRole }
      : {};
    if (change.roleState !== undefined) byRole.state = change.roleState;
    if (change.addRoles !== undefined) {
      const roles = Array.isArray(byRole.roles) ? byRole.roles : [];
      byRole.roles = appendMissing(roles, change.addRoles);
    }
    after.notificationsByRole = byRole;
  }
  if (change.sources) {
    after.notificationsSources = mergeSources(
      after.notificationsSources,
      change.sources,
    );
  }
  return after;
}
