/** Runs at most `limit` tasks at a time; the others wait their turn in order. */
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`a limiter needs a limit of at least 1, not ${limit}`);
  }

  async run<T>(task: () => Promise<T> | T): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Runs the task for every item, `limit` at a time, and resolves when all have settled. */
  async forEach<T>(items: Iterable<T>, task: (item: T) => Promise<void> | void): Promise<void> {
    await Promise.all(Array.from(items, (item) => this.run(() => task(item))));
  }
}
