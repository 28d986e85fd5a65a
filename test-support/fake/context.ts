// State shared by the service handlers of one fake, plus small HTTP helpers.

import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import type { FakeGitHubState } from "./github.js";
import type { JwtSigner } from "./jwt.js";
import type { ArmQuotas } from "./rate-limits.js";
import type { FakeBehaviour, FakeTenant } from "./tenant.js";

export type ServiceName =
  "oidc" | "entra" | "arm" | "github" | "identity" | "unknown";

export interface RecordedRequest {
  service: ServiceName;
  method: string;
  path: string;
  query: Record<string, string>;
  /** 0 while unanswered, and for ever for "reset" and "hang". */
  status: number;
  subscriptionId?: string;
  /** An Authorization header came with it (its value is never kept). */
  withToken: boolean;
}

/** One security-contact PUT as it arrived. */
export interface RecordedWrite {
  subscriptionId: string;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** True when the fake kept it (valid, and no behaviour stopped it). */
  stored: boolean;
}

export interface IssuedAccessToken {
  /** The scope minus "/.default", without a trailing slash. */
  resource: string;
  expiresAt: number;
}

export interface Counters {
  contactRequests: number;
  contactRequestsBySubscription: Map<string, number>;
  retriesObserved: number;
  maxInFlight: number;
  armRequests: number;
  /** ARM answers with HTTP 429 (throttled), whatever made them. */
  throttled: number;
}

export interface FakeContext {
  url: string;
  armUrl: string;
  tenant: FakeTenant;
  github: FakeGitHubState;
  /** Accepted GitHub REST tokens; undefined accepts any non-empty token. */
  githubTokens: string[] | undefined;
  oidcRequestToken: string;
  signer: JwtSigner;
  requests: RecordedRequest[];
  contactWrites: RecordedWrite[];
  issuedTokens: string[];
  accessTokens: Map<string, IssuedAccessToken>;
  /** Refresh tokens of Azure CLI sessions (see cliSession()) → their tenant. */
  refreshTokens: Map<string, string>;
  /** The IDENTITY_HEADER secret the identity endpoint expects. */
  identityHeader: string;
  /** Next behaviour index per behaviours array (a new array starts over). */
  cursors: WeakMap<FakeBehaviour[], number>;
  counters: Counters;
  /** ARM's read quotas and Microsoft.Security's rate limit. */
  quotas: ArmQuotas;
  inFlight: number;
  /** Aborted by close(), so pending delays stop holding the process. */
  signal: AbortSignal;
}

/** One request being handled. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path segments after the service prefix, URL-decoded. */
  segments: string[];
  record: RecordedRequest;
}

export function send(
  ex: Exchange,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  ex.record.status = status;
  ex.res.writeHead(status, {
    ...headers,
    "content-length": String(Buffer.byteLength(body)),
  });
  ex.res.end(body);
}

export function sendJson(
  ex: Exchange,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(ex, status, JSON.stringify(value), {
    "content-type": "application/json; charset=utf-8",
    ...headers,
  });
}

/** Resolves false when the fake closed meanwhile (then nobody answers). */
export async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return !signal.aborted;
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

export class BodyTooLargeError extends Error {}

export async function readBody(
  req: IncomingMessage,
  limit = 8 * 1024 * 1024,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError("request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The next behaviour of a sequence; sticky (forever) ones never advance. */
export function nextBehaviour(
  ctx: FakeContext,
  list: FakeBehaviour[] | undefined,
): FakeBehaviour | undefined {
  if (list === undefined || list.length === 0) return undefined;
  const index = ctx.cursors.get(list) ?? 0;
  const behaviour = list[index];
  if (behaviour === undefined) return undefined;
  if (behaviour.forever !== true) ctx.cursors.set(list, index + 1);
  return behaviour;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return match?.[1];
}
