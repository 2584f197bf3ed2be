/** The clock and timers that schedulers use; tests pass a fake to control time. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock and timers of whatever runtime this runs in (Node, browser, worker). */
export const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Lets other work (I/O callbacks, other extensions) run before continuing. */
export function yieldTo(timers: Timers): Promise<void> {
  return new Promise((resolve) => timers.setTimeout(resolve, 0));
}

/**
 * Tracks how long a loop has held the thread and yields once it has held it for `sliceMs`, so a
 * long loop never stalls the event loop for more than about one slice, however long each item takes.
 */
export class TimeSlicer {
  private sliceStart: number;

  constructor(
    private readonly timers: Timers,
    private readonly sliceMs: number,
  ) {
    this.sliceStart = timers.now();
  }

  /** Whether the current slice is used up; call yield() when it is. */
  get due(): boolean {
    return this.timers.now() - this.sliceStart >= this.sliceMs;
  }

  async yield(): Promise<void> {
    await yieldTo(this.timers);
    this.sliceStart = this.timers.now();
  }

  /** Yields only when the slice is used up. */
  async maybeYield(): Promise<void> {
    if (this.due) await this.yield();
  }
}
