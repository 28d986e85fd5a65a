import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { InputError, readSettings } from "../../../src/settings.js";
import type { InputReader, Settings } from "../../../src/settings.js";

const CLIENT_ID = "0f3e8d9a-1b2c-4d5e-8f70-a1b2c3d4e5f6";
const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const SUB_A = "aaaaaaaa-0000-4000-8000-000000000001";
const SUB_B = "bbbbbbbb-0000-4000-8000-000000000002";
const SUB_C = "cccccccc-0000-4000-8000-000000000003";

/** A reader over a plain object; unset inputs read as "", like @actions/core. */
function reader(values: Record<string, string>): InputReader {
  return (name) => values[name] ?? "";
}

function settingsFrom(values: Record<string, string> = {}): Settings {
  return readSettings(
    reader({ "client-id": CLIENT_ID, "tenant-id": TENANT_ID, ...values }),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Throws an InputError whose message names `input` and quotes `value`. */
function assertRejects(
  values: Record<string, string>,
  input: string,
  value: string | undefined,
): void {
  assert.throws(
    () => readSettings(reader(values)),
    (error: unknown) => {
      assert.ok(error instanceof InputError, `not an InputError: ${error}`);
      assert.match(error.message, new RegExp(`'${escapeRegExp(input)}'`));
      if (value !== undefined) {
        assert.match(
          error.message,
          new RegExp(`["'\`]${escapeRegExp(value)}["'\`]`),
          `message does not quote ${JSON.stringify(value)}: ${error.message}`,
        );
      }
      return true;
    },
  );
}

function withIds(values: Record<string, string>): Record<string, string> {
  return { "client-id": CLIENT_ID, "tenant-id": TENANT_ID, ...values };
}

describe("readSettings: defaults", () => {
  const settings = settingsFrom();

  it("keeps the identity", () => {
    assert.equal(settings.clientId, CLIENT_ID);
    assert.equal(settings.tenantId, TENANT_ID);
  });

  it("uses the public cloud", () => {
    assert.equal(settings.environment, "AzureCloud");
    assert.equal(settings.audience, "api://AzureADTokenExchange");
    assert.equal(
      settings.resourceManagerEndpoint,
      "https://management.azure.com",
    );
    assert.equal(settings.authorityHost, "https://login.microsoftonline.com");
    assert.equal(settings.customAuthority, false);
  });

  it("checks every visible subscription and excludes none", () => {
    assert.deepEqual(settings.subscriptions, []);
    assert.equal(settings.excludeSubscriptions.size, 0);
    assert.deepEqual(settings.managementGroups, []);
    assert.deepEqual(settings.excludeManagementGroups, []);
  });

  it("fails on missing and on error, masks emails, finds its concurrency", () => {
    assert.equal(settings.failOnMissing, true);
    assert.equal(settings.failOnError, true);
    assert.equal(settings.maskEmails, true);
    assert.equal(settings.concurrency, "auto");
  });

  it("creates no issue by default, with the default title and label", () => {
    assert.equal(settings.createIssue, false);
    assert.equal(
      settings.issueTitle,
      "Defender for Cloud: security contact email missing",
    );
    assert.deepEqual(settings.issueLabels, ["security-contact-check"]);
  });
});

describe("readSettings: environment", () => {
  for (const input of [
    "AzureUSGovernment",
    "azureusgovernment",
    " AZUREUSGOVERNMENT ",
  ]) {
    it(`reads ${JSON.stringify(input)} as AzureUSGovernment`, () => {
      const settings = settingsFrom({ environment: input });
      assert.equal(settings.environment, "AzureUSGovernment");
      assert.equal(settings.audience, "api://AzureADTokenExchangeUSGov");
      assert.equal(
        settings.resourceManagerEndpoint,
        "https://management.usgovcloudapi.net",
      );
      assert.equal(settings.authorityHost, "https://login.microsoftonline.us");
    });
  }

  for (const input of ["AzureChinaCloud", "azurechinacloud"]) {
    it(`reads ${JSON.stringify(input)} as AzureChinaCloud`, () => {
      const settings = settingsFrom({ environment: input });
      assert.equal(settings.environment, "AzureChinaCloud");
      assert.equal(settings.audience, "api://AzureADTokenExchangeChina");
      assert.equal(
        settings.resourceManagerEndpoint,
        "https://management.chinacloudapi.cn",
      );
      assert.equal(settings.authorityHost, "https://login.chinacloudapi.cn");
    });
  }

  it("reads azurecloud as AzureCloud", () => {
    assert.equal(
      settingsFrom({ environment: "azurecloud" }).environment,
      "AzureCloud",
    );
  });

  it("lets an explicit audience win over the cloud's", () => {
    const settings = settingsFrom({
      environment: "AzureUSGovernment",
      audience: "api://custom-audience",
    });
    assert.equal(settings.audience, "api://custom-audience");
  });

  it("rejects an unknown environment, quoting it", () => {
    assertRejects(
      withIds({ environment: "AzureGermanCloud" }),
      "environment",
      "AzureGermanCloud",
    );
  });
});

describe("readSettings: endpoints", () => {
  it("overrides the Resource Manager endpoint and removes the trailing slash", () => {
    const settings = settingsFrom({
      "resource-manager-endpoint": "https://arm.contoso.test/",
    });
    assert.equal(settings.resourceManagerEndpoint, "https://arm.contoso.test");
    assert.equal(settings.authorityHost, "https://login.microsoftonline.com");
    assert.equal(settings.customAuthority, false);
  });

  it("keeps a path on the endpoint, minus the trailing slash", () => {
    const settings = settingsFrom({
      "resource-manager-endpoint": "https://localhost:8443/arm/",
    });
    assert.equal(
      settings.resourceManagerEndpoint,
      "https://localhost:8443/arm",
    );
  });

  it("overrides the authority host, which turns on customAuthority", () => {
    const settings = settingsFrom({
      "authority-host": "https://login.contoso.test/",
    });
    assert.equal(settings.authorityHost, "https://login.contoso.test");
    assert.equal(settings.customAuthority, true);
    assert.equal(
      settings.resourceManagerEndpoint,
      "https://management.azure.com",
    );
  });

  it("rejects an http:// Resource Manager endpoint, quoting it", () => {
    assertRejects(
      withIds({ "resource-manager-endpoint": "http://management.azure.com" }),
      "resource-manager-endpoint",
      "http://management.azure.com",
    );
  });

  it("rejects an http:// authority host, quoting it", () => {
    assertRejects(
      withIds({ "authority-host": "http://login.microsoftonline.com" }),
      "authority-host",
      "http://login.microsoftonline.com",
    );
  });

  it("rejects an endpoint that is not a URL, quoting it", () => {
    assertRejects(
      withIds({ "resource-manager-endpoint": "management.azure.com" }),
      "resource-manager-endpoint",
      "management.azure.com",
    );
  });
});

describe("readSettings: subscriptions", () => {
  it("splits on commas, whitespace and newlines, lower-cases and removes duplicates", () => {
    const settings = settingsFrom({
      subscriptions: `${SUB_A.toUpperCase()}, ${SUB_B}\n${SUB_C}\t${SUB_A}\n\n${SUB_B.toUpperCase()},`,
    });
    assert.deepEqual(settings.subscriptions, [SUB_A, SUB_B, SUB_C]);
  });

  it("reads exclude-subscriptions the same way", () => {
    const settings = settingsFrom({
      "exclude-subscriptions": `${SUB_C.toUpperCase()}\n${SUB_C}, ${SUB_A}`,
    });
    assert.deepEqual([...settings.excludeSubscriptions].sort(), [SUB_A, SUB_C]);
  });

  it("rejects a non-GUID in subscriptions, naming the input and quoting the entry", () => {
    assertRejects(
      withIds({ subscriptions: `${SUB_A}, prod-subscription` }),
      "subscriptions",
      "prod-subscription",
    );
  });

  it("rejects a non-GUID in exclude-subscriptions, naming the input and quoting the entry", () => {
    assertRejects(
      withIds({ "exclude-subscriptions": `not-a-guid\n${SUB_B}` }),
      "exclude-subscriptions",
      "not-a-guid",
    );
  });

  it("accepts subscription resource IDs in any case", () => {
    const settings = settingsFrom({
      subscriptions: `/subscriptions/${SUB_A.toUpperCase()}, /SUBSCRIPTIONS/${SUB_B}\n${SUB_A}`,
      "exclude-subscriptions": `/Subscriptions/${SUB_C}`,
    });
    assert.deepEqual(settings.subscriptions, [SUB_A, SUB_B]);
    assert.deepEqual([...settings.excludeSubscriptions], [SUB_C]);
  });

  for (const entry of [
    `/subscriptions/${SUB_A}/resourceGroups/rg`,
    `subscriptions/${SUB_A}`,
    "/providers/Microsoft.Management/managementGroups/corp",
    `/subscriptions/${SUB_A}/`,
  ]) {
    it(`rejects ${entry} in subscriptions, quoting it`, () => {
      assertRejects(withIds({ subscriptions: entry }), "subscriptions", entry);
    });
  }
});

describe("readSettings: management groups", () => {
  it("reads IDs and resource IDs, keeps their spelling and drops case-insensitive duplicates", () => {
    const settings = settingsFrom({
      "management-groups":
        "corp, /providers/Microsoft.Management/managementGroups/Online\n/PROVIDERS/microsoft.management/MANAGEMENTGROUPS/CORP\tlz-sandbox_1.(eu)",
      "exclude-management-groups": "sandbox",
    });
    assert.deepEqual(settings.managementGroups, [
      "corp",
      "Online",
      "lz-sandbox_1.(eu)",
    ]);
    assert.deepEqual(settings.excludeManagementGroups, ["sandbox"]);
  });

  for (const [input, entry] of [
    ["management-groups", "/providers/Microsoft.Management/managementGroups/"],
    [
      "management-groups",
      "/providers/Microsoft.Management/managementGroups/a/b",
    ],
    ["management-groups", "corp."],
    ["management-groups", "a".repeat(91)],
    ["exclude-management-groups", "corp/online"],
    ["exclude-management-groups", `/subscriptions/${SUB_A}`],
  ] as const) {
    it(`rejects ${JSON.stringify(entry.slice(0, 60))} in ${input}, naming the input and quoting it`, () => {
      assertRejects(withIds({ [input]: `corp ${entry}` }), input, entry);
    });
  }
});

describe("readSettings: identity", () => {
  it("requires client-id", () => {
    assertRejects({ "tenant-id": TENANT_ID }, "client-id", undefined);
    assertRejects(
      { "tenant-id": TENANT_ID, "client-id": "   " },
      "client-id",
      undefined,
    );
  });

  it("rejects a client-id that is not a GUID, quoting it", () => {
    assertRejects(
      { "client-id": "my-app", "tenant-id": TENANT_ID },
      "client-id",
      "my-app",
    );
  });

  it("requires tenant-id", () => {
    assertRejects({ "client-id": CLIENT_ID }, "tenant-id", undefined);
  });

  it("accepts a tenant GUID", () => {
    assert.equal(settingsFrom({ "tenant-id": TENANT_ID }).tenantId, TENANT_ID);
  });

  it("accepts a verified domain as tenant-id", () => {
    assert.equal(
      settingsFrom({ "tenant-id": "contoso.onmicrosoft.com" }).tenantId,
      "contoso.onmicrosoft.com",
    );
  });

  for (const value of [
    "contoso",
    "not a tenant",
    "https://contoso.onmicrosoft.com",
  ]) {
    it(`rejects tenant-id ${JSON.stringify(value)}, quoting it`, () => {
      assertRejects(
        { "client-id": CLIENT_ID, "tenant-id": value },
        "tenant-id",
        value,
      );
    });
  }
});

describe("readSettings: numbers and switches", () => {
  for (const value of ["1", "64", " 8 "]) {
    it(`accepts concurrency ${JSON.stringify(value)}`, () => {
      assert.equal(
        settingsFrom({ concurrency: value }).concurrency,
        Number(value),
      );
    });
  }

  for (const value of ["auto", "AUTO", " auto "]) {
    it(`accepts concurrency ${JSON.stringify(value)} as auto`, () => {
      assert.equal(settingsFrom({ concurrency: value }).concurrency, "auto");
    });
  }

  for (const value of ["0", "65", "abc", "1.5", "-1", "automatic"]) {
    it(`rejects concurrency ${JSON.stringify(value)}, quoting it`, () => {
      assertRejects(withIds({ concurrency: value }), "concurrency", value);
    });
  }

  for (const name of [
    "fail-on-missing",
    "fail-on-error",
    "mask-emails",
    "create-issue",
  ]) {
    it(`rejects ${name}: yes, quoting it`, () => {
      assertRejects(
        withIds({ [name]: "yes", "github-token": "t" }),
        name,
        "yes",
      );
    });
  }

  it("reads true and false in any YAML 1.2 spelling", () => {
    const off = settingsFrom({
      "fail-on-missing": "false",
      "fail-on-error": "False",
      "mask-emails": "FALSE",
    });
    assert.equal(off.failOnMissing, false);
    assert.equal(off.failOnError, false);
    assert.equal(off.maskEmails, false);
    const on = settingsFrom({
      "create-issue": "True",
      "github-token": "ghs_x",
    });
    assert.equal(on.createIssue, true);
  });
});

describe("readSettings: mask-emails auto", () => {
  const withVisibility = (
    visibility: "public" | "private" | "internal" | undefined,
    values: Record<string, string> = {},
  ): Settings =>
    readSettings(
      reader({ "client-id": CLIENT_ID, "tenant-id": TENANT_ID, ...values }),
      { repositoryVisibility: visibility },
    );

  it("unset means auto: shown in private and internal repositories", () => {
    assert.equal(withVisibility("private").maskEmails, false);
    assert.equal(withVisibility("internal").maskEmails, false);
    assert.equal(
      withVisibility("private", { "mask-emails": "AUTO" }).maskEmails,
      false,
    );
  });

  it("masks in a public repository and when the visibility is unknown", () => {
    assert.equal(withVisibility("public").maskEmails, true);
    assert.equal(withVisibility(undefined).maskEmails, true);
    assert.equal(settingsFrom().maskEmails, true);
  });

  it("true and false keep their meaning whatever the visibility", () => {
    assert.equal(
      withVisibility("private", { "mask-emails": "true" }).maskEmails,
      true,
    );
    assert.equal(
      withVisibility("public", { "mask-emails": "false" }).maskEmails,
      false,
    );
  });
});

describe("readSettings: tracking issue", () => {
  it("requires a github-token when create-issue is true", () => {
    assertRejects(
      withIds({ "create-issue": "true", "github-token": "" }),
      "github-token",
      undefined,
    );
    assertRejects(
      withIds({ "create-issue": "true", "github-token": "  " }),
      "github-token",
      undefined,
    );
  });

  it("needs no token when create-issue is false", () => {
    assert.equal(settingsFrom({ "create-issue": "false" }).createIssue, false);
  });

  it("reads a custom title and comma-separated labels", () => {
    const settings = settingsFrom({
      "create-issue": "true",
      "github-token": "ghs_token",
      "issue-title": "  Contacts missing ",
      "issue-labels": "security, compliance ,,",
    });
    assert.equal(settings.createIssue, true);
    assert.equal(settings.githubToken, "ghs_token");
    assert.equal(settings.issueTitle, "Contacts missing");
    assert.deepEqual(settings.issueLabels, ["security", "compliance"]);
  });
});

describe("readSettings: owner-tags", () => {
  it("defaults to owner, Owner, technical-contact", () => {
    assert.deepEqual(settingsFrom().ownerTags, [
      "owner",
      "Owner",
      "technical-contact",
    ]);
  });

  it("splits on commas and newlines, keeps spaces inside a name", () => {
    assert.deepEqual(
      settingsFrom({ "owner-tags": " Technical Contact ,\nteam\r\n\nowner, " })
        .ownerTags,
      ["Technical Contact", "team", "owner"],
    );
  });

  it("rejects a value with no name in it, naming the input", () => {
    assertRejects(withIds({ "owner-tags": " , ," }), "owner-tags", " , ,");
  });
});

describe("readSettings: remediation", () => {
  it("is off by default and needs no addresses then", () => {
    const settings = settingsFrom();
    assert.equal(settings.remediate, "off");
    assert.deepEqual(settings.remediationEmails, []);
  });

  it("reads plan and apply in any case", () => {
    const emails = { "remediation-emails": "secops@contoso.com" };
    assert.equal(
      settingsFrom({ remediate: "PLAN", ...emails }).remediate,
      "plan",
    );
    assert.equal(
      settingsFrom({ remediate: " Apply ", ...emails }).remediate,
      "apply",
    );
    assert.equal(settingsFrom({ remediate: "Off" }).remediate, "off");
  });

  it("rejects an unknown mode, naming the input and the value", () => {
    assertRejects(withIds({ remediate: "fix" }), "remediate", "fix");
    assertRejects(withIds({ remediate: "true" }), "remediate", "true");
  });

  it("requires remediation-emails when remediate is plan or apply", () => {
    for (const remediate of ["plan", "apply"]) {
      assertRejects(withIds({ remediate }), "remediation-emails", undefined);
      assertRejects(
        withIds({ remediate, "remediation-emails": " ,\n " }),
        "remediation-emails",
        undefined,
      );
    }
  });

  it("needs no remediation-emails when additional-emails is not selected", () => {
    const settings = settingsFrom({
      remediate: "apply",
      checks: "notify-owners, alert-notifications",
    });
    assert.equal(settings.remediate, "apply");
    assert.deepEqual(settings.remediationEmails, []);
  });

  it("holds remediation-emails to allowed-email-domains when given", () => {
    assertRejects(
      withIds({
        remediate: "plan",
        "allowed-email-domains": "contoso.com",
        "remediation-emails": "soc@eu.contoso.com, soc@fabrikam.com",
      }),
      "remediation-emails",
      "soc@fabrikam.com",
    );
    assert.deepEqual(
      settingsFrom({
        remediate: "plan",
        "allowed-email-domains": "contoso.com",
        "remediation-emails": "soc@eu.contoso.com",
      }).remediationEmails,
      ["soc@eu.contoso.com"],
    );
  });

  it("splits on commas, whitespace and newlines, dropping repeats case-insensitively", () => {
    const settings = settingsFrom({
      remediate: "plan",
      "remediation-emails":
        "SecOps@contoso.com,\n soc@fabrikam.com  secops@CONTOSO.com;",
    });
    assert.deepEqual(settings.remediationEmails, [
      "SecOps@contoso.com",
      "soc@fabrikam.com",
    ]);
  });

  it("rejects an invalid or reserved address, even when remediate is off", () => {
    for (const remediate of ["off", "apply"]) {
      for (const bad of [
        "not-an-email",
        "ops@localhost",
        "security_contact@replace_me",
        "secops@example.com",
        "a@mail.example.org",
        "a@contoso.test",
        "a@contoso.invalid",
        "a@host.localhost",
        "a@corp.example",
      ]) {
        assertRejects(
          withIds({
            remediate,
            "remediation-emails": `secops@contoso.com, ${bad}`,
          }),
          "remediation-emails",
          bad,
        );
      }
    }
  });
});

describe("readSettings: controls and address policy", () => {
  const base = { "client-id": CLIENT_ID, "tenant-id": TENANT_ID };

  it("defaults to today's single check and no policy", () => {
    const settings = settingsFrom();
    assert.deepEqual(settings.checks, ["additional-emails"]);
    assert.deepEqual(settings.requiredEmails, []);
    assert.deepEqual(settings.allowedEmailDomains, []);
  });

  it("reads IDs separated by commas, whitespace or newlines, case-insensitively, in registry order", () => {
    assert.deepEqual(
      settingsFrom({
        checks: "Notify-Owners,\n additional-emails  notify-owners",
      }).checks,
      ["additional-emails", "notify-owners"],
    );
  });

  it("reads all as every control", () => {
    assert.equal(settingsFrom({ checks: "ALL" }).checks.length, 5);
  });

  it("stops on an unknown ID, naming it and the valid ones", () => {
    assertRejects(
      { ...base, checks: "additional-emails, mfa" },
      "checks",
      undefined,
    );
    assert.throws(
      () => settingsFrom({ checks: "mfa" }),
      /'mfa' is not a control; valid IDs are all, additional-emails, notifications-enabled/,
    );
  });

  it("reads required-emails lower-cased, without repeats", () => {
    assert.deepEqual(
      settingsFrom({
        "required-emails": "SOC@contoso.com, soc@contoso.com\ncso@contoso.com",
      }).requiredEmails,
      ["soc@contoso.com", "cso@contoso.com"],
    );
  });

  for (const bad of [
    "not-an-email",
    "a@example.com",
    "security_contact@replace_me",
  ]) {
    it(`stops on required-emails ${bad}, naming the input`, () => {
      assertRejects(
        { ...base, "required-emails": bad },
        "required-emails",
        bad,
      );
    });
  }

  it("stops on required-emails outside allowed-email-domains, naming both inputs", () => {
    assertRejects(
      {
        ...base,
        "required-emails": "soc@contoso.com, sec@fabrikam.com",
        "allowed-email-domains": "contoso.com",
      },
      "required-emails",
      "sec@fabrikam.com",
    );
    assert.throws(
      () =>
        settingsFrom({
          "required-emails": "sec@fabrikam.com",
          "allowed-email-domains": "contoso.com",
        }),
      /'allowed-email-domains' \(contoso\.com\) was expected/,
    );
    assert.deepEqual(
      settingsFrom({
        "required-emails": "SOC@eu.contoso.com",
        "allowed-email-domains": "contoso.com",
      }).requiredEmails,
      ["soc@eu.contoso.com"],
    );
  });

  it("reads allowed-email-domains lower-cased, a leading @ dropped", () => {
    assert.deepEqual(
      settingsFrom({ "allowed-email-domains": "Contoso.com @fabrikam.com" })
        .allowedEmailDomains,
      ["contoso.com", "fabrikam.com"],
    );
  });

  it("stops on a domain that is not one", () => {
    assertRejects(
      { ...base, "allowed-email-domains": "contoso" },
      "allowed-email-domains",
      "contoso",
    );
  });
});
