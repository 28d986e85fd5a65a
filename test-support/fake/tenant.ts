// The fake tenant is plain data: tests build it, hand it to startFake() and
// may mutate it between runs (the fake reads it live).

import type { FakeMailDomain } from "./dns.js";

export interface FakeTenant {
  tenantId: string;
  /** The app's client id Entra accepts. */
  clientId: string;
  /** Audience Entra expects in the client assertion. */
  audience: string;
  /** sub claim of the GitHub tokens; default DEFAULT_SUBJECT. */
  subject?: string;
  subscriptions: FakeSubscription[];
  /** Subscriptions list page size; default 100. */
  pageSize?: number;
  /** Added to every ARM answer. */
  latencyMs?: number;
  /** Behaviours for the subscriptions LIST requests, one per request. */
  listing?: FakeBehaviour[];
  /** Page 2 onward's nextLink points back to page 2 forever. */
  repeatNextLink?: boolean;
  /**
   * The management group tree below the Tenant Root Group (whose ID is the
   * tenant ID). A group ID not here (nor the root) answers 404.
   */
  managementGroups?: FakeManagementGroup[];
  /** Items per page of a descendants answer; default 100. */
  descendantsPageSize?: number;
  /**
   * Hostile descendants paging: "repeat" points every later nextLink back at
   * page 2; "foreign" sends the nextLink to https://localhost:1 (another origin).
   */
  descendantsNextLink?: "repeat" | "foreign";
  /** Managed identities the runner's host has (served at /identity); default none. */
  managedIdentity?: { systemAssigned?: boolean; userAssigned?: string[] };
  /** Every listing page answers this nextLink (e.g. another host's URL). */
  nextLink?: string;
  /** Past the last subscription, every page is empty with a new nextLink, for ever. */
  endlessListing?: boolean;
  /** The verified domains GET /tenants answers; default ["contoso.onmicrosoft.com"]. */
  domains?: string[];
  /** Behaviours for the GET /tenants requests, one per request. */
  tenantsListing?: FakeBehaviour[];
  /** What the fake DNS answers for each mail domain; any other name is NXDOMAIN. */
  mailDomains?: Record<string, FakeMailDomain>;
  /** The OIDC token endpoint answers 307 to this URL instead of a token. */
  oidcRedirect?: string;
  /** Entra's OpenID discovery document carries this many bytes of padding. */
  entraPaddingBytes?: number;
}

export interface FakeManagementGroup {
  /** The group's ID (its name); matched case-insensitively. */
  id: string;
  /** Default: the ID. */
  displayName?: string;
  /** Parent group ID; default the Tenant Root Group. */
  parent?: string;
  /** Applied to this group's descendants requests, one per request (e.g. forever 403). */
  behaviours?: FakeBehaviour[];
}

export interface FakeSubscription {
  subscriptionId: string;
  displayName: string;
  /** Default "Enabled". */
  state?: "Enabled" | "Warned" | "PastDue" | "Disabled" | "Deleted";
  /** Not visible to the identity: absent from the list, GET answers 404. */
  hidden?: boolean;
  /** null/undefined: no security contact configured. */
  contact?: FakeContact | null;
  /** Default: one "VirtualMachines" plan on the Free tier. */
  pricings?: { name: string; pricingTier: "Free" | "Standard" }[];
  /** The contacts list spans this many pages, the contact on the last (default 1). */
  contactPages?: number;
  /** The first contacts page links here instead (a foreign or looping nextLink). */
  contactNextLink?: string;
  /** Applied to the security-contact requests, one per request, in order. */
  behaviours?: FakeBehaviour[];
  /** Applied to the security-contact PUTs instead, one per PUT, in order. */
  writeBehaviours?: FakeBehaviour[];
  /** Added to this subscription's answers, on top of the tenant's. */
  latencyMs?: number;
  /** The subscription's tags, as the list and GET answer them; absent: no `tags`. */
  tags?: Record<string, string>;
  /** GET of this subscription answers with this subscriptionId instead. */
  answerAs?: string;
  /** Parent management group ID; default the Tenant Root Group. */
  managementGroup?: string;
  /** Answer the contact without an etag (body and header), as older services do. */
  omitEtag?: boolean;
  /**
   * Someone else writes the contact right after this many reads of
   * `securityContacts/default` (a change between a plan and its PUT).
   */
  concurrentWrite?: { afterReads: number; contact: FakeContact };
}

