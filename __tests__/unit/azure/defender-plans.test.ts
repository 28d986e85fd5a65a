import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { paidPlansFromAnswer } from "../../../src/azure/defender-plans.js";

describe("paidPlansFromAnswer", () => {
  it("names the plans on the Standard tier", () => {
    const body = JSON.stringify({
      value: [
        { name: "VirtualMachines", properties: { pricingTier: "Standard" } },
        { name: "SqlServers", properties: { pricingTier: "Free" } },
        { name: "StorageAccounts", properties: { pricingTier: "Standard" } },
        { properties: { pricingTier: "Standard" } },
        null,
      ],
    });
    assert.deepEqual(paidPlansFromAnswer(body), [
      "VirtualMachines",
      "StorageAccounts",
    ]);
  });

  it("says nothing (undefined) for an answer that is not a pricings list", () => {
    assert.equal(paidPlansFromAnswer("<html>"), undefined);
    assert.equal(paidPlansFromAnswer("null"), undefined);
    assert.equal(paidPlansFromAnswer('{"value":{}}'), undefined);
  });

  it("reads an empty list as no paid plan", () => {
    assert.deepEqual(paidPlansFromAnswer('{"value":[]}'), []);
  });
});
