import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { contactPageFromAnswer } from "../../src/azure/arm-answer.js";
import type { ContactPage } from "../../src/azure/arm-answer.js";
import type { ContactLookup } from "../../src/check/model.js";

/** The 2023-12-01-preview list example from the REST API spec. */
const SPEC_EXAMPLE = JSON.stringify({
  value: [
    {
      id: "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/providers/Microsoft.Security/securityContact/default",
      name: "default",
      type: "Microsoft.Security/securityContact",
      properties: {
        notificationsByRole: { state: "On", roles: ["Owner", "Admin"] },
        isEnabled: true,
        emails: "john@contoso.com;Jane@contoso.com",
        phone: "(214)275-4038",
        notificationsSources: [
          { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
          { sourceType: "Alert", minimalSeverity: "Medium" },
        ],
      },
    },
  ],
});

function armError(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

function assertError(
  lookup: ContactLookup,
  code?: string,
): { code: string; message: string } {
  assert.equal(lookup.kind, "error", JSON.stringify(lookup));
  if (lookup.kind !== "error") throw new Error("unreachable");
  if (code !== undefined) assert.equal(lookup.code, code);
  assert.ok(lookup.message.length > 0);
  return lookup;
}

/** The fields schemaVersion 1 read, for tests about the list's shape. */
function essentials(page: ContactPage): unknown {
  if (page.kind !== "found") return page;
  return {
    kind: page.kind,
    contacts: page.contacts.map(({ name, emails, isEnabled }) => ({
      name,
      emails,
      isEnabled,
    })),
  };
}

describe("contactPageFromAnswer: every notification setting", () => {
  it("reads roles, sources and the raw properties of the spec example", () => {
    const page = contactPageFromAnswer(200, SPEC_EXAMPLE);
    assert.equal(page.kind, "found");
    if (page.kind !== "found") return;
    const contact = page.contacts[0];
    assert.deepEqual(contact?.notificationsByRole, {
      state: "On",
      roles: ["Owner", "Admin"],
    });
    assert.deepEqual(contact?.notificationsSources, [
      { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
      { sourceType: "Alert", minimalSeverity: "Medium" },
    ]);
    assert.equal(contact?.properties?.phone, "(214)275-4038");
    assert.equal(contact?.email, undefined);
    assert.equal("nextLink" in page, false);
  });

  it("reads the legacy 2017 email and leaves absent settings undefined", () => {
    const body = JSON.stringify({
      value: [{ name: "default", properties: { email: " old@contoso.com " } }],
    });
    const page = contactPageFromAnswer(200, body);
    if (page.kind !== "found") throw new Error(JSON.stringify(page));
    assert.equal(page.contacts[0]?.email, "old@contoso.com");
    assert.equal(page.contacts[0]?.notificationsByRole, undefined);
    assert.equal(page.contacts[0]?.notificationsSources, undefined);
  });

  it("returns the nextLink of a page", () => {
    const body = JSON.stringify({ value: [], nextLink: "https://arm/next" });
    assert.deepEqual(contactPageFromAnswer(200, body), {
      kind: "found",
      contacts: [],
      nextLink: "https://arm/next",
    });
  });

  it("refuses a nextLink that is not a string", () => {
    const body = JSON.stringify({ value: [], nextLink: 7 });
    assertError(contactPageFromAnswer(200, body), "MalformedResponse");
  });
});

describe("contactPageFromAnswer: 200", () => {
  it("reads the 2023-12-01-preview {value:[...]} shape", () => {
    assert.deepEqual(essentials(contactPageFromAnswer(200, SPEC_EXAMPLE)), {
      kind: "found",
      contacts: [
        {
          name: "default",
          emails: "john@contoso.com;Jane@contoso.com",
          isEnabled: true,
        },
      ],
    });
  });

  it("reads a bare array (the 2020-01-01-preview bug)", () => {
    const bare = JSON.stringify(JSON.parse(SPEC_EXAMPLE).value);
    assert.deepEqual(essentials(contactPageFromAnswer(200, bare)), {
      kind: "found",
      contacts: [
        {
          name: "default",
          emails: "john@contoso.com;Jane@contoso.com",
          isEnabled: true,
        },
      ],
    });
  });

  it("reads {value:[]} as found with no contacts", () => {
    assert.deepEqual(contactPageFromAnswer(200, '{"value":[]}'), {
      kind: "found",
      contacts: [],
    });
  });

  it("reads isEnabled false through", () => {
    const body = JSON.stringify({
      value: [
        { name: "default", properties: { emails: "a@b.co", isEnabled: false } },
      ],
    });
    assert.deepEqual(essentials(contactPageFromAnswer(200, body)), {
      kind: "found",
      contacts: [{ name: "default", emails: "a@b.co", isEnabled: false }],
    });
  });

  it("reads a contact without emails as emails undefined", () => {
    const body = JSON.stringify({
      value: [{ name: "default", properties: { isEnabled: true } }],
    });
    assert.deepEqual(essentials(contactPageFromAnswer(200, body)), {
      kind: "found",
      contacts: [{ name: "default", emails: undefined, isEnabled: true }],
    });
  });

  it("keeps an empty emails string as it is", () => {
    const body = JSON.stringify({
      value: [{ name: "default", properties: { emails: "", isEnabled: true } }],
    });
    const lookup = contactPageFromAnswer(200, body);
    assert.equal(lookup.kind, "found");
    if (lookup.kind === "found") assert.equal(lookup.contacts[0]?.emails, "");
  });

  it("is an error when a contact has no properties", () => {
    const body = JSON.stringify({ value: [{ name: "default" }] });
    assertError(contactPageFromAnswer(200, body), "MalformedResponse");
  });

  for (const emails of [42, ["a@b.co"], { value: "a@b.co" }, true]) {
    it(`is an error when emails is ${JSON.stringify(emails)} instead of a string`, () => {
      const body = JSON.stringify({
        value: [{ name: "default", properties: { emails, isEnabled: true } }],
      });
      assertError(contactPageFromAnswer(200, body), "MalformedResponse");
    });
  }

  it("is an error when there is no value list", () => {
    assertError(
      contactPageFromAnswer(200, '{"items":[]}'),
      "MalformedResponse",
    );
  });

  it("is an error mentioning HTML for an HTML page", () => {
    const lookup = assertError(
      contactPageFromAnswer(
        200,
        "<!DOCTYPE html><html><body>Sign in</body></html>",
      ),
    );
    assert.match(lookup.message, /HTML/);
  });

  it("is MalformedResponse for truncated JSON", () => {
    const truncated = SPEC_EXAMPLE.slice(0, SPEC_EXAMPLE.length - 40);
    assertError(contactPageFromAnswer(200, truncated), "MalformedResponse");
  });

  it("is an error for an empty body", () => {
    assertError(contactPageFromAnswer(200, ""));
    assertError(contactPageFromAnswer(200, undefined));
  });
});

describe("contactPageFromAnswer: errors", () => {
  it("reads 404 NotFound for the default contact as found with no contacts", () => {
    assert.deepEqual(
      contactPageFromAnswer(
        404,
        '{"error":{"code":"NotFound","message":"Could not find security contact with name default"}}',
      ),
      { kind: "found", contacts: [] },
    );
  });

  it("is an error for 404 SubscriptionNotFound", () => {
    const lookup = assertError(
      contactPageFromAnswer(
        404,
        armError(
          "SubscriptionNotFound",
          "The subscription '1234' could not be found.",
        ),
      ),
      "SubscriptionNotFound",
    );
    assert.equal(lookup.message, "The subscription '1234' could not be found.");
  });

  it("is not-registered for 409 MissingSubscriptionRegistration", () => {
    assert.deepEqual(
      contactPageFromAnswer(
        409,
        armError(
          "MissingSubscriptionRegistration",
          "The subscription is not registered to use namespace 'Microsoft.Security'.",
        ),
      ),
      {
        kind: "not-registered",
        code: "MissingSubscriptionRegistration",
        message:
          "The subscription is not registered to use namespace 'Microsoft.Security'.",
      },
    );
  });

  for (const status of [400, 403, 404, 409, 500]) {
    it(`is not-registered for code "Subscription Not Registered" with HTTP ${status}`, () => {
      const lookup = contactPageFromAnswer(
        status,
        armError(
          "Subscription Not Registered",
          "Subscription is not registered with Microsoft.Security.",
        ),
      );
      assert.equal(lookup.kind, "not-registered");
      if (lookup.kind === "not-registered") {
        assert.equal(lookup.code, "Subscription Not Registered");
      }
    });
  }

  it("is an error with Azure's code and message for 403 AuthorizationFailed", () => {
    const message =
      "The client 'abc' with object id 'def' does not have authorization to perform action 'Microsoft.Security/securityContacts/read' over scope '/subscriptions/1234'.";
    assert.deepEqual(
      contactPageFromAnswer(403, armError("AuthorizationFailed", message)),
      {
        kind: "error",
        code: "AuthorizationFailed",
        message,
      },
    );
  });

  it("reads the flat {code,message} error shape too", () => {
    assert.deepEqual(
      contactPageFromAnswer(
        403,
        '{"code":"AuthorizationFailed","message":"No."}',
      ),
      { kind: "error", code: "AuthorizationFailed", message: "No." },
    );
  });

  it("is an error mentioning HTML for a 502 HTML page", () => {
    const lookup = assertError(
      contactPageFromAnswer(
        502,
        "<html><head><title>502 Bad Gateway</title></head></html>",
      ),
    );
    assert.match(lookup.message, /HTML/);
    assert.ok(!lookup.message.includes("<title>"));
  });

  it("is an error, not 'no contact', for a 404 without an ARM error body", () => {
    assertError(contactPageFromAnswer(404, "<html>Not Found</html>"));
    assertError(contactPageFromAnswer(404, ""));
  });

  it("is MalformedResponse for a truncated error body", () => {
    assertError(
      contactPageFromAnswer(500, '{"error":{"code":"Internal'),
      "MalformedResponse",
    );
  });
});

describe("contactPageFromAnswer: contacts of this subscription only", () => {
  const SPEC_SUBSCRIPTION = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";

  it("accepts ids inside the subscription, GUIDs compared case-insensitively", () => {
    const page = contactPageFromAnswer(
      200,
      SPEC_EXAMPLE,
      SPEC_SUBSCRIPTION.toUpperCase(),
    );
    assert.equal(page.kind, "found");
  });

  it("refuses a contact of another subscription, or one without an id", () => {
    const other = "00000000-0000-4000-8000-000000000002";
    const error = assertError(
      contactPageFromAnswer(200, SPEC_EXAMPLE, other),
      "ForeignContact",
    );
    assert.match(error.message, /not in this subscription/);
    const noId = JSON.stringify({
      value: [{ name: "default", properties: { emails: "a@contoso.com" } }],
    });
    assertError(contactPageFromAnswer(200, noId, other), "ForeignContact");
  });
});
