import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { summarizeRun } from "../../../src/check/run-result.js";
import type { RunResult } from "../../../src/check/run-result.js";
import type { SubscriptionResult } from "../../../src/check/model.js";
import { escapeMarkdown } from "../../../src/report/markdown.js";
import { countsLine, headline } from "../../../src/report/sections.js";
import { renderSummary } from "../../../src/report/summary.js";
import type { SummaryContext } from "../../../src/report/summary.js";
import { guidFor, resultOf } from "../fixtures.js";
import {
  assertTablesWellFormed,
  tableRows,
} from "../../../test-support/tables.js";

const REPORT_FILE = "/home/runner/work/_temp/security-contact-report.json";
const HOSTILE_NAME = "Prod | <script>alert(1)</script> **x** @team\nline2";
const ONE_MIB = 1_048_576;

function context(overrides: Partial<SummaryContext> = {}): SummaryContext {
  return {
    tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    environment: "AzureCloud",
    resourceManagerEndpoint: "https://management.azure.com",
    maskEmails: true,
    reportFile: REPORT_FILE,
    generatedAt: "2025-01-01T00:00:00.000Z",
    failures: [],
    ...overrides,
  };
}

/** Index of the table row for a subscription, found by its ID. */
function rowIndex(markdown: string, subscriptionId: string): number {
  const lines = markdown.split("\n");
  const index = lines.findIndex(
    (line) => line.startsWith("<tr>") && line.includes(subscriptionId),
  );
  assert.ok(index >= 0, `no row for ${subscriptionId}`);
  return index;
}

function mixedRun(): RunResult {
  return summarizeRun([
    resultOf(1, "pass"),
    resultOf(2, "skipped"),
    resultOf(3, "fail"),
    resultOf(4, "pass"),
    resultOf(5, "error"),
    resultOf(6, "fail"),
  ]);
}

describe("renderSummary: layout", () => {
  it("puts the verdict first and the counts before any table", () => {
    const run = mixedRun();
    const markdown = renderSummary(run, context());
    const lines = markdown.split("\n");
    assert.equal(run.status, "fail");
    assert.ok(lines[0]?.startsWith("#"), lines[0]);
    assert.ok(lines[0]?.includes(headline("fail")), lines[0]);
    const counts = markdown.indexOf(countsLine(run.counts));
    assert.ok(counts >= 0, "counts line missing");
    const firstTable = lines.findIndex((line) => line.startsWith("<table>"));
    assert.ok(counts < markdown.indexOf(lines[firstTable] ?? ""));
    assert.ok(lines.slice(0, 10).join("\n").includes(countsLine(run.counts)));
  });

  it("shows the counts of each verdict", () => {
    const line = countsLine(mixedRun().counts);
    assert.match(line, /\b6\b/);
    assert.match(line, /2 passed/);
    assert.match(line, /2 failed/);
    assert.match(line, /1 errored/);
    assert.match(line, /1 skipped/);
  });

  it("headlines each run status differently", () => {
    const all = new Set([
      headline("pass"),
      headline("fail"),
      headline("error"),
    ]);
    assert.equal(all.size, 3);
    const markdown = renderSummary(
      summarizeRun([resultOf(1, "pass")]),
      context(),
    );
    assert.ok(markdown.startsWith(`## ${headline("pass")}`));
  });

  it("lists failing and errored rows before passing and skipped ones", () => {
    const markdown = renderSummary(mixedRun(), context());
    const urgent = [3, 6, 5].map((n) => rowIndex(markdown, guidFor(n)));
    const rest = [1, 4, 2].map((n) => rowIndex(markdown, guidFor(n)));
    assert.ok(Math.max(...urgent) < Math.min(...rest));
    // Failures come before errors.
    assert.ok(urgent[0] !== undefined && urgent[2] !== undefined);
    assert.ok(Math.max(urgent[0], urgent[1] ?? 0) < urgent[2]);
  });

  it("folds passing and skipped rows inside <details>, and only those", () => {
    const markdown = renderSummary(mixedRun(), context());
    const lines = markdown.split("\n");
    const open = lines.findIndex((line) => line.startsWith("<details>"));
    const close = lines.findIndex((line) => line.startsWith("</details>"));
    assert.ok(open >= 0 && close > open, "no <details> block");
    for (const n of [1, 2, 4]) {
      const row = rowIndex(markdown, guidFor(n));
      assert.ok(row > open && row < close, `row ${n} is not folded`);
    }
    for (const n of [3, 5, 6]) {
      const row = rowIndex(markdown, guidFor(n));
      assert.ok(row < open, `row ${n} is folded`);
    }
  });

  it("has no <details> block when nothing passed or was skipped", () => {
    const markdown = renderSummary(
      summarizeRun([resultOf(1, "fail")]),
      context(),
    );
    assert.ok(!markdown.includes("<details>"));
  });

  it("lists the failure reasons it was given, escaped", () => {
    const markdown = renderSummary(
      mixedRun(),
      context({
        failures: [{ reason: "2 subscriptions lack <an> address" }],
      }),
    );
    assert.ok(
      markdown.includes(escapeMarkdown("2 subscriptions lack <an> address")),
    );
    assert.ok(!markdown.includes("<an>"));
  });
});

