/**
 * The workflows written in a markdown page: each ```yaml block whose text is
 * a mapping with `on` and `jobs` (fragments such as one step are left out),
 * with the page line its first line stands on. Pure.
 */
import { parse } from "yaml";

export interface Workflow {
  file: string;
  /** Line of the workflow's first line in `file` (1-based). */
  firstLine: number;
  text: string;
}

function isWorkflow(text: string): boolean {
  try {
    const value: unknown = parse(text);
    return (
      typeof value === "object" &&
      value !== null &&
      "on" in value &&
      "jobs" in value
    );
  } catch {
    return false;
  }
}

export function documentedWorkflows(
  markdown: string,
  file: string,
): Workflow[] {
  const lines = markdown.split("\n");
  const workflows: Workflow[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!/^```ya?ml\s*$/.test(lines[index] ?? "")) continue;
    const end = lines.findIndex(
      (line, at) => at > index && /^```\s*$/.test(line),
    );
    if (end < 0) break;
    const text = `${lines.slice(index + 1, end).join("\n")}\n`;
    if (isWorkflow(text)) workflows.push({ file, firstLine: index + 2, text });
    index = end;
  }
  return workflows;
}
