import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Finding } from "../../../src/check/model.js";
import {
  causesOf,
  failedControls,
} from "../../../src/report/attention-causes.js";
import { groupAttention } from "../../../src/report/attention-groups.js";
import { guidFor, resultOf } from "../fixtures.js";

function fails(...controls: string[]): Finding[] {
  return controls.map((control) => ({
    control,
    status: "fail",
    reason: "R.",
  }));
}

const emailsFail = fails("additional-emails");

function keyOf(overrides: Parameters<typeof resultOf>[2]): string[] {
  return causesOf(
    resultOf(1, "fail", { findings: emailsFail, ...overrides }),
  ).map((c) => c.key);
}

describe("causesOf: deliverable-emails", () => {
  it("valid addresses at domains that cannot receive mail: their own group, addresses shown", () => {
    const [cause, ...rest] = causesOf(
      resultOf(1, "fail", {
        findings: fails("deliverable-emails"),
        emails: ["soc@fabrikam.com"],
      }),
    );
    assert.deepEqual(rest, []);
    assert.equal(cause?.label, "Addresses whose domain cannot receive mail");
    assert.equal(cause?.showAddresses, true);
  });

  it("no valid address: only additional-emails' cause, not a second group", () => {
    assert.deepEqual(
      causesOf(
        resultOf(1, "fail", {
          findings: fails("additional-emails", "deliverable-emails"),
        }),
      ).map((c) => c.key),
      ["no-address"],
    );
  });
});

describe("causesOf: additional-emails", () => {
  it("no contact at all", () => {
    assert.deepEqual(keyOf({ noContact: true }), ["no-contact"]);
  });

  it("a contact with no addresses", () => {
    assert.deepEqual(keyOf({}), ["no-address"]);
  });

  for (const [entries, key] of [
    [["security-team", "ops@localhost"], "only-invalid-syntax"],
    [["security_contact@replace_me"], "only-placeholder"],
    [["soc@example.com", "a@corp.test"], "only-reserved-domain"],
    [["soc@example.com", "not-an-email"], "only-rejected"],
  ] as const) {
    it(`only ${entries.join(", ")} → ${key}`, () => {
      assert.deepEqual(keyOf({ invalidEmails: [...entries] }), [key]);
    });
  }

  it("only addresses outside allowed-email-domains", () => {
    assert.deepEqual(keyOf({ disallowedEmails: ["a@fabrikam.com"] }), [
      "only-disallowed-domain",
    ]);
  });

  it("valid addresses but a required one missing", () => {
    const [cause] = causesOf(
      resultOf(1, "fail", {
        findings: emailsFail,
        emails: ["soc@contoso.com"],
        missingRequiredEmails: ["cso@contoso.com"],
      }),
    );
    assert.equal(cause?.key, "missing-required");
    assert.equal(cause?.showAddresses, true);
    assert.match(cause?.fix ?? "", /required-emails/);
  });

  it("a failure without findings is the seed check's", () => {
    assert.deepEqual(
      causesOf(resultOf(1, "fail")).map((c) => c.key),
      ["no-address"],
    );
  });
});

describe("causesOf: other controls and errors", () => {
  it("one cause per failing control, each with its own fix", () => {
    const causes = causesOf(
      resultOf(1, "fail", {
        emails: ["soc@contoso.com"],
        findings: [
          ...fails("notifications-enabled", "notify-owners"),
          { control: "additional-emails", status: "pass", reason: "ok." },
          ...fails("alert-notifications", "attack-path-notifications"),
        ],
      }),
    );
    assert.deepEqual(
      causes.map((c) => [c.key, c.control]),
      [
        ["notifications-enabled", "notifications-enabled"],
        ["notify-owners", "notify-owners"],
        ["alert-notifications", "alert-notifications"],
        ["attack-path-notifications", "attack-path-notifications"],
      ],
    );
    assert.match(causes[0]?.label ?? "", /turned off/);
    assert.match(causes[1]?.fix ?? "", /All users with the following roles/);
    assert.equal(new Set(causes.map((c) => c.fix)).size, 4);
  });

  it("no contact is one cause however many controls fail for it", () => {
    const causes = causesOf(
      resultOf(1, "fail", {
        noContact: true,
        findings: fails("additional-emails", "notifications-enabled"),
      }),
    );
    assert.deepEqual(
      causes.map((c) => c.key),
      ["no-contact"],
    );
  });

  it("an error is grouped by its code; a 403 asks for access", () => {
    const [denied] = causesOf(
      resultOf(1, "error", { errorCode: "AuthorizationFailed" }),
    );
    assert.equal(denied?.key, "error:AuthorizationFailed");
    assert.equal(denied?.accessDenied, true);
    assert.match(denied?.label ?? "", /access denied/);
    const [busy] = causesOf(resultOf(2, "error", { errorCode: "HTTP503" }));
    assert.equal(busy?.accessDenied, undefined);
    assert.match(busy?.fix ?? "", /re-run/);
  });

  it("an error code that is not an identifier is not echoed", () => {
    const [cause] = causesOf(
      resultOf(1, "error", { errorCode: "@team **x**" }),
    );
    assert.equal(cause?.key, "error:InvalidCode");
  });

  it("passing and skipped subscriptions have no cause", () => {
    assert.deepEqual(causesOf(resultOf(1, "pass")), []);
    assert.deepEqual(causesOf(resultOf(2, "skipped")), []);
  });
});

