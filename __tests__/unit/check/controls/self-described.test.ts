/**
 * A control describes itself: adding one is one file under
 * src/check/controls/ plus its line in the registry. So no other module may
 * name a control ID in code; they read the descriptors instead.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { citation } from "../../../../src/check/controls/control.js";
import { CONTROLS } from "../../../../src/check/controls/index.js";

const SRC = new URL("../../../../src/", import.meta.url).pathname;
const CONTROLS_DIR = join(SRC, "check", "controls");
/** action.yml's `checks` default, mirrored as the action's public interface. */
const INTERFACE = join(SRC, "action-interface.ts");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === CONTROLS_DIR ? [] : sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every string literal in the file that is exactly one of `ids`. */
function namedIds(path: string, ids: ReadonlySet<string>): string[] {
  const file = ts.createSourceFile(
    path,
    readFileSync(path, "utf8"),
    ts.ScriptTarget.Latest,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      ids.has(node.text)
    ) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("controls describe themselves", () => {
  const ids = new Set(CONTROLS.map((control) => control.id));

  it("no module outside src/check/controls/ names a control ID", () => {
    const offenders = sources(SRC)
      .filter((path) => path !== INTERFACE)
      .flatMap((path) =>
        namedIds(path, ids).map((id) => `${relative(SRC, path)}: "${id}"`),
      );
    assert.deepEqual(offenders, []);
  });

  it("the scan itself finds an ID where one is named", () => {
    assert.deepEqual(namedIds(INTERFACE, ids), [[...ids][0]]);
  });

  it("every control carries its cause, references and remedy", () => {
    for (const control of CONTROLS) {
      assert.ok(control.cause.length > 0, control.id);
      assert.ok(control.references.iso27001.length > 0, control.id);
      assert.ok(control.remedy.step.length > 0, control.id);
      if (control.references.cis) {
        assert.match(control.references.cis.version, /^\d+\.\d+\.\d+$/);
        assert.match(control.references.cis.recommendation, /^\d+(\.\d+)+$/);
      }
    }
  });

  it("cites its references as auditors do", () => {
    assert.equal(
      citation({
        cis: { version: "3.0.0", recommendation: "3.1.13" },
        iso27001: ["A.5.24", "A.6.8"],
      }),
      "CIS Microsoft Azure Foundations 3.0.0 3.1.13; ISO/IEC 27001:2022 A.5.24, A.6.8",
    );
    assert.equal(
      citation({ iso27001: ["A.5.24"] }),
      "ISO/IEC 27001:2022 A.5.24",
    );
  });
});
