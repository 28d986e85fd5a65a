import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listFiles } from "../../../src/files/walk.js";
import {
  listInside,
  normalise,
  openWorkspace,
  readInside,
} from "../../../src/files/workspace.js";

let base: string;
let root: string;

before(async () => {
  base = await mkdtemp(join(tmpdir(), "workspace-"));
  root = join(base, "repo");
  const outside = join(base, "outside");
  await mkdir(join(outside, "deep"), { recursive: true });
  await writeFile(join(outside, "deep", "secret.bicep"), "outside");
  await mkdir(join(root, "infra"), { recursive: true });
  await writeFile(join(root, "infra", "main.bicep"), "inside");
  await symlink(outside, join(root, "platform"));
  await symlink(
    join(outside, "deep", "secret.bicep"),
    join(root, "infra", "l.bicep"),
  );
});

after(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("workspace containment", () => {
  it("lists nothing through a directory link named by a pattern", async () => {
    const ws = await openWorkspace(root);
    assert.deepEqual(
      await listFiles(ws, ["platform/**/*.bicep", "infra/**/*.bicep"], []),
      ["infra/main.bicep"],
    );
    assert.deepEqual([...ws.skipped], ["platform"]);
  });

  it("reads a file only when no link and no .. is on its way", async () => {
    const ws = await openWorkspace(root);
    assert.deepEqual(await readInside(ws, "infra/main.bicep", 100), {
      text: "inside",
    });
    assert.equal(
      await readInside(ws, "platform/deep/secret.bicep", 100),
      undefined,
    );
    assert.equal(await readInside(ws, "infra/l.bicep", 100), undefined);
    assert.equal(
      await readInside(ws, "../outside/deep/secret.bicep", 100),
      undefined,
    );
    assert.deepEqual(await readInside(ws, "infra/main.bicep", 2), {
      tooLarge: 6,
    });
    assert.deepEqual(await listInside(ws, "platform"), []);
    assert.deepEqual([...ws.skipped].sort(), [
      "../outside/deep/secret.bicep",
      "infra/l.bicep",
      "platform",
      "platform/deep",
    ]);
  });

  it("normalises paths and refuses those that climb out", () => {
    assert.equal(normalise("a/./b/../c.json"), "a/c.json");
    assert.equal(normalise("a/../../x"), undefined);
    assert.equal(normalise("/etc/passwd"), undefined);
  });
});
