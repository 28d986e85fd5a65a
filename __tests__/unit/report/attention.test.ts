import { presentRun } from "../../../src/report/present.js";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { summarizeRun } from "../../../src/check/run-result.js";
import { renderIssueBody } from "../../../src/github/issue-body.js";
import {
  attentionSection,
  type AttentionContext,
} from "../../../src/report/attention.js";
import { MAX_CODE_LINE } from "../../../src/report/shell.js";
import { renderSummary } from "../../../src/report/summary.js";
import { codeBlockLines, renderGfm } from "../../../test-support/gfm.js";
import { guidFor, resultOf } from "../fixtures.js";
import { assertTablesWellFormed } from "../../../test-support/tables.js";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT = "3c9d8e7f-6a5b-4c3d-8e2f-0a1b2c3d4e5f";
const CLOUDS = [
  ["https://management.azure.com", "https://portal.azure.com"],
  ["https://management.usgovcloudapi.net", "https://portal.azure.us"],
  ["https://management.chinacloudapi.cn", "https://portal.azure.cn"],
] as const;

const results = [
  resultOf(1, "fail", {
    owner: "Jane Doe <jane.doe@contoso.com> | @ops",
    invalidEmails: ["soc@example.com"],
  }),
  resultOf(2, "error", { errorCode: "AuthorizationFailed" }),
  resultOf(3, "pass"),
  resultOf(4, "fail", { noContact: true }),
];
const run = summarizeRun(results);

function context(overrides: Partial<AttentionContext> = {}) {
  return {
    tenantId: TENANT,
    environment: "AzureCloud",
    resourceManagerEndpoint: CLOUDS[0][0],
    maskEmails: true,
    clientId: CLIENT,
    generatedAt: "2025-01-01T00:00:00.000Z",
    reportFile: "/tmp/report.json",
    failures: [],
    runUrl: undefined,
    ...overrides,
  };
}

