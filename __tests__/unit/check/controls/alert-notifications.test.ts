import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { alertNotifications } from "../../../../src/check/controls/alert-notifications.js";
import { contact, policy } from "./fixtures.js";

function withSources(...sources: Record<string, string>[]) {
  return [
    contact({
      notificationsSources: sources.map((s) => ({ sourceType: "", ...s })),
    }),
  ];
}

describe("alert-notifications", () => {
  it("passes with no contact, saying the default emails High alerts", () => {
    const verdict = alertNotifications.evaluate([], policy());
    assert.equal(verdict.status, "pass");
    assert.match(verdict.reason, /default/);
  });

  for (const minimalSeverity of ["High", "Medium", "Low", "medium"]) {
    it(`passes at minimalSeverity ${minimalSeverity}`, () => {
      const verdict = alertNotifications.evaluate(
        withSources({ sourceType: "Alert", minimalSeverity }),
        policy(),
      );
      assert.equal(verdict.status, "pass");
    });
  }

  it("fails when the Alert source is missing while another source exists", () => {
    const verdict = alertNotifications.evaluate(
      withSources({ sourceType: "AttackPath", minimalRiskLevel: "High" }),
      policy(),
    );
    assert.equal(verdict.status, "fail");
    assert.match(verdict.reason, /No Alert notification source/);
  });

  it("fails on a severity that does not include High", () => {
    const verdict = alertNotifications.evaluate(
      withSources({ sourceType: "Alert", minimalSeverity: "Critical" }),
      policy(),
    );
    assert.equal(verdict.status, "fail");
  });

  it("fails when the contact has no sources at all", () => {
    const verdict = alertNotifications.evaluate(
      [contact({ notificationsSources: undefined })],
      policy(),
    );
    assert.equal(verdict.status, "fail");
  });
});