describe("groupAttention: by cause", () => {
  const results = [
    resultOf(1, "error", { errorCode: "HTTP503" }),
    resultOf(2, "fail", { findings: emailsFail, noContact: true }),
    resultOf(3, "fail", { findings: emailsFail }),
    resultOf(4, "pass"),
    resultOf(5, "fail", { findings: emailsFail }),
    resultOf(6, "error", { errorCode: "AuthorizationFailed" }),
    resultOf(7, "error", { errorCode: "HTTP503" }),
    resultOf(8, "fail", { findings: emailsFail, noContact: true }),
    resultOf(9, "fail", { findings: emailsFail }),
    resultOf(10, "fail", {
      emails: ["soc@contoso.com"],
      findings: fails("notify-owners", "attack-path-notifications"),
    }),
  ];
  const groups = groupAttention(results);

  it("no contact first, then the controls in registry order, then errors (access denied first)", () => {
    assert.deepEqual(
      groups.map((g) => [g.key, g.results.length]),
      [
        ["no-contact", 2],
        ["no-address", 3],
        ["notify-owners", 1],
        ["error:AuthorizationFailed", 1],
        ["error:HTTP503", 2],
      ],
    );
  });

  it("files every subscription exactly once and leaves passes out", () => {
    const ids = groups.flatMap((g) => g.results.map((r) => r.subscriptionId));
    assert.deepEqual(
      ids.toSorted(),
      [1, 2, 3, 5, 6, 7, 8, 9, 10].map(guidFor).toSorted(),
    );
    assert.deepEqual(
      groups[1]?.results.map((r) => r.subscriptionId),
      [3, 5, 9].map(guidFor),
    );
  });

  it("states the group's fix once, and the steps of the other controls its rows fail", () => {
    const owners = groups.find((g) => g.key === "notify-owners");
    assert.equal(owners?.fix.filter((l) => l.startsWith("**Fix:**")).length, 1);
    assert.ok(
      owners?.fix.some((l) => l.startsWith("- `attack-path-notifications`")),
    );
    assert.ok(!owners?.fix.some((l) => l.startsWith("- `notify-owners`")));
    // Creating the contact fixes everything a missing one fails.
    assert.equal(groups[0]?.fix.length, 1);
  });

  it("names the controls a row fails, in registry order", () => {
    assert.deepEqual(failedControls(results[9] ?? resultOf(0, "pass")), [
      "notify-owners",
      "attack-path-notifications",
    ]);
    assert.deepEqual(failedControls(resultOf(1, "fail")), [
      "additional-emails",
    ]);
    assert.deepEqual(failedControls(resultOf(1, "error")), []);
  });
});

describe("groupAttention: by management group or owner", () => {
  const results = [
    resultOf(1, "fail", {
      findings: emailsFail,
      managementGroup: "corp",
      owner: "a@x.com",
    }),
    resultOf(2, "fail", {
      findings: fails("notify-owners"),
      managementGroup: "online",
    }),
    resultOf(3, "fail", {
      findings: emailsFail,
      managementGroup: "corp",
      owner: "a@x.com",
    }),
    resultOf(4, "fail", { findings: emailsFail }),
    resultOf(5, "error", {
      errorCode: "AuthorizationFailed",
      managementGroup: "corp",
    }),
  ];

  it("groups failures by management group, largest first, none last; errors apart", () => {
    const groups = groupAttention(results, "management-group");
    assert.deepEqual(
      groups.map((g) => [g.value ?? g.label, g.results.length]),
      [
        ["corp", 2],
        ["online", 1],
        [groups[2]?.label, 1],
        ["Could not be read: access denied (AuthorizationFailed)", 1],
      ],
    );
    assert.match(groups[2]?.label ?? "", /^No management group/);
    assert.deepEqual(groups[0]?.fix, [
      `**Fix:** ${groups[0]?.fix[0]?.slice("**Fix:** ".length)}`,
    ]);
  });

  it("groups failures by owner, one fix list per group for several controls", () => {
    const groups = groupAttention(
      [
        ...results,
        resultOf(6, "fail", {
          findings: fails("notify-owners"),
          owner: "a@x.com",
        }),
      ],
      "owner",
    );
    assert.deepEqual(
      groups.map((g) => [g.value ?? "none", g.results.length]),
      [
        ["a@x.com", 3],
        ["none", 2],
        ["none", 1],
      ],
    );
    assert.equal(
      groups[0]?.fix.filter((l) => l.startsWith("**Fix:**")).length,
      1,
    );
    assert.equal(groups[0]?.fix.filter((l) => l.startsWith("- `")).length, 2);
  });
});