describe("renderSummary: escaping", () => {
  const hostile: SubscriptionResult[] = (
    ["fail", "error", "pass", "skipped"] as const
  ).map((status, index) =>
    resultOf(index + 1, status, {
      displayName: HOSTILE_NAME,
      reason: "Because | <img src=x> @admins\n| injected | row |",
      invalidEmails: ["x|y@<b>.com"],
    }),
  );
  const markdown = renderSummary(summarizeRun(hostile), context());

  it("never writes a raw <script> or <img>", () => {
    assert.ok(!markdown.includes("<script>"));
    assert.ok(!markdown.includes("<img"));
    assert.ok(!markdown.includes("<b>"));
  });

  it("never mentions a team", () => {
    assert.ok(!markdown.includes("@team"));
    assert.ok(!markdown.includes("@admins"));
  });

  it("keeps every table row at exactly its header's cells", () => {
    // Tables are HTML (never-wrapping ID cells): a `|` or `<td>` in a name
    // must not add a cell.
    assert.equal(assertTablesWellFormed(markdown), 4);
  });

  it("does not let a newline in a name start a new line", () => {
    for (const line of markdown.split("\n")) {
      assert.ok(!line.startsWith("line2"), line);
      assert.ok(!line.startsWith("| injected"), line);
    }
  });

  it("shows the escaped display name", () => {
    assert.ok(markdown.includes(escapeMarkdown(HOSTILE_NAME)));
  });
});

