/**
 * End-to-end: the hostile pull-request files (ARM JSON and Bicep
 * side) through the bundle with `scan: files`. None may pass; none may crash
 * the run, hang it, read outside the workspace or point SARIF at another file.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { after, describe, test } from "node:test";
import { runAction, type ActionRun } from "../../test-support/run-action.js";

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** A workspace with these files (path → text). */
async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hostile-files-"));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** Kills the bundle after this long: only a hang trips it, never a slow machine. */
const HANG = { timeoutMs: 120_000 };

async function scan(
  files: Record<string, string>,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  const ws = await workspace(files);
  return runAction(
    { scan: "files", ...inputs },
    { GITHUB_WORKSPACE: ws },
    HANG,
  );
}

/** Each path has at least one finding and none of its findings passes. */
function neverPasses(run: ActionRun, paths: readonly string[]): void {
  assert.equal(run.stderr, "", run.stderr);
  for (const path of paths) {
    const findings = run.report?.files.filter((f) => f.path === path) ?? [];
    assert.ok(findings.length > 0, `${path}: no finding\n${run.stdout}`);
    for (const f of findings)
      assert.ok(
        f.status === "fail" || f.status === "error",
        `${path}:${f.line} ${f.status}: ${f.reason}`,
      );
  }
}

const contact = (body: string): string =>
  `resource c 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n  name: 'default'\n  properties: {\n${body}\n  }\n}\n`;

const armContact = (properties: string): string =>
  `{"resources":[{"type":"Microsoft.Security/securityContacts","apiVersion":"2023-12-01-preview","name":"default","properties":${properties}}]}`;

describe("hostile files, ARM JSON and Bicep", () => {
  test("1: a literal before an operator, a quoted key, emails: inside ''' never pass", async () => {
    const files = {
      "ternary.bicep": contact(
        "    emails: 'a@contoso.com' == x ? 'b@contoso.com' : 'security_contact@replace_me'",
      ),
      "coalesce.bicep": contact(
        "    emails: 'a@contoso.com' ?? 'security_contact@replace_me'",
      ),
      "quoted.bicep": contact("    'emails': 'security_contact@replace_me'"),
      "multiline.bicep": contact(
        "    description: '''\n    emails: 'a@contoso.com'\n    '''\n    emails: 'security_contact@replace_me'",
      ),
      "hidden.bicep": contact(
        "    description: '''\n    emails: 'a@contoso.com'\n    '''",
      ),
    };
    const run = await scan(files);
    neverPasses(run, Object.keys(files));
    assert.equal(run.outputs.status, "fail");
  });

  test("4: duplicate keys on the way to a setting are errors; \\u escapes are read as keys", async () => {
    const files = {
      "dup-emails.json": armContact(
        '{"emails":"a@contoso.com","emails":"security_contact@replace_me"}',
      ),
      "dup-case.json": armContact(
        '{"Emails":"a@contoso.com","emails":"security_contact@replace_me"}',
      ),
      "dup-properties.json": `{"resources":[{"type":"Microsoft.Security/securityContacts","name":"default","properties":{"emails":"a@contoso.com"},"properties":{"emails":"x@replace_me"}}]}`,
      "dup.parameters.json": `{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#","parameters":{"emailSecurityContact":{"value":"a@contoso.com"},"emailSecurityContact":{"value":"security_contact@replace_me"}}}`,
      "escaped.json": armContact(
        '{"\\u0065mails":"security_contact@replace_me"}',
      ),
    };
    const run = await scan(files);
    neverPasses(run, Object.keys(files));
    for (const path of Object.keys(files).filter((p) => p.startsWith("dup")))
      assert.ok(
        run.report?.files.some(
          (f) => f.path === path && /duplicate key/.test(f.reason),
        ),
        path,
      );
  });

  test("6 and 7: names that are not valid or catastrophic regular expressions are only data", async () => {
    const evil = "(a|a)*b";
    const files = {
      "labels.json": JSON.stringify({
        parameters: {
          "rg(": { type: "string", defaultValue: "x@replace_me" },
          [evil]: { type: "string", defaultValue: "a".repeat(50_000) },
        },
        variables: { "[": "[parameters('rg(')]" },
        resources: [
          {
            type: "Microsoft.Security/securityContacts",
            name: "rg(",
            properties: { emails: "[variables('[')]" },
          },
          {
            type: "Microsoft.Security/securityContacts",
            name: evil,
            properties: { emails: `[parameters('${evil}')]` },
          },
        ],
      }),
      "labels.bicep": `// ${"a".repeat(50_000)}\nparam emailSecurityContact string = 'rg(@replace_me'\n${contact("    emails: '(a|a)*b'")}`,
    };
    const run = await scan(files);
    neverPasses(run, Object.keys(files));
    assert.equal(run.outputs.status, "fail");
  });

  test("8: megabytes with tens of thousands of settings finish, with a cap on findings per file", async () => {
    const many = 40_000;
    const bicep = Array.from(
      { length: many / 2 },
      (_, i) =>
        `resource c${i} 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n  properties: { emails: 'ops${i}@contoso.com' }\n}`,
    ).join("\n");
    const parameters = JSON.stringify({
      parameters: Object.fromEntries(
        Array.from({ length: many }, (_, i) => [
          `p${i}`,
          { value: { emailSecurityContact: { value: `ops${i}@contoso.com` } } },
        ]),
      ),
    });
    assert.ok(bicep.length > 1.8 * 1024 * 1024);
    const run = await scan({
      "big.bicep": bicep,
      "big.parameters.json": parameters,
    });
    assert.equal(run.exitCode, 1, run.stderr);
    for (const path of ["big.bicep", "big.parameters.json"]) {
      const findings = run.report?.files.filter((f) => f.path === path) ?? [];
      assert.equal(findings.length, 201, path);
      assert.ok(
        findings.some(
          (f) => f.status === "error" && /more than 200/.test(f.reason),
        ),
      );
    }
  });

  test("9: a directory link named by the files pattern is not followed out of the workspace", async () => {
    const outside = await workspace({
      "secret/contact.bicep": contact(
        "    emails: 'outside-secret@contoso.com'",
      ),
    });
    const ws = await workspace({
      "infra/main.bicep": contact("    emails: 'ops@contoso.com'"),
    });
    await symlink(join(outside, "secret"), join(ws, "platform"));
    // A module and a loadJsonContent that climb out with `..` are not followed either.
    const climb = `../../${basename(outside)}/secret/contact.bicep`;
    await writeFile(
      join(ws, "infra", "escape.bicep"),
      `module m '${climb}' = {\n  params: {}\n}\nvar x = loadJsonContent('${climb}')\n${contact("    emails: x.mail")}`,
    );
    const run = await runAction(
      { scan: "files", files: "platform/**/*.bicep, infra/**/*.bicep" },
      { GITHUB_WORKSPACE: ws },
      HANG,
    );
    assert.equal(run.stderr, "");
    assert.deepEqual(
      [...new Set(run.report?.files.map((f) => f.path))],
      ["infra/escape.bicep", "infra/main.bicep"],
    );
    for (const text of [
      run.stdout,
      run.summary,
      JSON.stringify(run.report),
      JSON.stringify(run.sarif),
    ])
      assert.doesNotMatch(text, /outside-secret/);
    for (const skipped of [/platform/, /secret\/contact\.bicep/])
      assert.ok(
        run.annotations.some(
          (a) => a.level === "notice" && skipped.test(a.message),
        ),
        run.stdout,
      );
  });

  test("10: SARIF URIs are encoded per segment and resolve to the file itself", async () => {
    const failing = contact("    emails: 'security_contact@replace_me'");
    const run = await scan({
      "infra/%6Dain.bicep": failing,
      "infra/x#y z.bicep": failing,
      "infra/main.bicep": contact("    emails: 'ops@contoso.com'"),
    });
    const sarif = run.sarif as {
      runs: {
        results: {
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId: string };
            };
          }[];
        }[];
      }[];
    };
    const uris = sarif.runs[0]?.results.map(
      (r) => r.locations[0]?.physicalLocation.artifactLocation,
    );
    assert.deepEqual(uris, [
      { uri: "infra/%256Dain.bicep", uriBaseId: "%SRCROOT%" },
      { uri: "infra/x%23y%20z.bicep", uriBaseId: "%SRCROOT%" },
    ]);
    const root = new URL("file:///src/");
    assert.deepEqual(
      uris?.map((u) =>
        decodeURIComponent(new URL(u?.uri ?? "", root).pathname),
      ),
      ["/src/infra/%6Dain.bicep", "/src/infra/x#y z.bicep"],
    );
  });
});

