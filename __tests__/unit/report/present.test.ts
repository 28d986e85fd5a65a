import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RunResult } from "../../../src/check/run-result.js";
import { summarizeRun } from "../../../src/check/run-result.js";
import { MAX_AZURE_TEXT_CHARS } from "../../../src/limits.js";
import {
  labelledAddresses,
  maskAddressesIn,
  maskEntry,
  presentEmails,
  presentRun,
} from "../../../src/report/present.js";
import { resultOf } from "../fixtures.js";

describe("maskAddressesIn", () => {
  it("masks every address in a text, whatever separates them", () => {
    assert.equal(
      maskAddressesIn("a@contoso.com bob.secret@contoso.com\ncarol@x.org"),
      "a***@contoso.com b***@contoso.com\nc***@x.org",
    );
  });

  it("masks addresses quoted in an error message", () => {
    assert.equal(
      maskAddressesIn("The client 'leaked@contoso.com' (mailto:ops@x.org)"),
      "The client 'l***@contoso.com' (mailto:o***@x.org)",
    );
  });

  it("leaves text without addresses alone and is idempotent", () => {
    assert.equal(maskAddressesIn("no address @ here"), "no address @ here");
    const once = maskAddressesIn("jane@contoso.com");
    assert.equal(maskAddressesIn(once), once);
  });
});

describe("maskEntry", () => {
  it("masks an entry as a whole: everything before its last @", () => {
    assert.equal(
      maskEntry("a@contoso.com bob.secret@contoso.com"),
      "a***@contoso.com",
    );
  });

  it("keeps one character of an entry without @", () => {
    assert.equal(maskEntry("security-team"), "s***");
  });
});

describe("presentRun", () => {
  it("masks names, reasons and a remediation's reason", () => {
    const masked = presentRun(
      summarizeRun([
        resultOf(1, "fail", {
          displayName: "jane@contoso.com's sub",
          reason: "Write to bob@contoso.com.",
          remediation: {
            action: "failed",
            changes: [],
            reason: "Azure said: soc@contoso.com is not allowed.",
          },
        }),
      ]),
      { maskEmails: true },
    );
    const [row] = masked.results;
    assert.equal(row?.displayName, "j***@contoso.com's sub");
    assert.equal(row?.reason, "Write to b***@contoso.com.");
    assert.equal(
      row?.remediation?.reason,
      "Azure said: s***@contoso.com is not allowed.",
    );
  });

  it("keeps a row whose texts need nothing as it is, and copies one that changes", () => {
    const plain = resultOf(1, "pass", {
      displayName: "Prod",
      reason: "1 valid additional email address configured.",
      findings: [
        { control: "additional-emails", status: "pass", reason: "ok." },
      ],
      owner: "team-a",
    });
    const named = resultOf(2, "pass", {
      findings: [
        { control: "additional-emails", status: "pass", reason: "ok." },
        {
          control: "notify-owners",
          status: "pass",
          reason: "ask ann@contoso.com.",
        },
      ],
    });
    const before = structuredClone(named);
    const shown = presentRun(summarizeRun([plain, named]), {
      maskEmails: true,
    });
    assert.equal(shown.results[0], plain);
    assert.notEqual(shown.results[1], named);
    assert.equal(shown.results[1]?.findings?.[0], named.findings?.[0]);
    assert.equal(
      shown.results[1]?.findings?.[1]?.reason,
      "ask a***@contoso.com.",
    );
    assert.deepEqual(named, before);
  });
});

describe("maskEntry (from emails.test.ts)", () => {
  it("keeps the first character of the local part and the whole domain", () => {
    assert.equal(maskEntry("jane@contoso.com"), "j***@contoso.com");
  });

  it("hides the length of the local part", () => {
    assert.equal(
      maskEntry("Jane.Doe+sec@sub.contoso.co.uk"),
      "J***@sub.contoso.co.uk",
    );
    assert.equal(maskEntry("a@b.co"), "a***@b.co");
  });

  it("keeps only the first character of an entry without @", () => {
    assert.equal(maskEntry("security-team"), "s***");
  });

  it("does not split a non-BMP first character", () => {
    assert.equal(maskEntry("😀ops@contoso.com"), "😀***@contoso.com");
  });
});

describe("presentEmails", () => {
  const entries = ["jane@contoso.com", "security-team"];

  it("masks every entry when mask is true", () => {
    assert.deepEqual(presentEmails(entries, true), [
      "j***@contoso.com",
      "s***",
    ]);
  });

  it("returns the entries unchanged when mask is false", () => {
    assert.deepEqual(presentEmails(entries, false), [
      "jane@contoso.com",
      "security-team",
    ]);
  });

  it("returns a copy, not the caller's array", () => {
    const shown = presentEmails(entries, false);
    assert.notEqual(shown, entries);
  });
});

/** An owner tag is free text: masked like any other, only when asked. */
function presentOwner(owner: string, mask: boolean): string {
  return (
    presentRun(summarizeRun([resultOf(1, "fail", { owner })]), {
      maskEmails: mask,
    }).results[0]?.owner ?? ""
  );
}

