/**
 * One bound on every answer the action reads (Resource Manager, Entra ID,
 * GitHub's API and its OIDC endpoint): what is larger is never buffered.
 * The bound applies to the declared length and to the bytes after gzip or
 * deflate are undone, so a small compressed bomb stops at the bound too.
 */

/** Far above any real answer (a page of 100 contacts or issues is well under 1 MiB). */
export const MAX_ANSWER_BYTES = 10 * 1024 * 1024;

const MIB = 1024 * 1024;

/** Thrown for an answer over the bound; says which answer and the bound. */
export class AnswerTooLargeError extends Error {
  override name = "AnswerTooLargeError";
  readonly code = "AnswerTooLarge";

  constructor(what: string, maxBytes: number) {
    super(
      `${what} is larger than ${maxBytes / MIB} MiB, the most the action reads from any answer, so it was not read.`,
    );
  }
}

/** Refuses an answer whose Content-Length already says it is too large. */
export function checkDeclaredLength(
  contentLength: string | null | undefined,
  what: string,
  maxBytes = MAX_ANSWER_BYTES,
): void {
  const declared = Number(contentLength);
  if (contentLength && Number.isFinite(declared) && declared > maxBytes) {
    throw new AnswerTooLargeError(what, maxBytes);
  }
}

/**
 * Reads a (decoded) body up to `maxBytes`; past that it stops reading,
 * releases what it holds and throws. `stop` ends the underlying transfer.
 */
export async function readBounded(
  body: AsyncIterable<Uint8Array | string>,
  what: string,
  stop: () => void,
  maxBytes = MAX_ANSWER_BYTES,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += bytes.byteLength;
    if (size > maxBytes) {
      chunks.length = 0;
      stop();
      throw new AnswerTooLargeError(what, maxBytes);
    }
    chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return Buffer.concat(chunks, size);
}
