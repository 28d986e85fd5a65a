import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { scanFiles } from "../../../src/files/scan.js";
import { brief, judgeFiles } from "./fixtures.js";

const PARAMS_SCHEMA =
  "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";
const parameterFile = (values: Record<string, unknown>): string =>
  JSON.stringify(
    {
      $schema: PARAMS_SCHEMA,
      parameters: Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, { value: v }]),
      ),
    },
    null,
    2,
  );

describe("ARM templates with their parameter files", () => {
  const template = JSON.stringify(
    {
      parameters: { securityCenter: { type: "object" } },
      resources: [
        {
          type: "Microsoft.Security/securityContacts",
          name: "default",
          properties: { emails: "[parameters('securityCenter').email]" },
        },
      ],
    },
    null,
    2,
  );

  it("pairs x.parameters.*.json beside x.json and in parameters/: each file a deployment; object parameters read by property", async () => {
    const findings = await judgeFiles({
      "infra/contact.json": template,
      "infra/contact.parameters.prod.json": parameterFile({
        securityCenter: { email: "soc@contoso.com" },
      }),
      "infra/parameters/contact.parameters.min.json": parameterFile({
        securityCenter: { email: "security_contact@replace_me" },
      }),
    });
    assert.deepEqual(findings.map(brief), [
      "6 parameters.securityCenter.value.email=soc@contoso.com",
      "6 parameters.securityCenter.value.email=security_contact@replace_me",
    ]);
    assert.deepEqual(
      findings.map((f) => [f.path, f.usedAt?.path]),
      [
        ["infra/contact.parameters.prod.json", "infra/contact.json"],
        ["infra/parameters/contact.parameters.min.json", "infra/contact.json"],
      ],
    );
  });

  it("a parameter file that leaves the object out: unresolved, naming the parameter file", async () => {
    const [only, ...rest] = await judgeFiles({
      "infra/contact.json": template,
      "infra/contact.parameters.json": parameterFile({ other: 1 }),
    });
    assert.deepEqual(rest, []);
    assert.ok(only && "unresolved" in only);
    assert.match(
      only.unresolved,
      /deployed by infra\/contact\.parameters\.json/,
    );
  });
});

