import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  mergeContact,
  type ContactProperties,
} from "../../../src/check/contact-merge.js";
import type { Control } from "../../../src/check/controls/control.js";
import { CONTROLS, controlsById } from "../../../src/check/controls/index.js";
import {
  remedyScript,
  type ScriptOptions,
  type ScriptTarget,
} from "../../../src/report/remedy-script.js";

const IDS = Array.from(
  { length: 5 },
  (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
);

const OPTIONS: ScriptOptions = {
  resourceManagerEndpoint: "https://management.azure.com",
  requiredEmails: [],
  maskEmails: true,
};

function targets(controls: readonly Control[], ids = IDS): ScriptTarget[] {
  return ids.map((subscriptionId) => ({ subscriptionId, controls, kept: [] }));
}

describe("remedyScript", () => {
  const script = remedyScript(targets(CONTROLS), OPTIONS);

  it("keeps every line within 100 characters", () => {
    for (const line of script) assert.ok(line.length <= 100, line);
  });

  it("reads the current contact, merges, then PUTs the merged body", () => {
    const text = script.join("\n");
    const get = text.indexOf("az rest --method get");
    const merge = text.indexOf("jq -c");
    const put = text.indexOf("az rest --method put");
    assert.ok(get >= 0 && get < merge && merge < put, text);
    assert.match(text, /\(\.properties \/\/ \{\}\)/);
    assert.match(text, /api-version=2023-12-01-preview/);
    // Never a blind assignment of the address list.
    assert.doesNotMatch(text, /\.properties\.emails = \$emails/);
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
    assert.equal(text.split(".properties.emails = (").length, 2, text);
    assert.match(
      text,
      /if any\(\$fix\[\]; \. == "additional-emails" or \. == "deliverable-emails"\) then/,
    );
  });

  it("needs no address when no address control failed", () => {
    const text = remedyScript(
      targets(controlsById(["notify-owners"]), IDS.slice(0, 1)),
      OPTIONS,
    ).join("\n");
    assert.doesNotMatch(text, /SECURITY_CONTACT_EMAILS/);
    assert.match(text, /notificationsByRole =/);
    assert.doesNotMatch(text, /notificationsSources =/);
  });

  it("fixes each subscription for the controls it fails, every one of them", () => {
    const text = remedyScript(
      [
        ...targets(controlsById(["notify-owners"]), IDS.slice(0, 2)),
        ...targets(controlsById(["additional-emails"]), IDS.slice(2)),
      ],
      OPTIONS,
    ).join("\n");
    for (const id of IDS) assert.ok(text.includes(id), id);
    assert.match(text, /# 2 subscriptions failing the same controls:\n/);
    assert.match(text, /# 3 subscriptions failing the same controls:\n/);
    assert.match(text, /fix_contact "\$id" notify-owners\n/);
  });

  it("adds required-emails: literally, or from a variable when addresses are masked", () => {
    const required = {
      ...OPTIONS,
      requiredEmails: ["cso@contoso.com", "o'neil@contoso.com"],
    };
    const masked = remedyScript(targets(CONTROLS), required).join("\n");
    assert.match(masked, /: "\$\{REQUIRED_EMAILS:\?/);
    assert.doesNotMatch(masked, /cso@/);
    const shown = remedyScript(targets(CONTROLS), {
      ...required,
      maskEmails: false,
    }).join("\n");
    assert.ok(
      shown.includes(
        `--arg emails "$SECURITY_CONTACT_EMAILS"';cso@contoso.com;o'\\''neil@contoso.com'`,
      ),
      shown,
    );
  });

  it("lists the entries it keeps that do not count, one line each, inert", () => {
    const text = remedyScript(
      [
        {
          subscriptionId: IDS[0] ?? "",
          controls: controlsById(["additional-emails"]),
          kept: [
            { entry: "s***@replace_me.com", label: "placeholder" },
            { entry: "x\nrm -rf /\u202e```", label: "invalid" },
          ],
        },
      ],
      OPTIONS,
    );
    const at = text.indexOf(`#   ${IDS[0]}:`);
    assert.ok(at > 0);
    assert.equal(text[at + 1], "#     s***@replace_me.com (placeholder)");
    assert.equal(text[at + 2], "#     x rm -rf / ``` (invalid)");
  });
});

/**
 * Runs the script for real with bash and jq; only `az` is a stand-in (it
 * cannot run here): GET answers `current`, PUT records the body it was given.
 */
async function runScript(
  current: { status: "ok"; body: unknown } | { status: "missing" | "denied" },
  env: Record<string, string>,
  controls = controlsById([
    "additional-emails",
    "notify-owners",
    "attack-path-notifications",
  ]),
  options: ScriptOptions = OPTIONS,
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
      targets(controls, IDS.slice(0, 1)),
      options,
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

/** What `remediate: apply` writes for these controls (src/remediation/remediate.ts). */
function applied(
  controls: readonly Control[],
  before: ContactProperties | undefined,
  added: readonly string[],
  requiredEmails: readonly string[] = [],
): ContactProperties {
  return controls.reduce(
    (current, control) =>
      control.repair(current, { remediationEmails: added, requiredEmails }),
    mergeContact(before, {}),
  );
}

const hasJq = spawnSync("jq", ["--version"]).status === 0;

describe(
  "remedyScript, run with bash and jq",
  { skip: !hasJq && "jq missing: apt-get install jq to run these tests" },
  () => {
    const existing = {
      id: "/subscriptions/x/providers/Microsoft.Security/securityContacts/default",
      name: "default",
      properties: {
        emails: "old@contoso.com; security_contact@replace_me.com ;",
        phone: "+1 555",
        isEnabled: true,
        notificationsByRole: {
          state: "Off",
          roles: ["ServiceAdmin", "AccountAdmin"],
        },
        notificationsSources: [
          { sourceType: "attackpath", minimalRiskLevel: "Critical", extra: 1 },
          { sourceType: "Alert", minimalSeverity: "Medium" },
        ],
      },
    };

    it("stops before any request while SECURITY_CONTACT_EMAILS is unset", async () => {
      const run = await runScript({ status: "ok", body: existing }, {});
      assert.notEqual(run.code, 0);
      assert.match(run.stderr, /SECURITY_CONTACT_EMAILS/);
      assert.equal(run.put, undefined);
    });

    it("merges exactly as remediate: apply does, adding and never replacing", async () => {
      const run = await runScript(
        { status: "ok", body: existing },
        { SECURITY_CONTACT_EMAILS: "soc@contoso.com;OLD@contoso.com" },
      );
      assert.equal(run.code, 0, run.stderr);
      const controls = controlsById([
        "additional-emails",
        "notify-owners",
        "attack-path-notifications",
      ]);
      const expected = applied(controls, existing.properties, [
        "soc@contoso.com",
        "OLD@contoso.com",
      ]);
      assert.deepEqual(run.put, { properties: expected });
      assert.equal(
        (expected as { emails: string }).emails,
        "old@contoso.com; security_contact@replace_me.com;soc@contoso.com",
      );
    });

    it("adds the required addresses too", async () => {
      const options = {
        ...OPTIONS,
        maskEmails: false,
        requiredEmails: ["cso@contoso.com"],
      };
      const controls = controlsById(["additional-emails"]);
      const run = await runScript(
        { status: "ok", body: existing },
        { SECURITY_CONTACT_EMAILS: "soc@contoso.com" },
        controls,
        options,
      );
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.put, {
        properties: applied(
          controls,
          existing.properties,
          ["soc@contoso.com"],
          ["cso@contoso.com"],
        ),
      });
    });

    it("starts from Defender's defaults only when no contact exists", async () => {
      const controls = controlsById([
        "additional-emails",
        "notifications-enabled",
      ]);
      const run = await runScript(
        { status: "missing" },
        { SECURITY_CONTACT_EMAILS: "soc@contoso.com" },
        controls,
      );
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.put, {
        properties: applied(controls, undefined, ["soc@contoso.com"]),
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
