import { presentRun } from "../../../src/report/present.js";
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { summarizeRun } from "../../../src/check/run-result.js";
import { buildReport, writeReport } from "../../../src/report/report-file.js";
import type { Report, ReportContext } from "../../../src/report/report-file.js";
import { guidFor, resultOf } from "../fixtures.js";

const HOSTILE_NAME = "Prod | <script>alert(1)</script> **x** @team\nline2";

function context(maskEmails: boolean): ReportContext {
  return {
    tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    environment: "AzureUSGovernment",
    maskEmails,
    generatedAt: "2025-02-03T04:05:06.000Z",
  };
}

const run = summarizeRun([
  resultOf(1, "pass", {
    displayName: HOSTILE_NAME,
    state: "Warned",
    emails: ["jane@contoso.com", "ops@contoso.com"],
    invalidEmails: ["security-team"],
    reason: "2 valid additional email addresses configured.",
  }),
  resultOf(2, "fail", {
    invalidEmails: ["ops@localhost"],
    owner: "Jane <jane.doe@contoso.com>",
  }),
  resultOf(3, "error", {
    reason: "Could not be evaluated: AuthorizationFailed: no.",
  }),
  resultOf(4, "skipped", { state: "Disabled" }),
]);

function report(maskEmails: boolean): Report {
  return buildReport(presentRun(run, { maskEmails }), context(maskEmails));
}

describe("buildReport", () => {
  it("adds owner only where one was found, masked with mask-emails", () => {
    const owners = (mask: boolean) =>
      report(mask).subscriptions.map((row) => row.owner);
    assert.deepEqual(owners(true), [
      undefined,
      "Jane <j***@contoso.com>",
      undefined,
      undefined,
    ]);
    assert.equal(owners(false)[1], "Jane <jane.doe@contoso.com>");
    assert.ok(!("owner" in (report(true).subscriptions[0] ?? {})));
  });

  it("has the schemaVersion 4 header, with the selected checks and the scan", () => {
    const built = report(true);
    assert.equal(built.schemaVersion, 4);
    assert.equal(built.scan, "azure");
    assert.deepEqual(built.files, []);
    assert.deepEqual(built.checks, ["additional-emails"]);
    assert.equal(built.generatedAt, "2025-02-03T04:05:06.000Z");
    assert.equal(built.tenantId, "72f988bf-86f1-41af-91ab-2d7cd011db47");
    assert.equal(built.environment, "AzureUSGovernment");
    assert.equal(built.status, "fail");
  });

  it("v4: run.concurrency when subscriptions were read, an empty run otherwise", () => {
    assert.deepEqual(report(true).run, {});
    const concurrency = {
      mode: "auto" as const,
      start: 16,
      max: 64,
      mean: 51.2,
      throttled: 3,
    };
    const built = buildReport(
      { ...run, concurrency },
      {
        tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
        environment: "AzureCloud",
        maskEmails: true,
        generatedAt: "2025-02-03T04:05:06.000Z",
      },
    );
    assert.deepEqual(built.run, { concurrency });
  });

  it("has the counts", () => {
    assert.deepEqual(report(true).counts, {
      total: 4,
      passed: 1,
      failed: 1,
      errored: 1,
      skipped: 1,
    });
  });

  it("has one row per subscription, in order, with every field", () => {
    const rows = report(false).subscriptions;
    assert.equal(rows.length, 4);
    assert.deepEqual(
      rows.map((r) => r.subscriptionId),
      [1, 2, 3, 4].map(guidFor),
    );
    assert.deepEqual(
      rows.map((r) => r.status),
      ["pass", "fail", "error", "skipped"],
    );
    const first = rows[0];
    assert.ok(first);
    assert.equal(first.state, "Warned");
    assert.equal(
      first.reason,
      "2 valid additional email addresses configured.",
    );
    assert.equal(rows[3]?.state, "Disabled");
    assert.equal(
      rows[2]?.reason,
      "Could not be evaluated: AuthorizationFailed: no.",
    );
  });

  it("keeps the display name raw, not escaped", () => {
    assert.equal(report(true).subscriptions[0]?.displayName, HOSTILE_NAME);
  });

  it("masks addresses when maskEmails is true", () => {
    const rows = report(true).subscriptions;
    assert.deepEqual(rows[0]?.emails, ["j***@contoso.com", "o***@contoso.com"]);
    assert.deepEqual(rows[0]?.invalidEmails, ["s***"]);
    assert.deepEqual(rows[1]?.invalidEmails, ["o***@localhost"]);
  });

  it("keeps addresses raw when maskEmails is false", () => {
    const rows = report(false).subscriptions;
    assert.deepEqual(rows[0]?.emails, ["jane@contoso.com", "ops@contoso.com"]);
    assert.deepEqual(rows[0]?.invalidEmails, ["security-team"]);
    assert.deepEqual(rows[1]?.invalidEmails, ["ops@localhost"]);
  });

  it("does not change the run it reads", () => {
    buildReport(run, context(true));
    assert.deepEqual(run.results[0]?.emails, [
      "jane@contoso.com",
      "ops@contoso.com",
    ]);
  });
});

