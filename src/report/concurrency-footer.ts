/**
 * The summary's last line: how many subscriptions were read at once and
 * how often Azure throttled. Only numbers of our own: nothing to escape.
 */
import type { ConcurrencyStats } from "../check/run-result.js";
import { plural } from "../text.js";

export function concurrencyFooter(stats: ConcurrencyStats): string {
  const throttled = `${plural(stats.throttled, "throttled answer")} (HTTP 429)`;
  return stats.mode === "auto"
    ? `Concurrency auto: ${stats.start} at the start, at most ${stats.max}, ${stats.mean} on average; ${throttled}.`
    : `Concurrency ${stats.start} (fixed); ${throttled}.`;
}