describe("unresolved: decided at deployment", () => {
  const template = `param mail string\n${contact("    emails: mail")}`;

  test("a repository whose only findings are unresolved passes, and says so", async () => {
    const run = await scan({ "infra/contact.bicep": template });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, "pass");
    assert.equal(run.outputs["file-findings-unresolved"], "1");
    assert.equal(run.outputs["file-findings-errored"], "0");
    assert.equal(run.report?.schemaVersion, 4);
    const [only] = run.report?.files ?? [];
    assert.equal(only?.status, "unresolved");
    assert.match(only?.reason ?? "", /parameter mail .* decided at deployment/);
    assert.match(run.summary, /decided at deployment/);
  });

  test("fail-on-unresolved: true fails the step on them", async () => {
    const run = await scan(
      { "infra/contact.bicep": template },
      { "fail-on-unresolved": "true" },
    );
    assert.equal(run.exitCode, 1);
    assert.match(run.stdout, /decided only at deployment/);
  });

  test("a parameter file beside the template decides it: the finding points there, the template is related", async () => {
    const run = await scan({
      "infra/contact.bicep": template,
      "infra/parameters/contact.parameters.prod.json": JSON.stringify(
        {
          $schema:
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
          parameters: { mail: { value: "security_contact@replace_me" } },
        },
        null,
        2,
      ),
    });
    assert.equal(run.outputs.status, "fail");
    const [only] = run.report?.files ?? [];
    assert.equal(only?.path, "infra/parameters/contact.parameters.prod.json");
    assert.equal(only?.line, 5);
    assert.deepEqual(only?.usedAt, {
      path: "infra/contact.bicep",
      line: 2,
      setting: "c.properties.emails",
    });
    const result = (
      run.sarif as {
        runs: { results: { relatedLocations?: unknown[] }[] }[];
      }
    ).runs[0]?.results[0];
    assert.equal(result?.relatedLocations?.length, 1);
  });
});
