import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { InputError, readSettings } from "../../../src/settings.js";

const IDS = {
  "client-id": "0f3e8d9a-1b2c-4d5e-8f70-a1b2c3d4e5f6",
  "tenant-id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
};

const read = (values: Record<string, string>) =>
  readSettings((name) => values[name] ?? "");

function rejects(values: Record<string, string>, pattern: RegExp): void {
  assert.throws(
    () => read(values),
    (error: unknown) =>
      error instanceof InputError && pattern.test(error.message),
  );
}

describe("readSettings: scan", () => {
  it("defaults to azure, the live check, with the default patterns", () => {
    const settings = read(IDS);
    assert.equal(settings.scan, "azure");
    assert.deepEqual(settings.files.include, [
      "**/*.json",
      "**/*.jsonc",
      "**/*.bicep",
      "**/*.bicepparam",
      "**/*.tf",
      "**/*.tfvars",
    ]);
    assert.deepEqual(settings.files.exclude, []);
  });

  it("accepts files and both, case-insensitively", () => {
    assert.equal(read({ ...IDS, scan: " Files " }).scan, "files");
    assert.equal(read({ ...IDS, scan: "BOTH" }).scan, "both");
  });

  it("rejects any other value, naming the input and the value", () => {
    rejects(
      { ...IDS, scan: "repo" },
      /'scan'.*"repo".*'azure', 'files' or 'both'/,
    );
  });

  it("needs no identity for a files-only scan", () => {
    const settings = read({ scan: "files" });
    assert.equal(settings.clientId, "");
    assert.equal(settings.tenantId, "");
  });

  it("still needs client-id when the scan includes azure", () => {
    rejects({ scan: "both" }, /'client-id' is required/);
  });

  it("refuses a remedy with a files-only scan: it would need Azure", () => {
    rejects(
      {
        scan: "files",
        remediate: "plan",
        "remediation-emails": "secops@contoso.com",
      },
      /'remediate'.*"plan".*scan: files/,
    );
  });
});

describe("readSettings: files", () => {
  it("splits on commas and newlines and separates !exclusions", () => {
    const { files } = read({
      ...IDS,
      files: "infra/**/*.json,\n  **/*.tf\n!infra/generated/**, ,",
    });
    assert.deepEqual(files.include, ["infra/**/*.json", "**/*.tf"]);
    assert.deepEqual(files.exclude, ["infra/generated/**"]);
  });

  for (const pattern of [
    "/etc/**",
    "../other/**",
    "infra/../../x",
    "!/abs",
    "C:/x",
  ]) {
    it(`rejects ${JSON.stringify(pattern)}: patterns stay in the workspace`, () => {
      rejects({ ...IDS, files: pattern }, /'files'.*relative to the workspace/);
    });
  }

  it("rejects a list of exclusions only", () => {
    rejects({ ...IDS, files: "!**/*.json" }, /'files'.*not an exclusion/);
  });
});
