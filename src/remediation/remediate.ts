/**
 * `remediate: plan|apply` over the evaluated subscriptions: only those that
 * fail a selected control are touched (never skipped or errored ones), a
 * bounded number at a time. Each gets the repairs of the controls it fails,
 * merged into its current contact; `apply` writes the result and the row's
 * final verdict is the one the controls give on the contact read back.
 */
import pMap from "p-map";
import { readContact } from "../azure/arm-answer.js";
import type { ContactWriter } from "../azure/contact-writer.js";
import type {
  ControlPolicy,
  RepairSettings,
} from "../check/controls/control.js";
import { controlsById } from "../check/controls/index.js";
import type { Remediation, SubscriptionResult } from "../check/model.js";
import {
  errorVerdict,
  verdictFromContacts,
  withPaidPlans,
} from "../check/verdict.js";
import { errorMessage } from "../text.js";
import {
  mergeContact,
  type ContactProperties,
} from "../check/contact-merge.js";
import { fixContact, type FixOutcome } from "./fix-contact.js";
import type { RemediateMode } from "./inputs.js";

export interface RemediationScope extends ControlPolicy, RepairSettings {
  remediate: RemediateMode;
  /** The selected control IDs: the re-read verdict uses all of them. */
  checks: readonly string[];
  concurrency: number;
}

/** The controls a row fails, in registry order. */
function controlsFailedBy(result: SubscriptionResult) {
  return controlsById(
    (result.findings ?? [])
      .filter((finding) => finding.status === "fail")
      .map((finding) => finding.control),
  );
}

/** The row as the controls judge the contact read back (null: none). */
function reEvaluate(
  result: SubscriptionResult,
  readBack: ContactProperties | null,
  scope: RemediationScope,
): SubscriptionResult {
  const contact =
    readBack && readContact({ name: "default", properties: readBack }, 0);
  // Fail closed: a read-back the controls cannot read is not "no contact".
  if (contact && "code" in contact) {
    return errorVerdict(result, contact.code, contact.message);
  }
  const verdict = verdictFromContacts(
    result,
    { kind: "found", contacts: contact ? [contact] : [] },
    controlsById(scope.checks),
    scope,
  );
  return withPaidPlans(verdict, result.paidDefenderPlans);
}

/** An error row for this subscription only: the fix could not be made or checked. */
function errorRow(
  result: SubscriptionResult,
  remediation: Remediation,
): SubscriptionResult {
  return {
    ...result,
    status: "error",
    reason: `The fix could not be applied: ${remediation.reason ?? ""}`,
    findings: [],
    remediation,
  };
}

/** The row after one outcome of fixContact. */
export function rowAfter(
  result: SubscriptionResult,
  outcome: FixOutcome,
  scope: RemediationScope,
): SubscriptionResult {
  switch (outcome.action) {
    case "plan":
      return {
        ...result,
        remediation: { action: "plan", changes: outcome.changes },
      };
    case "unchanged":
      return {
        ...result,
        remediation: {
          action: "unchanged",
          changes: [],
          reason:
            "The repairs change nothing in the current contact, so this failure needs a person.",
        },
      };
    case "applied": {
      const row = reEvaluate(result, outcome.readBack, scope);
      return {
        ...row,
        remediation: { action: "applied", changes: outcome.changes },
      };
    }
    case "failed": {
      const remediation: Remediation = {
        action: "failed",
        changes: outcome.changes,
        reason: outcome.reason,
      };
      // Nothing read back: whether the contact passes is not known.
      if (outcome.readBack === undefined) {
        return scope.remediate === "plan"
          ? { ...result, remediation }
          : errorRow(result, remediation);
      }
      const row = reEvaluate(result, outcome.readBack, scope);
      return {
        ...row,
        reason: `${outcome.reason} ${row.reason}`,
        remediation,
      };
    }
  }
}

/** Every row, the failing ones planned or fixed; the others as they were. */
export async function remediateFailures(
  results: readonly SubscriptionResult[],
  scope: RemediationScope,
  writer: ContactWriter,
): Promise<SubscriptionResult[]> {
  const mode = scope.remediate;
  if (mode === "off") return [...results];
  return pMap(
    results,
    async (result) => {
      const failing = result.status === "fail" ? controlsFailedBy(result) : [];
      if (failing.length === 0) return result;
      // mergeContact with no change: a copy, or Defender's defaults when none exists.
      const repair = (contact: ContactProperties | undefined) =>
        failing.reduce(
          (current, control) => control.repair(current, scope),
          mergeContact(contact, {}),
        );
      try {
        return rowAfter(
          result,
          await fixContact(writer, result.subscriptionId, mode, repair),
          scope,
        );
      } catch (error) {
        // Fail closed: an unexpected failure is this subscription's error.
        return rowAfter(
          result,
          { action: "failed", changes: [], reason: errorMessage(error) },
          scope,
        );
      }
    },
    { concurrency: scope.concurrency },
  );
}

/** `remediated-subscriptions`: changed in this run (apply) or that would be (plan). */
export function remediatedSubscriptionIds(
  results: readonly SubscriptionResult[],
): string[] {
  return results
    .filter(
      (r) =>
        r.remediation?.action === "plan" || r.remediation?.action === "applied",
    )
    .map((r) => r.subscriptionId);
}
