/**
 * Reads and writes a subscription's one security contact (`default`,
 * api-version 2023-12-01-preview) as raw properties, so a merge keeps all
 * Azure holds. Goes through the `@azure/arm-security` client's pipeline (token,
 * origin, resilience policy), where a PUT is resent only when the answer
 * proves it was not applied; anything less certain comes back as `unknown`,
 * and the caller reads the contact again before deciding.
 *
 * A write never overwrites a change made after the read it was planned on:
 * with Azure's etag the PUT carries If-Match (Azure answers 412 to a stale
 * one); without one the contact is read again right before the PUT. Only the
 * moment between that read and the PUT remains last-writer-wins.
 */
import {
  createHttpHeaders,
  createPipelineRequest,
  isRestError,
} from "@azure/core-rest-pipeline";
import type { SecurityCenter } from "@azure/arm-security";
import type { ContactProperties } from "../check/contact-merge.js";
import { errorMessage } from "../text.js";
import { armError, meansNoContact, parseJson } from "./arm-answer.js";
import { provesNotApplied } from "./retry-decision.js";
import { CONTACTS_API_VERSION } from "./security-contacts.js";

export type ContactReadResult =
  /** `etag`: Azure's version of the contact, when it sent one. */
  | { kind: "found"; properties: ContactProperties; etag?: string }
  /** No contact is configured (404). */
  | { kind: "none" }
  | { kind: "error"; code: string; message: string };

export type ContactWriteResult =
  /** 2xx: Azure took the body. Read it back to see whether it stuck. */
  | { kind: "accepted" }
  /** Azure turned the write away (4xx, or throttled until the retries ran out): nothing changed. */
  | { kind: "refused"; status?: number; code: string; message: string }
  /** No proof either way (5xx, timeout, reset): read the contact again before deciding. */
  | { kind: "unknown"; code: string; message: string }
  /** The contact changed since the read the write was planned on: nothing was written. */
  | { kind: "stale"; message: string };

/** The one contact of a subscription, read and written whole. */
export interface ContactWriter {
  read(subscriptionId: string): Promise<ContactReadResult>;
  /** Writes `properties`, planned on `basis`, unless the contact changed since. */
  write(
    subscriptionId: string,
    properties: ContactProperties,
    basis: ContactReadResult,
  ): Promise<ContactWriteResult>;
}

const CHANGED =
  "The security contact changed since it was read for this fix (another person or tool wrote it in between), so nothing was written; the next run plans again on the current contact.";

/** Key order aside, the same JSON. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

function sameContact(a: ContactReadResult, b: ContactReadResult): boolean {
  if (a.kind === "none" || b.kind === "none") return a.kind === b.kind;
  if (a.kind !== "found" || b.kind !== "found") return false;
  return canonical(a.properties) === canonical(b.properties);
}

/** Said with every 403 on a write: reading needs Security Reader, writing more. */
const WRITE_ROLE_HINT =
  "The identity needs Security Admin on the subscription to write its security contact.";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Maps the answer to `GET .../securityContacts/default` (and its ETag header). Pure. */
export function contactFromAnswer(
  status: number,
  body: string | undefined,
  etagHeader?: string,
): ContactReadResult {
  if (status !== 200) {
    const error = armError(status, body);
    return meansNoContact(status, error)
      ? { kind: "none" }
      : { kind: "error", ...error };
  }
  const parsed = parseJson(status, body);
  if (!parsed.ok) return { kind: "error", ...parsed.error };
  const properties = isObject(parsed.value)
    ? parsed.value.properties
    : undefined;
  if (!isObject(properties)) {
    return {
      kind: "error",
      code: "MalformedResponse",
      message: "The security contact 'default' has no properties.",
    };
  }
  const { emails } = properties;
  if (emails !== undefined && emails !== null && typeof emails !== "string") {
    // Merging into a value we cannot read would overwrite it.
    return {
      kind: "error",
      code: "MalformedResponse",
      message: `The security contact 'default' has 'emails' of type ${typeof emails}, not a string.`,
    };
  }
  const etag =
    etagHeader ??
    (isObject(parsed.value) && typeof parsed.value.etag === "string"
      ? parsed.value.etag
      : undefined);
  return etag
    ? { kind: "found", properties, etag }
    : { kind: "found", properties };
}

