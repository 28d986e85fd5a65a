/**
 * fixContact through the real writer and SDK pipeline against the fake:
 * plan writes nothing, apply merges, writes the whole body and trusts only
 * the read-back.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { SecurityContactWriter } from "../../../src/azure/contact-writer.js";
import { mergeContact } from "../../../src/check/contact-merge.js";
import {
  fixContact,
  type Remedy,
} from "../../../src/remediation/fix-contact.js";
import {
  baseTenant,
  forever,
  guid,
  startFake,
  writeForbidden,
  type Fake,
  type FakeSubscription,
} from "../../../test-support/fake/index.js";
import { fakeSecurityCenter } from "../../../test-support/fake/in-process.js";

const addSecOps: Remedy = (contact) =>
  mergeContact(contact, { addEmails: ["secops@contoso.com"] });

const HAND_MADE = {
  emails: "Jane@contoso.com",
  phone: "(214)275-4038",
  isEnabled: true,
  notificationsByRole: { state: "On", roles: ["Contributor"] },
  notificationsSources: [
    { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
  ],
};

describe("fixContact against the fake", () => {
  let fake: Fake;
  let writer: SecurityContactWriter;
  let one: FakeSubscription;

  before(async () => {
    fake = await startFake({ tenant: baseTenant([]) });
  });
  after(() => fake.close());
  beforeEach(() => {
    one = {
      subscriptionId: guid(1),
      displayName: "One",
      contact: { properties: structuredClone(HAND_MADE) },
    };
    fake.tenant = baseTenant([
      one,
      { subscriptionId: guid(2), displayName: "None", contact: null },
    ]);
    fake.contactWrites.length = 0;
    const { client } = fakeSecurityCenter(fake);
    writer = new SecurityContactWriter(client, fake.armUrl);
  });

  it("plan: lists the changes and writes nothing", async () => {
    const outcome = await fixContact(writer, guid(1), "plan", addSecOps);
    assert.deepEqual(outcome, {
      action: "plan",
      changes: [
        {
          field: "emails",
          before: ["Jane@contoso.com"],
          after: ["Jane@contoso.com", "secops@contoso.com"],
        },
      ],
    });
    assert.equal(fake.contactWrites.length, 0);
  });

  it("apply: writes the merged whole body and reports what the read-back holds", async () => {
    const outcome = await fixContact(writer, guid(1), "apply", addSecOps);
    const expected = {
      ...HAND_MADE,
      emails: "Jane@contoso.com;secops@contoso.com",
    };
    assert.deepEqual(fake.contactWrites, [
      { subscriptionId: guid(1), body: { properties: expected }, stored: true },
    ]);
    assert.equal(outcome.action, "applied");
    assert.ok(outcome.action === "applied");
    assert.deepEqual(outcome.readBack, expected);
    assert.equal(outcome.changes.length, 1);
  });

  it("apply twice: the second run changes nothing and sends no PUT", async () => {
    await fixContact(writer, guid(1), "apply", addSecOps);
    const second = await fixContact(writer, guid(1), "apply", addSecOps);
    assert.deepEqual(second, { action: "unchanged", changes: [] });
    assert.equal(fake.contactWrites.length, 1);
  });

  it("apply with no contact: creates one from Defender's defaults", async () => {
    const outcome = await fixContact(writer, guid(2), "apply", addSecOps);
    assert.equal(outcome.action, "applied");
    assert.deepEqual(fake.contactWrites[0]?.body, {
      properties: addSecOps(undefined),
    });
  });

  it("apply refused (403): failed, says which role, the contact is untouched", async () => {
    one.writeBehaviours = writeForbidden(guid(1));
    const outcome = await fixContact(writer, guid(1), "apply", addSecOps);
    assert.equal(outcome.action, "failed");
    assert.ok(outcome.action === "failed");
    assert.match(outcome.reason, /refused the write \(AuthorizationFailed\)/);
    assert.match(outcome.reason, /Security Admin/);
    assert.equal(outcome.changes.length, 1);
    assert.deepEqual(one.contact?.properties, HAND_MADE);
  });

  it("apply accepted but not stuck: failed, said so, with the read-back", async () => {
    one.writeBehaviours = [{ kind: "notSticky" }];
    const outcome = await fixContact(writer, guid(1), "apply", addSecOps);
    assert.ok(outcome.action === "failed");
    assert.match(
      outcome.reason,
      /accepted the write.*did not stick \(emails unchanged\)/,
    );
    assert.deepEqual(outcome.readBack, HAND_MADE);
  });

  it("apply after a 500: not resent, the read-back decides", async () => {
    one.writeBehaviours = [
      { kind: "status", status: 500, code: "InternalServerError" },
    ];
    const outcome = await fixContact(writer, guid(1), "apply", addSecOps);
    assert.ok(outcome.action === "failed");
    assert.match(
      outcome.reason,
      /may not have been applied.*InternalServerError/,
    );
    assert.equal(fake.contactWrites.length, 1);
  });

  it("apply whose answer was lost: not resent, the read-back shows it applied", async () => {
    one.writeBehaviours = [{ kind: "lostAnswer" }];
    const outcome = await fixContact(writer, guid(1), "apply", addSecOps);
    assert.equal(outcome.action, "applied");
    assert.deepEqual(
      fake.contactWrites.map((w) => w.stored),
      [true],
    );
  });

  it("a contact that cannot be read is never written", async () => {
    one.behaviours = forever({
      kind: "status",
      status: 403,
      code: "AuthorizationFailed",
    });
    for (const mode of ["plan", "apply"] as const) {
      const outcome = await fixContact(writer, guid(1), mode, addSecOps);
      assert.ok(outcome.action === "failed");
      assert.match(outcome.reason, /could not be read before the fix/);
    }
    assert.equal(fake.contactWrites.length, 0);
  });

  it("a read-back that fails is a failure, not a success", async () => {
    // The first read succeeds; every read after the write is refused.
    one.behaviours = [
      { kind: "delay", ms: 0 },
      ...forever({ kind: "status", status: 400, code: "BadRequest" }),
    ];
    const outcome = await fixContact(writer, guid(1), "apply", addSecOps);
    assert.ok(outcome.action === "failed");
    assert.match(
      outcome.reason,
      /could not be read back after the write \(BadRequest\)/,
    );
    assert.equal(outcome.readBack, undefined);
  });
});
