/**
 * Reading Azure Resource Manager's answers defensively: JSON that may be an
 * HTML page, truncated, or shaped differently between api-versions. Pure.
 */
import type {
  ContactLookup,
  NotificationSource,
  NotificationsByRole,
  SecurityContact,
} from "../check/model.js";

export interface ArmError {
  code: string;
  message: string;
}

/** Describes a body that should have been JSON but is not, without echoing a whole page. */
function describeNonJson(status: number, body: string): ArmError {
  const trimmed = body.trim();
  if (trimmed === "") {
    return {
      code: `HTTP${status}`,
      message: `Azure answered HTTP ${status} with an empty body.`,
    };
  }
  if (/^<(!doctype|html)/i.test(trimmed)) {
    return {
      code: `HTTP${status}`,
      message: `Azure answered HTTP ${status} with an HTML page instead of JSON.`,
    };
  }
  return {
    code: "MalformedResponse",
    message: `Azure answered HTTP ${status} with a body that is not valid JSON (${body.length} bytes, possibly truncated).`,
  };
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: ArmError };

export function parseJson(status: number, body: string | undefined): Parsed {
  try {
    return { ok: true, value: JSON.parse(body ?? "") };
  } catch {
    return { ok: false, error: describeNonJson(status, body ?? "") };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** ARM's error body is `{error:{code,message}}`; some providers send `{code,message}`. */
export function armError(status: number, body: string | undefined): ArmError {
  const parsed = parseJson(status, body);
  if (!parsed.ok) return parsed.error;
  const source = isObject(parsed.value)
    ? isObject(parsed.value.error)
      ? parsed.value.error
      : parsed.value
    : {};
  const code =
    typeof source.code === "string" && source.code
      ? source.code
      : `HTTP${status}`;
  const message =
    typeof source.message === "string" && source.message
      ? source.message
      : `Azure answered HTTP ${status}.`;
  return { code, message };
}

/** Microsoft.Security answers with either code when Defender for Cloud was never turned on. */
export function isNotRegistered(code: string): boolean {
  return /^(MissingSubscriptionRegistration|Subscription ?Not ?Registered)$/i.test(
    code,
  );
}

/** A 404 about the contact (not the subscription, not a bare page): none is configured. */
export function meansNoContact(status: number, error: ArmError): boolean {
  return (
    status === 404 &&
    error.code !== "SubscriptionNotFound" &&
    !error.code.startsWith("HTTP")
  );
}

export function readContact(
  item: unknown,
  index: number,
): SecurityContact | ArmError {
  const where = `security contact #${index + 1}`;
  if (!isObject(item)) {
    return {
      code: "MalformedResponse",
      message: `The ${where} is not an object.`,
    };
  }
  const name = typeof item.name === "string" ? item.name : `#${index + 1}`;
  const properties = item.properties;
  if (!isObject(properties)) {
    return {
      code: "MalformedResponse",
      message: `The security contact '${name}' has no properties.`,
    };
  }
  const { emails, isEnabled, email } = properties;
  if (emails !== undefined && emails !== null && typeof emails !== "string") {
    return {
      code: "MalformedResponse",
      message: `The security contact '${name}' has 'emails' of type ${typeof emails}, not a string.`,
    };
  }
  const byRole = readByRole(properties.notificationsByRole);
  const sources = readSources(properties.notificationsSources);
  return {
    name,
    emails: emails ?? undefined,
    isEnabled: typeof isEnabled === "boolean" ? isEnabled : undefined,
    ...(typeof email === "string" && email.trim() !== ""
      ? { email: email.trim() }
      : {}),
    ...(byRole ? { notificationsByRole: byRole } : {}),
    ...(sources ? { notificationsSources: sources } : {}),
    properties,
  };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : [];

/** Lenient: a shape we do not know reads as "not configured", which fails closed. */
function readByRole(value: unknown): NotificationsByRole | undefined {
  if (!isObject(value)) return undefined;
  return {
    state: typeof value.state === "string" ? value.state : undefined,
    roles: strings(value.roles),
  };
}

function readSources(value: unknown): NotificationSource[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map((source) => {
    const text = (key: string): string | undefined =>
      typeof source[key] === "string" ? source[key] : undefined;
    const minimalSeverity = text("minimalSeverity");
    const minimalRiskLevel = text("minimalRiskLevel");
    return {
      sourceType: text("sourceType") ?? "",
      ...(minimalSeverity === undefined ? {} : { minimalSeverity }),
      ...(minimalRiskLevel === undefined ? {} : { minimalRiskLevel }),
    };
  });
}

/** Whether a listed resource's `id` lies in the subscription (GUIDs compare case-insensitively). */
function inSubscription(item: unknown, subscriptionId: string): boolean {
  const id = isObject(item) ? item.id : undefined;
  return (
    typeof id === "string" &&
    id
      .toLowerCase()
      .startsWith(`/subscriptions/${subscriptionId.toLowerCase()}/`)
  );
}

/** One page of the contacts list: what it holds and where the next one is. */
export type ContactPage =
  | { kind: "found"; contacts: SecurityContact[]; nextLink?: string }
  | Exclude<ContactLookup, { kind: "found" }>;

/**
 * Maps one page of `GET .../securityContacts?api-version=2023-12-01-preview`
 * to what the verdict needs. A 404 that is not about the subscription itself
 * means no contact exists, which is a failing subscription, not an error.
 * With `subscriptionId`, every contact's `id` must lie in that subscription:
 * another subscription's contact must never make this one pass.
 */
export function contactPageFromAnswer(
  status: number,
  body: string | undefined,
  subscriptionId?: string,
): ContactPage {
  if (status !== 200) {
    const error = armError(status, body);
    if (isNotRegistered(error.code))
      return { kind: "not-registered", ...error };
    if (meansNoContact(status, error)) {
      return { kind: "found", contacts: [] };
    }
    return { kind: "error", ...error };
  }
  const parsed = parseJson(status, body);
  if (!parsed.ok) return { kind: "error", ...parsed.error };
  // 2020-01-01-preview has been seen to answer a bare array instead of {value: [...]}.
  const items = Array.isArray(parsed.value)
    ? parsed.value
    : isObject(parsed.value) && Array.isArray(parsed.value.value)
      ? parsed.value.value
      : undefined;
  if (!items) {
    return {
      kind: "error",
      code: "MalformedResponse",
      message: "The security contacts answer has no 'value' list.",
    };
  }
  const contacts: SecurityContact[] = [];
  for (const [index, item] of items.entries()) {
    if (subscriptionId !== undefined && !inSubscription(item, subscriptionId)) {
      return {
        kind: "error",
        code: "ForeignContact",
        message: `Security contact #${index + 1} of the answer is not in this subscription (its id does not start with /subscriptions/${subscriptionId}/): it belongs to another subscription or has no id.`,
      };
    }
    const contact = readContact(item, index);
    if ("code" in contact) return { kind: "error", ...contact };
    contacts.push(contact);
  }
  const nextLink = isObject(parsed.value) ? parsed.value.nextLink : undefined;
  if (
    nextLink !== undefined &&
    nextLink !== null &&
    typeof nextLink !== "string"
  ) {
    return {
      kind: "error",
      code: "MalformedResponse",
      message:
        "The security contacts answer has a 'nextLink' that is not a string.",
    };
  }
  return nextLink
    ? { kind: "found", contacts, nextLink }
    : { kind: "found", contacts };
}
