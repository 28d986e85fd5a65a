import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { notificationsEnabled } from "../../../../src/check/controls/notifications-enabled.js";
import { contact, policy } from "./fixtures.js";

describe("notifications-enabled", () => {
  it("fails with no contact", () => {
    assert.equal(notificationsEnabled.evaluate([], policy()).status, "fail");
  });

  it("fails when isEnabled is false: nothing is sent at all", () => {
    const verdict = notificationsEnabled.evaluate(
      [contact({ isEnabled: false })],
      policy(),
    );
    assert.equal(verdict.status, "fail");
    assert.match(verdict.reason, /isEnabled: false/);
  });

  it("passes when isEnabled is true or not stated", () => {
    for (const isEnabled of [true, undefined]) {
      assert.equal(
        notificationsEnabled.evaluate([contact({ isEnabled })], policy())
          .status,
        "pass",
      );
    }
  });
});
