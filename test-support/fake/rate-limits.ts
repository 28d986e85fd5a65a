// ARM's read quotas and Microsoft.Security's own request-rate limit.
//
// ARM's 2024 token buckets (reads: 250 burst, 25 a second, per subscription
// and per tenant; a global per-subscription bucket 15 times larger) are
// only reported, in the remaining-reads headers of every answer: one read
// per subscription never drains them. Microsoft.Security's limit is
// undocumented in Azure; here it is a token bucket the tenant configures
// (`securityRateLimit`), and past it the provider answers 429 with
// Retry-After, as the real one does.

import type { FakeTenant } from "./tenant.js";

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.at) / 1000;
    this.tokens = Math.min(
      this.capacity,
      this.tokens + elapsed * this.perSecond,
    );
    this.at = now;
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole tokens left, never below 0. */
  remaining(now: number): number {
    this.refill(now);
    return Math.max(0, Math.floor(this.tokens));
  }

  /** Whole seconds until the next token, at least 1 (Retry-After's unit). */
  retryAfterSeconds(now: number): number {
    this.refill(now);
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}

const READS = { burst: 250, perSecond: 25 };
const GLOBAL_FACTOR = 15;

export class ArmQuotas {
  private readonly subscriptions = new Map<
    string,
    { reads: TokenBucket; global: TokenBucket }
  >();
  private tenantReads: TokenBucket | undefined;
  private security:
    | {
        config: NonNullable<FakeTenant["securityRateLimit"]>;
        bucket: TokenBucket;
      }
    | undefined;

  /** The remaining-reads headers, after this request (at a subscription, or at the tenant) took its read. */
  readHeaders(
    subscriptionId: string | undefined,
    isRead: boolean,
    now: number,
  ): Record<string, string> {
    if (subscriptionId === undefined) {
      this.tenantReads ??= new TokenBucket(READS.burst, READS.perSecond, now);
      if (isRead) this.tenantReads.take(now);
      return {
        "x-ms-ratelimit-remaining-tenant-reads": String(
          this.tenantReads.remaining(now),
        ),
      };
    }
    const key = subscriptionId.toLowerCase();
    let buckets = this.subscriptions.get(key);
    if (buckets === undefined) {
      buckets = {
        reads: new TokenBucket(READS.burst, READS.perSecond, now),
        global: new TokenBucket(
          READS.burst * GLOBAL_FACTOR,
          READS.perSecond * GLOBAL_FACTOR,
          now,
        ),
      };
      this.subscriptions.set(key, buckets);
    }
    if (isRead) {
      buckets.reads.take(now);
      buckets.global.take(now);
    }
    return {
      "x-ms-ratelimit-remaining-subscription-reads": String(
        buckets.reads.remaining(now),
      ),
      "x-ms-ratelimit-remaining-subscription-global-reads": String(
        buckets.global.remaining(now),
      ),
    };
  }

  /**
   * One request to Microsoft.Security: undefined when the tenant's rate
   * limit lets it through, else the Retry-After in seconds.
   */
  securityThrottle(tenant: FakeTenant, now: number): number | undefined {
    const config = tenant.securityRateLimit;
    if (config === undefined) return undefined;
    if (this.security?.config !== config) {
      const burst =
        config.burst ?? Math.max(1, Math.ceil(config.perSecond / 10));
      this.security = {
        config,
        bucket: new TokenBucket(burst, config.perSecond, now),
      };
    }
    const { bucket } = this.security;
    return bucket.take(now) ? undefined : bucket.retryAfterSeconds(now);
  }
}