describe("presentOwner", () => {
  it("masks every address in the value when asked", () => {
    assert.equal(
      presentOwner("Jane <jane.doe@contoso.com>, ops@fabrikam.com", true),
      "Jane <j***@contoso.com>, o***@fabrikam.com",
    );
  });

  it("leaves names alone, and everything when masking is off", () => {
    assert.equal(presentOwner("Platform team", true), "Platform team");
    assert.equal(
      presentOwner("jane.doe@contoso.com", false),
      "jane.doe@contoso.com",
    );
  });
});

describe("presentRun bounds (from limits.test.ts)", () => {
  it("bounds reasons, names and run errors before anything escapes them", () => {
    const run: RunResult = {
      status: "error",
      counts: { total: 1, passed: 0, failed: 0, errored: 1, skipped: 0 },
      failedSubscriptionIds: [],
      checks: ["additional-emails"],
      controlFailures: { "additional-emails": 0 },
      controlUnknowns: { "additional-emails": 0 },
      scan: "azure",
      runErrors: ["@".repeat(14_000)],
      results: [
        {
          subscriptionId: "00000000-0000-4000-8000-000000000001",
          displayName: "n".repeat(5000),
          state: "Enabled",
          status: "error",
          reason: "r".repeat(5000),
          emails: [],
          invalidEmails: [],
          notificationsOff: false,
          remediation: {
            action: "failed",
            changes: [],
            reason: "f".repeat(5000),
          },
        },
      ],
    };
    const bounded = presentRun(run, { maskEmails: false });
    assert.equal(bounded.runErrors[0]?.length, MAX_AZURE_TEXT_CHARS);
    assert.equal(bounded.results[0]?.reason.length, MAX_AZURE_TEXT_CHARS);
    assert.equal(bounded.results[0]?.displayName.length, MAX_AZURE_TEXT_CHARS);
    assert.equal(
      bounded.results[0]?.remediation?.reason?.length,
      MAX_AZURE_TEXT_CHARS,
    );
  });
});

describe("masking shapes the validator accepts (issue 20)", () => {
  const cases: [string, string][] = [
    ["mary.o'neil@contoso.com", "m***@contoso.com"],
    ["sec`ops@contoso.com", "s***@contoso.com"],
    ["{sec}ops@contoso.com", "{s***@contoso.com"],
    ['"john.smith"@contoso.com', '"j***@contoso.com'],
    ["bob.jones(home)@contoso.com", "b***@contoso.com"],
  ];
  for (const [address, masked] of cases) {
    it(`masks ${address} in free text, display names and error text`, () => {
      assert.equal(
        maskAddressesIn(`write to ${address} now`),
        `write to ${masked} now`,
      );
      assert.equal(
        maskAddressesIn(`Mary O'Neil <${address}>`),
        `Mary O'Neil <${masked}>`,
      );
      assert.equal(
        maskAddressesIn(`Azure said: '${address}' is not allowed.`),
        `Azure said: '${masked}' is not allowed.`,
      );
      const shown = maskAddressesIn(address);
      assert.ok(!shown.includes(address.slice(2, address.indexOf("@"))), shown);
      assert.equal(maskAddressesIn(shown), shown, "idempotent");
    });
    it(`masks the list entry ${address} as a whole`, () => {
      assert.equal(maskEntry(address), masked);
    });
  }

  it("masks such an address in an owner tag, a finding reason and a run error", () => {
    const run = presentRun(
      summarizeRun(
        [
          resultOf(1, "fail", {
            owner: "Mary <mary.o'neil@contoso.com>",
            findings: [
              {
                control: "additional-emails",
                status: "fail",
                reason: 'required-emails missing: "john.smith"@contoso.com.',
              },
            ],
          }),
        ],
        ["ARM: bob.jones(home)@contoso.com is invalid"],
      ),
      { maskEmails: true },
    );
    assert.equal(run.results[0]?.owner, "Mary <m***@contoso.com>");
    assert.equal(
      run.results[0]?.findings?.[0]?.reason,
      'required-emails missing: "j***@contoso.com.',
    );
    assert.equal(run.runErrors[0], "ARM: b***@contoso.com is invalid");
  });
});

describe("labelledAddresses", () => {
  it("labels each rejected entry with its carried kind, masked", () => {
    assert.deepEqual(
      labelledAddresses(
        {
          emails: ["jane@contoso.com"],
          rejected: [
            { address: "x@example.com", kind: "reserved-domain" },
            { address: "me@replace_me", kind: "placeholder" },
            { address: "ops@fabrikam.com", kind: "disallowed-domain" },
            { address: "nope", kind: "invalid-syntax" },
          ],
          missingRequiredEmails: ["soc@contoso.com"],
        },
        true,
      ),
      [
        "j***@contoso.com",
        "x***@example.com (reserved domain)",
        "m***@replace_me (placeholder)",
        "o***@fabrikam.com (not allowed)",
        "n*** (invalid)",
        "s***@contoso.com (required, missing)",
      ],
    );
  });

  it("shows the same label whatever table shows it", () => {
    assert.deepEqual(presentEmails(["a@b.co"], false), ["a@b.co"]);
  });
});
