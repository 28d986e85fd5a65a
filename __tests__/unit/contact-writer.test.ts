/**
 * The contact reader/writer through the real SDK pipeline (token, resilience
 * policy) over HTTPS against the fake, plus its pure answer mapping.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import {
  contactFromAnswer,
  SecurityContactWriter,
  writeResultFromAnswer,
} from "../../src/azure/contact-writer.js";
import {
  baseTenant,
  type Fake,
  type FakeSubscription,
  forever,
  guid,
  startFake,
  writeForbidden,
} from "../../test-support/fake/index.js";
import { fakeSecurityCenter } from "../../test-support/fake/in-process.js";

const PROPERTIES = {
  emails: "secops@contoso.com",
  isEnabled: true,
  notificationsByRole: { state: "On", roles: ["Owner"] },
  notificationsSources: [{ sourceType: "Alert", minimalSeverity: "High" }],
  phone: "(214)275-4038",
};

describe("SecurityContactWriter against the fake", () => {
  let fake: Fake;
  /** The first subscription, rebuilt before each test. */
  let one: FakeSubscription;
  let writer: SecurityContactWriter;
  let retries: { retries: number };

  before(async () => {
    fake = await startFake({ tenant: baseTenant([]) });
  });
  after(() => fake.close());
  beforeEach(() => {
    one = {
      subscriptionId: guid(1),
      displayName: "Configured",
      contact: { emails: "a@contoso.com" },
    };
    fake.tenant = baseTenant([
      one,
      { subscriptionId: guid(2), displayName: "No contact", contact: null },
    ]);
    fake.requests.length = 0;
    fake.contactWrites.length = 0;
    const built = fakeSecurityCenter(fake);
    retries = built.retries;
    writer = new SecurityContactWriter(built.client, fake.armUrl);
  });

  const puts = (): number =>
    fake.requests.filter((r) => r.method === "PUT").length;

  it("reads the whole contact, every property kept", async () => {
    const read = await writer.read(guid(1));
    assert.equal(read.kind, "found");
    assert.ok(read.kind === "found");
    assert.equal(read.properties.emails, "a@contoso.com");
    assert.deepEqual(read.properties.notificationsByRole, {
      state: "On",
      roles: ["Owner"],
    });
  });

  it("reads 'none' when no contact is configured", async () => {
    assert.deepEqual(await writer.read(guid(2)), { kind: "none" });
  });

  it("reads an unknown subscription as an error, not as 'none'", async () => {
    const read = await writer.read(guid(99));
    assert.equal(read.kind, "error");
    assert.ok(read.kind === "error");
    assert.equal(read.code, "SubscriptionNotFound");
  });

  it("writes the whole body with PUT, and a read returns it", async () => {
    assert.deepEqual(
      await writer.write(guid(2), PROPERTIES, await writer.read(guid(2))),
      {
        kind: "accepted",
      },
    );
    const [put] = fake.requests.filter((r) => r.method === "PUT");
    assert.equal(
      put?.path,
      `/arm/subscriptions/${guid(2)}/providers/Microsoft.Security/securityContacts/default`,
    );
    assert.equal(put?.query["api-version"], "2023-12-01-preview");
    assert.deepEqual(fake.contactWrites, [
      {
        subscriptionId: guid(2),
        body: { properties: PROPERTIES },
        stored: true,
      },
    ]);
    const back = await writer.read(guid(2));
    assert.ok(back.kind === "found");
    assert.deepEqual(back.properties, PROPERTIES);
  });

  it("refuses a body Azure rejects (400), and nothing changes", async () => {
    const result = await writer.write(
      guid(1),
      {
        ...PROPERTIES,
        notificationsByRole: { state: "On", roles: ["Owner", "Admin"] },
      },
      await writer.read(guid(1)),
    );
    assert.equal(result.kind, "refused");
    assert.ok(result.kind === "refused");
    assert.equal(result.status, 400);
    assert.match(result.message, /'Admin'/);
    assert.equal(puts(), 1);
    const read = await writer.read(guid(1));
    assert.ok(read.kind === "found");
    assert.equal(read.properties.emails, "a@contoso.com");
  });

  it("refuses a 403 once, saying which role writing needs", async () => {
    one.writeBehaviours = writeForbidden(guid(1));
    const result = await writer.write(
      guid(1),
      PROPERTIES,
      await writer.read(guid(1)),
    );
    assert.equal(result.kind, "refused");
    assert.ok(result.kind === "refused");
    assert.equal(result.code, "AuthorizationFailed");
    assert.match(result.message, /securityContacts\/write/);
    assert.match(result.message, /needs Security Admin on the subscription/);
    assert.equal(puts(), 1);
  });

  it("resends after a 429 with Retry-After and after a 503 with Retry-After", async () => {
    one.writeBehaviours = [
      {
        kind: "status",
        status: 429,
        code: "TooManyRequests",
        retryAfterSeconds: 0,
      },
      {
        kind: "status",
        status: 503,
        code: "ServiceUnavailable",
        retryAfterSeconds: 0,
      },
    ];
    assert.deepEqual(
      await writer.write(guid(1), PROPERTIES, await writer.read(guid(1))),
      {
        kind: "accepted",
      },
    );
    assert.equal(puts(), 3);
    assert.equal(retries.retries, 2);
    assert.deepEqual(
      fake.contactWrites.map((w) => w.stored),
      [false, false, true],
    );
  });

  it("calls a write throttled past the retries refused: it was not applied", async () => {
    one.writeBehaviours = forever({
      kind: "status",
      status: 429,
      code: "TooManyRequests",
      retryAfterSeconds: 0,
    });
    const result = await writer.write(
      guid(1),
      PROPERTIES,
      await writer.read(guid(1)),
    );
    assert.equal(result.kind, "refused");
    assert.equal(puts(), 3);
  });

  it("never resends after a 500, a 503 without Retry-After or a reset", async () => {
    for (const behaviour of [
      { kind: "status", status: 500, code: "InternalServerError" },
      { kind: "status", status: 503, code: "ServiceUnavailable" },
      { kind: "reset" },
    ] as const) {
      fake.requests.length = 0;
      one.writeBehaviours = [behaviour];
      const result = await writer.write(
        guid(1),
        PROPERTIES,
        await writer.read(guid(1)),
      );
      assert.equal(result.kind, "unknown", behaviour.kind);
      assert.equal(puts(), 1, JSON.stringify(behaviour));
    }
    assert.equal(retries.retries, 0);
  });

  it("sends If-Match with Azure's etag; a change since the read makes Azure answer 412: stale, nothing written", async () => {
    const basis = await writer.read(guid(1));
    assert.ok(basis.kind === "found" && basis.etag);
    one.contact = { emails: "new-soc@contoso.com" };
    const result = await writer.write(guid(1), PROPERTIES, basis);
    assert.ok(result.kind === "stale");
    assert.match(result.message, /changed since it was read/);
    assert.deepEqual(
      fake.requests.filter((r) => r.method === "PUT").map((r) => r.status),
      [412],
    );
    assert.equal(one.contact.emails, "new-soc@contoso.com");
  });

  it("without an etag, reads again before the PUT and writes nothing when the contact changed", async () => {
    one.omitEtag = true;
    const basis = await writer.read(guid(1));
    assert.ok(basis.kind === "found" && basis.etag === undefined);
    one.contact = { emails: "new-soc@contoso.com" };
    const result = await writer.write(guid(1), PROPERTIES, basis);
    assert.equal(result.kind, "stale");
    assert.equal(puts(), 0);
    // Unchanged since the read: written.
    const fresh = await writer.read(guid(1));
    assert.deepEqual(await writer.write(guid(1), PROPERTIES, fresh), {
      kind: "accepted",
    });
  });

  it("reports a write that did not stick as accepted: only a re-read tells", async () => {
    one.writeBehaviours = [{ kind: "notSticky" }];
    assert.deepEqual(
      await writer.write(guid(1), PROPERTIES, await writer.read(guid(1))),
      {
        kind: "accepted",
      },
    );
    const read = await writer.read(guid(1));
    assert.ok(read.kind === "found");
    assert.equal(read.properties.emails, "a@contoso.com");
    assert.equal(fake.contactWrites[0]?.stored, false);
  });
});