describe("writeReport", () => {
  const made: string[] = [];
  after(async () => {
    await Promise.all(
      made.map((dir) => rm(dir, { recursive: true, force: true })),
    );
  });

  it("writes parseable JSON into the directory and returns its absolute path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-file-test-"));
    made.push(dir);
    const built = buildReport(run, context(true));
    const path = await writeReport(dir, run, context(true));
    assert.ok(isAbsolute(path), path);
    assert.ok(path.startsWith(dir), path);
    const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(built)));
    assert.equal(
      (parsed as Report).subscriptions[0]?.displayName,
      HOSTILE_NAME,
    );
  });

  it("adds v2 findings and policy lists per subscription, masked like the rest", () => {
    const policyRun = summarizeRun(
      [
        resultOf(5, "fail", {
          findings: [
            { control: "additional-emails", status: "fail", reason: "R." },
            { control: "notify-owners", status: "pass", reason: "P." },
          ],
          disallowedEmails: ["bob@fabrikam.com"],
          missingRequiredEmails: ["soc@contoso.com"],
        }),
        resultOf(6, "error"),
      ],
      [],
      ["additional-emails", "notify-owners"],
    );
    const masked = buildReport(policyRun, context(true));
    assert.deepEqual(masked.checks, ["additional-emails", "notify-owners"]);
    const [failing, errored] = masked.subscriptions;
    assert.equal(failing?.findings.length, 2);
    assert.equal(failing?.findings[0]?.control, "additional-emails");
    assert.deepEqual(failing?.disallowedEmails, ["b***@fabrikam.com"]);
    assert.deepEqual(failing?.missingRequiredEmails, ["s***@contoso.com"]);
    assert.deepEqual(errored?.findings, []);
    assert.deepEqual(errored?.disallowedEmails, []);
    const plain = buildReport(policyRun, context(false));
    assert.deepEqual(plain.subscriptions[0]?.missingRequiredEmails, [
      "soc@contoso.com",
    ]);
  });

  it("writes a long list a batch at a time, byte for byte what JSON.stringify(report, null, 2) writes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-file-test-"));
    made.push(dir);
    const many = summarizeRun(
      Array.from({ length: 601 }, (_, i) =>
        resultOf(i + 1, i % 3 === 0 ? "fail" : "pass", {
          displayName: i === 250 ? HOSTILE_NAME : `Sub [${i}]`,
          emails: [`ops${i}@contoso.com`],
          findings: [
            { control: "additional-emails", status: "pass", reason: "ok." },
          ],
        }),
      ),
    );
    const built = buildReport(many, context(true));
    const path = await writeReport(dir, many, context(true));
    assert.equal(
      await readFile(path, "utf8"),
      `${JSON.stringify(built, null, 2)}\n`,
    );
  });

  it("creates a missing directory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-file-test-"));
    made.push(dir);
    const path = await writeReport(
      join(dir, "nested", "deeper"),
      run,
      context(true),
    );
    assert.deepEqual(
      JSON.parse(await readFile(path, "utf8")),
      JSON.parse(JSON.stringify(buildReport(run, context(true)))),
    );
  });

  it("returns an absolute path even when given a relative directory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-file-test-"));
    made.push(dir);
    const path = await writeReport(
      relative(process.cwd(), dir),
      run,
      context(true),
    );
    assert.ok(isAbsolute(path), path);
  });
});

describe("buildReport: managementGroup", () => {
  it("carries the parent group on rows a group walk reached, and no key on the others", () => {
    const built = buildReport(
      summarizeRun([
        resultOf(1, "pass", { managementGroup: "corp-eu" }),
        resultOf(2, "pass"),
      ]),
      context(true),
    );
    assert.equal(built.subscriptions[0]?.managementGroup, "corp-eu");
    assert.equal("managementGroup" in (built.subscriptions[1] ?? {}), false);
  });
});
