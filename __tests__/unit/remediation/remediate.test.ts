import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type {
  ContactReadResult,
  ContactWriteResult,
  ContactWriter,
} from "../../../src/azure/contact-writer.js";
import type { Finding, SubscriptionResult } from "../../../src/check/model.js";
import type { ContactProperties } from "../../../src/check/contact-merge.js";
import {
  remediatedSubscriptionIds,
  remediateFailures,
  rowAfter,
  type RemediationScope,
} from "../../../src/remediation/remediate.js";
import { resultOf } from "../fixtures.js";

function scope(overrides: Partial<RemediationScope> = {}): RemediationScope {
  return {
    remediate: "apply",
    checks: ["additional-emails", "notify-owners"],
    concurrency: 2,
    requiredEmails: [],
    allowedEmailDomains: [],
    remediationEmails: ["secops@contoso.com"],
    ...overrides,
  };
}

const failing = (...controls: string[]): Finding[] =>
  controls.map((control) => ({ control, status: "fail", reason: "No." }));

/**
 * An in-memory contact store standing in for Azure: the decisions under test
 * are which rows are touched and what their final verdict is. The real
 * writer against the fake is covered by contact-writer.test.ts and e2e.
 */
class MemoryWriter implements ContactWriter {
  readonly writes: string[] = [];
  active = 0;
  maxActive = 0;
  constructor(
    readonly contacts: Map<string, ContactProperties>,
    readonly answer: (id: string) => ContactWriteResult = () => ({
      kind: "accepted",
    }),
  ) {}

  async read(id: string): Promise<ContactReadResult> {
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.active--;
    const found = this.contacts.get(id);
    return found ? { kind: "found", properties: found } : { kind: "none" };
  }

  async write(
    id: string,
    properties: ContactProperties,
  ): Promise<ContactWriteResult> {
    this.writes.push(id);
    const answer = this.answer(id);
    if (answer.kind === "accepted") this.contacts.set(id, properties);
    return answer;
  }
}

