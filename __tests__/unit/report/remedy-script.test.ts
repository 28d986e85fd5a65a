import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTROLS, controlsById } from "../../../src/check/controls/index.js";
import { remedyScript } from "../../../src/report/remedy-script.js";

const IDS = Array.from(
  { length: 5 },
  (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
);

describe("remedyScript", () => {
  const script = remedyScript(CONTROLS, "https://management.azure.com", IDS);

  it("keeps every line within 100 characters", () => {
    for (const line of script) assert.ok(line.length <= 100, line);
  });

  it("reads the current contact, merges, then PUTs the merged body", () => {
    const text = script.join("\n");
    const get = text.indexOf("az rest --method get");
    const merge = text.indexOf("jq -c");
    const put = text.indexOf("az rest --method put");
    assert.ok(get >= 0 && get < merge && merge < put, text);
    assert.match(text, /\{properties: \(\.properties \/\/ \{\}\)\}/);
    assert.match(text, /api-version=2023-12-01-preview/);
  });

  it("refuses to run until the user sets their addresses", () => {
    assert.equal(
      script[0],
      `: "\${SECURITY_CONTACT_EMAILS:?set it to the addresses of your security team, separated by ;}"`,
    );
    assert.doesNotMatch(script.join("\n"), /\w@\w/);
  });

  it("writes the addresses once when additional-emails and deliverable-emails both fail", () => {
    const text = script.join("\n");
    assert.equal(text.split("SECURITY_CONTACT_EMAILS:?").length, 2, text);
    assert.equal(text.split("--arg emails").length, 2, text);
    assert.equal(text.split(".properties.emails = $emails").length, 2, text);
  });

  it("needs no address when no address control failed", () => {
    const text = remedyScript(
      controlsById(["notify-owners"]),
      "https://management.azure.com",
      IDS.slice(0, 1),
    ).join("\n");
    assert.doesNotMatch(text, /SECURITY_CONTACT_EMAILS/);
    assert.match(text, /notificationsByRole/);
    assert.doesNotMatch(text, /notificationsSources/);
  });

  it("loops over every failing subscription", () => {
    const text = script.join("\n");
    for (const id of IDS) assert.ok(text.includes(id), id);
  });
});

/**
 * Runs the script for real with bash and jq; only `az` is a stand-in (it
 * cannot run here): GET answers `current`, PUT records the body it was given.
 */
async function runScript(
  current: { status: "ok"; body: unknown } | { status: "missing" | "denied" },
  env: Record<string, string>,
): Promise<{ code: number; put: unknown; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), "remedy-test-"));
  try {
    await writeFile(
      join(dir, "current.json"),
      current.status === "ok" ? JSON.stringify(current.body) : "",
    );
    const az = [
      "#!/bin/bash",
      'if [[ "$*" == *"--method get"* ]]; then',
      `  case "${current.status}" in`,
      `    ok) cat "${dir}/current.json" ;;`,
      '    missing) echo "ERROR: (NotFound) Could not find security contact" >&2; exit 1 ;;',
      '    denied) echo "ERROR: (AuthorizationFailed) no" >&2; exit 1 ;;',
      "  esac",
      "  exit 0",
      "fi",
      'for arg in "$@"; do [[ "$arg" == @* ]] && cp "${arg#@}" "' +
        dir +
        '/put.json"; done',
    ].join("\n");
    await writeFile(join(dir, "az"), az, { mode: 0o755 });
    const script = remedyScript(
      controlsById([
        "additional-emails",
        "notify-owners",
        "attack-path-notifications",
      ]),
      "https://management.azure.com",
      IDS.slice(0, 1),
    ).join("\n");
    const result = spawnSync("bash", ["--noprofile", "--norc", "-c", script], {
      cwd: dir,
      env: { PATH: `${dir}:${process.env.PATH ?? ""}`, ...env },
      encoding: "utf8",
    });
    let put: unknown;
    try {
      put = JSON.parse(await readFile(join(dir, "put.json"), "utf8"));
    } catch {
      put = undefined;
    }
    return { code: result.status ?? -1, put, stderr: result.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const hasJq = spawnSync("jq", ["--version"]).status === 0;

describe(
  "remedyScript, run with bash and jq",
  { skip: !hasJq && "jq missing" },
  () => {
    const existing = {
      id: "/subscriptions/x/providers/Microsoft.Security/securityContacts/default",
      name: "default",
      properties: {
        emails: "old@contoso.com",
        phone: "+1 555",
        isEnabled: true,
        notificationsByRole: { state: "On", roles: ["AccountAdmin"] },
        notificationsSources: [
          { sourceType: "Alert", minimalSeverity: "Medium" },
          { sourceType: "AttackPath", minimalRiskLevel: "Critical" },
        ],
      },
    };

    it("stops before any request while SECURITY_CONTACT_EMAILS is unset", async () => {
      const run = await runScript({ status: "ok", body: existing }, {});
      assert.notEqual(run.code, 0);
      assert.match(run.stderr, /SECURITY_CONTACT_EMAILS/);
      assert.equal(run.put, undefined);
    });

    it("merges the fixes into the current contact and keeps everything else", async () => {
      const run = await runScript(
        { status: "ok", body: existing },
        { SECURITY_CONTACT_EMAILS: "soc@contoso.com" },
      );
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.put, {
        properties: {
          emails: "soc@contoso.com",
          phone: "+1 555",
          isEnabled: true,
          notificationsByRole: {
            state: "On",
            roles: ["AccountAdmin", "Owner"],
          },
          notificationsSources: [
            { sourceType: "Alert", minimalSeverity: "Medium" },
            { sourceType: "AttackPath", minimalRiskLevel: "High" },
          ],
        },
      });
    });

    it("starts from an empty contact only when none exists", async () => {
      const run = await runScript(
        { status: "missing" },
        { SECURITY_CONTACT_EMAILS: "soc@contoso.com" },
      );
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.put, {
        properties: {
          emails: "soc@contoso.com",
          notificationsByRole: { state: "On", roles: ["Owner"] },
          notificationsSources: [
            { sourceType: "AttackPath", minimalRiskLevel: "High" },
          ],
        },
      });
    });

    it("writes nothing when reading the contact fails otherwise", async () => {
      const run = await runScript(
        { status: "denied" },
        { SECURITY_CONTACT_EMAILS: "soc@contoso.com" },
      );
      assert.equal(run.put, undefined);
      assert.match(run.stderr, /AuthorizationFailed/);
    });
  },
);
