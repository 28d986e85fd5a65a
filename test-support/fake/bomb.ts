// Decompression bombs: small gzip bodies that inflate to a huge JSON text
// (whitespace inside a valid document), built once per size and shape.

import { createGzip } from "node:zlib";
import type { Exchange } from "./context.js";

const cache = new Map<string, Promise<Buffer>>();

async function build(
  head: string,
  inflatedBytes: number,
  tail: string,
): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on("end", resolve);
    gzip.on("error", reject);
  });
  const block = Buffer.alloc(1024 * 1024, " ");
  gzip.write(head);
  let left = Math.max(0, inflatedBytes - head.length - tail.length);
  while (left > 0) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    left -= piece.length;
    if (!gzip.write(piece)) {
      await new Promise((resolve) => gzip.once("drain", resolve));
    }
  }
  gzip.end(tail);
  await done;
  return Buffer.concat(chunks);
}

/** `head`, spaces up to `inflatedBytes`, then `tail`, gzipped. */
export function gzipBomb(
  head: string,
  inflatedBytes: number,
  tail: string,
): Promise<Buffer> {
  const key = `${inflatedBytes}\u0000${head}\u0000${tail}`;
  let bomb = cache.get(key);
  if (bomb === undefined) {
    bomb = build(head, inflatedBytes, tail);
    cache.set(key, bomb);
  }
  return bomb;
}

/** Answers 200 with the bomb as a gzip-encoded JSON body. */
export async function sendGzipBomb(
  ex: Exchange,
  inflatedBytes: number,
  headers: Record<string, string> = {},
  head = '{"value":[',
  tail = "]}",
): Promise<void> {
  const body = await gzipBomb(head, inflatedBytes, tail);
  if (ex.res.destroyed) return;
  ex.record.status = 200;
  ex.res.writeHead(200, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-encoding": "gzip",
    "content-length": String(body.length),
  });
  ex.res.end(body);
}
