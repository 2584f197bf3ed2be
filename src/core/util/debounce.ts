import type { IDisposable } from './dispose';
import { realTimers, type Timers } from './timers';

/**
 * Runs an action per key once its events have been quiet for `delayMs`, or at the latest
 * `maxDelayMs` after the first of them (so a steady stream still gets through). The last
 * action given for a key wins.
 */
export class KeyedDebouncer<K> implements IDisposable {
  private readonly pending = new Map<K, { handle: unknown; first: number; action: () => void }>();
  private disposed = false;

  constructor(
    private readonly delayMs: number,
    private readonly options: { readonly maxDelayMs?: number; readonly timers?: Timers } = {},
  ) {}

  private get timers(): Timers {
    return this.options.timers ?? realTimers;
  }

  trigger(key: K, action: () => void): void {
    if (this.disposed) return;
    const existing = this.pending.get(key);
    const now = this.timers.now();
    const first = existing?.first ?? now;
    if (existing) this.timers.clearTimeout(existing.handle);
    const maxDelay = this.options.maxDelayMs ?? Number.POSITIVE_INFINITY;
    const delay = Math.max(0, Math.min(this.delayMs, first + maxDelay - now));
    const handle = this.timers.setTimeout(() => this.fire(key), delay);
    this.pending.set(key, { handle, first, action });
  }

  /** Whether an action is waiting for this key. */
  has(key: K): boolean {
    return this.pending.has(key);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Drops a waiting action without running it. */
  cancel(key: K): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.timers.clearTimeout(entry.handle);
    this.pending.delete(key);
  }

  cancelAll(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelAll();
  }

  private fire(key: K): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    entry.action();
  }
}
