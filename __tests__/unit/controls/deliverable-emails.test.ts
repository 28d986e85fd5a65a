import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { deliverableEmails } from "../../../src/check/controls/deliverable-emails.js";
import type {
  Deliverability,
  DomainDeliverability,
} from "../../../src/check/mail-domains.js";
import { contact, policy } from "./fixtures.js";

/** DNS's answers, as the evaluation hands them over. */
function answers(
  entries: Record<string, Deliverability | DomainDeliverability>,
): Map<string, DomainDeliverability> {
  return new Map(
    Object.entries(entries).map(([domain, answer]) => [
      domain,
      typeof answer === "string"
        ? { deliverability: answer, reason: `${answer} reason` }
        : answer,
    ]),
  );
}

function judge(
  emails: string,
  mailDomains: Map<string, DomainDeliverability>,
  allowedEmailDomains: string[] = [],
) {
  return deliverableEmails.evaluate(
    [contact({ emails })],
    policy({ mailDomains, allowedEmailDomains }),
  );
}

describe("deliverable-emails", () => {
  it("asks DNS only about the addresses that pass additional-emails", () => {
    assert.deepEqual(
      deliverableEmails.mailDomains?.(
        [
          contact({
            emails: "a@Contoso.com;b@fabrikam.com;x@example.com;junk",
          }),
        ],
        policy({ allowedEmailDomains: ["contoso.com"] }),
      ),
      ["contoso.com"],
    );
  });

  it("passes when one valid address is at a domain that receives mail", () => {
    const verdict = judge(
      "a@contoso.com;b@contoso.cm",
      answers({
        "contoso.com": "deliverable",
        "contoso.cm": {
          deliverability: "nxdomain",
          reason: "domain does not exist",
        },
      }),
    );
    assert.equal(verdict.status, "pass");
    assert.equal(
      verdict.reason,
      "1 of 2 valid addresses at a domain that receives mail (cannot receive mail: contoso.cm: domain does not exist).",
    );
  });

  for (const [outcome, reason] of [
    ["null-mx", "domain accepts no mail"],
    ["nxdomain", "domain does not exist"],
    ["no-mail-host", "domain has no mail host"],
  ] as const) {
    it(`fails on ${outcome}: "${reason}"`, () => {
      const verdict = judge(
        "soc@fabrikam.com",
        answers({ "fabrikam.com": { deliverability: outcome, reason } }),
      );
      assert.equal(verdict.status, "fail");
      assert.equal(
        verdict.reason,
        `No valid additional email address is at a domain that receives mail: fabrikam.com: ${reason}.`,
      );
    });
  }

  it("unknown neither passes nor fails, and says why", () => {
    const verdict = judge(
      "soc@fabrikam.com;ops@contoso.cm",
      answers({
        "fabrikam.com": {
          deliverability: "unknown",
          reason: "the DNS server answered SERVFAIL",
        },
        "contoso.cm": "nxdomain",
      }),
    );
    assert.equal(verdict.status, "unknown");
    assert.match(
      verdict.reason,
      /fabrikam\.com: the DNS server answered SERVFAIL/,
    );
    assert.match(verdict.reason, /cannot receive mail: contoso\.cm/);
  });

  it("a domain nobody looked up is unknown, never a pass", () => {
    assert.equal(judge("soc@contoso.com", new Map()).status, "unknown");
  });

  it("an address outside allowed-email-domains does not count, however deliverable", () => {
    const verdict = judge(
      "soc@fabrikam.com",
      answers({ "fabrikam.com": "deliverable" }),
      ["contoso.com"],
    );
    assert.equal(verdict.status, "fail");
    assert.match(verdict.reason, /passes additional-emails/);
  });

  it("fails without a contact", () => {
    assert.equal(deliverableEmails.evaluate([], policy()).status, "fail");
  });

  it("names three domains and counts the rest", () => {
    const emails = ["a", "b", "c", "d", "e"].map((d) => `soc@${d}-corp.net`);
    const verdict = judge(
      emails.join(";"),
      answers(
        Object.fromEntries(
          emails.map((e) => [e.split("@")[1] ?? "", "nxdomain"]),
        ),
      ),
    );
    assert.match(verdict.reason, /c-corp\.net: nxdomain reason; and 2 more\.$/);
  });
});
