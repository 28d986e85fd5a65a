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

type Body = AsyncIterable<Uint8Array | string>;

/** A Node.js stream (what Node's HTTP clients hand over), read with events. */
function isNodeStream(body: Body): body is Body & NodeJS.ReadableStream {
  return typeof (body as Partial<NodeJS.ReadableStream>).on === "function";
}

/**
 * Reads a (decoded) body up to `maxBytes`; past that it stops reading,
 * releases what it holds and throws. `stop` ends the underlying transfer.
 */
export function readBounded(
  body: Body,
  what: string,
  stop: () => void,
  maxBytes = MAX_ANSWER_BYTES,
): Promise<Buffer> {
  const collected = new Collector(what, stop, maxBytes);
  // Events, not `for await`: an async iterator costs a few KB per answer,
  // which adds up over 10,000 subscriptions.
  if (isNodeStream(body)) return collected.fromStream(body);
  return collected.fromIterable(body);
}

class Collector {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly what: string,
    private readonly stop: () => void,
    private readonly maxBytes: number,
  ) {}

  /** Takes one chunk; throws past the bound. */
  add(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    this.size += bytes.byteLength;
    if (this.size > this.maxBytes) {
      this.chunks.length = 0;
      this.stop();
      throw new AnswerTooLargeError(this.what, this.maxBytes);
    }
    this.chunks.push(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
  }

  result(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }

  async fromIterable(body: Body): Promise<Buffer> {
    for await (const chunk of body) this.add(chunk);
    return this.result();
  }

  fromStream(body: NodeJS.ReadableStream): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        body.off("data", onData);
        body.off("end", onEnd);
        body.off("error", onError);
        body.off("close", onClose);
      };
      const onData = (chunk: Uint8Array | string): void => {
        try {
          this.add(chunk);
        } catch (error) {
          done();
          reject(error);
        }
      };
      const onEnd = (): void => {
        done();
        resolve(this.result());
      };
      const onError = (error: unknown): void => {
        done();
        reject(error);
      };
      // Destroyed before its end (an abort): never a silent short answer.
      const onClose = (): void => {
        done();
        reject(new Error(`${this.what} ended before it was complete.`));
      };
      body.on("data", onData);
      body.once("end", onEnd);
      body.once("error", onError);
      body.once("close", onClose);
    });
  }
}
