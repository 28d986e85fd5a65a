/**
 * What every control module exports: who it is, what it reads, the pure
 * rule, and how to fix a failure. The registry (index.ts) lists them in order.
 */
import type { ContactProperties } from "../contact-merge.js";
import type { AddressPolicy } from "../address-policy.js";
import type { MailDomains } from "../mail-domains.js";
import type { Finding, SecurityContact, SubscriptionResult } from "../model.js";

/** Everything a control may consult besides the contacts: the inputs, and DNS's answers. */
export interface ControlPolicy extends AddressPolicy {
  /** What DNS answered for the domains `mailDomains()` named, looked up before `evaluate`. */
  readonly mailDomains?: MailDomains;
}

/** What a repair may add; all from the inputs. */
export interface RepairSettings {
  /** `remediation-emails`: what `additional-emails` adds. */
  readonly remediationEmails: readonly string[];
  /** `required-emails`: added too where missing. */
  readonly requiredEmails: readonly string[];
}

/** A control's verdict on one subscription, before it is tagged with the control ID. */
export type ControlVerdict = Omit<Finding, "control">;

export interface Remedy {
  /**
   * What to do on the subscription's **Email notifications** page
   * (PORTAL_PATH), one markdown sentence: reports state the path once.
   */
  step: string;
  /**
   * jq filter lines that fix this control on the current contact
   * (`{properties}`) and keep everything else; filters of several failing
   * controls are chained with `|`. Each line ≤ 90 characters.
   */
  merge: readonly string[];
  /** A shell variable the fix needs, set by the user (never a placeholder that passes). */
  needs?: {
    variable: string;
    /** The name the merge filter reads it by (`$name`). */
    jqArg: string;
    /** The message `${VAR:?…}` stops with while it is unset. */
    hint: string;
    /** The `required-emails` addresses are added with it, as the repair adds them. */
    withRequiredEmails?: true;
  };
}

/** Where a control comes from, for auditors. */
export interface ControlReferences {
  /** CIS Microsoft Azure Foundations Benchmark version and recommendation number; absent where no recommendation covers it. */
  readonly cis?: { readonly version: string; readonly recommendation: string };
  /** ISO/IEC 27001:2022 Annex A controls it gives evidence for. */
  readonly iso27001: readonly string[];
}

/** The references as auditors cite them, e.g. "CIS Microsoft Azure Foundations 3.0.0 3.1.13; ISO/IEC 27001:2022 A.5.24". */
export function citation({ cis, iso27001 }: ControlReferences): string {
  const iso = `ISO/IEC 27001:2022 ${iso27001.join(", ")}`;
  return cis
    ? `CIS Microsoft Azure Foundations ${cis.version} ${cis.recommendation}; ${iso}`
    : iso;
}

/** Why a failing subscription needs attention, finer than the control's `cause`. */
export interface FailureCause {
  /** Stable grouping key, e.g. `only-placeholder`. */
  key: string;
  /** The cause in a few plain words; our own text. */
  label: string;
  /** A sentence put before the portal fix, e.g. "Replace them with …". */
  fixPrefix?: string;
  /** The subscription's addresses explain this cause, so they are listed. */
  showAddresses?: boolean;
}

/** The wording used where this control is the only one selected (today's single check keeps its words). */
export interface AloneWording {
  /** The job summary's one-line introduction. */
  summary: string;
  /** Title of a failing subscription's annotation. */
  annotationTitle: string;
  /** Why the step fails, after "N subscription(s) ", agreeing with `failed`. */
  stepFailure(failed: number): string;
}

export interface Control {
  /** The ID users write in the `checks` input. */
  id: string;
  title: string;
  /** What it reads from the security contact, in a few words. */
  reads: string;
  /** The CIS benchmark or Defender for Cloud documentation wording it checks. */
  benchmark: string;
  references: ControlReferences;
  /** What is wrong when it fails and a contact exists, in a few plain words ("Needs attention"). */
  cause: string;
  /** A finer cause from the carried verdict; undefined: `cause`. */
  causeOf?(result: SubscriptionResult): FailureCause | undefined;
  /** Its repair adds `remediation-emails`, so `remediate` needs that input. */
  needsRemediationEmails?: boolean;
  /** Opt-in: only when named in `checks`; `all` leaves it out. */
  optIn?: boolean;
  /**
   * The mail domains whose DNS answers the rule reads: the evaluation looks
   * them up (once per run) and hands the answers over in `policy.mailDomains`.
   */
  mailDomains?(
    contacts: readonly SecurityContact[],
    policy: ControlPolicy,
  ): string[];
  alone?: AloneWording;
  /**
   * The rule. `contacts` is the subscription's list (empty: none configured);
   * pure, one plain-sentence reason.
   */
  evaluate(
    contacts: readonly SecurityContact[],
    policy: ControlPolicy,
  ): ControlVerdict;
  /** How a person fixes a failure (summary, tracking issue). */
  remedy: Remedy;
  /**
   * What `remediate` writes for a failure: the contact's `properties` with
   * only what this control needs changed, everything else kept as it is.
   * `contact` undefined: none exists yet, and Defender's defaults are the
   * start. Pure.
   */
  repair(
    contact: ContactProperties | undefined,
    settings: RepairSettings,
  ): ContactProperties;
}

/** The portal path every remedy's step starts from. */
export const PORTAL_PATH =
  "In the Azure portal: **Microsoft Defender for Cloud** → **Environment settings** → choose the subscription → **Email notifications**";

/** Case-insensitive equality for the enum-like strings Azure sends. */
export function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
