/**
 * The report a security lead routes work from, end to end: the real bundle
 * against a 300-subscription tenant with every control selected, 60
 * subscriptions failing in six ways and 5 unreadable. One row per
 * subscription, a fix stated once per group, a complete fix script, owners
 * people can use, and what changed since the previous run.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { guid, startFake, type Fake } from "../../test-support/fake/index.js";
import {
  breakContact,
  FAILING,
  fix,
  OWNERS,
  ROUTING_GROUPS,
  routingTenant,
  UNREADABLE,
} from "../../test-support/fake/routing-tenant.js";
import {
  fakeInputs,
  runAction,
  runnerEnv,
  type ActionRun,
} from "../../test-support/run-action.js";

const PRIVATE = { repository: { private: true, visibility: "private" } };
const PUBLIC = { repository: { private: false, visibility: "public" } };

/** The "Needs attention" section of a summary or issue body. */
function needsAttention(markdown: string): string {
  const start = markdown.search(
    /^### (Needs attention|Subscriptions that need attention)$/m,
  );
  assert.ok(start >= 0, "no Needs attention section");
  const end = markdown
    .slice(start + 4)
    .search(/^### |^<details><summary>Passing/m);
  return markdown.slice(start, end < 0 ? undefined : start + 4 + end);
}

/** Subscription IDs of the rows in `markdown`, in order. */
function rowIds(markdown: string): string[] {
  return [
    ...markdown.matchAll(/<tr><td>[^\n]*?<samp>([0-9a-f-]{36})<\/samp>/g),
  ].map((m) => m[1] ?? "");
}

/** Each `#### ` group heading with the block below it. */
function groups(section: string): { heading: string; block: string }[] {
  return section
    .split(/^(?=#### )/m)
    .filter((part) => part.startsWith("#### "))
    .map((part) => ({ heading: part.split("\n")[0] ?? "", block: part }));
}

async function run(
  fake: Fake,
  inputs: Record<string, string>,
  event: unknown,
): Promise<ActionRun> {
  return runAction(
    { ...fakeInputs(fake), checks: "all", ...inputs },
    runnerEnv(fake),
    { timeoutMs: 120_000, event },
  );
}

describe("Needs attention in a 300-subscription tenant, private repository", () => {
  let fake: Fake;
  let first: ActionRun;
  let second: ActionRun;
  const tracking = { "create-issue": "true", "github-token": "ghs_test" };

  before(async () => {
    fake = await startFake({ tenant: routingTenant() });
    first = await run(fake, tracking, PRIVATE);
    // Between runs: 10 fixed, 3 broken.
    for (const n of FAILING.slice(0, 10)) fix(fake.tenant, n);
    for (const n of [1, 2, 4]) breakContact(fake.tenant, n);
    second = await run(fake, tracking, PRIVATE);
  });
  after(() => fake.close());

  it("has exactly one row per failing or unreadable subscription", () => {
    assert.equal(first.exitCode, 1, first.stderr);
    assert.equal(first.outputs["subscriptions-failed"], "60");
    assert.equal(first.outputs["subscriptions-errored"], "5");
    const ids = rowIds(needsAttention(first.summary));
    assert.equal(ids.length, 65);
    assert.deepEqual(
      ids.toSorted(),
      [...FAILING, ...UNREADABLE].map(guid).toSorted(),
    );
  });

  it("stays under 100 KB", () => {
    const bytes = Buffer.byteLength(first.summary);
    assert.ok(bytes < 100 * 1024, `${bytes} bytes`);
  });

  it("names every control a row fails in one cell", () => {
    const section = needsAttention(first.summary);
    const row = section.split("\n").find((l) => l.includes(guid(10))) ?? "";
    assert.ok(
      row.endsWith("<td>additional-emails<br>notify-owners</td></tr>"),
      row,
    );
    assert.ok(!section.includes("<th>notify-owners</th>"));
  });

  it("states each group's fix once, the portal path once, and errors in groups of their own", () => {
    const section = needsAttention(first.summary);
    const all = groups(section);
    assert.equal(all.length, 7);
    for (const { heading, block } of all) {
      assert.equal(block.split("**Fix:**").length - 1, 1, heading);
    }
    assert.equal(section.split("Environment settings").length - 1, 1);
    const errors = all.filter((g) => g.heading.startsWith("#### ⚠️"));
    assert.deepEqual(
      errors.map((g) => rowIds(g.block).length),
      [5],
    );
    const fixSection = first.summary.slice(
      first.summary.indexOf("### How to fix"),
    );
    assert.doesNotMatch(fixSection, /Environment settings|\*\*Fix:\*\*/);
  });

  it("writes a script for all 60 failing subscriptions that adds addresses and replaces none", () => {
    const script = first.fixScript ?? "";
    assert.ok(first.outputs["fix-script"]?.endsWith("security-contact-fix.sh"));
    for (const n of FAILING) assert.ok(script.includes(guid(n)), `${n}`);
    for (const n of UNREADABLE) assert.ok(!script.includes(guid(n)), `${n}`);
    assert.match(script, /\.add \+= \[\$a\]/);
    assert.doesNotMatch(script, /\.properties\.emails = \$emails/);
    // The placeholders are kept and listed, not dropped.
    assert.match(
      script,
      /# {5}security_contact@replace_me\.com \(placeholder\)/,
    );
    assert.equal(spawnSync("bash", ["-n"], { input: script }).status, 0);
    // 60 is past what the summary shows: it names the file and the artifact.
    assert.match(
      first.summary,
      /60 subscriptions, see `security-contact-fix\.sh` \(the `fix-script` output\)/,
    );
    assert.match(first.summary, /name: security-contact-fix/);
  });

  it("shows owners and addresses that copy exactly in a private repository", () => {
    const section = needsAttention(first.summary);
    for (const owner of OWNERS) {
      assert.ok(section.includes(`<td><code>${owner}</code></td>`), owner);
    }
    assert.ok(
      section.includes(
        "<code>security_contact@replace_me.com</code> (placeholder)",
      ),
    );
    assert.ok(
      !/@\u200B/.test(section.replace(/<td>Landing zone[^<]*<\/td>/g, "")),
    );
    const row = first.report?.subscriptions.find(
      (r) => r.subscriptionId === guid(5),
    );
    assert.equal(row?.owner, OWNERS[0]);
  });

  it("says what changed since the previous run, in the summary and the issue", () => {
    assert.doesNotMatch(first.summary, /Since the previous run/);
    assert.match(second.summary, /Since the previous run: 3 new, 10 fixed\./);
    const [issue] = fake.github.issues;
    assert.ok(issue, "no tracking issue");
    assert.match(issue.body, /Since the previous run: 3 new, 10 fixed\./);
    for (const markdown of [second.summary, issue.body]) {
      const section = needsAttention(markdown);
      const marked = section
        .split("\n")
        .filter((l) => l.includes("🆕 new"))
        .flatMap(rowIds);
      assert.deepEqual(marked.toSorted(), [1, 2, 4].map(guid).toSorted());
    }
    assert.equal(rowIds(needsAttention(second.summary)).length, 65 - 10 + 3);
  });

  it("gives timestamps to the second and does not repeat the counts line", () => {
    assert.match(first.summary, /· \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\n/);
    assert.doesNotMatch(first.summary, /\d{2}:\d{2}:\d{2}\.\d{3}/);
    const why = first.summary.slice(
      first.summary.indexOf("**This step fails because:**"),
      first.summary.indexOf("### Needs attention"),
    );
    assert.doesNotMatch(why, /\b60\b|\b5 subscriptions\b/);
  });
});

describe("Needs attention, public repository and group-by", () => {
  let fake: Fake;
  before(async () => {
    fake = await startFake({ tenant: routingTenant() });
  });
  after(() => fake.close());

  it("masks owners and addresses in a public repository", async () => {
    const result = await run(fake, {}, PUBLIC);
    const section = needsAttention(result.summary);
    assert.ok(section.includes("<td><code>a***@contoso.com</code></td>"));
    assert.ok(!section.includes("alice.admin"));
    assert.ok(!(result.fixScript ?? "").includes("alice.admin"));
    assert.ok(!(result.fixScript ?? "").includes("security_contact@"));
    const row = result.report?.subscriptions.find(
      (r) => r.subscriptionId === guid(5),
    );
    assert.equal(row?.owner, "a***@contoso.com");
  });

  it("group-by: management-group groups by each subscription's management group", async () => {
    const result = await run(
      fake,
      {
        "group-by": "management-group",
        "management-groups": ROUTING_GROUPS.join(","),
      },
      PRIVATE,
    );
    assert.equal(result.exitCode, 1, result.stderr);
    const all = groups(needsAttention(result.summary));
    const failing = all.filter((g) => g.heading.startsWith("#### ❌"));
    assert.deepEqual(
      failing.map((g) => /`([^`]+)`/.exec(g.heading)?.[1]),
      [...ROUTING_GROUPS],
    );
    for (const [i, group] of failing.entries()) {
      const ids = rowIds(group.block);
      assert.equal(ids.length, 20, group.heading);
      for (const id of ids) {
        const n = parseInt(id.slice(-12), 16);
        assert.equal(Math.floor((n - 1) / 100), i, `${n} in ${group.heading}`);
      }
      assert.equal(group.block.split("**Fix:**").length - 1, 1);
    }
    // Errors keep their own group.
    assert.equal(rowIds(all.at(-1)?.block ?? "").length, 5);
  });

  it("group-by: owner groups by the owner tag", async () => {
    const result = await run(fake, { "group-by": "owner" }, PRIVATE);
    const failing = groups(needsAttention(result.summary)).filter((g) =>
      g.heading.startsWith("#### ❌"),
    );
    assert.deepEqual(
      failing.map((g) => /`([^`]+)`/.exec(g.heading)?.[1]).toSorted(),
      [...OWNERS].toSorted(),
    );
    assert.deepEqual(
      failing.map((g) => rowIds(g.block).length),
      [20, 20, 20],
    );
  });

  it("rejects an unknown group-by before any request", async () => {
    const before = fake.requests.length;
    const result = await run(fake, { "group-by": "team" }, PRIVATE);
    assert.equal(result.exitCode, 1);
    assert.match(
      result.stdout,
      /Input 'group-by' has the value "team", but one of cause, management-group, owner was expected/,
    );
    assert.equal(fake.requests.length, before);
  });
});
