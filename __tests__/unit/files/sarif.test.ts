import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import {
  buildSarif,
  writeSarif,
  SARIF_FILE_NAME,
} from "../../../src/report/sarif.js";
import { evaluateFileFinding } from "../../../src/files/verdict.js";

/** The OASIS SARIF 2.1.0 (rtm.5) JSON schema, vendored as a test fixture (one of its patterns needs non-unicode regular expressions). */
const schema = JSON.parse(
  readFileSync(
    new URL("../../fixtures/sarif/sarif-2.1.0-rtm.5.json", import.meta.url),
    "utf8",
  ),
) as object;
const validate = new AjvDraft04.default({
  strict: false,
  allErrors: true,
  unicodeRegExp: false,
}).compile(schema);

const findings = [
  evaluateFileFinding({
    path: "infra/a.json",
    line: 13,
    setting: "parameters.x.value",
    source: "arm-parameters",
    value: "security_contact@replace_me",
  }),
  evaluateFileFinding({
    path: "tf/main.tf",
    line: 9,
    setting: "c.email",
    source: "terraform",
    error: "unresolved: module.x.y",
  }),
  evaluateFileFinding({
    path: "ok.bicepparam",
    line: 2,
    setting: "p",
    source: "bicepparam",
    value: "ops@contoso.com",
  }),
];

describe("buildSarif", () => {
  const log = buildSarif(findings, true);

  it("names the tool and its version from package.json", () => {
    const pkg = JSON.parse(
      readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
    ) as { name: string; version: string };
    const driver = log.runs[0]?.tool.driver;
    assert.equal(driver?.name, pkg.name);
    assert.equal(driver?.version, pkg.version);
  });

  it("is valid against the SARIF 2.1.0 schema", () => {
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it("has one rule per control and one result per fail or error, with path and line", () => {
    const run = log.runs[0];
    assert.deepEqual(
      run?.tool.driver.rules?.map((rule) => rule.id),
      ["additional-emails"],
    );
    assert.deepEqual(
      run?.results?.map((r) => [
        r.ruleId,
        r.level,
        r.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
        r.locations?.[0]?.physicalLocation?.region?.startLine,
      ]),
      [
        ["additional-emails", "error", "infra/a.json", 13],
        ["additional-emails", "warning", "tf/main.tf", 9],
      ],
    );
  });

  it("masks addresses in messages when asked", () => {
    const text = log.runs[0]?.results?.[0]?.message.text ?? "";
    assert.match(text, /s\*\*\*@replace_me/);
    assert.doesNotMatch(text, /security_contact@/);
    assert.match(
      buildSarif(findings, false).runs[0]?.results?.[0]?.message.text ?? "",
      /security_contact@replace_me/,
    );
  });

  it("encodes each path segment, keeps fingerprints off the line, and links the use site", () => {
    const odd = [
      evaluateFileFinding({
        path: "infra/%6Dain.bicep",
        line: 3,
        setting: "s",
        source: "bicep",
        value: "x@replace_me",
      }),
      evaluateFileFinding({
        path: "infra/x#y z.parameters.json",
        line: 4,
        setting: "parameters.mail.value",
        source: "arm-parameters",
        unresolved: "parameter mail: nothing binds it",
        usedAt: { path: "infra/main.bicep", line: 9, setting: "c.emails" },
      }),
    ];
    const sarif = buildSarif(odd, true);
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const results = sarif.runs[0]?.results ?? [];
    const uri = (i: number): string | undefined =>
      results[i]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
    assert.equal(uri(0), "infra/%256Dain.bicep");
    assert.equal(uri(1), "infra/x%23y%20z.parameters.json");
    assert.equal(
      new URL(uri(1) ?? "", "file:///src/").pathname,
      "/src/infra/x%23y%20z.parameters.json",
    );
    assert.equal(results[1]?.level, "note");
    assert.equal(
      results[1]?.relatedLocations?.[0]?.physicalLocation?.artifactLocation
        ?.uri,
      "infra/main.bicep",
    );
    const moved = buildSarif(
      [
        evaluateFileFinding({
          ...odd[0],
          line: 40,
          value: "x@replace_me",
        } as never),
      ],
      true,
    );
    assert.deepEqual(
      moved.runs[0]?.results?.[0]?.partialFingerprints,
      results[0]?.partialFingerprints,
    );
    const rule = sarif.runs[0]?.tool.driver.rules?.[0];
    assert.deepEqual(rule?.properties?.tags, ["security"]);
    assert.ok(Number(rule?.properties?.["security-severity"]) >= 7);
    assert.match(rule?.help?.markdown ?? "", /parameter file/);
  });

  it("is still valid with no findings", () => {
    assert.ok(validate(buildSarif([], true)));
  });

  it("the schema check can fail: a result without a message is refused", () => {
    const broken = structuredClone(log) as {
      runs: { results: { message?: unknown }[] }[];
    };
    delete broken.runs[0]?.results[0]?.message;
    assert.equal(validate(broken), false);
  });
});

describe("writeSarif", () => {
  it("writes the log under the given directory and returns its absolute path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sarif-"));
    try {
      const path = await writeSarif(buildSarif(findings, true), dir);
      assert.equal(path, join(dir, SARIF_FILE_NAME));
      assert.ok(validate(JSON.parse(await readFile(path, "utf8"))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