/** Maps the final answer to a PUT (after the pipeline's retries). Pure. */
export function writeResultFromAnswer(
  status: number,
  body: string | undefined,
  retryAfter?: string,
): ContactWriteResult {
  if (status >= 200 && status < 300) return { kind: "accepted" };
  const error = armError(status, body);
  if (!provesNotApplied({ kind: "response", status, retryAfter })) {
    return { kind: "unknown", ...error };
  }
  const message =
    status === 403 ? `${error.message} ${WRITE_ROLE_HINT}` : error.message;
  return { kind: "refused", status, code: error.code, message };
}

/** The last cause of a request that got no usable answer (retries spent). */
function failure(error: unknown): { code: string; message: string } {
  const code = isRestError(error) && error.code ? error.code : "RequestFailed";
  return { code, message: errorMessage(error) };
}

export class SecurityContactWriter implements ContactWriter {
  constructor(
    private readonly client: SecurityCenter,
    private readonly resourceManagerEndpoint: string,
  ) {}

  private url(subscriptionId: string): string {
    return (
      `${this.resourceManagerEndpoint}/subscriptions/${encodeURIComponent(subscriptionId)}` +
      `/providers/Microsoft.Security/securityContacts/default?api-version=${CONTACTS_API_VERSION}`
    );
  }

  async read(subscriptionId: string): Promise<ContactReadResult> {
    try {
      const response = await this.client.sendRequest(
        createPipelineRequest({ url: this.url(subscriptionId), method: "GET" }),
      );
      return contactFromAnswer(
        response.status,
        response.bodyAsText ?? undefined,
        response.headers.get("etag") ?? undefined,
      );
    } catch (error) {
      return { kind: "error", ...failure(error) };
    }
  }

  /** Without an etag: the contact read again now must be the one the fix was planned on. */
  private async changedSince(
    subscriptionId: string,
    basis: ContactReadResult,
  ): Promise<ContactWriteResult | undefined> {
    const now = await this.read(subscriptionId);
    if (now.kind === "error") {
      return {
        kind: "refused",
        code: now.code,
        message: `The security contact could not be read again right before the write, so nothing was written: ${now.message}`,
      };
    }
    return sameContact(now, basis)
      ? undefined
      : { kind: "stale", message: CHANGED };
  }

  async write(
    subscriptionId: string,
    properties: ContactProperties,
    basis: ContactReadResult,
  ): Promise<ContactWriteResult> {
    const etag = basis.kind === "found" ? basis.etag : undefined;
    if (etag === undefined) {
      const changed = await this.changedSince(subscriptionId, basis);
      if (changed) return changed;
    }
    try {
      const response = await this.client.sendRequest(
        createPipelineRequest({
          url: this.url(subscriptionId),
          method: "PUT",
          headers: createHttpHeaders({
            "content-type": "application/json",
            ...(etag === undefined ? {} : { "if-match": etag }),
          }),
          body: JSON.stringify({ properties }),
        }),
      );
      if (response.status === 412) return { kind: "stale", message: CHANGED };
      return writeResultFromAnswer(
        response.status,
        response.bodyAsText ?? undefined,
        response.headers.get("retry-after") ?? undefined,
      );
    } catch (error) {
      const cause = failure(error);
      // A refused connection sent nothing; any other failure may have landed.
      return provesNotApplied({ kind: "network", code: cause.code })
        ? { kind: "refused", ...cause }
        : { kind: "unknown", ...cause };
    }
  }
}
