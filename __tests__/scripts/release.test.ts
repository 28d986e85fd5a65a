/**
 * scripts/release in a throwaway repository with a local bare "origin": it
 * refuses what must not be released, tags vX.Y.Z, moves vX and pushes both.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { repoRoot } from "../../test-support/run-action.js";

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.1.0] - 2026-12-01

### Fixed

- Something.

## [1.0.0] - 2026-11-27

- First.
`;

let dir: string;
let work: string;
let origin: string;

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: work, encoding: "utf8" }).trim();
}

function release(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(join(work, "scripts", "release"), args, {
    cwd: work,
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function commitAll(message: string): Promise<void> {
  git("add", "-A");
  git("commit", "-q", "-m", message);
}

describe("scripts/release", () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "contact-check-release-"));
    origin = join(dir, "origin.git");
    work = join(dir, "work");
    execFileSync("git", ["init", "-q", "--bare", origin]);
    await mkdir(join(work, "scripts"), { recursive: true });
    git("init", "-q");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "Test");
    git("remote", "add", "origin", origin);
    await copyFile(
      join(repoRoot, "scripts", "release"),
      join(work, "scripts", "release"),
    );
    await writeFile(join(work, "package.json"), '{ "version": "1.0.0" }\n');
    await writeFile(join(work, "CHANGELOG.md"), CHANGELOG);
    await writeFile(join(work, ".gitignore"), "release-notes.md\n");
    await commitAll("1.0.0");
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a version that is not X.Y.Z", () => {
    for (const version of ["", "v1.0.0", "1.0", "01.0.0"]) {
      const run = release(version);
      assert.equal(run.status, 2, version);
      assert.match(run.output, /usage: scripts\/release X\.Y\.Z/);
    }
  });

  it("refuses a version package.json does not have", () => {
    const run = release("1.1.0", "--dry-run");
    assert.equal(run.status, 1);
    assert.match(run.output, /package\.json has version 1\.0\.0, not 1\.1\.0/);
  });

  it("refuses a version without a CHANGELOG section", async () => {
    await writeFile(join(work, "package.json"), '{ "version": "1.2.0" }\n');
    await commitAll("1.2.0 without notes");
    const run = release("1.2.0", "--dry-run");
    assert.equal(run.status, 1);
    assert.match(run.output, /no '## \[1\.2\.0\]' section/);
  });

  it("refuses a dirty work tree", async () => {
    await writeFile(join(work, "package.json"), '{ "version": "1.0.0" }\n');
    await commitAll("back to 1.0.0");
    await writeFile(join(work, "dist.js"), "stale");
    const run = release("1.0.0", "--dry-run");
    assert.equal(run.status, 1);
    assert.match(run.output, /not clean/);
    await rm(join(work, "dist.js"));
  });

  it("a dry run writes the notes and tags nothing", async () => {
    const run = release("1.0.0", "--dry-run");
    assert.equal(run.status, 0, run.output);
    assert.equal(
      await readFile(join(work, "release-notes.md"), "utf8"),
      "- First.\n",
    );
    assert.equal(git("tag", "--list"), "");
  });

  it("tags vX.Y.Z, moves vX, pushes both; a released version never moves", async () => {
    assert.equal(release("1.0.0").status, 0);
    const first = git("rev-parse", "HEAD");

    await writeFile(join(work, "package.json"), '{ "version": "1.1.0" }\n');
    await commitAll("1.1.0");
    const run = release("1.1.0");
    assert.equal(run.status, 0, run.output);
    const second = git("rev-parse", "HEAD");

    const remote = (ref: string): string =>
      execFileSync("git", ["rev-parse", `${ref}^{commit}`], {
        cwd: origin,
        encoding: "utf8",
      }).trim();
    assert.equal(remote("v1.0.0"), first);
    assert.equal(remote("v1.1.0"), second);
    assert.equal(remote("v1"), second);
    assert.match(
      await readFile(join(work, "release-notes.md"), "utf8"),
      /^### Fixed\n\n- Something\.\n/,
    );

    const again = release("1.1.0");
    assert.equal(again.status, 1);
    assert.match(again.output, /v1\.1\.0 exists already/);
  });
});
