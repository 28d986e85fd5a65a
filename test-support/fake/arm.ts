// Azure Resource Manager: the subscriptions list/get and Microsoft.Security's
// securityContacts and pricings, with per-request failure behaviours.

import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import {
  bearerToken,
  type Exchange,
  type FakeContext,
  nextBehaviour,
  readBody,
  send,
  sleep,
} from "./context.js";
import { sendGzipBomb } from "./bomb.js";
import { contactBodyError, storedContact } from "./contact-write.js";
import { descendantsAnswer, findGroup } from "./management-groups.js";
import type {
  FakeBehaviour,
  FakeContact,
  FakeSubscription,
  FakeTenant,
} from "./tenant.js";

const CONTACT_VERSIONS = [
  "2017-08-01-preview",
  "2020-01-01-preview",
  "2023-12-01-preview",
] as const;
type ContactVersion = (typeof CONTACT_VERSIONS)[number];
const PRICING_VERSIONS = ["2022-03-01", "2024-01-01"];
const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_QUOTA = "249";
const DEFAULT_TENANT_DOMAIN = "contoso.onmicrosoft.com";
const DEFAULT_PRICINGS: NonNullable<FakeSubscription["pricings"]> = [
  { name: "VirtualMachines", pricingTier: "Free" },
];

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Each stored contact object has its own etag: a write or a concurrent change makes a new one. */
const etags = new WeakMap<FakeContact, string>();
function etagOf(contact: FakeContact): string {
  let etag = etags.get(contact);
  if (etag === undefined) {
    etag = `"${randomUUID()}"`;
    etags.set(contact, etag);
  }
  return etag;
}

/** Reads of `securityContacts/default` per subscription, for `concurrentWrite`. */
const namedReads = new WeakMap<FakeSubscription, number>();

/**
 * Lookup structures over tenant.subscriptions, so no request scans the list.
 * Rebuilt when the array is replaced or resized, and at the start of every
 * listing (first page), which catches in-place edits between runs.
 */
export class SubscriptionIndex {
  private source: FakeSubscription[] | undefined;
  private length = -1;
  private byId = new Map<string, FakeSubscription>();
  private visibleList: FakeSubscription[] = [];

  private refresh(tenant: FakeTenant, force: boolean): void {
    const subs = tenant.subscriptions;
    if (!force && subs === this.source && subs.length === this.length) return;
    this.source = subs;
    this.length = subs.length;
    this.byId = new Map();
    this.visibleList = [];
    for (const sub of subs) {
      this.byId.set(sub.subscriptionId.toLowerCase(), sub);
      if (sub.hidden !== true) this.visibleList.push(sub);
    }
  }

  /** The subscription the identity can see, by id in any case. */
  find(tenant: FakeTenant, id: string): FakeSubscription | undefined {
    this.refresh(tenant, false);
    const sub = this.byId.get(id.toLowerCase());
    return sub?.hidden === true ? undefined : sub;
  }

  visible(tenant: FakeTenant, fresh: boolean): FakeSubscription[] {
    this.refresh(tenant, fresh);
    return this.visibleList;
  }
}

