/**
 * The factory behind the alert and attack-path controls: a notification
 * source of one type whose minimal level is low enough to email High. Pure.
 */
import { mergeContact, type ContactProperties } from "../contact-merge.js";
import { oneLine } from "../../text.js";
import type { SecurityContact } from "../model.js";
import {
  same,
  type Control,
  type ControlReferences,
  type ControlVerdict,
} from "./control.js";

export interface SourceRule {
  sourceType: "Alert" | "AttackPath";
  field: "minimalSeverity" | "minimalRiskLevel";
  /** Levels that include High ("or higher"). */
  passing: readonly string[];
  /** "alerts" or "attack paths", for the reasons. */
  noun: string;
  /** "severity" or "risk level". */
  scale: string;
}

function evaluateSource(
  contacts: readonly SecurityContact[],
  rule: SourceRule,
): ControlVerdict {
  const { noun, scale } = rule;
  if (contacts.length === 0) {
    return {
      status: "pass",
      reason: `No security contact is configured, so Defender for Cloud's documented default applies: High ${scale} ${noun} are emailed to subscription Owners.`,
    };
  }
  const sources = contacts
    .flatMap((c) => c.notificationsSources ?? [])
    .filter((s) => same(s.sourceType, rule.sourceType));
  const levels = sources.map((s) => s[rule.field] ?? "");
  const good = levels.find((level) =>
    rule.passing.some((ok) => same(level, ok)),
  );
  if (good !== undefined) {
    return {
      status: "pass",
      reason: `${noun[0]?.toUpperCase()}${noun.slice(1)} of ${scale} ${good} or higher are emailed.`,
    };
  }
  if (levels.length > 0) {
    const level = oneLine(levels[0] ?? "").slice(0, 40) || "none";
    return {
      status: "fail",
      reason: `${noun[0]?.toUpperCase()}${noun.slice(1)} are emailed only from ${scale} ${level}, so High ${scale} ${noun} are not.`,
    };
  }
  return {
    status: "fail",
    reason: `No ${rule.sourceType} notification source is configured, so ${noun} are not emailed.`,
  };
}

/**
 * jq lines that set the source of `sourceType` (case-insensitive) to High
 * where it stands, or add one, keeping every other source and field: as
 * mergeContact does.
 */
function sourceMerge(rule: SourceRule): string[] {
  const type = rule.sourceType.toLowerCase();
  return [
    ".properties.notificationsSources = (",
    '  (.properties.notificationsSources | if type == "array" then . else [] end) as $s',
    '  | ($s | map(type == "object" and (.sourceType | type) == "string"',
    `      and (.sourceType | ascii_downcase) == "${type}") | index(true)) as $i`,
    `  | if $i == null then $s + [{sourceType: "${rule.sourceType}", ${rule.field}: "High"}]`,
    `    else $s | .[$i].${rule.field} = "High" end`,
    ")",
  ];
}

/**
 * The contact with the source of `sourceType` at High: added when missing,
 * lowered from a level that does not email High. A level that already does
 * (Medium, Low) stays.
 */
function repairSource(
  contact: ContactProperties | undefined,
  rule: SourceRule,
): ContactProperties {
  const sources: unknown[] = Array.isArray(contact?.notificationsSources)
    ? contact.notificationsSources
    : [];
  const level = sources
    .map((source) => Object(source) as Record<string, unknown>)
    .find((source) => same(String(source.sourceType), rule.sourceType))?.[
    rule.field
  ];
  if (typeof level === "string" && rule.passing.some((ok) => same(level, ok))) {
    return mergeContact(contact, {});
  }
  return mergeContact(contact, {
    sources: [{ sourceType: rule.sourceType, [rule.field]: "High" }],
  });
}

/** What tells one notification-source control from the other. */
export interface SourceControlSpec {
  id: string;
  title: string;
  benchmark: string;
  references: ControlReferences;
  cause: string;
  /** The portal's label of the setting, e.g. "Notify about alerts with the following severity". */
  portalSetting: string;
  rule: SourceRule;
}

export function notificationSourceControl(spec: SourceControlSpec): Control {
  const { rule } = spec;
  return {
    id: spec.id,
    title: spec.title,
    reads: `\`notificationsSources\` (${rule.sourceType})`,
    benchmark: spec.benchmark,
    references: spec.references,
    cause: spec.cause,
    evaluate: (contacts) => evaluateSource(contacts, rule),
    remedy: {
      step: `Tick **${spec.portalSetting} (or higher)**, choose **High**, then **Save**.`,
      merge: sourceMerge(rule),
    },
    repair: (contact) => repairSource(contact, rule),
  };
}
