/**
 * Set-up shared by the end-to-end test files: fakes that are closed when
 * the file's tests end, however they end.
 */
import { after } from "node:test";
import { startFake, type Fake, type FakeOptions } from "./fake/index.js";

/** `startFake` for one test file: every fake it starts is closed after the file's tests. */
export function fakeStarter(): (options: FakeOptions) => Promise<Fake> {
  const fakes: Fake[] = [];
  after(async () => {
    await Promise.all(fakes.map((fake) => fake.close()));
  });
  return async (options) => {
    const fake = await startFake(options);
    fakes.push(fake);
    return fake;
  };
}
