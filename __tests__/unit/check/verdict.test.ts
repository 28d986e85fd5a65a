import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type {
  ContactLookup,
  SecurityContact,
  SubscriptionInfo,
  SubscriptionResult,
} from "../../../src/check/model.js";
import {
  errorVerdict,
  excludedVerdict,
  skipBeforeRequest,
  verdictFromContacts,
  withPaidPlans,
} from "../../../src/check/verdict.js";

const subscription: SubscriptionInfo = {
  subscriptionId: "11111111-2222-4333-8444-555555555555",
  displayName: "Prod | <b>name</b>\nsecond line",
  state: "Enabled",
};

function contact(
  emails: string | undefined,
  isEnabled: boolean | undefined = true,
): SecurityContact {
  return { name: "default", emails, isEnabled };
}

function found(...contacts: SecurityContact[]): ContactLookup {
  return { kind: "found", contacts };
}

/** Non-empty, on one line, and (for our own wording) a single sentence. */
function assertOneSentence(result: SubscriptionResult): void {
  assert.equal(typeof result.reason, "string");
  assert.ok(result.reason.trim().length > 0, "reason is empty");
  assert.doesNotMatch(result.reason, /[\r\n]/, "reason spans lines");
  assert.equal(result.reason, result.reason.trim());
  if (result.status !== "error") {
    assert.match(result.reason, /[.!]$/, "reason is not a sentence");
    assert.doesNotMatch(
      result.reason,
      /[.!?]\s+[A-Z]/,
      "reason has more than one sentence",
    );
  }
}

function assertIdentity(result: SubscriptionResult, info = subscription) {
  assert.equal(result.subscriptionId, info.subscriptionId);
  assert.equal(result.displayName, info.displayName);
  assert.equal(result.state, info.state);
}

describe("verdictFromContacts: pass", () => {
  it("passes with one valid address", () => {
    const result = verdictFromContacts(
      subscription,
      found(contact("jane@contoso.com")),
    );
    assert.equal(result.status, "pass");
    assert.deepEqual(result.emails, ["jane@contoso.com"]);
    assert.deepEqual(result.invalidEmails, []);
    assert.equal(result.notificationsOff, false);
    assertOneSentence(result);
    assertIdentity(result);
  });

  it("passes with several valid addresses, comma or semicolon separated", () => {
    const result = verdictFromContacts(
      subscription,
      found(contact("jane@contoso.com, ops@contoso.com;soc@contoso.com")),
    );
    assert.equal(result.status, "pass");
    assert.deepEqual(result.emails, [
      "jane@contoso.com",
      "ops@contoso.com",
      "soc@contoso.com",
    ]);
  });

  it("still passes when an invalid entry sits beside a valid one, listing the invalid one", () => {
    const result = verdictFromContacts(
      subscription,
      found(contact("not-an-email;jane@contoso.com;ops@localhost")),
    );
    assert.equal(result.status, "pass");
    assert.deepEqual(result.emails, ["jane@contoso.com"]);
    assert.deepEqual(result.invalidEmails, ["not-an-email", "ops@localhost"]);
    assertOneSentence(result);
  });

  it("passes when isEnabled is false but says notifications are turned off", () => {
    const result = verdictFromContacts(
      subscription,
      found(contact("jane@contoso.com", false)),
    );
    assert.equal(result.status, "pass");
    assert.equal(result.notificationsOff, true);
    assert.match(result.reason, /notifications are turned off/i);
    assertOneSentence(result);
  });

  it("does not report notifications off when isEnabled is true or unknown", () => {
    for (const isEnabled of [true, undefined]) {
      const result = verdictFromContacts(
        subscription,
        found(contact("jane@contoso.com", isEnabled)),
      );
      assert.equal(result.notificationsOff, false);
      assert.doesNotMatch(result.reason, /turned off/i);
    }
  });

  for (const state of ["Warned", "PastDue"]) {
    it(`evaluates a ${state} subscription`, () => {
      const info = { ...subscription, state };
      assert.equal(skipBeforeRequest(info, undefined), null);
      const passing = verdictFromContacts(
        info,
        found(contact("jane@contoso.com")),
      );
      assert.equal(passing.status, "pass");
      assert.equal(passing.state, state);
      const failing = verdictFromContacts(info, found());
      assert.equal(failing.status, "fail");
    });
  }
});

describe("verdictFromContacts: fail", () => {
  it("fails when no contact exists", () => {
    const result = verdictFromContacts(subscription, found());
    assert.equal(result.status, "fail");
    assert.deepEqual(result.emails, []);
    assert.deepEqual(result.invalidEmails, []);
    assertOneSentence(result);
    assertIdentity(result);
  });

  it('fails when emails is ""', () => {
    const result = verdictFromContacts(subscription, found(contact("")));
    assert.equal(result.status, "fail");
    assert.deepEqual(result.emails, []);
    assert.deepEqual(result.invalidEmails, []);
    assertOneSentence(result);
  });

  it("fails when emails is missing", () => {
    const result = verdictFromContacts(subscription, found(contact(undefined)));
    assert.equal(result.status, "fail");
    assertOneSentence(result);
  });

  for (const raw of [";", " ; , ", ",,,", "   "]) {
    it(`fails when emails holds only separators or spaces (${JSON.stringify(raw)})`, () => {
      const result = verdictFromContacts(subscription, found(contact(raw)));
      assert.equal(result.status, "fail");
      assert.deepEqual(result.emails, []);
      assert.deepEqual(result.invalidEmails, []);
      assertOneSentence(result);
    });
  }

  it("fails when every entry is invalid, listing them", () => {
    const result = verdictFromContacts(
      subscription,
      found(contact("not-an-email; ops@localhost ,security-team")),
    );
    assert.equal(result.status, "fail");
    assert.deepEqual(result.emails, []);
    assert.deepEqual(result.invalidEmails, [
      "not-an-email",
      "ops@localhost",
      "security-team",
    ]);
    assertOneSentence(result);
  });
});

