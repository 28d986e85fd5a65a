import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConcurrencyGate } from "../../../src/azure/concurrency-gate.js";

/** Work that finishes when the test says so. */
function held(): { promise: Promise<void>; finish: () => void } {
  let finish = (): void => undefined;
  const promise = new Promise<void>((resolve) => (finish = resolve));
  return { promise, finish };
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("ConcurrencyGate", () => {
  it("admits no more than the limit, and the next one when one finishes", async () => {
    const gate = new ConcurrencyGate(() => 2);
    let running = 0;
    let most = 0;
    const works = [held(), held(), held(), held()];
    const all = works.map((w) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        await w.promise;
        running--;
      }),
    );
    await turn();
    assert.equal(running, 2);
    works[0]?.finish();
    await turn();
    assert.equal(running, 2);
    for (const w of works) w.finish();
    await Promise.all(all);
    assert.equal(most, 2);
  });

  it("follows a limit that grows or shrinks while work runs", async () => {
    let limit = 1;
    const gate = new ConcurrencyGate(() => limit);
    let running = 0;
    const works = Array.from({ length: 6 }, () => held());
    const all = works.map((w) =>
      gate.run(async () => {
        running++;
        await w.promise;
        running--;
      }),
    );
    await turn();
    assert.equal(running, 1);
    limit = 3;
    works[0]?.finish();
    await turn();
    assert.equal(running, 3, "the grown limit is filled on the next release");
    limit = 1;
    works[1]?.finish();
    works[2]?.finish();
    await turn();
    assert.equal(running, 1, "a shrunk limit admits nothing until under it");
    for (const w of works) w.finish();
    await Promise.all(all);
    assert.equal(running, 0);
  });

  it("passes results and errors through, and frees the slot after an error", async () => {
    const gate = new ConcurrencyGate(() => 1);
    await assert.rejects(
      gate.run(() => Promise.reject(new Error("boom"))),
      /boom/,
    );
    assert.equal(await gate.run(() => Promise.resolve(7)), 7);
  });
});
