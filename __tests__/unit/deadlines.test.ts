import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DeadlineExceeded,
  defaultDeadlines,
  withinDeadline,
} from "../../src/azure/deadlines.js";
import { readRunnerContext } from "../../src/inputs/runner-context.js";

describe("defaultDeadlines", () => {
  it("end a listing and a subscription within two minutes", () => {
    const d = defaultDeadlines({});
    assert.ok(d.listingMs <= 120_000 && d.subscriptionMs <= 120_000);
  });

  it("take test overrides, ignoring nonsense", () => {
    assert.deepEqual(
      defaultDeadlines(
        readRunnerContext({
          CONTACT_CHECK_LISTING_DEADLINE_MS: "3000",
          CONTACT_CHECK_SUBSCRIPTION_DEADLINE_MS: "-1",
          CONTACT_CHECK_DNS_BUDGET_MS: "500",
        }).timing,
      ),
      {
        listingMs: 3000,
        subscriptionMs: defaultDeadlines({}).subscriptionMs,
        dnsMs: 500,
      },
    );
  });
});

describe("withinDeadline", () => {
  it("returns the work's result when it ends in time", async () => {
    const signal = new AbortController().signal;
    assert.equal(await withinDeadline(Promise.resolve(7), signal, "late"), 7);
  });

  it("rejects as soon as the signal aborts, even if the work never ends", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(
      withinDeadline(new Promise(() => undefined), controller.signal, "late"),
      (error: unknown) =>
        error instanceof DeadlineExceeded && error.message === "late",
    );
  });
});