describe("contactFromAnswer", () => {
  it("keeps every property of a 200", () => {
    const body = JSON.stringify({
      name: "default",
      properties: { emails: "", x: [1] },
    });
    assert.deepEqual(contactFromAnswer(200, body), {
      kind: "found",
      properties: { emails: "", x: [1] },
    });
  });

  it("reads a 404 about the contact as none, others as errors", () => {
    const notFound = JSON.stringify({
      error: {
        code: "NotFound",
        message: "Could not find security contact with name default",
      },
    });
    assert.deepEqual(contactFromAnswer(404, notFound), { kind: "none" });
    const noSub = JSON.stringify({
      error: { code: "SubscriptionNotFound", message: "gone" },
    });
    assert.equal(contactFromAnswer(404, noSub).kind, "error");
    assert.equal(contactFromAnswer(404, "<html></html>").kind, "error");
    assert.equal(contactFromAnswer(403, "{}").kind, "error");
  });

  it("refuses what it could not merge into safely", () => {
    for (const body of [
      "{",
      JSON.stringify({ name: "default" }),
      JSON.stringify({ properties: [] }),
      JSON.stringify({ properties: { emails: ["a@contoso.com"] } }),
    ]) {
      const read = contactFromAnswer(200, body);
      assert.equal(read.kind, "error", body);
    }
  });
});

describe("writeResultFromAnswer", () => {
  const body = JSON.stringify({ error: { code: "Code", message: "Said." } });

  it("accepts any 2xx", () => {
    assert.deepEqual(writeResultFromAnswer(200, "{}"), { kind: "accepted" });
    assert.deepEqual(writeResultFromAnswer(201, ""), { kind: "accepted" });
  });

  it("calls refused only what proves the write was not applied", () => {
    for (const [status, retryAfter] of [
      [400, undefined],
      [403, undefined],
      [409, undefined],
      [429, undefined],
      [503, "10"],
    ] as const) {
      const result = writeResultFromAnswer(status, body, retryAfter);
      assert.equal(result.kind, "refused", String(status));
    }
  });

  it("calls every other answer unknown: re-read before deciding", () => {
    for (const status of [408, 500, 502, 503, 504]) {
      assert.deepEqual(writeResultFromAnswer(status, body), {
        kind: "unknown",
        code: "Code",
        message: "Said.",
      });
    }
  });

  it("adds the role hint to a 403 only", () => {
    const forbidden = writeResultFromAnswer(403, body);
    assert.ok(forbidden.kind === "refused");
    assert.match(forbidden.message, /^Said\. .*Security Admin/);
    const conflict = writeResultFromAnswer(409, body);
    assert.ok(conflict.kind === "refused");
    assert.equal(conflict.message, "Said.");
  });
});
