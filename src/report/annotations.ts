/**
 * Annotations, capped: GitHub shows about ten of each level per step and
 * drops the rest, so past ten findings one annotation counts the others.
 * Planning is pure; emitting is a loop over @actions/core.
 */
import { presentEmails } from "./present.js";
import { soleControl } from "../check/controls/index.js";
import type { SubscriptionResult } from "../check/model.js";
import type { FailurePolicy, RunResult } from "../check/run-result.js";
import { inflect, oneLine, plural } from "../text.js";

export type AnnotationLevel = "error" | "warning" | "notice";

export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
}

export const MAX_FINDING_ANNOTATIONS = 10;

function label(result: SubscriptionResult): string {
  const name = oneLine(result.displayName);
  return name ? `${name} (${result.subscriptionId})` : result.subscriptionId;
}

function listSome(results: readonly SubscriptionResult[], limit = 5): string {
  const names = results.slice(0, limit).map(label);
  return results.length > limit
    ? `${names.join(", ")} and ${results.length - limit} more`
    : names.join(", ");
}

function failedControls(result: SubscriptionResult): string[] {
  return (result.findings ?? [])
    .filter((f) => f.status === "fail")
    .map((f) => f.control);
}

export function planAnnotations(
  run: RunResult,
  policy: FailurePolicy,
  maskEmails: boolean,
): Annotation[] {
  const annotations: Annotation[] = [];
  const failing = run.results.filter((r) => r.status === "fail");
  const errored = run.results.filter((r) => r.status === "error");
  const findings = [...failing, ...errored];
  const level = (result: SubscriptionResult): AnnotationLevel =>
    (result.status === "fail" ? policy.failOnMissing : policy.failOnError)
      ? "error"
      : "warning";

  for (const result of findings.slice(0, MAX_FINDING_ANNOTATIONS)) {
    annotations.push({
      level: level(result),
      title:
        result.status !== "fail"
          ? "Subscription could not be evaluated"
          : (soleControl(run.checks)?.alone?.annotationTitle ??
            `Failing controls: ${failedControls(result).join(", ")}`),
      message: `${label(result)}: ${result.reason}`,
    });
  }
  const rest = findings.slice(MAX_FINDING_ANNOTATIONS);
  if (rest.length > 0) {
    const anyFailsStep = rest.some((r) => level(r) === "error");
    annotations.push({
      level: anyFailsStep ? "error" : "warning",
      title: `${rest.length} more subscriptions need attention`,
      message: `${rest.filter((r) => r.status === "fail").length} more fail and ${rest.filter((r) => r.status === "error").length} more could not be evaluated; see the job summary and the JSON report.`,
    });
  }
  for (const runError of run.runErrors) {
    annotations.push({
      level: policy.failOnError ? "error" : "warning",
      title: "Subscription listing failed",
      message: runError,
    });
  }

  const withInvalid = run.results.filter(
    (r) => r.status === "pass" && r.invalidEmails.length > 0,
  );
  if (withInvalid.length > 0) {
    const example = withInvalid[0];
    const sample = example
      ? presentEmails(example.invalidEmails.slice(0, 3), maskEmails).join(", ")
      : "";
    annotations.push({
      level: "warning",
      title: "Invalid entries in Additional email addresses",
      message: `${plural(withInvalid.length, "passing subscription")} also ${inflect(withInvalid.length, "lists", "list")} invalid entries (e.g. ${sample}): ${listSome(withInvalid)}.`,
    });
  }
  const undecided = run.results.filter((r) =>
    r.findings?.some((f) => f.status === "unknown"),
  );
  if (undecided.length > 0) {
    const reason = undecided[0]?.findings?.find(
      (f) => f.status === "unknown",
    )?.reason;
    annotations.push({
      level: "warning",
      title: "Mail domains not verified",
      message: `DNS could not tell whether the addresses' domains receive mail for ${plural(undecided.length, "subscription")}, so deliverable-emails neither passes nor fails ${inflect(undecided.length, "it", "them")} (e.g. ${reason ?? ""}): ${listSome(undecided)}.`,
    });
  }
  const silenced = run.results.filter(
    (r) => r.status === "pass" && r.notificationsOff,
  );
  if (silenced.length > 0) {
    annotations.push({
      level: "warning",
      title: "Email notifications turned off",
      message: `${plural(silenced.length, "passing subscription")} ${inflect(silenced.length, "has", "have")} addresses but notifications turned off (isEnabled: false), so nobody is emailed: ${listSome(silenced)}.`,
    });
  }

  const { total, passed, failed, errored: errors, skipped } = run.counts;
  annotations.push({
    level: "notice",
    title: "Defender for Cloud security contact check",
    message: `${plural(total, "subscription")}: ${passed} passed, ${failed} failed, ${errors} errored, ${skipped} skipped (status: ${run.status}).`,
  });
  return annotations;
}
