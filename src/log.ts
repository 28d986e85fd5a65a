/**
 * Every line the action writes to the job log goes through here. Text from
 * Azure or GitHub is data: a newline in it could start a workflow command
 * (`::add-mask::`, `::error::`), and the runner obeys its legacy `##[command]`
 * form anywhere in a line, so both are defused before anything is printed.
 */
import * as core from "@actions/core";

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

export const log = {
  info: (text: string): void => core.info(safeLine(text)),
  debug: (text: string): void => core.debug(safeLine(text)),
  /** An annotation; its title and message are data too. */
  annotate(
    level: "error" | "warning" | "notice",
    message: string,
    properties: core.AnnotationProperties = {},
  ): void {
    const title = properties.title && safeLine(properties.title);
    core[level](safeLine(message), { ...properties, title });
  },
};
