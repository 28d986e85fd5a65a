/**
 * Real Terraform from public repositories (fixtures/iac/real-tf, sources in
 * its SOURCES.md), each repository scanned as its own workspace and judged
 * by the live check's rule, against labels written by hand before the scan
 * ran. A file's verdict is the worst of the findings whose deciding value it
 * holds. Prints recall and precision of `fail`.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { scanFiles } from "../../../../src/files/scan.js";
import { evaluateFileFinding } from "../../../../src/files/verdict.js";
import { IAC_DIR } from "../fixtures.js";
import { TERRAFORM_PATTERNS } from "./tree.js";

const CORPUS = join(IAC_DIR, "real-tf");
const { labels } = JSON.parse(
  readFileSync(join(CORPUS, "manifest.json"), "utf8"),
) as {
  labels: Record<string, string>;
};
const WORST = ["fail", "error", "unresolved", "pass", "none"];

/** Where the scan and the label disagree, and why. When the scan learns a case, this list must shrink. */
const KNOWN: string[] = [
  // Read right; the address rule (src/check) does not treat this one as a placeholder.
  "zoleg__Exampli/terraform/azure/security_center.tf: labelled fail, scanned pass",
  // An input to a module from a git source: which argument becomes the contact is in code not scanned.
  "Unique-AG__hello-azure-v2/terraform-modules/perimeter/defender.tf: labelled pass, scanned none",
];

async function verdicts(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const repo of readdirSync(CORPUS, { withFileTypes: true }).filter((e) =>
    e.isDirectory(),
  )) {
    const { findings } = await scanFiles({
      workspace: join(CORPUS, repo.name),
      include: TERRAFORM_PATTERNS,
      exclude: [],
    });
    for (const finding of findings) {
      const path = `${repo.name}/${finding.path}`;
      const status = evaluateFileFinding(finding).status;
      const before = out.get(path) ?? "none";
      out.set(
        path,
        WORST.indexOf(status) < WORST.indexOf(before) ? status : before,
      );
    }
  }
  return out;
}

describe("real Terraform landing-zone code", () => {
  it("every file ends as its hand label (but the known disagreements)", async () => {
    const found = await verdicts();
    const labelled = Object.entries(labels);
    const scanned = (path: string): string => found.get(path) ?? "none";
    const failLabels = labelled.filter(([, label]) => label === "fail");
    const caught = failLabels.filter(
      ([path]) => scanned(path) === "fail",
    ).length;
    const scanFails = [...found].filter(([, status]) => status === "fail");
    const right = scanFails.filter(([path]) => labels[path] === "fail").length;
    const repos = new Set(labelled.map(([path]) => path.split("/")[0]));
    console.log(
      `real-tf: ${labelled.length} files from ${repos.size} repositories; fail recall ${caught}/${failLabels.length}, precision ${right}/${scanFails.length}`,
    );
    const mismatches = labelled
      .filter(([path, label]) => scanned(path) !== label)
      .map(
        ([path, label]) =>
          `${path}: labelled ${label}, scanned ${scanned(path)}`,
      );
    const unlabelled = [...found.keys()].filter((path) => !(path in labels));
    assert.deepEqual(
      { mismatches, unlabelled },
      { mismatches: KNOWN, unlabelled: [] },
    );
  });
});