describe("renderSummary: management groups", () => {
  it("adds a Management group column, escaped, only when a row came through a group", () => {
    const grouped = renderSummary(
      summarizeRun([
        resultOf(1, "fail", { managementGroup: "corp|eu" }),
        resultOf(2, "pass"),
      ]),
      context(),
    );
    // HTML tables since issue 15: the group table and the folded one both
    // carry the column right after the ID.
    const headers = grouped.split("\n").filter((l) => l.startsWith("<thead>"));
    assert.equal(headers.length, 2);
    for (const header of headers) {
      assert.match(header, /<th>ID<\/th><th>Management group<\/th>/);
    }
    const row = (n: number) =>
      tableRows(grouped).find((l) => l.includes(guidFor(n))) ?? "";
    assert.match(row(1), /<\/samp><\/td><td>corp&#124;eu<\/td>/);
    assert.match(row(2), /<\/samp><\/td><td>—<\/td><td>✅ pass<\/td>/);

    const plain = renderSummary(summarizeRun([resultOf(1, "fail")]), context());
    assert.doesNotMatch(plain, /Management group/);
  });
});

describe("renderSummary: addresses", () => {
  const run = summarizeRun([
    resultOf(1, "pass", {
      emails: ["jane@contoso.com"],
      invalidEmails: ["security-team"],
    }),
    resultOf(2, "fail", { emails: [], invalidEmails: ["ops@localhost"] }),
  ]);

  it("masks addresses when maskEmails is true", () => {
    const markdown = renderSummary(run, context({ maskEmails: true }));
    assert.ok(markdown.includes("<code>j***@contoso.com</code>"));
    assert.ok(markdown.includes("<code>s***</code>"));
    assert.ok(markdown.includes("<code>o***@localhost</code>"));
    for (const raw of ["jane", "security-team", "ops&#64;localhost"]) {
      assert.ok(!markdown.includes(raw), `${raw} leaked`);
    }
  });

  it("shows addresses as they are when maskEmails is false", () => {
    const markdown = renderSummary(run, context({ maskEmails: false }));
    assert.ok(markdown.includes("<code>jane@contoso.com</code>"));
    assert.ok(markdown.includes("<code>security-team</code> (invalid)"));
    assert.ok(markdown.includes("<code>ops@localhost</code> (invalid)"));
    assert.ok(!markdown.includes("***"));
  });
});

describe("renderSummary: how to fix", () => {
  it("appears when something failed, with the 2023-12-01-preview body", () => {
    const markdown = renderSummary(mixedRun(), context());
    const start = markdown.indexOf("How to fix");
    assert.ok(start >= 0, "no How to fix section");
    const section = markdown.slice(start);
    assert.ok(section.includes("az rest --method put"));
    assert.ok(section.includes("az rest --method get"));
    assert.ok(section.includes("2023-12-01-preview"));
    assert.ok(section.includes(".properties.emails = ("));
    assert.ok(section.includes(': "${SECURITY_CONTACT_EMAILS:?'));
    assert.ok(!section.includes("@example.com"));
    assert.ok(!markdown.includes("alertsToAdmins"));
    assert.ok(!markdown.includes("alertNotifications"));
  });

  it("names the failing subscription in the command when only one failed", () => {
    const markdown = renderSummary(
      summarizeRun([resultOf(7, "fail"), resultOf(8, "pass")]),
      context({
        resourceManagerEndpoint: "https://management.usgovcloudapi.net",
      }),
    );
    const section = markdown.slice(markdown.indexOf("How to fix"));
    assert.ok(section.includes('arm="https://management.usgovcloudapi.net"'));
    assert.ok(section.includes(`for id in \\\n  ${guidFor(7)}; do`));
  });

  it("does not appear when everything passed", () => {
    const markdown = renderSummary(
      summarizeRun([resultOf(1, "pass")]),
      context(),
    );
    assert.ok(!markdown.includes("How to fix"));
    assert.ok(!markdown.includes("az rest"));
  });

  it("does not appear when subscriptions only errored", () => {
    const markdown = renderSummary(
      summarizeRun([resultOf(1, "error"), resultOf(2, "pass")]),
      context(),
    );
    assert.ok(!markdown.includes("How to fix"));
  });
});

describe("renderSummary: size", () => {
  it("stays under 1 MiB for 10,000 subscriptions and points at the report file", () => {
    const results: SubscriptionResult[] = [];
    for (let n = 0; n < 10_000; n++) {
      const status =
        (["fail", "pass", "error", "skipped"] as const)[n % 4] ?? "pass";
      results.push(
        resultOf(n, status, {
          displayName: `${"Contoso | <Very> Long *Name* ".repeat(10)}${n}`,
          reason: `${"A long reason with <markup> & | pipes. ".repeat(12)}`,
          emails:
            status === "pass"
              ? [`owner${n}@contoso.com`, `ops${n}@contoso.com`]
              : [],
          invalidEmails: [`bad-${n}`],
        }),
      );
    }
    const run = summarizeRun(results);
    const markdown = renderSummary(
      run,
      context({
        failures: [
          {
            reason: "2500 subscriptions lack a valid address",
            restates: "failed",
          },
        ],
      }),
    );
    assert.ok(
      Buffer.byteLength(markdown, "utf8") < ONE_MIB,
      `${Buffer.byteLength(markdown, "utf8")} bytes`,
    );
    assert.ok(markdown.includes(escapeMarkdown(REPORT_FILE)));
    const shown = tableRows(markdown).length;
    assert.ok(shown > 0 && shown < 10_000, `${shown} rows shown`);
    assert.equal(assertTablesWellFormed(markdown), shown);
  });
});
