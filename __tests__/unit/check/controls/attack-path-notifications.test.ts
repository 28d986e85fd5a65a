import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { attackPathNotifications } from "../../../../src/check/controls/attack-path-notifications.js";
import { contact, policy } from "./fixtures.js";

function withRisk(minimalRiskLevel: string) {
  return [
    contact({
      notificationsSources: [
        { sourceType: "Alert", minimalSeverity: "High" },
        { sourceType: "AttackPath", minimalRiskLevel },
      ],
    }),
  ];
}

describe("attack-path-notifications", () => {
  it("passes with no contact, saying the default applies", () => {
    const verdict = attackPathNotifications.evaluate([], policy());
    assert.equal(verdict.status, "pass");
    assert.match(verdict.reason, /default/);
  });

  for (const level of ["High", "Medium", "Low"]) {
    it(`passes at minimalRiskLevel ${level}`, () => {
      assert.equal(
        attackPathNotifications.evaluate(withRisk(level), policy()).status,
        "pass",
      );
    });
  }

  it("fails at Critical only: High-risk paths are not emailed", () => {
    const verdict = attackPathNotifications.evaluate(
      withRisk("Critical"),
      policy(),
    );
    assert.equal(verdict.status, "fail");
    assert.match(verdict.reason, /Critical/);
    assert.match(verdict.reason, /High risk level attack paths are not/);
  });

  it("fails when only an Alert source exists", () => {
    assert.equal(
      attackPathNotifications.evaluate([contact()], policy()).status,
      "fail",
    );
  });
});
