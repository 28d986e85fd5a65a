/** The two findings an ARM recogniser makes: a value read, or why none could be. */
import type { ErrorFinding, ValueFinding } from "./findings.js";
import type { JsonDocument, Node } from "./json-tree.js";

export type Source = "arm-parameters" | "arm-template";

export function finding(
  path: string,
  doc: JsonDocument,
  node: Node,
  setting: string,
  source: Source,
  value: string,
  legacyEmail?: true,
): ValueFinding {
  return {
    path,
    line: doc.line(node),
    setting,
    source,
    value,
    ...(legacyEmail ? { legacyEmail } : {}),
  };
}

export function error(
  path: string,
  doc: JsonDocument,
  node: Node,
  setting: string,
  source: Source,
  message: string,
): ErrorFinding {
  return { path, line: doc.line(node), setting, source, error: message };
}
