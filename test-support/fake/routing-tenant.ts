/**
 * A tenant the size a security lead routes work in: 300 subscriptions in
 * three management groups, 60 failing one or more controls in six different
 * ways (every 5th), 5 that cannot be read, owner tags on the failing ones.
 * `fix` and `breakContact` change it between runs (the fake reads it live).
 */
import {
  forever,
  guid,
  type FakeSubscription,
  type FakeTenant,
} from "./tenant.js";

const TENANT_ID = "7e4f2a1c-5b3d-4c6e-9f80-1a2b3c4d5e6f";

export const ROUTING_GROUPS = ["corp", "online", "sandbox"] as const;

/** Subscription numbers that fail: every 5th of 1..300. */
export const FAILING = Array.from({ length: 60 }, (_, i) => (i + 1) * 5);
/** Subscription numbers that cannot be read (access denied). */
export const UNREADABLE = [3, 53, 103, 153, 203];

/** The owners of failing subscriptions: two addresses and a team name. */
export const OWNERS = [
  "alice.admin@contoso.com",
  "bob+ops@fabrikam.com",
  "Platform team",
];

function passing(n: number): FakeSubscription["contact"] {
  return {
    emails: `secops+${n}@contoso.com`,
    notificationsSources: [
      { sourceType: "Alert", minimalSeverity: "High" },
      { sourceType: "AttackPath", minimalRiskLevel: "High" },
    ],
  };
}

/** Six ways to fail, by position among the failing. */
function failing(n: number, kind: number): FakeSubscription["contact"] {
  const base = passing(n) ?? {};
  switch (kind) {
    case 0:
      return null;
    case 1:
      return {
        ...base,
        emails: "",
        notificationsByRole: { state: "Off", roles: [] },
      };
    case 2:
      return { ...base, emails: "security_contact@replace_me.com;soc-team" };
    case 3:
      return { ...base, isEnabled: false };
    case 4:
      return {
        ...base,
        notificationsByRole: { state: "On", roles: ["AccountAdmin"] },
      };
    default:
      return {
        ...base,
        notificationsSources: [
          { sourceType: "Alert", minimalSeverity: "High" },
        ],
      };
  }
}

export function routingTenant(): FakeTenant {
  const subscriptions: FakeSubscription[] = [];
  for (let n = 1; n <= 300; n++) {
    const index = FAILING.indexOf(n);
    const sub: FakeSubscription = {
      subscriptionId: guid(n),
      displayName: `Landing zone ${n}`,
      managementGroup: ROUTING_GROUPS[Math.floor((n - 1) / 100)] ?? "corp",
      contact: index >= 0 ? failing(n, index % 6) : passing(n),
    };
    if (index >= 0) sub.tags = { owner: OWNERS[index % OWNERS.length] ?? "" };
    if (UNREADABLE.includes(n)) {
      sub.behaviours = forever({
        kind: "status",
        status: 403,
        code: "AuthorizationFailed",
        message: `The client does not have authorization to perform action 'Microsoft.Security/securityContacts/read' over scope '/subscriptions/${guid(n)}'.`,
      });
    }
    subscriptions.push(sub);
  }
  return {
    tenantId: TENANT_ID,
    clientId: "3c9d8e7f-6a5b-4c3d-8e2f-0a1b2c3d4e5f",
    audience: "api://AzureADTokenExchange",
    managementGroups: ROUTING_GROUPS.map((id) => ({ id })),
    subscriptions,
  };
}

/** Makes subscription `n` pass every control. */
export function fix(tenant: FakeTenant, n: number): void {
  const sub = tenant.subscriptions.find((s) => s.subscriptionId === guid(n));
  if (sub) sub.contact = passing(n);
}

/** Removes subscription `n`'s security contact. */
export function breakContact(tenant: FakeTenant, n: number): void {
  const sub = tenant.subscriptions.find((s) => s.subscriptionId === guid(n));
  if (sub) sub.contact = null;
}