describe("remediateFailures", () => {
  const rows: SubscriptionResult[] = [
    resultOf(1, "fail", { findings: failing("additional-emails") }),
    resultOf(2, "pass", {
      findings: [{ control: "additional-emails", status: "pass", reason: "" }],
    }),
    resultOf(3, "skipped"),
    resultOf(4, "error"),
    resultOf(5, "fail", { findings: failing("notify-owners") }),
  ];
  /** What the rows' findings say: only row 5 has a contact, with valid addresses. */
  const store = () =>
    new Map<string, ContactProperties>([
      [
        rows[4]?.subscriptionId ?? "",
        { emails: "ops@contoso.com", notificationsByRole: { state: "Off" } },
      ],
    ]);

  it("touches only failing rows and turns them into the read-back verdict", async () => {
    const writer = new MemoryWriter(store());
    const after = await remediateFailures(rows, scope(), writer);
    assert.deepEqual(writer.writes, [
      rows[0]?.subscriptionId,
      rows[4]?.subscriptionId,
    ]);
    assert.deepEqual(
      after.map((r) => [r.status, r.remediation?.action]),
      [
        ["pass", "applied"],
        ["pass", undefined],
        ["skipped", undefined],
        ["error", undefined],
        ["pass", "applied"],
      ],
    );
    assert.deepEqual(remediatedSubscriptionIds(after), [
      rows[0]?.subscriptionId,
      rows[4]?.subscriptionId,
    ]);
  });

  it("plan writes nothing and leaves the verdicts", async () => {
    const writer = new MemoryWriter(new Map());
    const after = await remediateFailures(
      rows,
      scope({ remediate: "plan" }),
      writer,
    );
    assert.deepEqual(writer.writes, []);
    assert.equal(after[0]?.status, "fail");
    assert.equal(after[0]?.remediation?.action, "plan");
    assert.deepEqual(
      after[0]?.remediation?.changes.find((c) => c.field === "emails"),
      { field: "emails", before: null, after: ["secops@contoso.com"] },
    );
  });

  it("off changes nothing and reads nothing", async () => {
    const writer = new MemoryWriter(new Map());
    const after = await remediateFailures(
      rows,
      scope({ remediate: "off" }),
      writer,
    );
    assert.deepEqual(after, rows);
    assert.equal(writer.maxActive, 0);
  });

  it("stays within the concurrency", async () => {
    const many = Array.from({ length: 9 }, (_, i) =>
      resultOf(i + 1, "fail", { findings: failing("additional-emails") }),
    );
    const writer = new MemoryWriter(new Map());
    await remediateFailures(many, scope({ concurrency: 3 }), writer);
    assert.ok(writer.maxActive <= 3, `${writer.maxActive} at once`);
    assert.equal(writer.writes.length, 9);
  });

  it("a refused write is an error for that subscription only", async () => {
    const refused = rows[0]?.subscriptionId;
    const writer = new MemoryWriter(store(), (id) =>
      id === refused
        ? {
            kind: "refused",
            status: 403,
            code: "AuthorizationFailed",
            message:
              "No. The identity needs Security Admin on the subscription to write its security contact.",
          }
        : { kind: "accepted" },
    );
    const after = await remediateFailures(rows, scope(), writer);
    assert.equal(after[0]?.status, "error");
    assert.match(after[0]?.reason ?? "", /needs Security Admin/);
    assert.deepEqual(after[0]?.findings, []);
    assert.equal(after[0]?.remediation?.action, "failed");
    assert.equal(after[4]?.status, "pass");
  });

  it("applies every failing control's repair in one write", async () => {
    const id = rows[0]?.subscriptionId ?? "";
    const writer = new MemoryWriter(
      new Map([
        [
          id,
          {
            emails: "",
            notificationsByRole: { state: "Off", roles: [] },
            other: 1,
          },
        ],
      ]),
    );
    const after = await remediateFailures(
      [
        resultOf(1, "fail", {
          findings: failing("additional-emails", "notify-owners"),
        }),
      ],
      scope(),
      writer,
    );
    assert.deepEqual(writer.writes, [id]);
    assert.deepEqual(writer.contacts.get(id), {
      emails: "secops@contoso.com",
      notificationsByRole: { state: "On", roles: ["Owner"] },
      other: 1,
    });
    assert.equal(after[0]?.status, "pass");
  });
});

describe("rowAfter", () => {
  const row = resultOf(1, "fail", {
    findings: failing("additional-emails"),
    paidDefenderPlans: ["VirtualMachines"],
  });

  it("a write that did not stick is a failure, said so, judged on the read-back", () => {
    const after = rowAfter(
      row,
      {
        action: "failed",
        changes: [{ field: "emails", before: [], after: ["a@contoso.com"] }],
        reason: "Azure accepted the write, but it did not stick.",
        readBack: { emails: "" },
      },
      scope(),
    );
    assert.equal(after.status, "fail");
    assert.match(
      after.reason,
      /^Azure accepted the write, but it did not stick\. /,
    );
    assert.deepEqual(after.paidDefenderPlans, ["VirtualMachines"]);
    assert.equal(after.remediation?.action, "failed");
  });

  it("in plan mode a failed read keeps the row's verdict", () => {
    const after = rowAfter(
      row,
      { action: "failed", changes: [], reason: "Could not read." },
      scope({ remediate: "plan" }),
    );
    assert.equal(after.status, "fail");
    assert.equal(after.remediation?.reason, "Could not read.");
  });

  it("unchanged says a person is needed and keeps the verdict", () => {
    const after = rowAfter(row, { action: "unchanged", changes: [] }, scope());
    assert.equal(after.status, "fail");
    assert.match(after.remediation?.reason ?? "", /needs a person/);
    assert.deepEqual(remediatedSubscriptionIds([after]), []);
  });
});