export interface FakeContact {
  /** properties.emails, verbatim (may be "", ";", "a@b.com;x"). */
  emails?: string;
  /** Default true. */
  isEnabled?: boolean;
  /** Answer the contact without "properties" (malformed). */
  omitProperties?: boolean;
  /** Default "default". */
  name?: string;
  /** The 2017-era single `email`, served beside (or instead of) `emails`. */
  email?: string;
  /** Default `{state: "On", roles: ["Owner"]}`; null leaves it out. */
  notificationsByRole?: { state: string; roles: string[] } | null;
  /** Default `[{sourceType: "Alert", minimalSeverity: "High"}]`; null leaves it out. */
  notificationsSources?: Record<string, string>[] | null;
  /**
   * The properties as a PUT stored them: 2023-12-01-preview answers them
   * verbatim (the fields above still feed the older api-versions).
   */
  properties?: Record<string, unknown>;
}

/**
 * What the fake does with one request instead of (or before) answering
 * normally. `forever: true` (set by forever()) makes a behaviour sticky: once
 * the request sequence reaches it, it answers every later request too.
 */
export type FakeBehaviour = (
  | {
      kind: "status";
      status: number;
      code: string;
      message?: string;
      retryAfterSeconds?: number;
      headers?: Record<string, string>;
    }
  | { kind: "html"; status: number }
  | { kind: "truncated" }
  | { kind: "reset" }
  | { kind: "hang" }
  | { kind: "delay"; ms: number }
  | { kind: "bareArray" }
  | { kind: "lowQuota"; remaining: number }
  /** PUT only: answers 200 as if stored, but keeps the old contact. */
  | { kind: "notSticky" }
  /** PUT only: stores the write, then resets the connection instead of answering. */
  | { kind: "lostAnswer" }
  /** Answers `status` (a redirect) with this Location. */
  | { kind: "redirect"; status: number; location: string }
  /** Answers 200 with a gzip body that inflates to this many bytes of JSON. */
  | { kind: "gzipBomb"; inflatedBytes: number }
) & { readonly forever?: true };

export const DEFAULT_SUBJECT = "repo:octo/landing-zone:ref:refs/heads/main";
export const DEFAULT_AUDIENCE = "api://AzureADTokenExchange";

/** `b` repeated `times` times. */
export function behaviourTimes(
  times: number,
  b: FakeBehaviour,
): FakeBehaviour[] {
  return Array.from({ length: times }, () => b);
}

/**
 * `[b]` with b marked sticky. The mark lives on the behaviour itself (not on
 * the array) so it survives spreading and JSON:
 * `[...behaviourTimes(2, x), ...forever(y)]` = x, x, then y for ever.
 */
export function forever(b: FakeBehaviour): FakeBehaviour[] {
  return [{ ...b, forever: true }];
}

/**
 * Write behaviours for an identity that may read but not write the contact
 * (no Security Admin role): every PUT answers ARM's 403.
 */
export function writeForbidden(subscriptionId: string): FakeBehaviour[] {
  return forever({
    kind: "status",
    status: 403,
    code: "AuthorizationFailed",
    message:
      `The client '${CLIENT_ID}' with object id '${CLIENT_ID}' does not have ` +
      "authorization to perform action " +
      "'Microsoft.Security/securityContacts/write' over scope " +
      `'/subscriptions/${subscriptionId}/providers/Microsoft.Security/securityContacts/default' ` +
      "or the scope is invalid. If access was recently granted, please refresh your credentials.",
  });
}

/** Deterministic v4-shaped GUID: guid(1) = 00000000-0000-4000-8000-000000000001. */
export function guid(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 2 ** 48) {
    throw new RangeError(`guid(${n}): need an integer in [0, 2^48)`);
  }
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

// Fixed, recognisable ids so logs from different runs line up.
const TENANT_ID = "7e4f2a1c-5b3d-4c6e-9f80-1a2b3c4d5e6f";
const CLIENT_ID = "3c9d8e7f-6a5b-4c3d-8e2f-0a1b2c3d4e5f";

/** A tenant with the fixed ids and these subscriptions. */
export function baseTenant(subscriptions: FakeSubscription[]): FakeTenant {
  return {
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    audience: DEFAULT_AUDIENCE,
    subject: DEFAULT_SUBJECT,
    subscriptions,
  };
}

/**
 * One subscription for every verdict the action can reach, for the demo.
 * Its mail domains: contoso.com receives mail; fabrikam.com, a verified
 * domain whose mail was shut down, publishes a null MX.
 */
