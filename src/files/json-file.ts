/**
 * One entry point for every JSON file: parse once (comments allowed), then
 * hand the tree to the recogniser its shape calls for.
 */
import {
  isParameterFile,
  recogniseArmParameters,
  recogniseArmTemplate,
} from "./arm.js";
import type { FileFinding } from "./findings.js";
import { parseJsonDocument } from "./json-tree.js";
import { isPlan, recognisePlan } from "./plan.js";
import { errorMessage } from "../text.js";

export function recogniseJsonFile(path: string, text: string): FileFinding[] {
  let doc;
  try {
    doc = parseJsonDocument(text);
  } catch (error) {
    // A stack overflow on hostile nesting lands here too.
    return [
      {
        path,
        line: 1,
        setting: "(file)",
        source: "arm-template",
        error: unreadable(error),
      },
    ];
  }
  if (doc.root.type !== "object") return [];
  if (isPlan(doc.root)) return recognisePlan(path, doc);
  if (isParameterFile(doc.root)) return recogniseArmParameters(path, doc);
  return recogniseArmTemplate(path, doc);
}

function unreadable(error: unknown): string {
  return error instanceof RangeError
    ? "nested too deeply to parse"
    : errorMessage(error);
}
