/**
 * Admits work while fewer than `limit()` are running; the limit may change
 * at any time (see adaptive-concurrency.ts). A lower limit lets what runs
 * finish and admits nothing new until the count is under it.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: () => number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit()) {
      await new Promise<void>((admit) => this.waiting.push(admit));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      this.running--;
      this.admit();
    }
  }

  /** The limit may have grown since the last release: admit as many as it allows. */
  private admit(): void {
    while (this.waiting.length > 0 && this.running < this.limit()) {
      this.running++;
      this.waiting.shift()?.();
    }
  }
}
