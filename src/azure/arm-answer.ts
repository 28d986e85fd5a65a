/**
 * Reading Azure Resource Manager's answers defensively: JSON that may be an
 * HTML page, truncated, or shaped differently between api-versions. Pure.
 */
import type { ContactLookup, SecurityContact } from "../check/model.js";

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

function readContact(item: unknown, index: number): SecurityContact | ArmError {
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
  const { emails, isEnabled } = properties;
  if (emails !== undefined && emails !== null && typeof emails !== "string") {
    return {
      code: "MalformedResponse",
      message: `The security contact '${name}' has 'emails' of type ${typeof emails}, not a string.`,
    };
  }
  return {
    name,
    emails: emails ?? undefined,
    isEnabled: typeof isEnabled === "boolean" ? isEnabled : undefined,
  };
}

/**
 * Maps the answer to `GET .../securityContacts?api-version=2023-12-01-preview`
 * to what the verdict needs. A 404 that is not about the subscription itself
 * means no contact exists, which is a failing subscription, not an error.
 */
export function contactLookupFromAnswer(
  status: number,
  body: string | undefined,
): ContactLookup {
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
    const contact = readContact(item, index);
    if ("code" in contact) return { kind: "error", ...contact };
    contacts.push(contact);
  }
  return { kind: "found", contacts };
}