export function handleArm(
  ctx: FakeContext,
  index: SubscriptionIndex,
  ex: Exchange,
): Promise<void> {
  ctx.counters.armRequests++;
  ctx.inFlight++;
  ctx.counters.maxInFlight = Math.max(ctx.counters.maxInFlight, ctx.inFlight);
  // "close" also fires when close() destroys a hung request's socket.
  ex.res.once("close", () => ctx.inFlight--);

  if (!authorized(ctx, ex)) return Promise.resolve();
  const [root, id, providers, namespace, type, name, ...extra] =
    ex.segments.map((s, i) => (i === 1 || i === 5 ? s : s.toLowerCase()));

  if (
    ex.req.method === "GET" &&
    root === "providers" &&
    id?.toLowerCase() === "microsoft.management" &&
    providers === "managementgroups" &&
    type === "descendants" &&
    name === undefined
  ) {
    // segments[3] keeps the group ID's own case.
    return groupDescendants(ctx, ex, ex.segments[3] ?? "");
  }
  if (ex.req.method === "GET" && root === "tenants" && id === undefined) {
    return listTenants(ctx, ex);
  }
  const method = ex.req.method;
  if ((method !== "GET" && method !== "PUT") || root !== "subscriptions") {
    return unknownRoute(ctx, ex);
  }
  const isPut = method === "PUT";
  if (isPut && (type !== "securitycontacts" || name === undefined)) {
    return unknownRoute(ctx, ex);
  }
  if (id === undefined) return listSubscriptions(ctx, index, ex);

  const sub = index.find(ctx.tenant, id);
  ex.record.subscriptionId = sub?.subscriptionId ?? id;
  if (providers === undefined) {
    return finish(ctx, ex, latencyOf(ctx, sub), undefined, () =>
      sub === undefined
        ? notFound(id)
        : (subscriptionVersionError(ex) ??
          ok(
            subscriptionJson(
              ctx,
              sub.answerAs === undefined
                ? sub
                : { ...sub, subscriptionId: sub.answerAs },
            ),
          )),
    );
  }
  if (
    providers !== "providers" ||
    namespace !== "microsoft.security" ||
    extra.length > 0 ||
    (type !== "securitycontacts" && type !== "pricings")
  ) {
    return unknownRoute(ctx, ex);
  }
  if (type === "securitycontacts" && !isPut) {
    countContactRequest(ctx, sub?.subscriptionId ?? id);
  }
  if (sub === undefined) {
    return finish(ctx, ex, latencyOf(ctx), undefined, () => notFound(id));
  }
  if (isPut && name !== undefined) return putContact(ctx, ex, sub, name);
  if (type === "pricings") {
    return finish(ctx, ex, latencyOf(ctx, sub), undefined, () =>
      pricings(ex, sub, name),
    );
  }
  const behaviour = nextBehaviour(ctx, sub.behaviours);
  return finish(ctx, ex, latencyOf(ctx, sub), behaviour, (bare) =>
    contacts(ctx, ex, sub, name, bare),
  );
}

function authorized(ctx: FakeContext, ex: Exchange): boolean {
  const token = bearerToken(ex.req);
  const fail = (code: string, message: string): false => {
    answerJson(ex, 401, armError(code, message), {
      "www-authenticate":
        'Bearer authorization_uri="' +
        `${ctx.url}/entra/${ctx.tenant.tenantId}", ` +
        `error="invalid_token", error_description="${message}"`,
    });
    return false;
  };
  if (token === undefined) {
    return fail(
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is missing.",
    );
  }
  const issued = ctx.accessTokens.get(token);
  if (issued === undefined) {
    return fail("InvalidAuthenticationToken", "The access token is invalid.");
  }
  if (issued.expiresAt <= Date.now()) {
    return fail(
      "ExpiredAuthenticationToken",
      "The access token expiry UTC time is earlier than current UTC time.",
    );
  }
  // ARM only takes tokens minted for itself: a scope for another cloud's ARM
  // is a real bug in a caller that was pointed at a custom endpoint.
  if (issued.resource !== ctx.armUrl) {
    return fail(
      "InvalidAuthenticationTokenAudience",
      "The access token has been obtained for wrong audience or resource " +
        `'${issued.resource}'. It should exactly match with one of the ` +
        `allowed audiences '${ctx.armUrl}','${ctx.armUrl}/'.`,
    );
  }
  return true;
}

function countContactRequest(ctx: FakeContext, id: string): void {
  const c = ctx.counters;
  const seen = (c.contactRequestsBySubscription.get(id) ?? 0) + 1;
  c.contactRequestsBySubscription.set(id, seen);
  c.contactRequests++;
  if (seen > 1) c.retriesObserved++;
}

function latencyOf(ctx: FakeContext, sub?: FakeSubscription): number {
  return (ctx.tenant.latencyMs ?? 0) + (sub?.latencyMs ?? 0);
}