/** Both renderings, as GitHub shows them, read without the zero-width spaces that defuse mentions. */
function rendered(overrides: Partial<AttentionContext> = {}) {
  const visible = (html: string) => html.replaceAll("\u200B", "");
  const shown = presentRun(run, {
    maskEmails: context(overrides).maskEmails,
  });
  return {
    summary: visible(renderGfm(renderSummary(shown, context(overrides)))),
    issue: visible(renderGfm(renderIssueBody(shown, context(overrides)))),
  };
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("needs attention: portal links", () => {
  for (const [arm, portal] of CLOUDS) {
    it(`links failing and errored subscriptions into ${portal}`, () => {
      for (const html of Object.values(
        rendered({ resourceManagerEndpoint: arm }),
      )) {
        const links = hrefs(html).filter((h) => h.includes("/resource/"));
        assert.deepEqual(
          links.sort(),
          [1, 2, 4].map(
            (n) =>
              `${portal}/#@${TENANT}/resource/subscriptions/${guidFor(n)}/overview`,
          ),
        );
      }
    });
  }

  it("gives no portal link or column for a custom Resource Manager endpoint", () => {
    for (const html of Object.values(
      rendered({ resourceManagerEndpoint: "https://127.0.0.1:8443/arm" }),
    )) {
      assert.deepEqual(
        hrefs(html).filter((h) => h.includes("portal")),
        [],
      );
      assert.ok(!html.includes("<th>Portal</th>"));
    }
  });
});

describe("needs attention: groups, owner, 403 hint", () => {
  const { summary, issue } = rendered();

  it("states each cause once, as a heading with its count, in the documented order", () => {
    for (const html of [summary, issue]) {
      const headings = [...html.matchAll(/<h4>(.*?)<\/h4>/g)].map((m) => m[1]);
      assert.deepEqual(headings, [
        "❌ No security contact is configured · 1 subscription",
        "❌ Only addresses on reserved domains, which never receive mail · 1 subscription",
        "⚠️ Could not be read: access denied (AuthorizationFailed) · 1 subscription",
      ]);
      assert.equal(html.split("<strong>Fix:</strong>").length - 1, 3);
      // The portal path once, not once per group.
      assert.equal(html.split("Environment settings").length - 1, 1);
    }
  });

  it("shows the owner in code, escaped and masked", () => {
    for (const html of [summary, issue]) {
      assert.ok(
        html.includes("<code>Jane Doe &#x3C;j***@contoso.com> | @ops</code>"),
        html,
      );
      assert.ok(!html.includes("jane.doe"));
      assert.ok(!html.includes('<a href="https://github.com/ops'));
    }
  });

  it("shows an unmasked owner and address exactly, with nothing invisible", () => {
    const raw = renderSummary(
      presentRun(run, { maskEmails: false }),
      context({ maskEmails: false }),
    );
    assert.ok(
      raw.includes(
        "<code>Jane Doe &#60;jane.doe@contoso.com&#62; &#124; @ops</code>",
      ) ||
        raw.includes(
          "<code>Jane Doe &#60;jane.doe@contoso.com&#62; | @ops</code>",
        ),
      raw,
    );
    assert.ok(raw.includes("<code>soc@example.com</code> (reserved domain)"));
    const html = renderGfm(raw);
    assert.ok(!html.includes("mailto:"));
    assert.ok(!/<a [^>]*>@?ops/.test(html));
  });

  it("lists the addresses only where they explain the cause", () => {
    assert.ok(
      summary.includes("<code>s***@example.com</code> (reserved domain)"),
    );
    const tables = summary.split("<table>");
    const noContact = tables.find((t) => t.includes(guidFor(4)));
    assert.ok(
      noContact && !noContact.includes("<th>Additional email addresses</th>"),
    );
  });

  it("tells a 403 group which role to assign, with the command for the client ID", () => {
    for (const html of [summary, issue]) {
      assert.match(html, /<strong>Security Reader<\/strong>/);
      const lines = codeBlockLines(html)
        .join("\n")
        .replace(/ \\\n\s+/g, " ");
      assert.ok(
        lines.includes(
          `az role assignment create --assignee ${CLIENT} --role "Security Reader" --scope /subscriptions/${guidFor(2)}`,
        ),
        lines,
      );
    }
  });

  it("asks for the principal ID when there is no client ID", () => {
    const html = renderGfm(
      renderSummary(run, context({ clientId: undefined })),
    );
    assert.match(html, /az ad signed-in-user show --query id -o tsv/);
    assert.match(html, /Object \(principal\) ID/);
    assert.match(
      codeBlockLines(html).join("\n"),
      /--assignee '<principal-id>'/,
    );
  });

  it("keeps every code-block line within 100 characters", () => {
    for (const html of [summary, issue]) {
      const long = codeBlockLines(html).filter((l) => l.length > MAX_CODE_LINE);
      assert.deepEqual(long, []);
    }
  });
});

describe("attentionSection: budget", () => {
  it("stops adding rows at the budget and counts what it left out", () => {
    const many = Array.from({ length: 500 }, (_, n) =>
      resultOf(n + 1, "fail", { displayName: "x".repeat(120) }),
    );
    const section = attentionSection(
      many,
      context(),
      ["additional-emails"],
      20_000,
    );
    assert.ok(Buffer.byteLength(section.markdown) <= 20_000);
    const shown = assertTablesWellFormed(section.markdown);
    assert.ok(shown > 10, `${shown} rows`);
    assert.equal(shown + section.omitted, 500);
  });
});

describe("needs attention: one row per subscription, folded past 50", () => {
  const many = Array.from({ length: 120 }, (_, n) =>
    resultOf(n + 1, "fail", {
      findings: [
        { control: "additional-emails", status: "fail", reason: "R." },
        {
          control: "notify-owners",
          status: n % 2 ? "fail" : "pass",
          reason: "R.",
        },
      ],
    }),
  );
  const markdown = attentionSection(
    many,
    context(),
    ["additional-emails", "notify-owners"],
    400_000,
  ).markdown;

  it("shows 50 rows and folds the rest with its count", () => {
    const [shown, folded] = markdown.split("<details>");
    assert.equal(assertTablesWellFormed(shown ?? ""), 50);
    assert.match(
      folded ?? "",
      /^<summary>70 more subscriptions in this group<\/summary>/,
    );
    assert.equal(assertTablesWellFormed(markdown), 120);
  });

  it("names every failing control of a row in one cell", () => {
    assert.ok(markdown.includes("<th>Fails</th>"));
    assert.ok(markdown.includes("<td>additional-emails<br>notify-owners</td>"));
    assert.ok(markdown.includes("<td>additional-emails</td>"));
  });

  it("marks the rows that are new since the previous run", () => {
    const section = attentionSection(
      many.slice(0, 3),
      {
        ...context(),
        failingSince: new Map([[guidFor(1), "2025-01-01"]]),
        newlyFailing: new Set([guidFor(2), guidFor(3)]),
      },
      ["additional-emails"],
      400_000,
    ).markdown;
    assert.ok(section.includes("<td>2025-01-01</td>"));
    assert.equal(section.split("🆕 new").length - 1, 2);
    assert.match(section, /· 3 subscriptions \(2 new\)/);
  });
});
