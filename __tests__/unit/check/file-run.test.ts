/**
 * The file scan inside a run: status, step failure reasons, annotations,
 * the Infrastructure code section and the report's files[].
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  addFileScan,
  stepFailureReasons,
  summarizeRun,
  type RunResult,
} from "../../../src/check/run-result.js";
import {
  countFileFindings,
  type FileRun,
} from "../../../src/check/file-run.js";
import { evaluateFileFinding } from "../../../src/files/verdict.js";
import { planFileAnnotations } from "../../../src/report/file-annotations.js";
import { infrastructureCodeSection } from "../../../src/report/file-section.js";
import { buildReport } from "../../../src/report/report-file.js";
import { writeOutputs } from "../../../src/report/outputs.js";

const at = (n: number) =>
  ({
    path: `infra/p${n}.parameters.json`,
    line: n,
    setting: "parameters.emailSecurityContact.value",
    source: "arm-parameters",
  }) as const;

function files(
  values: (string | { error: string } | { unresolved: string })[],
  matched = 10,
): FileRun {
  const findings = values.map((value, i) =>
    evaluateFileFinding(
      typeof value === "string"
        ? { ...at(i + 1), value }
        : { ...at(i + 1), ...value },
    ),
  );
  return {
    filesMatched: matched,
    findings,
    counts: countFileFindings(findings),
    skipped: [],
  };
}

const noSubscriptions = summarizeRun([], [], ["additional-emails"]);
const policy = { failOnMissing: true, failOnError: true };

describe("addFileScan", () => {
  it("scan files: a placeholder fails the run and the step", () => {
    const run = addFileScan(
      noSubscriptions,
      files(["security_contact@replace_me", "ops@contoso.com"]),
      "files",
    );
    assert.equal(run.status, "fail");
    const reasons = stepFailureReasons(run, policy);
    assert.deepEqual(reasons, [
      "1 security contact setting in the repository's files fails the additional-emails check",
    ]);
    assert.deepEqual(
      stepFailureReasons(run, { ...policy, failOnMissing: false }),
      [],
    );
  });

  it("scan files: an errored finding is an error, judged by fail-on-error", () => {
    const run = addFileScan(
      noSubscriptions,
      files([{ error: "unresolved: module.x" }, "ops@contoso.com"]),
      "files",
    );
    assert.equal(run.status, "error");
    assert.match(
      stepFailureReasons(run, policy)[0] ?? "",
      /could not be evaluated/,
    );
    assert.deepEqual(
      stepFailureReasons(run, { ...policy, failOnError: false }),
      [],
    );
  });

  it("scan files: only unresolved findings pass, and fail the step only with fail-on-unresolved", () => {
    const run = addFileScan(
      noSubscriptions,
      files([{ unresolved: "parameter mail of main.bicep: nothing binds it" }]),
      "files",
    );
    assert.equal(run.status, "pass");
    assert.equal(run.files?.counts.unresolved, 1);
    assert.equal(run.files?.counts.errored, 0);
    assert.deepEqual(stepFailureReasons(run, policy), []);
    assert.deepEqual(
      stepFailureReasons(run, { ...policy, failOnUnresolved: true }),
      [
        "1 security contact setting in the repository's files is decided only at deployment (fail-on-unresolved is true)",
      ],
    );
  });

  it("scan files: no setting in any file is nothing in scope, an error", () => {
    const run = addFileScan(noSubscriptions, files([], 42), "files");
    assert.equal(run.status, "error");
    assert.deepEqual(stepFailureReasons(run, policy), [
      "nothing in scope: no security contact setting was recognised in the 42 files the files input matched",
    ]);
  });

  it("scan files passes with only valid settings, and never speaks of subscriptions", () => {
    const run = addFileScan(
      noSubscriptions,
      files(["ops@contoso.com"]),
      "files",
    );
    assert.equal(run.status, "pass");
    assert.deepEqual(stepFailureReasons(run, policy), []);
  });

  it("scan both: the worse of the two, and no files is not an error by itself", () => {
    const passing: RunResult = summarizeRun(
      [
        {
          subscriptionId: "00000000-0000-4000-8000-000000000001",
          displayName: "a",
          state: "Enabled",
          status: "pass",
          reason: "ok",
          emails: ["ops@contoso.com"],
          invalidEmails: [],
          notificationsOff: false,
        },
      ],
      [],
    );
    assert.equal(addFileScan(passing, files([]), "both").status, "pass");
    assert.equal(
      addFileScan(passing, files(["x@replace_me"]), "both").status,
      "fail",
    );
    assert.equal(
      addFileScan(noSubscriptions, files(["ops@contoso.com"]), "both").status,
      "error",
    );
  });
});

describe("planFileAnnotations", () => {
  it("puts file and line on at most 10 findings, then one that counts the rest", () => {
    const many = Array.from({ length: 14 }, () => "a@replace_me");
    const run = addFileScan(noSubscriptions, files(many), "files");
    const planned = planFileAnnotations(run, policy);
    const onFiles = planned.filter((a) => a.file);
    assert.equal(onFiles.length, 10);
    assert.deepEqual(
      { file: onFiles[0]?.file, line: onFiles[0]?.startLine },
      { file: "infra/p1.parameters.json", line: 1 },
    );
    assert.match(planned[10]?.title ?? "", /^4 more file findings/);
    assert.equal(planned.at(-1)?.level, "notice");
  });

  it("warns instead of erroring when the step does not fail on it", () => {
    const run = addFileScan(noSubscriptions, files(["a@replace_me"]), "files");
    const [first] = planFileAnnotations(run, {
      ...policy,
      failOnMissing: false,
    });
    assert.equal(first?.level, "warning");
  });

  it("plans nothing when no file was scanned", () => {
    assert.deepEqual(planFileAnnotations(noSubscriptions, policy), []);
  });
});

describe("infrastructureCodeSection", () => {
  const run = addFileScan(
    noSubscriptions,
    files(["ops@contoso.com", "a|b@replace_me", { error: "unresolved: <x>" }]),
    "files",
  );

  it("lists failures first, masks values and escapes file text", () => {
    const text = infrastructureCodeSection(run, true, 100_000).join("\n");
    assert.match(text, /### Infrastructure code/);
    const rows = text.split("\n").filter((l) => l.startsWith("| infra"));
    assert.deepEqual(
      rows.map((r) => /(✅ pass|❌ fail|⚠️ error)/.exec(r)?.[1]),
      ["❌ fail", "⚠️ error", "✅ pass"],
    );
    assert.ok(!text.includes("ops@contoso.com"));
    assert.ok(!text.includes("<x>"));
    assert.ok(!/a\|b/.test(text));
  });

  it("stays within its byte budget and says how many rows it left out", () => {
    const text = infrastructureCodeSection(run, true, 300).join("\n");
    assert.match(text, /…and \d+ more/);
  });

  it("says nothing in scope only when the files were all that was checked", () => {
    const empty = files([], 3);
    const only = addFileScan(noSubscriptions, empty, "files");
    const both = addFileScan(noSubscriptions, empty, "both");
    assert.match(
      infrastructureCodeSection(only, true, 10_000).join("\n"),
      /nothing in scope/,
    );
    assert.doesNotMatch(
      infrastructureCodeSection(both, true, 10_000).join("\n"),
      /nothing in scope/,
    );
  });

  it("short form leaves passing findings out", () => {
    const text = infrastructureCodeSection(run, true, 100_000, {
      passing: false,
    }).join("\n");
    assert.ok(!text.includes("✅ pass |"));
  });
});

describe("report and outputs with files", () => {
  const run = addFileScan(
    noSubscriptions,
    files(["ops@contoso.com", "security_contact@replace_me"]),
    "files",
  );

  it("report v3 lists files, failures first, masked", () => {
    const report = buildReport(run, {
      tenantId: "",
      environment: "AzureCloud",
      maskEmails: true,
      generatedAt: "2026-01-01T00:00:00.000Z",
    });
    assert.equal(report.schemaVersion, 4);
    assert.equal(report.scan, "files");
    assert.deepEqual(
      report.files.map((f) => [f.status, f.emails, f.invalidEmails]),
      [
        ["fail", [], ["s***@replace_me"]],
        ["pass", ["o***@contoso.com"], []],
      ],
    );
  });

  it("sets the file outputs", () => {
    const outputs: Record<string, string> = {};
    writeOutputs(
      run,
      {
        reportFile: "/tmp/r.json",
        sarifFile: "/tmp/x.sarif",
        fixScriptFile: "",
      },
      (name, value) => (outputs[name] = value),
    );
    assert.equal(outputs["file-findings-total"], "2");
    assert.equal(outputs["file-findings-failed"], "1");
    assert.equal(outputs["file-findings-errored"], "0");
    assert.equal(outputs["file-findings-unresolved"], "0");
    assert.equal(outputs["sarif-file"], "/tmp/x.sarif");
    writeOutputs(
      noSubscriptions,
      { reportFile: "/tmp/r.json", sarifFile: "", fixScriptFile: "" },
      (n, v) => (outputs[n] = v),
    );
    assert.equal(outputs["sarif-file"], "");
    assert.equal(outputs["file-findings-total"], "0");
  });
});
