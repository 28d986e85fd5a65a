/**
 * Every input, parsed and validated once into a typed, documented Settings
 * object before any network call. Nothing else reads inputs.
 */
import type { InputReader } from "./inputs/parse.js";
import { parseSettings, type Settings } from "./inputs/settings.js";
import type { RunnerContext } from "./inputs/runner-context.js";
import { validate } from "./inputs/validate.js";

export type { InputReader } from "./inputs/parse.js";
export { InputError } from "./inputs/parse.js";
export type { ScanMode } from "./check/run-result.js";
export type { Settings } from "./inputs/settings.js";

/** Each input on its own, then the rules between inputs in one pass. */
export function readSettings(
  read: InputReader,
  runner?: Pick<RunnerContext, "repositoryVisibility">,
): Settings {
  const settings = parseSettings(read, runner);
  validate(settings);
  return settings;
}