/** Applies the behaviour, the latency, then sends what `produce` answers. */
async function finish(
  ctx: FakeContext,
  ex: Exchange,
  latencyMs: number,
  behaviour: FakeBehaviour | undefined,
  produce: (bareArray: boolean) => Answer,
): Promise<void> {
  switch (behaviour?.kind) {
    case "reset":
      resetSocket(ex);
      return;
    case "hang":
      // Never answered: close() destroys the socket.
      return;
    case "delay":
      if (!(await sleep(behaviour.ms, ctx.signal))) return;
      break;
  }
  if (!(await sleep(latencyMs, ctx.signal))) return;
  if (ex.res.destroyed) return;

  const headers: Record<string, string> = {};
  switch (behaviour?.kind) {
    case "status": {
      if (behaviour.retryAfterSeconds !== undefined) {
        headers["retry-after"] = String(behaviour.retryAfterSeconds);
      }
      Object.assign(headers, behaviour.headers);
      const message =
        behaviour.message ?? STATUS_CODES[behaviour.status] ?? behaviour.code;
      answerJson(
        ex,
        behaviour.status,
        armError(behaviour.code, message),
        headers,
      );
      return;
    }
    case "html": {
      const title = `${behaviour.status} ${STATUS_CODES[behaviour.status] ?? ""}`;
      send(
        ex,
        behaviour.status,
        `<!DOCTYPE html>\n<html><head><title>${title}</title></head>` +
          `<body><h1>${title}</h1><p>The service is unavailable.</p>` +
          "</body></html>\n",
        { ...armHeaders(), "content-type": "text/html; charset=utf-8" },
      );
      return;
    }
    case "lowQuota":
      headers["x-ms-ratelimit-remaining-subscription-reads"] = String(
        behaviour.remaining,
      );
      break;
    case "redirect":
      send(ex, behaviour.status, "", {
        ...armHeaders(),
        location: behaviour.location,
      });
      return;
    case "gzipBomb":
      await sendGzipBomb(ex, behaviour.inflatedBytes, armHeaders());
      return;
  }
  const answer = produce(behaviour?.kind === "bareArray");
  if (behaviour?.kind === "truncated") {
    const text = JSON.stringify(answer.body);
    send(ex, 200, text.slice(0, Math.floor(text.length / 2)), {
      ...armHeaders(),
      "content-type": "application/json; charset=utf-8",
    });
    return;
  }
  answerJson(ex, answer.status, answer.body, { ...headers, ...answer.headers });
}

function resetSocket(ex: Exchange): void {
  // A TLS socket cannot send a TCP RST itself; the TCP socket under it
  // (node's internal _parent) can, which gives clients a true ECONNRESET.
  const tls = ex.req.socket as Socket & { _parent?: Socket };
  try {
    (tls._parent ?? tls).resetAndDestroy();
  } catch {
    tls.destroy();
  }
}

function armHeaders(): Record<string, string> {
  const id = randomUUID();
  return {
    "x-ms-ratelimit-remaining-subscription-reads": DEFAULT_QUOTA,
    "x-ms-request-id": id,
    "x-ms-correlation-request-id": id,
    "cache-control": "no-cache",
  };
}

function answerJson(
  ex: Exchange,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(ex, status, JSON.stringify(body), {
    ...armHeaders(),
    "content-type": "application/json; charset=utf-8",
    ...headers,
  });
}

