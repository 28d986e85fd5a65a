/**
 * Time bounds that cover many requests: the whole subscription listing, and
 * everything one subscription costs (lookup, contacts, plans, retries
 * included). A retry budget per request cannot promise either.
 */

export interface Deadlines {
  /** The whole listing, every page and retry. */
  listingMs: number;
  /** All requests of one subscription together. */
  subscriptionMs: number;
  /** Every mail-domain DNS lookup of the run together (deliverable-emails). */
  dnsMs: number;
}

/**
 * 90 s for the listing and 110 s per subscription keep the promise that
 * one endless listing or one hung subscription ends within two minutes;
 * 20 s for all DNS lookups keeps a runner without DNS from waiting long.
 * `overrides` (the `CONTACT_CHECK_*_MS` variables) exist only so tests run
 * fast.
 */
export function defaultDeadlines(
  overrides: Partial<Deadlines> = {},
): Deadlines {
  return {
    listingMs: overrides.listingMs ?? 90_000,
    subscriptionMs: overrides.subscriptionMs ?? 110_000,
    dnsMs: overrides.dnsMs ?? 20_000,
  };
}

/** The signal's deadline passed before the work ended. */
export class DeadlineExceeded extends Error {
  override name = "DeadlineExceeded";
}

/**
 * `work`, or a DeadlineExceeded as soon as `signal` aborts: a backoff sleep
 * or a token request that ignores the signal cannot hold the caller.
 */
export async function withinDeadline<T>(
  work: Promise<T>,
  signal: AbortSignal,
  message: string,
): Promise<T> {
  // The loser of the race must not surface as an unhandled rejection.
  work.catch(() => undefined);
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    onAbort = () => reject(new DeadlineExceeded(message));
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}
