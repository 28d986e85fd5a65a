import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  codeHtml,
  codeSpan,
  escapeMarkdown,
  secondsUtc,
  htmlTable,
  idCell,
  tableRow,
  truncate,
} from "../../../src/report/markdown.js";
import { renderGfm } from "../../../test-support/gfm.js";

/** Characters that must never survive escaping. */
const RAW = /[<>|@*`[]/;

/** True when `text` holds a lone (unpaired) UTF-16 surrogate. */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(
    text,
  );
}

describe("escapeMarkdown", () => {
  const cases: Array<[string, string]> = [
    ["<script>", "&#60;script&#62;"],
    ["a|b", "a&#124;b"],
    ["@team", "&#64;\u200Bteam"],
    ["#1", "&#35;\u200B1"],
    ["**bold**", "&#42;&#42;bold&#42;&#42;"],
    ["`code`", "&#96;code&#96;"],
    ["[x](y)", "&#91;x&#93;(y)"],
  ];
  for (const [input, expected] of cases) {
    it(`neutralises ${JSON.stringify(input)}`, () => {
      const output = escapeMarkdown(input);
      assert.equal(output, expected);
      assert.doesNotMatch(output, RAW);
    });
  }

  it("turns newlines into spaces", () => {
    assert.equal(escapeMarkdown("line1\nline2"), "line1 line2");
    assert.equal(escapeMarkdown("line1\r\nline2"), "line1 line2");
    assert.doesNotMatch(escapeMarkdown("a\r\n\tb\n"), /[\r\n]/);
  });

  it("leaves plain text alone", () => {
    assert.equal(
      escapeMarkdown("Contoso Production 01"),
      "Contoso Production 01",
    );
  });

  it("escapes & so that entities in Azure text stay literal", () => {
    assert.equal(escapeMarkdown("&lt;b&gt;"), "&#38;lt;b&#38;gt;");
  });

  it("neutralises a hostile display name completely", () => {
    const hostile =
      "Prod | <script>alert(1)</script> **x** @team #1 `y` [l](https://e.test)\nline2";
    const output = escapeMarkdown(hostile);
    assert.doesNotMatch(output, RAW);
    assert.doesNotMatch(output, /[\r\n]/);
    assert.ok(output.includes("&#35;\u200B1"));
    assert.ok(!output.includes("https://"));
  });
});

describe("escapeMarkdown defuses GitHub's references and autolinks", () => {
  /** What GitHub sees once entities are decoded: no reference may survive. */
  const rendered = (text: string): string =>
    escapeMarkdown(text).replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCodePoint(Number(code)),
    );

  it("puts a zero-width space after every @ and #", () => {
    assert.equal(rendered("@octo/team"), "@\u200Bocto/team");
    assert.equal(rendered("owner/repo#2"), "owner/repo#\u200B2");
    assert.equal(rendered("ops@contoso.com"), "ops@\u200Bcontoso.com");
  });

  it("keeps entity tricks literal: &#64;team and &#35;1", () => {
    assert.equal(rendered("&#64;team"), "&#\u200B64;team");
    assert.equal(rendered("&#35;1"), "&#\u200B35;1");
  });

  it("breaks www. autolinks and GH- references", () => {
    assert.equal(
      rendered("www.evil.example/login"),
      "www\u200B.evil.example/login",
    );
    assert.equal(
      rendered("see GH-1 and gh-2"),
      "see GH\u200B-1 and gh\u200B-2",
    );
  });

  it("breaks anything shaped like a commit SHA, but not a GUID", () => {
    assert.equal(rendered("fix 1a2b3c4d"), "fix 1a2b3c\u200B4d");
    const sha = "0123456789abcdef0123456789abcdef01234567";
    assert.equal(rendered(sha), `012345\u200B${sha.slice(6)}`);
    const id = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
    assert.equal(rendered(id), id);
  });

  it("strips right-to-left overrides and zero-width characters", () => {
    assert.equal(rendered("Prod\u202Egnp.exe\u200D\uFEFF"), "Prodgnp.exe");
  });
});

describe("truncate", () => {
  it("returns short text unchanged", () => {
    assert.equal(truncate("short", 10), "short");
    assert.equal(truncate("exact", 5), "exact");
  });

  it("shortens long text to max characters, ending in an ellipsis", () => {
    assert.equal(truncate("abcdefghij", 5), "abcd…");
  });

  it("does not split surrogate pairs", () => {
    const text = "😀".repeat(10);
    const output = truncate(text, 4);
    assert.equal(output, "😀😀😀…");
    assert.equal(hasLoneSurrogate(output), false);
  });

  it("does not split a surrogate pair at any cut", () => {
    const text = "a😀b𝒳c😀😀d";
    for (let max = 1; max <= Array.from(text).length; max++) {
      const output = truncate(text, max);
      assert.equal(hasLoneSurrogate(output), false, `max ${max}: ${output}`);
      assert.ok(Array.from(output).length <= max, `max ${max}: ${output}`);
    }
  });
});

describe("idCell and htmlTable", () => {
  const ID = "7e4f2a1c-5b3d-4c6e-9f80-1a2b3c4d5e6f";
  const table = htmlTable(
    ["Subscription", "ID"],
    [[`<td>${escapeMarkdown("Prod | <b>")}</td>`, idCell(ID)]],
  );

  it("survives GitHub's sanitizer with nowrap and the exact ID", () => {
    const html = renderGfm(`Before\n\n${table}\n\nAfter`);
    assert.match(html, new RegExp(`<td nowrap><samp>${ID}</samp></td>`));
    assert.match(html, /<td>Prod \| &#x3C;b><\/td>/);
    assert.match(html, /<p>After<\/p>/, "the block ends at the table");
  });

  it("is one block: no blank line inside", () => {
    assert.ok(!/\n\s*\n/.test(table));
  });
});

describe("tableRow", () => {
  it("joins cells into one GFM row", () => {
    assert.equal(tableRow(["a", "b", "c"]), "| a | b | c |");
  });
});

describe("codeHtml and codeSpan: text people copy", () => {
  it("keeps an address exactly, with nothing invisible, inside code", () => {
    assert.equal(
      codeHtml("o'neil+ops@contoso.com"),
      "<code>o&#39;neil+ops@contoso.com</code>",
    );
    const html = renderGfm(
      `<table><tr><td>${codeHtml("jane@contoso.com")}</td></tr></table>`,
    );
    assert.ok(html.includes("<code>jane@contoso.com</code>"), html);
    assert.ok(!html.includes("mailto:"));
  });

  it("cannot open a tag or hide a character", () => {
    assert.equal(
      codeHtml("<img src=x>\u200b\u202e\nx"),
      "<code>&#60;img src=x&#62; x</code>",
    );
  });

  it("a code span no backtick run can close", () => {
    assert.equal(codeSpan("corp"), "`corp`");
    assert.equal(codeSpan("a``b"), "```a``b```");
    assert.equal(codeSpan("`x"), "`` `x ``");
    const html = renderGfm(`# ${codeSpan("a`` <b>x</b> @team")}`);
    assert.ok(
      html.includes("<code>a`` &#x3C;b>x&#x3C;/b> @team</code>") ||
        html.includes("<code>a`` &lt;b&gt;x&lt;/b&gt; @team</code>"),
      html,
    );
  });
});

describe("secondsUtc", () => {
  it("shows our timestamps to the second", () => {
    assert.equal(
      secondsUtc("2026-11-27T05:17:03.512Z"),
      "2026-11-27 05:17:03 UTC",
    );
    assert.equal(secondsUtc("not a time"), "not a time");
  });
});
