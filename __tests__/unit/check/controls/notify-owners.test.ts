import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { notifyOwners } from "../../../../src/check/controls/notify-owners.js";
import { contact, policy } from "./fixtures.js";

describe("notify-owners", () => {
  it("passes with no contact, saying Defender's default emails Owners", () => {
    const verdict = notifyOwners.evaluate([], policy());
    assert.equal(verdict.status, "pass");
    assert.match(verdict.reason, /default/);
    assert.match(verdict.reason, /Owners are emailed/);
  });

  it("passes when the state is On and the roles include Owner", () => {
    const verdict = notifyOwners.evaluate(
      [
        contact({
          notificationsByRole: {
            state: "on",
            roles: ["AccountAdmin", "owner"],
          },
        }),
      ],
      policy(),
    );
    assert.equal(verdict.status, "pass");
  });

  it("fails when the state is Off", () => {
    const verdict = notifyOwners.evaluate(
      [contact({ notificationsByRole: { state: "Off", roles: ["Owner"] } })],
      policy(),
    );
    assert.equal(verdict.status, "fail");
    assert.match(verdict.reason, /are off/);
  });

  it("fails when Owner is not among the roles, naming them", () => {
    const verdict = notifyOwners.evaluate(
      [
        contact({
          notificationsByRole: { state: "On", roles: ["Contributor"] },
        }),
      ],
      policy(),
    );
    assert.equal(verdict.status, "fail");
    assert.match(verdict.reason, /roles: Contributor/);
  });

  it("fails when the contact has no notificationsByRole at all", () => {
    const verdict = notifyOwners.evaluate(
      [contact({ notificationsByRole: undefined })],
      policy(),
    );
    assert.equal(verdict.status, "fail");
  });
});