export function sampleTenant(): FakeTenant {
  const sub = (
    n: number,
    displayName: string,
    rest: Omit<FakeSubscription, "subscriptionId" | "displayName"> = {},
  ): FakeSubscription => ({ subscriptionId: guid(n), displayName, ...rest });
  const tenant = baseTenant([
    sub(1, "Contoso Production", {
      contact: { emails: "secops@contoso.com;soc@contoso.com" },
      pricings: [{ name: "VirtualMachines", pricingTier: "Standard" }],
    }),
    sub(2, "Fabrikam Shared", {
      contact: { emails: "soc@fabrikam.com, not-an-email" },
    }),
    sub(3, "Contoso Dev (notifications off)", {
      contact: { emails: "devsec@contoso.com", isEnabled: false },
    }),
    sub(4, "Contoso Sandbox", {
      contact: { emails: "" },
      tags: { Owner: "jane.doe@contoso.com", CostCenter: "4711" },
    }),
    sub(5, "Fabrikam Test", { contact: { emails: ";  ," } }),
    sub(6, "Contoso Legacy", {
      contact: { emails: "security-team;ops@localhost" },
    }),
    sub(7, "Contoso Lab", {
      contact: null,
      tags: { owner: " ", "Technical-Contact": "Platform <team> | @ops" },
    }),
    // Display names are not unique: the action must key by subscription id.
    sub(8, "Shared Services", { contact: { emails: "shared@contoso.com" } }),
    sub(9, "Shared Services", { contact: { isEnabled: true } }),
    sub(10, "Prod | <script>alert(1)</script> **bold** @team\nline2", {
      contact: { emails: "   " },
    }),
    sub(11, "Contoso Restricted", {
      contact: { emails: "secops@contoso.com" },
      behaviours: forever({
        kind: "status",
        status: 403,
        code: "AuthorizationFailed",
        message:
          `The client '${CLIENT_ID}' with object id '${CLIENT_ID}' does not ` +
          "have authorization to perform action " +
          "'Microsoft.Security/securityContacts/read' over scope " +
          `'/subscriptions/${guid(11)}' or the scope is invalid. If access ` +
          "was recently granted, please refresh your credentials.",
      }),
    }),
    sub(12, "Fabrikam New (Defender never enabled)", {
      behaviours: forever({
        kind: "status",
        status: 409,
        code: "MissingSubscriptionRegistration",
        message:
          "The subscription is not registered to use namespace " +
          "'Microsoft.Security'. See https://aka.ms/rps-not-found for how " +
          "to register subscriptions.",
      }),
    }),
    sub(13, "Contoso Retired", { state: "Disabled", contact: { emails: "" } }),
    sub(14, "Contoso Flaky", {
      contact: { emails: "flaky-soc@contoso.com" },
      behaviours: [
        {
          kind: "status",
          status: 503,
          code: "ServiceUnavailable",
          message: "The service is temporarily unavailable.",
        },
      ],
    }),
    sub(15, "Fabrikam Busy", {
      contact: { emails: "busy-soc@fabrikam.com" },
      behaviours: [
        {
          kind: "status",
          status: 429,
          code: "TooManyRequests",
          message:
            "The request is being throttled as the limit has been reached " +
            "for operation type - Read.",
          retryAfterSeconds: 1,
        },
      ],
    }),
  ]);
  tenant.domains = ["contoso.com", "fabrikam.com", "contoso.onmicrosoft.com"];
  tenant.mailDomains = {
    "contoso.com": { kind: "mx" },
    "fabrikam.com": { kind: "null-mx" },
  };
  return tenant;
}

/** n passing subscriptions; a plain loop so n = 10,000 costs milliseconds. */
export function generatedTenant(
  n: number,
  opts: { latencyMs?: number; pageSize?: number } = {},
): FakeTenant {
  const subscriptions: FakeSubscription[] = new Array(n);
  for (let i = 0; i < n; i++) {
    subscriptions[i] = {
      subscriptionId: guid(i + 1),
      displayName: `Landing zone ${i + 1}`,
      contact: { emails: `secops+${i + 1}@contoso.com` },
    };
  }
  const tenant = baseTenant(subscriptions);
  if (opts.latencyMs !== undefined) tenant.latencyMs = opts.latencyMs;
  if (opts.pageSize !== undefined) tenant.pageSize = opts.pageSize;
  return tenant;
}
