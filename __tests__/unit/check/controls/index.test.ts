import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ALL_CHECKS,
  CONTROLS,
  DEFAULT_CHECKS,
  controlsById,
} from "../../../../src/check/controls/index.js";

describe("the control registry", () => {
  it("lists the family in order, each ID once", () => {
    assert.deepEqual(
      CONTROLS.map((c) => c.id),
      [
        "additional-emails",
        "notifications-enabled",
        "notify-owners",
        "alert-notifications",
        "attack-path-notifications",
        "deliverable-emails",
      ],
    );
  });

  it("all keeps meaning the five Email notifications controls: deliverable-emails is opt-in", () => {
    assert.deepEqual(
      ALL_CHECKS,
      CONTROLS.map((c) => c.id).filter((id) => id !== "deliverable-emails"),
    );
  });

  it("defaults to today's single check", () => {
    assert.deepEqual(DEFAULT_CHECKS, ["additional-emails"]);
  });

  it("selects in registry order whatever the order asked", () => {
    assert.deepEqual(
      controlsById(["notify-owners", "additional-emails"]).map((c) => c.id),
      ["additional-emails", "notify-owners"],
    );
  });

  it("gives every control a title, what it reads, its benchmark and a remedy", () => {
    for (const control of CONTROLS) {
      assert.ok(
        control.title && control.reads && control.benchmark,
        control.id,
      );
      assert.match(control.remedy.step, /\*\*Save\*\*/);
      assert.match(control.remedy.merge[0] ?? "", /^\.properties\./);
    }
  });
});
