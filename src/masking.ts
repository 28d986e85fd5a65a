/**
 * `mask-emails`: every address-shaped token in any text the action writes
 * (reasons, errors, names, log lines, outputs) is masked, not only the
 * entries of the emails field. Pure.
 */
import type { SubscriptionResult } from "./check/model.js";
import type { RunResult } from "./check/run-result.js";

/**
 * `local@domain` with no separator inside: whitespace, quotes, brackets,
 * `;` `,` `:` and `<>` end an address, so `a@x.com bob@x.com` is two tokens
 * and `mailto:bob@x.com` keeps its scheme.
 */
const ADDRESS = /[^\s@;,:<>()[\]{}"'`]+@[^\s@;,<>()[\]{}"'`]*/gu;

function maskAddress(address: string): string {
  const at = address.indexOf("@");
  const first = Array.from(address.slice(0, at))[0] ?? "";
  return `${first}***${address.slice(at)}`;
}

/** `write to jane@contoso.com or bob@x.org` → `write to j***@contoso.com or b***@x.org`. */
export function maskAddressesIn(text: string): string {
  return text.replace(ADDRESS, maskAddress);
}

function maskResult(result: SubscriptionResult): SubscriptionResult {
  return {
    ...result,
    displayName: maskAddressesIn(result.displayName),
    reason: maskAddressesIn(result.reason),
    ...(result.remediation?.reason
      ? {
          remediation: {
            ...result.remediation,
            reason: maskAddressesIn(result.remediation.reason),
          },
        }
      : {}),
  };
}

/** The run with every address outside the address lists masked (those lists are masked where they are shown). */
export function maskRun(run: RunResult): RunResult {
  return {
    ...run,
    results: run.results.map(maskResult),
    runErrors: run.runErrors.map(maskAddressesIn),
  };
}