function armError(code: string, message: string): unknown {
  return { error: { code, message } };
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const error = (status: number, code: string, message: string): Answer => ({
  status,
  body: armError(code, message),
});

function unknownRoute(ctx: FakeContext, ex: Exchange): Promise<void> {
  const path = ex.url.pathname;
  const version = ex.url.searchParams.get("api-version") ?? "";
  return finish(ctx, ex, latencyOf(ctx), undefined, () =>
    error(
      404,
      "InvalidResourceType",
      `The resource type could not be found for '${ex.req.method} ${path}' ` +
        `and api version '${version}'.`,
    ),
  );
}

function notFound(id: string): Answer {
  return error(
    404,
    "SubscriptionNotFound",
    `The subscription '${id}' could not be found.`,
  );
}

/** Missing or implausible api-version on the subscriptions routes. */
function subscriptionVersionError(ex: Exchange): Answer | undefined {
  const version = ex.url.searchParams.get("api-version");
  if (version === null) {
    return error(
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all " +
        "requests.",
    );
  }
  if (!version.startsWith("20")) {
    return error(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${version}' is invalid. The supported versions are ` +
        "'2016-06-01,2020-01-01,2021-01-01,2022-12-01'.",
    );
  }
  return undefined;
}

function subscriptionJson(ctx: FakeContext, sub: FakeSubscription): unknown {
  return {
    id: `/subscriptions/${sub.subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId: sub.subscriptionId,
    tenantId: ctx.tenant.tenantId,
    displayName: sub.displayName,
    state: sub.state ?? "Enabled",
    ...(sub.tags ? { tags: sub.tags } : {}),
    subscriptionPolicies: {
      locationPlacementId: "Public_2014-09-01",
      quotaId: "PayAsYouGo_2014-09-01",
      spendingLimit: "Off",
    },
  };
}

function listSubscriptions(
  ctx: FakeContext,
  index: SubscriptionIndex,
  ex: Exchange,
): Promise<void> {
  const behaviour = nextBehaviour(ctx, ctx.tenant.listing);
  return finish(ctx, ex, latencyOf(ctx), behaviour, (bare) => {
    const versionError = subscriptionVersionError(ex);
    if (versionError) return versionError;
    const skipToken = ex.url.searchParams.get("$skiptoken");
    const offset = skipToken === null ? 0 : decodeSkipToken(skipToken);
    if (offset === undefined) {
      return error(400, "InvalidSkipToken", "The skip token is invalid.");
    }
    const visible = index.visible(ctx.tenant, skipToken === null);
    const size = Math.max(1, ctx.tenant.pageSize ?? DEFAULT_PAGE_SIZE);
    const value = visible
      .slice(offset, offset + size)
      .map((sub) => subscriptionJson(ctx, sub));
    if (bare) return ok(value);

    let next: number | undefined =
      offset + size < visible.length ? offset + size : undefined;
    if (ctx.tenant.repeatNextLink === true && visible.length > size) {
      next = size; // page 2, whatever page this is
    }
    if (ctx.tenant.endlessListing === true) next = offset + size;
    if (ctx.tenant.nextLink !== undefined) {
      return ok({ nextLink: ctx.tenant.nextLink, value });
    }
    if (next === undefined) return ok({ value });
    const version = ex.url.searchParams.get("api-version") ?? "2022-12-01";
    const nextLink =
      `${ctx.armUrl}/subscriptions?api-version=${encodeURIComponent(version)}` +
      `&%24skiptoken=${encodeSkipToken(next)}`;
    return ok({ nextLink, value });
  });
}

/** GET /tenants: the signed-in tenant with its verified domains, one page. */
function listTenants(ctx: FakeContext, ex: Exchange): Promise<void> {
  const behaviour = nextBehaviour(ctx, ctx.tenant.tenantsListing);
  return finish(ctx, ex, latencyOf(ctx), behaviour, (bare) => {
    const versionError = subscriptionVersionError(ex);
    if (versionError) return versionError;
    const { tenantId } = ctx.tenant;
    const domains = ctx.tenant.domains ?? [DEFAULT_TENANT_DOMAIN];
    const value = [
      {
        id: `/tenants/${tenantId}`,
        tenantId,
        tenantCategory: "Home",
        countryCode: "US",
        displayName: "Contoso",
        domains,
        defaultDomain: domains[0],
        tenantType: "AAD",
      },
    ];
    return ok(bare ? value : { value });
  });
}

function groupDescendants(
  ctx: FakeContext,
  ex: Exchange,
  groupId: string,
): Promise<void> {
  const group = findGroup(ctx.tenant, groupId);
  const behaviour = nextBehaviour(
    ctx,
    ctx.tenant.managementGroups?.find((g) => g.id === group)?.behaviours,
  );
  return finish(ctx, ex, latencyOf(ctx), behaviour, () => {
    const skipToken = ex.url.searchParams.get("$skiptoken");
    const offset = skipToken === null ? 0 : decodeSkipToken(skipToken);
    if (offset === undefined) {
      return error(400, "InvalidSkipToken", "The skip token is invalid.");
    }
    const version = ex.url.searchParams.get("api-version");
    const answer = descendantsAnswer(ctx.tenant, groupId, version, offset);
    if (answer.kind === "error") {
      return error(answer.status, answer.code, answer.message);
    }
    if (answer.nextOffset === undefined) return ok({ value: answer.value });
    const origin =
      ctx.tenant.descendantsNextLink === "foreign"
        ? "https://localhost:1/arm"
        : ctx.armUrl;
    const nextLink =
      `${origin}/providers/Microsoft.Management/managementGroups/` +
      `${encodeURIComponent(groupId)}/descendants?api-version=` +
      `${encodeURIComponent(version ?? "")}&%24skiptoken=${encodeSkipToken(answer.nextOffset)}`;
    return ok({ nextLink, value: answer.value });
  });
}

// Opaque like ARM's, so callers cannot be tempted to build their own.
function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeSkipToken(token: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(token, "base64url").toString("utf8"),
    );
    const offset = (parsed as { o?: unknown } | null)?.o;
    return typeof offset === "number" &&
      Number.isSafeInteger(offset) &&
      offset >= 0
      ? offset
      : undefined;
  } catch {
    return undefined;
  }
}

function invalidVersion(version: string, supported: readonly string[]): Answer {
  return error(
    400,
    "InvalidApiVersionParameter",
    `The api-version '${version}' is invalid. The supported versions are ` +
      `'${supported.join(",")}'.`,
  );
}

function contacts(
  ctx: FakeContext,
  ex: Exchange,
  sub: FakeSubscription,
  name: string | undefined,
  bareArray: boolean,
): Answer {
  const version = ex.url.searchParams.get("api-version") ?? "";
  if (!(CONTACT_VERSIONS as readonly string[]).includes(version)) {
    return invalidVersion(version, CONTACT_VERSIONS);
  }
  const v = version as ContactVersion;
  const contact = sub.contact ?? undefined;
  const contactName = contact?.name ?? "default";
  if (name !== undefined) {
    if (
      contact === undefined ||
      contactName.toLowerCase() !== name.toLowerCase()
    ) {
      return error(
        404,
        "NotFound",
        `Could not find security contact with name ${name}`,
      );
    }
    // The one contact's GET carries its etag (body and header), as ARM's do.
    const etag =
      sub.omitEtag === true || v !== "2023-12-01-preview"
        ? undefined
        : etagOf(contact);
    const json = {
      ...(contactJson(sub, contact, v) as object),
      ...(etag === undefined ? {} : { etag }),
    };
    const answer = ok(bareArray ? [json] : json);
    if (etag !== undefined) answer.headers = { etag };
    const reads = (namedReads.get(sub) ?? 0) + 1;
    namedReads.set(sub, reads);
    if (sub.concurrentWrite?.afterReads === reads) {
      sub.contact = { ...sub.concurrentWrite.contact };
    }
    return answer;
  }
  const value = contact ? [contactJson(sub, contact, v)] : [];
  // 2020-01-01-preview's list really answers a bare array.
  if (bareArray || v === "2020-01-01-preview") return ok(value);
  const page = Number(ex.url.searchParams.get("$skiptoken") ?? "0");
  const pages = Math.max(1, sub.contactPages ?? 1);
  const nextLink =
    page === 0 && sub.contactNextLink !== undefined
      ? sub.contactNextLink
      : page < pages - 1
        ? `${ctx.armUrl}/subscriptions/${sub.subscriptionId}/providers/Microsoft.Security` +
          `/securityContacts?api-version=${v}&%24skiptoken=${page + 1}`
        : undefined;
  // Earlier pages are empty, as ARM's can be: only the last holds the contact.
  const items = page < pages - 1 ? [] : value;
  return ok(
    nextLink === undefined ? { value: items } : { value: items, nextLink },
  );
}

/** `{key: value}`, the default when undefined, nothing when null. */
function optional(
  key: string,
  value: unknown,
  fallback: unknown,
): Record<string, unknown> {
  if (value === null) return {};
  return { [key]: value ?? fallback };
}

function contactJson(
  sub: FakeSubscription,
  contact: FakeContact,
  version: ContactVersion,
): unknown {
  const name = contact.name ?? "default";
  const base = {
    id: `/subscriptions/${sub.subscriptionId}/providers/Microsoft.Security/securityContacts/${name}`,
    name,
    type: "Microsoft.Security/securityContacts",
  };
  if (contact.omitProperties === true) return base;
  if (contact.properties && version === "2023-12-01-preview") {
    return { ...base, properties: contact.properties };
  }
  const enabled = contact.isEnabled ?? true;
  const emails = contact.emails;
  switch (version) {
    case "2017-08-01-preview":
      return {
        ...base,
        properties: {
          email:
            emails
              ?.split(/[;,]/)
              .map((e) => e.trim())
              .find((e) => e !== "") ?? "",
          phone: "",
          alertNotifications: "On",
          alertsToAdmins: "On",
        },
      };
    case "2020-01-01-preview":
      return {
        ...base,
        properties: {
          ...(emails === undefined ? {} : { emails }),
          phone: "",
          alertNotifications: {
            state: enabled ? "On" : "Off",
            minimalSeverity: "High",
          },
          notificationsByRole: { state: "On", roles: ["Owner"] },
        },
      };
    case "2023-12-01-preview":
      return {
        ...base,
        properties: {
          ...(emails === undefined ? {} : { emails }),
          ...(contact.email === undefined ? {} : { email: contact.email }),
          isEnabled: enabled,
          ...optional("notificationsByRole", contact.notificationsByRole, {
            state: "On",
            roles: ["Owner"],
          }),
          ...optional("notificationsSources", contact.notificationsSources, [
            { sourceType: "Alert", minimalSeverity: "High" },
          ]),
        },
      };
  }
}

/**
 * PUT .../securityContacts/default: validated like Microsoft.Security, then
 * stored so later reads return it, unless a write behaviour says otherwise.
 * The body is recorded in ctx.contactWrites whatever the answer.
 */
async function putContact(
  ctx: FakeContext,
  ex: Exchange,
  sub: FakeSubscription,
  name: string,
): Promise<void> {
  const text = await readBody(ex.req);
  const write = {
    subscriptionId: sub.subscriptionId,
    body: parseOrText(text),
    stored: false,
  };
  ctx.contactWrites.push(write);
  const behaviour = nextBehaviour(ctx, sub.writeBehaviours);
  const produce = (): Answer => {
    const version = ex.url.searchParams.get("api-version") ?? "";
    if (version !== "2023-12-01-preview") {
      return invalidVersion(version, ["2023-12-01-preview"]);
    }
    if (name.toLowerCase() !== "default") {
      return error(
        400,
        "InvalidInput",
        `The security contact name '${name}' is not valid: it must be 'default'.`,
      );
    }
    const failure = subscriptionWideFailure(sub);
    if (failure) return failure;
    const stale = preconditionFailure(ex, sub);
    if (stale) return stale;
    const refusal = contactBodyError(text);
    if (refusal) return error(400, refusal.code, refusal.message);
    const { properties } = JSON.parse(text) as {
      properties: Record<string, unknown>;
    };
    const contact = storedContact(properties);
    if (behaviour?.kind !== "notSticky") {
      sub.contact = contact;
      write.stored = true;
    }
    return ok(contactJson(sub, contact, "2023-12-01-preview"));
  };
  if (behaviour?.kind === "lostAnswer") {
    produce();
    return finish(ctx, ex, 0, { kind: "reset" }, produce);
  }
  return finish(ctx, ex, latencyOf(ctx, sub), behaviour, produce);
}

/** ARM's answer to an If-Match that no longer names the stored contact. */
function preconditionFailure(
  ex: Exchange,
  sub: FakeSubscription,
): Answer | undefined {
  const ifMatch = ex.req.headers["if-match"];
  if (ifMatch === undefined || ifMatch.trim() === "*") return undefined;
  const current = sub.contact ? etagOf(sub.contact) : undefined;
  if (current !== undefined && ifMatch.trim() === current) return undefined;
  return error(
    412,
    "PreconditionFailed",
    "The specified precondition 'If-Match' failed: the resource was changed since it was read.",
  );
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Permission and registration are facts about the whole subscription, so a
 * sticky 403/409 on the contacts answers the pricings too. Transient
 * failures stay on the contacts, where the test put them.
 */
function subscriptionWideFailure(sub: FakeSubscription): Answer | undefined {
  for (const b of sub.behaviours ?? []) {
    if (
      b.forever === true &&
      b.kind === "status" &&
      (b.status === 403 || b.status === 409)
    ) {
      return error(b.status, b.code, b.message ?? b.code);
    }
  }
  return undefined;
}

function pricings(
  ex: Exchange,
  sub: FakeSubscription,
  name: string | undefined,
): Answer {
  const version = ex.url.searchParams.get("api-version") ?? "";
  if (!PRICING_VERSIONS.includes(version)) {
    return invalidVersion(version, PRICING_VERSIONS);
  }
  const failure = subscriptionWideFailure(sub);
  if (failure) return failure;
  const all = (sub.pricings ?? DEFAULT_PRICINGS).map((p) => ({
    id: `/subscriptions/${sub.subscriptionId}/providers/Microsoft.Security/pricings/${p.name}`,
    name: p.name,
    type: "Microsoft.Security/pricings",
    properties: { pricingTier: p.pricingTier, freeTrialRemainingTime: "P0D" },
  }));
  if (name === undefined) return ok({ value: all });
  const one = all.find((p) => p.name.toLowerCase() === name.toLowerCase());
  return one
    ? ok(one)
    : error(404, "NotFound", `Could not find pricing with name ${name}`);
}