describe("Azure Policy definitions and Blueprint artifacts", () => {
  const definition = (defaultValue?: string): string =>
    JSON.stringify(
      {
        properties: {
          parameters: {
            emailSecurityContact: {
              type: "String",
              ...(defaultValue === undefined ? {} : { defaultValue }),
            },
          },
          policyRule: {
            then: {
              effect: "DeployIfNotExists",
              details: {
                deployment: {
                  properties: {
                    parameters: {
                      email: { value: "[parameters('emailSecurityContact')]" },
                    },
                    template: {
                      parameters: { email: { type: "string" } },
                      resources: [
                        {
                          type: "Microsoft.Security/securityContacts",
                          name: "default",
                          properties: { emails: "[[parameters('email')]" },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
        },
      },
      null,
      2,
    );

  it("a definition's defaultValue is what an assignment without the parameter deploys", async () => {
    assert.deepEqual(
      (
        await judgeFiles({
          "policy.json": definition("security_contact@replace_me"),
        })
      ).map(brief),
      [
        "6 properties.parameters.emailSecurityContact.defaultValue=security_contact@replace_me",
      ],
    );
  });

  it("without a default every assignment sets it: nothing to judge in the definition", async () => {
    assert.deepEqual(await judgeFiles({ "policy.json": definition() }), []);
  });

  it("a blueprint artifact deploys properties.template with properties.parameters", async () => {
    const artifact = JSON.stringify(
      {
        kind: "template",
        properties: {
          parameters: {
            mail: { value: "ops@contoso.com" },
            other: { value: "[parameters('bpMail')]" },
          },
          template: {
            parameters: { mail: { type: "string" }, other: { type: "string" } },
            resources: [
              {
                type: "Microsoft.Security/securityContacts",
                name: "default",
                properties: { emails: "[parameters('mail')]" },
              },
              {
                type: "Microsoft.Security/securityContacts",
                name: "second",
                properties: { emails: "[parameters('other')]" },
              },
            ],
          },
        },
      },
      null,
      2,
    );
    const findings = await judgeFiles({ "artifacts/contact.json": artifact });
    assert.deepEqual(findings.map(brief), [
      "6 properties.parameters.mail.value=ops@contoso.com",
      "9 properties.parameters.other.value?blueprint parameter bpMail: set by the blueprint assignment",
    ]);
  });
});

describe("what a deployment never reads", () => {
  it("a library file loaded by loadJsonContent and overridden is not judged; its override is", async () => {
    const lib = JSON.stringify(
      {
        name: "Deploy-MDFC-Config",
        type: "Microsoft.Authorization/policyAssignments",
        properties: { parameters: { emailSecurityContact: { value: "" } } },
      },
      null,
      2,
    );
    const bicep = [
      "param mail string = 'soc@contoso.com'",
      "var lib = loadJsonContent('lib/mdfc.json')",
      "resource a 'Microsoft.Authorization/policyAssignments@2024-04-01' = {",
      "  name: lib.name",
      "  properties: {",
      "    parameters: union(lib.properties.parameters, { emailSecurityContact: { value: mail } })",
      "  }",
      "}",
    ].join("\n");
    const findings = await judgeFiles({
      "main.bicep": bicep,
      "lib/mdfc.json": lib,
    });
    assert.deepEqual(
      findings.map((f) => `${f.path}:${brief(f)}`),
      ["main.bicep:1 param mail=soc@contoso.com"],
    );
  });

  it("loaded without an override, the library value is what deploys", async () => {
    const lib = JSON.stringify(
      { properties: { parameters: { emailSecurityContact: { value: "" } } } },
      null,
      2,
    );
    const bicep =
      "var lib = loadJsonContent('lib/mdfc.json')\nresource a 'Microsoft.Authorization/policyAssignments@2024-04-01' = {\n  properties: lib.properties\n}\n";
    const findings = await judgeFiles({
      "main.bicep": bicep,
      "lib/mdfc.json": lib,
    });
    assert.deepEqual(
      findings.map((f) => `${f.path}:${brief(f)}`),
      ["lib/mdfc.json:5 properties.parameters.emailSecurityContact.value="],
    );
  });

  it("a path out of the workspace is never followed", async () => {
    const bicep =
      "var lib = loadJsonContent('../../outside.json')\nresource a 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n  properties: { emails: lib.mail }\n}\n";
    const [only] = await judgeFiles({ "main.bicep": bicep });
    assert.ok(only && "error" in only);
    assert.match(only.error, /not a file in the workspace/);
  });

  it("modules calling themselves stop at a depth, as an error", async () => {
    const findings = await judgeFiles({
      "loop.bicep":
        "param mail string = 'soc@contoso.com'\nmodule again './loop.bicep' = {\n  params: { mail: mail }\n}\nresource c 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n  properties: { emails: mail }\n}\n",
      "main.bicep":
        "module l './loop.bicep' = {\n  params: { mail: 'ops@contoso.com' }\n}\n",
    });
    assert.ok(
      findings.some((f) => "error" in f && /nested deeper/.test(f.error)),
    );
    assert.ok(
      findings.every((f) => !("value" in f) || f.value === "ops@contoso.com"),
    );
  });
});

describe("a parameter file that names no template", () => {
  const template = `param securityEmail string\nresource c 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n  properties: { emails: securityEmail }\n}\n`;
  const prod = parameterFile({ securityEmail: "security_contact@replace_me" });

  async function scanTree(files: Record<string, string>) {
    const workspace = await mkdtemp(join(tmpdir(), "pairing-"));
    try {
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(workspace, path)), { recursive: true });
        await writeFile(join(workspace, path), text);
      }
      return (
        await scanFiles({
          workspace,
          include: ["**/*.bicep", "**/*.json"],
          exclude: [],
        })
      ).findings;
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  }

  it("belongs to the one template beside it (or above parameters/) that declares all its parameters", async () => {
    const findings = await scanTree({
      "infra/main.bicep": template,
      "infra/parameters/prod.json": prod,
    });
    assert.deepEqual(
      findings.map((f) => `${f.path}:${brief(f)} <- ${f.usedAt?.path}`),
      [
        "infra/parameters/prod.json:5 parameters.securityEmail.value=security_contact@replace_me <- infra/main.bicep",
      ],
    );
  });

  it("with two such templates it belongs to neither: each is judged alone", async () => {
    const findings = await scanTree({
      "infra/a.bicep": template,
      "infra/b.bicep": template,
      "infra/prod.json": prod,
    });
    assert.deepEqual(
      findings.map(
        (f) => `${f.path} ${"unresolved" in f ? "unresolved" : "?"}`,
      ),
      ["infra/a.bicep unresolved", "infra/b.bicep unresolved"],
    );
  });
});

describe("JSON of other formats", () => {
  it("policy as code and archetype definitions: values under the contact's names, at any depth", async () => {
    const epac = `{
  "nodeName": "/Root/",
  "children": [
    { "nodeName": "prod", "parameters": { "emailSecurityContact": "" } },
    { "nodeName": "dev", "parameters": { "emailSecurityContact": "soc@contoso.com" } }
  ]
}`;
    const archetype = `{
  "es_root": {
    "archetype_config": {
      "parameters": { "Deploy-MDFC-Config": { "emailSecurityContact": "test@test.com" } }
    }
  }
}`;
    const findings = await judgeFiles({
      "Definitions/policyAssignments/mdfc.jsonc": epac,
      "lib/archetype_definitions/archetype_definition_es_root.json": archetype,
    });
    assert.deepEqual(
      findings.map((f) => `${f.path}:${brief(f)}`),
      [
        "Definitions/policyAssignments/mdfc.jsonc:4 children[0].parameters.emailSecurityContact=",
        "Definitions/policyAssignments/mdfc.jsonc:5 children[1].parameters.emailSecurityContact=soc@contoso.com",
        "lib/archetype_definitions/archetype_definition_es_root.json:4 es_root.archetype_config.parameters.Deploy-MDFC-Config.emailSecurityContact=test@test.com",
      ],
    );
  });

  it("a portal form and a template's declarations are not values", async () => {
    const findings = await judgeFiles({
      "createUiDefinition.json": JSON.stringify({
        $schema:
          "https://schema.management.azure.com/schemas/0.1.2-preview/CreateUIDefinition.MultiVm.json#",
        parameters: { outputs: { emailSecurityContact: "[steps('s').email]" } },
      }),
      "uiForm.json": JSON.stringify({
        view: {
          kind: "Form",
          outputs: { parameters: { emailContactAsc: "[steps('s').email]" } },
        },
      }),
      "epac.jsonc": JSON.stringify({
        parameters: { emailSecurityContact: "[parameters('mail')]" },
      }),
      "template.json": JSON.stringify({
        $schema:
          "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        parameters: {
          emailSecurityContact: {
            type: "string",
            defaultValue: "soc@contoso.com",
          },
        },
        outputs: {},
      }),
    });
    assert.deepEqual(
      findings.map((f) => `${f.path}:${brief(f)}`),
      [
        "epac.jsonc:1 parameters.emailSecurityContact!not a literal: [parameters('mail')]",
        "template.json:1 parameters.emailSecurityContact.defaultValue=soc@contoso.com",
      ],
    );
  });
});

describe("hostile structure", () => {
  it("parameters that need each other are an error, never a crash", async () => {
    const findings = await judgeFiles({
      "a.bicep":
        "param a string = b\nparam b string = a\nresource c 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n  properties: { emails: a }\n}\n",
      "t.json": JSON.stringify({
        parameters: {
          a: { type: "string", defaultValue: "[parameters('b')]" },
          b: { type: "string", defaultValue: "[parameters('a')]" },
        },
        resources: [
          {
            type: "Microsoft.Security/securityContacts",
            name: "x",
            properties: { emails: "[parameters('a')]" },
          },
        ],
      }),
    });
    assert.deepEqual(
      findings.map((f) => ("error" in f ? `${f.path} ${f.error}` : "?")),
      ["a.bicep parameter a refers to itself", "t.json a refers to itself"],
    );
  });

  it("modules fanning out at every level stop at a budget of module deployments", async () => {
    const level = (n: number): string =>
      Array.from(
        { length: 10 },
        (_, i) => `module m${i} './l${n + 1}.bicep' = {\n  params: {}\n}`,
      ).join("\n");
    const files: Record<string, string> = {};
    for (let n = 0; n < 5; n++) files[`l${n}.bicep`] = level(n);
    files["l5.bicep"] =
      "resource c 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n  properties: { emails: 'ops@contoso.com' }\n}\n";
    const findings = await judgeFiles(files);
    assert.ok(
      findings.some(
        (f) =>
          "error" in f && /more than 5000 module deployments/.test(f.error),
      ),
      JSON.stringify(findings.slice(0, 3)),
    );
  });
});
