// PUT .../securityContacts/default?api-version=2023-12-01-preview: the checks
// Microsoft.Security makes on the body (each answered 400, as ARM does), and
// the contact a stored write leaves behind. Pure; arm.ts routes and answers.

import type { FakeContact } from "./tenant.js";

export interface WriteRefusal {
  code: string;
  message: string;
}

const ROLES = ["Owner", "AccountAdmin", "ServiceAdmin", "Contributor"];
const ROLE_STATES = ["On", "Off"];
const SEVERITIES = ["High", "Medium", "Low"];
const RISK_LEVELS = ["Critical", "High", "Medium", "Low"];
const SOURCE_TYPES = ["Alert", "AttackPath"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Enum values are matched case-insensitively, as the service's deserialiser does. */
function oneOf(value: unknown, allowed: readonly string[]): boolean {
  return (
    typeof value === "string" &&
    allowed.some((a) => a.toLowerCase() === value.toLowerCase())
  );
}

const invalid = (message: string): WriteRefusal => ({
  code: "InvalidInput",
  message,
});

function enumError(
  path: string,
  value: unknown,
  allowed: readonly string[],
): WriteRefusal | undefined {
  if (value === undefined || oneOf(value, allowed)) return undefined;
  return invalid(
    `The value '${String(value)}' of '${path}' is not valid. Allowed values: ${allowed.join(", ")}.`,
  );
}

function rolesError(byRole: unknown): WriteRefusal | undefined {
  if (byRole === undefined) return undefined;
  if (!isObject(byRole)) {
    return invalid("'properties.notificationsByRole' must be an object.");
  }
  const stateError = enumError(
    "properties.notificationsByRole.state",
    byRole.state,
    ROLE_STATES,
  );
  if (stateError) return stateError;
  if (byRole.roles === undefined) return undefined;
  if (!Array.isArray(byRole.roles)) {
    return invalid("'properties.notificationsByRole.roles' must be an array.");
  }
  for (const role of byRole.roles) {
    const roleError = enumError(
      "properties.notificationsByRole.roles",
      role,
      ROLES,
    );
    if (roleError) return roleError;
  }
  return undefined;
}

function sourcesError(sources: unknown): WriteRefusal | undefined {
  if (sources === undefined) return undefined;
  if (!Array.isArray(sources)) {
    return invalid("'properties.notificationsSources' must be an array.");
  }
  for (const [i, source] of sources.entries()) {
    const path = `properties.notificationsSources[${i}]`;
    if (!isObject(source) || !oneOf(source.sourceType, SOURCE_TYPES)) {
      return invalid(
        `'${path}.sourceType' must be one of ${SOURCE_TYPES.join(", ")}; ` +
          `got '${String(isObject(source) ? source.sourceType : source)}'.`,
      );
    }
    const error =
      String(source.sourceType).toLowerCase() === "alert"
        ? enumError(
            `${path}.minimalSeverity`,
            source.minimalSeverity,
            SEVERITIES,
          )
        : enumError(
            `${path}.minimalRiskLevel`,
            source.minimalRiskLevel,
            RISK_LEVELS,
          );
    if (error) return error;
  }
  return undefined;
}

/** Why Azure would answer 400 to this body, or undefined when it takes it. */
export function contactBodyError(text: string): WriteRefusal | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      code: "InvalidRequestContent",
      message: "The request content was invalid and could not be deserialized.",
    };
  }
  if (!isObject(body) || !isObject(body.properties)) {
    return invalid("The request body must have a 'properties' object.");
  }
  const p = body.properties;
  if (typeof p.emails !== "string") {
    return invalid(
      "'properties.emails' is required: a string of email addresses separated by ';'.",
    );
  }
  if (p.isEnabled !== undefined && typeof p.isEnabled !== "boolean") {
    return invalid("'properties.isEnabled' must be true or false.");
  }
  return (
    rolesError(p.notificationsByRole) ?? sourcesError(p.notificationsSources)
  );
}

/** The contact a stored write leaves: the properties verbatim, read back as they were sent. */
export function storedContact(
  properties: Record<string, unknown>,
): FakeContact {
  return {
    name: "default",
    emails:
      typeof properties.emails === "string" ? properties.emails : undefined,
    isEnabled:
      typeof properties.isEnabled === "boolean"
        ? properties.isEnabled
        : undefined,
    properties: structuredClone(properties),
  };
}
