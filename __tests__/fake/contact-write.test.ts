/**
 * The fake's PUT of the security contact: Microsoft.Security's validation,
 * storing, the write behaviours and the record of writes. Driven through the
 * real SDK pipeline over HTTPS.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import {
  createHttpHeaders,
  createPipelineRequest,
} from "@azure/core-rest-pipeline";
import type { ServiceClient } from "@azure/core-client";
import { contactBodyError } from "../../test-support/fake/contact-write.js";
import {
  baseTenant,
  type Fake,
  type FakeSubscription,
  forever,
  guid,
  startFake,
  writeForbidden,
} from "../../test-support/fake/index.js";
import {
  FAST_RETRIES,
  fakeSecurityCenter,
} from "../../test-support/fake/in-process.js";

const V2023 = "2023-12-01-preview";
const VALID = {
  emails: "secops@contoso.com;soc@contoso.com",
  isEnabled: true,
  notificationsByRole: { state: "On", roles: ["Owner"] },
  notificationsSources: [{ sourceType: "Alert", minimalSeverity: "High" }],
};

describe("contactBodyError: Microsoft.Security's checks on a PUT body", () => {
  const withProperties = (properties: Record<string, unknown>): string =>
    JSON.stringify({ properties: { ...VALID, ...properties } });

  it("takes a valid body, enum values in any case, and the smallest body", () => {
    assert.equal(
      contactBodyError(JSON.stringify({ properties: VALID })),
      undefined,
    );
    assert.equal(
      contactBodyError(JSON.stringify({ properties: { emails: "" } })),
      undefined,
    );
    assert.equal(
      contactBodyError(
        withProperties({
          notificationsByRole: {
            state: "off",
            roles: ["owner", "AccountAdmin", "ServiceAdmin", "Contributor"],
          },
          notificationsSources: [
            { sourceType: "alert", minimalSeverity: "low" },
            { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
          ],
          phone: "",
          unknownProperty: { kept: true },
        }),
      ),
      undefined,
    );
  });

  it("refuses a body that is not JSON or has no properties", () => {
    assert.equal(contactBodyError("{")?.code, "InvalidRequestContent");
    assert.match(contactBodyError("{}")?.message ?? "", /'properties'/);
    assert.match(
      contactBodyError('{"properties":[]}')?.message ?? "",
      /'properties'/,
    );
  });

  it("refuses a body without an emails string", () => {
    for (const emails of [undefined, null, 42, ["a@contoso.com"]]) {
      const body = JSON.stringify({ properties: { ...VALID, emails } });
      assert.match(
        contactBodyError(body)?.message ?? "",
        /'properties\.emails' is required/,
        String(emails),
      );
    }
  });

  it("refuses an unknown role, role state, severity, risk level or source type, naming it", () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { notificationsByRole: { state: "On", roles: ["Owner", "Admin"] } },
        /'Admin'.*roles/,
      ],
      [
        { notificationsByRole: { state: "Maybe", roles: [] } },
        /'Maybe'.*state/,
      ],
      [{ notificationsByRole: { roles: "Owner" } }, /roles' must be an array/],
      [{ notificationsByRole: "On" }, /notificationsByRole' must be an object/],
      [
        {
          notificationsSources: [
            { sourceType: "Alert", minimalSeverity: "Critical" },
          ],
        },
        /'Critical'.*minimalSeverity/,
      ],
      [
        {
          notificationsSources: [
            { sourceType: "AttackPath", minimalRiskLevel: "Severe" },
          ],
        },
        /'Severe'.*minimalRiskLevel/,
      ],
      [
        { notificationsSources: [{ sourceType: "Email" }] },
        /sourceType.*'Email'/,
      ],
      [{ notificationsSources: ["Alert"] }, /sourceType/],
      [{ notificationsSources: { sourceType: "Alert" } }, /must be an array/],
      [{ isEnabled: "true" }, /isEnabled/],
    ];
    for (const [properties, message] of cases) {
      const refusal = contactBodyError(withProperties(properties));
      assert.equal(refusal?.code, "InvalidInput", JSON.stringify(properties));
      assert.match(refusal?.message ?? "", message);
    }
  });
});

describe("fake ARM: PUT securityContacts/default", () => {
  let fake: Fake;
  /** The first subscription, rebuilt before each test. */
  let one: FakeSubscription;
  let client: ServiceClient;

  before(async () => {
    fake = await startFake({ tenant: baseTenant([]) });
    client = fakeSecurityCenter(fake, {
      ...FAST_RETRIES,
      maxRetries: 0,
    }).client;
  });
  after(() => fake.close());
  beforeEach(() => {
    one = {
      subscriptionId: guid(1),
      displayName: "One",
      contact: { emails: "old@contoso.com" },
    };
    fake.tenant = baseTenant([one]);
    fake.requests.length = 0;
    fake.contactWrites.length = 0;
    fake.resetCounters();
  });

  async function send(
    method: "GET" | "PUT",
    options: {
      body?: string;
      name?: string;
      version?: string;
      type?: string;
    } = {},
  ): Promise<{
    status: number;
    json: { properties?: unknown; error?: { code: string; message: string } };
  }> {
    const url =
      `${fake.armUrl}/subscriptions/${guid(1)}/providers/Microsoft.Security/` +
      `${options.type ?? "securityContacts"}/${options.name ?? "default"}?api-version=${options.version ?? V2023}`;
    const response = await client.sendRequest(
      createPipelineRequest({
        url,
        method,
        headers: createHttpHeaders({ "content-type": "application/json" }),
        body: options.body,
      }),
    );
    return {
      status: response.status,
      json: JSON.parse(response.bodyAsText ?? "null"),
    };
  }

  it("stores a valid body verbatim; a later GET returns it", async () => {
    const properties = { ...VALID, phone: "", custom: { a: 1 } };
    const put = await send("PUT", { body: JSON.stringify({ properties }) });
    assert.equal(put.status, 200);
    assert.deepEqual(put.json.properties, properties);
    const get = await send("GET");
    assert.deepEqual(get.json.properties, properties);
    assert.deepEqual(fake.contactWrites, [
      { subscriptionId: guid(1), body: { properties }, stored: true },
    ]);
    assert.equal(
      fake.counters().contactRequests,
      1,
      "a PUT is not a contact read",
    );
  });

  it("keeps the older api-versions in step with a stored write", async () => {
    await send("PUT", { body: JSON.stringify({ properties: VALID }) });
    const legacy = await send("GET", { version: "2017-08-01-preview" });
    assert.equal(
      (legacy.json.properties as { email: string }).email,
      "secops@contoso.com",
    );
  });

  it("answers 400 to an invalid body and keeps the old contact", async () => {
    const body = JSON.stringify({
      properties: {
        ...VALID,
        notificationsByRole: { state: "On", roles: ["Admin"] },
      },
    });
    const put = await send("PUT", { body });
    assert.equal(put.status, 400);
    assert.equal(put.json.error?.code, "InvalidInput");
    assert.equal(fake.contactWrites[0]?.stored, false);
    assert.equal(one.contact?.emails, "old@contoso.com");
  });

  it("answers 400 to another name or api-version, 404 to a PUT elsewhere", async () => {
    const body = JSON.stringify({ properties: VALID });
    assert.equal((await send("PUT", { body, name: "default1" })).status, 400);
    const old = await send("PUT", { body, version: "2020-01-01-preview" });
    assert.equal(old.json.error?.code, "InvalidApiVersionParameter");
    const pricing = await send("PUT", {
      body,
      type: "pricings",
      name: "VirtualMachines",
    });
    assert.equal(pricing.status, 404);
    assert.equal(pricing.json.error?.code, "InvalidResourceType");
    assert.equal(one.contact?.emails, "old@contoso.com");
  });

  it("write behaviours: 403, 5xx, 429 with Retry-After, then normal", async () => {
    one.writeBehaviours = [
      { kind: "status", status: 403, code: "AuthorizationFailed" },
      { kind: "status", status: 502, code: "BadGateway" },
      {
        kind: "status",
        status: 429,
        code: "TooManyRequests",
        retryAfterSeconds: 7,
      },
    ];
    const body = JSON.stringify({ properties: VALID });
    const forbidden = await send("PUT", { body });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.json.error?.code, "AuthorizationFailed");
    assert.equal((await send("PUT", { body })).status, 502);
    assert.equal((await send("PUT", { body })).status, 429);
    assert.equal(one.contact?.emails, "old@contoso.com");
    assert.equal((await send("PUT", { body })).status, 200);
    assert.equal(one.contact?.emails, VALID.emails);
    assert.deepEqual(
      fake.contactWrites.map((w) => w.stored),
      [false, false, false, true],
    );
  });

  it("writeForbidden sticks; reads still work", async () => {
    one.writeBehaviours = writeForbidden(guid(1));
    const body = JSON.stringify({ properties: VALID });
    for (let i = 0; i < 2; i++)
      assert.equal((await send("PUT", { body })).status, 403);
    assert.equal((await send("GET")).status, 200);
  });

  it("notSticky answers 200 with the body, but the contact stays", async () => {
    one.writeBehaviours = [{ kind: "notSticky" }];
    const put = await send("PUT", {
      body: JSON.stringify({ properties: VALID }),
    });
    assert.equal(put.status, 200);
    assert.equal(
      (put.json.properties as { emails: string }).emails,
      VALID.emails,
    );
    const get = await send("GET");
    assert.equal(
      (get.json.properties as { emails: string }).emails,
      "old@contoso.com",
    );
  });

  it("a sticky 403 on reads refuses writes too", async () => {
    one.behaviours = forever({
      kind: "status",
      status: 403,
      code: "AuthorizationFailed",
    });
    const put = await send("PUT", {
      body: JSON.stringify({ properties: VALID }),
    });
    assert.equal(put.status, 403);
  });

  it("records every PUT in the request log", async () => {
    await send("GET");
    await send("PUT", { body: "not json" });
    assert.deepEqual(
      fake.requests
        .filter((r) => r.service === "arm")
        .map((r) => [r.method, r.status]),
      [
        ["GET", 200],
        ["PUT", 400],
      ],
    );
    assert.deepEqual(fake.contactWrites, [
      { subscriptionId: guid(1), body: "not json", stored: false },
    ]);
  });
});
