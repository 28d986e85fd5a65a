import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { type InputName, INPUTS, OUTPUTS } from "../../src/action-interface.js";
import { readSettings } from "../../src/settings.js";
import { repoRoot } from "../../test-support/run-action.js";

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  outputs: Record<string, unknown>;
}

const actionYml = parse(
  readFileSync(join(repoRoot, "action.yml"), "utf8"),
) as ActionYml;

/** action.yml's view of an input, in the code's shape: the runner reads defaults as text. */
function declared(name: string): { required: boolean; default?: string } {
  const input = actionYml.inputs[name] ?? {};
  return {
    required: input.required === true,
    ...(input.default === undefined ? {} : { default: String(input.default) }),
  };
}

describe("action.yml and src/action-interface.ts", () => {
  it("declare the same inputs", () => {
    assert.deepEqual(
      Object.keys(actionYml.inputs).sort(),
      Object.keys(INPUTS).sort(),
    );
  });

  for (const name of Object.keys(actionYml.inputs)) {
    it(`agree on input '${name}' (required, default)`, () => {
      assert.deepEqual(
        declared(name),
        { ...INPUTS[name as InputName] },
        `action.yml and src/action-interface.ts disagree on '${name}'`,
      );
    });
  }

  it("declare the same outputs", () => {
    assert.deepEqual(
      Object.keys(actionYml.outputs).sort(),
      [...OUTPUTS].sort(),
    );
  });

  it("a required input has no default, an optional one's default is text", () => {
    for (const [name, input] of Object.entries(actionYml.inputs)) {
      if (input.required) assert.equal(input.default, undefined, name);
      if (input.default !== undefined)
        assert.equal(typeof input.default, "string", `${name}: quote it`);
    }
  });
});

describe("readSettings and action.yml's defaults", () => {
  const required: Record<string, string> = {
    "client-id": "0f3e8d9a-1b2c-4d5e-8f70-a1b2c3d4e5f6",
    "tenant-id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
  };

  it("an unset input means what action.yml's default means", () => {
    // What a runner passes for a workflow that sets only the required inputs;
    // expression defaults (${{ github.token }}) are the runner's to fill in.
    const runnerValues: Record<string, string> = { ...required };
    for (const [name, input] of Object.entries(actionYml.inputs)) {
      const value = input.default;
      if (typeof value === "string" && !value.includes("${{"))
        runnerValues[name] = value;
    }
    const fromDefaults = readSettings((name) => runnerValues[name] ?? "");
    const fromUnset = readSettings((name) => required[name] ?? "");
    assert.deepEqual(fromUnset, fromDefaults);
  });

  it("reads only inputs action.yml declares", () => {
    const read = new Set<string>();
    readSettings((name) => {
      read.add(name);
      return required[name] ?? "";
    });
    const undeclared = [...read].filter((name) => !(name in actionYml.inputs));
    assert.deepEqual(undeclared, []);
  });
});
