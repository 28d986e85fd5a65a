/**
 * Our one workflow rule beyond actionlint: a third-party action (or reusable
 * workflow) is pinned by a full commit SHA, since a tag can be moved under us
 * and a SHA cannot, with the version it stands for in a comment on the same
 * line (`# v7.0.1`), which is what Dependabot updates. Reads the `uses:` of
 * every job and step. Pure.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

/** One finding, in actionlint's shape. */
interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

/** The docs' placeholder for this action itself: pinned as the README's "Pinning" says. */
const THIS_ACTION = "OWNER/REPO@";

function local(action: string): boolean {
  return (
    action.startsWith("./") ||
    action.startsWith("docker://") ||
    action.startsWith(THIS_ACTION)
  );
}

export function unpinnedActions(text: string, file: string): Finding[] {
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
    const action = node.value;
    if (local(action)) return [];
    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
    const sha = /@[0-9a-f]{40}$/.test(action);
    const rest = text.slice(node.range?.[1] ?? 0).split("\n", 1)[0] ?? "";
    if (sha && /^\s+#\s*v\d/.test(rest)) return [];
    const message = sha
      ? `"${action}" has no version comment: add # vX.Y.Z after the SHA`
      : `"${action}" is not pinned by a full commit SHA: use owner/repo@<40 hex> # vX.Y.Z`;
    return [{ file, line, column: col, message, kind: "pin" }];
  });
}