describe("skipBeforeRequest", () => {
  for (const state of ["Disabled", "Deleted", "disabled", "DELETED"]) {
    it(`skips a subscription in state ${state}`, () => {
      const info = { ...subscription, state };
      const result = skipBeforeRequest(info, undefined);
      assert.ok(result);
      assert.equal(result.status, "skipped");
      assert.match(result.reason, new RegExp(state));
      assertOneSentence(result);
      assertIdentity(result, info);
    });
  }

  for (const state of ["Enabled", "Warned", "PastDue"]) {
    it(`does not skip an active subscription in state ${state}`, () => {
      assert.equal(
        skipBeforeRequest({ ...subscription, state }, undefined),
        null,
      );
    });
  }

  it("skips an excluded subscription, even an enabled one", () => {
    const result = skipBeforeRequest(
      subscription,
      "Excluded by the exclude-subscriptions input.",
    );
    assert.ok(result);
    assert.equal(result.status, "skipped");
    assert.equal(result.reason, "Excluded by the exclude-subscriptions input.");
    assertOneSentence(result);
    assertIdentity(result);
  });

  it("excludedVerdict is a skip", () => {
    const result = excludedVerdict(
      subscription,
      "Excluded by the exclude-management-groups input (below management group 'sandbox').",
    );
    assert.equal(result.status, "skipped");
    assert.match(result.reason, /'sandbox'/);
    assertOneSentence(result);
    assertIdentity(result);
  });
});

describe("verdictFromContacts: skipped and error", () => {
  it("skips when Microsoft.Security is not registered, naming the code", () => {
    const result = verdictFromContacts(subscription, {
      kind: "not-registered",
      code: "MissingSubscriptionRegistration",
      message:
        "The subscription is not registered to use namespace 'Microsoft.Security'.",
    });
    assert.equal(result.status, "skipped");
    assert.ok(result.reason.includes("MissingSubscriptionRegistration"));
    assertOneSentence(result);
    assertIdentity(result);
  });

  it("is an error, never a pass, when the lookup failed, with Azure's code and message on one line", () => {
    const result = verdictFromContacts(subscription, {
      kind: "error",
      code: "AuthorizationFailed",
      message:
        "The client 'abc' does not have authorization\n  to perform action 'Microsoft.Security/securityContacts/read'.\r\nRefresh your credentials.",
    });
    assert.equal(result.status, "error");
    assert.ok(result.reason.includes("AuthorizationFailed"));
    assert.ok(
      result.reason.includes(
        "The client 'abc' does not have authorization to perform action 'Microsoft.Security/securityContacts/read'. Refresh your credentials.",
      ),
      result.reason,
    );
    assert.deepEqual(result.emails, []);
    assertOneSentence(result);
    assertIdentity(result);
  });

  it("errorVerdict builds the same error result", () => {
    const result = errorVerdict(subscription, "HTTP502", "Bad\ngateway");
    assert.equal(result.status, "error");
    assert.ok(result.reason.includes("HTTP502"));
    assert.ok(result.reason.includes("Bad gateway"));
    assertOneSentence(result);
    assertIdentity(result);
  });
});

describe("withPaidPlans", () => {
  const failing = verdictFromContacts(subscription, {
    kind: "found",
    contacts: [],
  });

  it("names the paid plans of a failing subscription in the same sentence", () => {
    const result = withPaidPlans(failing, ["VirtualMachines", "SqlServers"]);
    assert.equal(result.status, "fail");
    assert.match(
      result.reason,
      /owners; paid Defender plans on: VirtualMachines, SqlServers\.$/,
    );
    assert.deepEqual(result.paidDefenderPlans, [
      "VirtualMachines",
      "SqlServers",
    ]);
  });

  it("leaves the reason alone when no plan is paid or plans are unknown", () => {
    assert.equal(withPaidPlans(failing, []).reason, failing.reason);
    assert.deepEqual(withPaidPlans(failing, []).paidDefenderPlans, []);
    assert.equal(withPaidPlans(failing, undefined), failing);
  });

  it("never touches a verdict other than fail", () => {
    const passing = verdictFromContacts(subscription, {
      kind: "found",
      contacts: [{ name: "default", emails: "a@contoso.com", isEnabled: true }],
    });
    assert.equal(withPaidPlans(passing, ["VirtualMachines"]), passing);
  });
});
