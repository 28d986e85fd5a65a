/**
 * Every line the action writes to the job log goes through here. Text from
 * Azure or GitHub is data: a newline in it could start a workflow command
 * (`::add-mask::`, `::error::`), and the runner obeys its legacy `##[command]`
 * form anywhere in a line, so both are defused before anything is printed.
 * With `mask-emails` (the default) every address in a line is masked too.
 */
import * as core from "@actions/core";
import { EOL } from "node:os";
import { fitChars, GITHUB_LIMITS } from "./limits.js";

/** One printable line: no control or format characters, no workflow command. */
export function safeLine(text: string): string {
  return (
    text
      .replace(/[\r\n\t\v\f\u2028\u2029]+/g, " ")
      .replace(/[\p{Cc}\p{Cf}]/gu, "")
      // `##[error]` and friends: a space after the hashes is no command.
      .replace(/##\[/g, "## [")
      // A line that starts with `::` is a workflow command.
      .replace(/^(\s*):/, "$1 :")
  );
}

/** Masks the addresses in a line; the presentation layer's, injected at start. */
export type Masker = (text: string) => string;

/** Until the run sets it, whatever precedes an `@` is cut (fail closed). */
let masker: Masker = (text) => text.replace(/[^\s@]*@/g, "***@");

/** Set once from `mask-emails`: the presentation's masker, or no masking. */
export function setLogMasker(mask: Masker): void {
  masker = mask;
}

/** What a log line, an annotation or the failure message finally says. */
export function logLine(text: string): string {
  return masker(safeLine(text));
}

export const log = {
  info: (text: string): void => core.info(logLine(text)),
  /** Many lines in one write: in the worker thread each write is a message to the main thread. */
  lines(texts: readonly string[]): void {
    if (texts.length > 0) core.info(texts.map(logLine).join(EOL));
  },
  debug: (text: string): void => core.debug(logLine(text)),
  /** An annotation; its title and message are data too, and the runner cuts long ones. */
  annotate(
    level: "error" | "warning" | "notice",
    message: string,
    properties: core.AnnotationProperties = {},
  ): void {
    const title =
      properties.title &&
      fitChars(logLine(properties.title), GITHUB_LIMITS.annotationTitleChars);
    core[level](
      fitChars(logLine(message), GITHUB_LIMITS.annotationMessageChars),
      { ...properties, title },
    );
  },
};
