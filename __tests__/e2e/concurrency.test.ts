/**
 * End-to-end: `concurrency: auto` (the default) against the fake. The same
 * tenant gets the same verdicts, outputs and report at any concurrency; the
 * limit grows while Azure keeps up and backs off when Microsoft.Security
 * throttles, with every subscription still evaluated.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  generatedTenant,
  sampleTenant,
} from "../../test-support/fake/index.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
  withFake,
  type ActionRun,
} from "../../test-support/run-action.js";

/** What must not depend on the concurrency: outputs and report, minus paths, times and `run`. */
function verdicts(run: ActionRun): unknown {
  assert.ok(run.report, run.stdout + run.stderr);
  const { generatedAt, run: how, ...report } = run.report;
  assert.ok(generatedAt && how);
  const outputs = { ...run.outputs };
  delete outputs["report-file"];
  delete outputs["fix-script"];
  return { exitCode: run.exitCode, outputs, report };
}

describe("concurrency", () => {
  test("every verdict, output and report field is the same at concurrency 1 and auto", async () => {
    // The sample tenant holds every verdict, a 503 and a 429 that are retried.
    const runAt = (concurrency: string): Promise<ActionRun> =>
      withFake(sampleTenant(), (fake) =>
        runAction({ ...fakeInputs(fake), concurrency }, runnerEnv(fake)),
      );
    const [one, auto] = [await runAt("1"), await runAt("auto")];
    assert.deepEqual(verdicts(auto), verdicts(one));
    assert.deepEqual(one.report?.run.concurrency, {
      mode: "fixed",
      start: 1,
      max: 1,
      mean: 1,
      throttled: 1,
    });
    const stats = auto.report?.run.concurrency;
    assert.equal(stats?.mode, "auto");
    assert.equal(stats?.start, 16);
    assert.equal(stats?.throttled, 1);
    assert.match(
      auto.summary.trimEnd().split("\n").at(-1) ?? "",
      /^Concurrency auto: 16 at the start, at most \d+, [\d.]+ on average; 1 throttled answer \(HTTP 429\)\.$/,
    );
  });

  test("auto grows past 16 while the answers come back unthrottled, never past 64", async () => {
    const run = await withFake(generatedTenant(400), async (fake) => {
      const result = await runAction(fakeInputs(fake), runnerEnv(fake));
      assert.ok(fake.counters().maxInFlight <= 2 * 64);
      assert.equal(fake.counters().throttled, 0);
      return result;
    });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    const stats = run.report?.run.concurrency;
    assert.ok(
      stats && stats.max > 16 && stats.max <= 64,
      JSON.stringify(stats),
    );
    assert.equal(stats.throttled, 0);
  });

  test("auto backs off when Microsoft.Security throttles, and every subscription is still evaluated", async () => {
    const tenant = generatedTenant(300, { latencyMs: 20 });
    tenant.securityRateLimit = { perSecond: 200 };
    const { run, throttled } = await withFake(tenant, async (fake) => ({
      run: await runAction(fakeInputs(fake), runnerEnv(fake)),
      throttled: fake.counters().throttled,
    }));
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs["subscriptions-passed"], "300");
    const stats = run.report?.run.concurrency;
    assert.ok(throttled > 0, "the fake throttled");
    assert.equal(stats?.throttled, throttled, "every 429 is counted");
    assert.ok(stats && stats.mean < 64, `backed off: ${JSON.stringify(stats)}`);
  });
});
