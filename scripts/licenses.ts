/**
 * Writes dist/licenses.txt: the license of every package inside the bundle.
 * ncc's own `--license` misses ESM packages, so the list comes from the
 * bundle's inputs as ncc reports them (`--stats-out`): each module path
 * under node_modules names its package, nested copies included.
 *
 *   node --import tsx scripts/licenses.ts <stats.json> <out.txt>
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

interface StatsModule {
  name?: string;
  modules?: StatsModule[];
}

/** `./node_modules/a/node_modules/@b/c/x.js` → `node_modules/a/node_modules/@b/c`. */
const PACKAGE_DIR = /^(?:\.\/)?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//;

function packageDirs(modules: readonly StatsModule[], into: Set<string>): void {
  for (const module of modules) {
    const dir = PACKAGE_DIR.exec(module.name ?? "")?.[1];
    if (dir) into.add(dir);
    if (module.modules) packageDirs(module.modules, into);
  }
}

async function licenseText(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((file) =>
    /^(licen[cs]e|copying)(\.|$)/i.test(file),
  );
  if (files.length === 0) return "(the package ships no license file)";
  const texts = await Promise.all(
    files.sort().map((file) => readFile(join(dir, file), "utf8")),
  );
  return texts.map((text) => text.trim()).join("\n\n");
}

const [statsPath, outPath] = process.argv.slice(2);
if (!statsPath || !outPath) {
  console.error("usage: licenses.ts <stats.json> <out.txt>");
  process.exit(2);
}
const stats = JSON.parse(await readFile(statsPath, "utf8")) as {
  modules: StatsModule[];
};
const dirs = new Set<string>();
packageDirs(stats.modules, dirs);

const entries = new Map<string, string>();
for (const dir of dirs) {
  const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license?: string;
  };
  const id = `${pkg.name}@${pkg.version}`;
  entries.set(
    id,
    `${id}\n${pkg.license ?? "(no license field)"}\n${await licenseText(dir)}`,
  );
}
const sorted = [...entries].sort(([a], [b]) => a.localeCompare(b));
await writeFile(outPath, `${sorted.map(([, text]) => text).join("\n\n")}\n`);
console.log(`licenses: ${sorted.length} packages → ${outPath}`);
