/**
 * HashiCorp's HCL parser: hcl2json compiled to WebAssembly, from the npm
 * package @cdktn/hcl2json (no binary download, works offline). The package's
 * own loader finds its .wasm through `__dirname`, which the ESM bundle does
 * not have, so this module instantiates the same WebAssembly with the same
 * Go glue itself: from `hcl2json.wasm.gz` beside the bundle (the build copies
 * it there), else from the installed package (tests, scripts).
 *
 * Loaded on first use only: a run without `.tf` files never pays for it.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

/** hcl2json's output: only whether it parses matters here (see terraform/index.ts). */
type HclDocument = Record<string, unknown>;
type Parse = (filename: string, contents: string) => Promise<HclDocument>;
type Callback = (error: string | null, json: string) => void;

/** File name of the WebAssembly beside the bundle. */
const HCL_WASM_FILE = "hcl2json.wasm.gz";

function wasmPath(): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), HCL_WASM_FILE);
  if (existsSync(beside)) return beside;
  const manifest = createRequire(import.meta.url).resolve(
    "@cdktn/hcl2json/package.json",
  );
  return join(dirname(manifest), "main.wasm.gz");
}

async function load(): Promise<Parse> {
  // The Go runtime glue: defines globalThis.Go.
  await import("@cdktn/hcl2json/wasm/bridge_wasm_exec.js");
  const bytes = gunzipSync(await readFile(wasmPath()));
  const exported: Record<string, unknown> = {};
  // The Go program registers its functions on this global when it starts.
  Object.assign(globalThis, { __parse_terraform_config_wasm__: exported });
  const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go;
  const go = new Go();
  const { instance } = await wasm.instantiate(bytes, go.importObject);
  void go.run(instance);
  const parse = exported.parse;
  if (typeof parse !== "function")
    throw new Error("the HCL parser did not start");
  return (filename, contents) =>
    new Promise((resolve, reject) => {
      const done: Callback = (error, json) =>
        error
          ? reject(new Error(error))
          : resolve(JSON.parse(json) as HclDocument);
      parse(filename, contents, done);
    });
}

/** The parts of Go's wasm_exec runtime and of WebAssembly used here (lib ES2023 has no WebAssembly types). */
interface GoRuntime {
  importObject: object;
  run(instance: object): Promise<void>;
}

const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(
        bytes: Uint8Array,
        imports: object,
      ): Promise<{ instance: object }>;
    };
  }
).WebAssembly;

let parser: Promise<Parse> | undefined;

/** Parses one `.tf` / `.tfvars` file; rejects with the parser's message on a syntax error. */
export async function parseHcl(
  filename: string,
  contents: string,
): Promise<HclDocument> {
  parser ??= load();
  return (await parser)(filename, contents);
}
