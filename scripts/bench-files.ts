/**
 * The file-scan case of `npm run bench`: a generated workspace of N files
 * (ARM JSON, Bicep, Terraform) in directories of 50, of which 2% set the
 * security-contact address in one of the recognised ways, some in .tf files
 * so the HCL parser's load is part of the time. Measured through the bundle
 * (`node dist/index.js` with `scan: files`): the whole process, start to exit.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { repoRoot, runAction } from "../test-support/run-action.js";

const PLAIN: [string, (i: number) => string][] = [
  [
    "json",
    (i) =>
      JSON.stringify(
        {
          $schema:
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          resources: [
            {
              type: "Microsoft.Storage/storageAccounts",
              name: `st${i}`,
              properties: { minimumTlsVersion: "TLS1_2" },
            },
          ],
        },
        null,
        2,
      ),
  ],
  [
    "bicep",
    (i) =>
      `param location string = 'eastus'\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st${i}'\n  location: location\n}\n`,
  ],
  [
    "tf",
    (i) =>
      `resource "azurerm_resource_group" "rg${i}" {\n  name     = "rg-${i}"\n  location = var.location\n}\n`,
  ],
  ["tfvars", (i) => `location = "eastus"\nname = "app-${i}"\n`],
];

const WITH_SETTING: [string, (i: number) => string][] = [
  [
    "parameters.json",
    (i) =>
      JSON.stringify(
        {
          $schema:
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
          parameters: {
            parMsDefenderForCloudEmailSecurityContact: {
              value: `secops${i}@contoso.com`,
            },
          },
        },
        null,
        2,
      ),
  ],
  [
    "bicepparam",
    (i) =>
      `using './main.bicep'\nparam emailSecurityContact = 'secops${i}@contoso.com'\n`,
  ],
  [
    "tf",
    (i) =>
      `variable "mail" {\n  default = "secops${i}@contoso.com"\n}\nresource "azurerm_security_center_contact" "c" {\n  email = var.mail\n}\n`,
  ],
  [
    "auto.tfvars",
    () =>
      `management_group_settings = {\n  policy_default_values = {\n    email_security_contact = "security_contact@replace_me"\n  }\n}\n`,
  ],
];

export interface FileScanBench {
  files: number;
  findings: number;
  scanMs: number;
}

/** The bundle with `scan: files` over `workspace`: its findings and wall time. */
async function scanWorkspace(
  workspace: string,
): Promise<Omit<FileScanBench, "files">> {
  const run = await runAction(
    { scan: "files" },
    { GITHUB_WORKSPACE: workspace },
  );
  if (!run.report) throw new Error(`the bundle wrote no report: ${run.stderr}`);
  return {
    findings: Number(run.outputs["file-findings-total"]),
    scanMs: run.wallMs,
  };
}

export async function benchFileScan(count: number): Promise<FileScanBench> {
  const workspace = await mkdtemp(join(tmpdir(), "bench-files-"));
  try {
    const withSetting = Math.round(count * 0.02);
    const every = Math.floor(count / Math.max(1, withSetting));
    for (let i = 0; i < count; i++) {
      const dir = join(
        workspace,
        `stack-${String(Math.floor(i / 50)).padStart(3, "0")}`,
      );
      if (i % 50 === 0) await mkdir(dir, { recursive: true });
      const setting = i % every === 0 && i / every < withSetting;
      const kinds = setting ? WITH_SETTING : PLAIN;
      const kind = kinds[(setting ? i / every : i) % kinds.length];
      if (!kind) throw new Error("no file kind");
      const [ext, body] = kind;
      await writeFile(join(dir, `file-${i}.${ext}`), body(i));
    }
    return { files: count, ...(await scanWorkspace(workspace)) };
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

export interface RepoScanBench extends FileScanBench {
  /** What was scanned: a checkout named by BENCH_REPO, or the real corpus copied to a repository's size. */
  repo: string;
}

/** Copies of the real corpus to reach about ALZ-Bicep's 650 ARM/Bicep files. */
const CORPUS_COPIES = 20;

/**
 * A repository-sized tree of real landing-zone code: BENCH_REPO (a checkout,
 * e.g. of Azure/ALZ-Bicep) when set, else the hand-labelled corpus of
 * __tests__/fixtures/iac/real copied CORPUS_COPIES times. Files whose values
 * come from other files (parameter files, modules, loadJsonContent) make
 * this the cross-file case the generated workspace lacks.
 */
export async function benchRepoScan(): Promise<RepoScanBench> {
  const given = process.env.BENCH_REPO;
  let workspace = given;
  let made: string | undefined;
  if (!workspace) {
    made = await mkdtemp(join(tmpdir(), "bench-repo-"));
    const corpus = join(repoRoot, "__tests__", "fixtures", "iac", "real");
    for (let i = 0; i < CORPUS_COPIES; i++)
      await cp(corpus, join(made, `copy-${i}`), { recursive: true });
    workspace = made;
  }
  try {
    const files = (
      await readdir(workspace, { recursive: true, withFileTypes: true })
    ).filter(
      (e) =>
        e.isFile() && /\.(json|jsonc|bicep|bicepparam|tf|tfvars)$/.test(e.name),
    ).length;
    return {
      repo: given ? basename(given) : `real-corpus-x${CORPUS_COPIES}`,
      files,
      ...(await scanWorkspace(workspace)),
    };
  } finally {
    if (made) await rm(made, { recursive: true, force: true });
  }
}
