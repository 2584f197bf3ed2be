import type { Timers } from '../../src/core/util/timers';

interface Pending {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/** Lets pending promise callbacks run (several rounds, for chains of awaits). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A clock and timers that move only when the test says so. */
export class FakeTimers implements Timers {
  private time = 0;
  private nextId = 1;
  private pending: Pending[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ id, at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((timer) => timer.id !== handle);
  }

  /** Moves the clock without running timers: work that takes time. */
  spend(ms: number): void {
    this.time += ms;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Runs every timer due within `ms` from now, in order, letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const due = this.pending.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.callback();
      await settle();
    }
    this.time = end;
  }

  /** Advances until a promise settles (timers keep firing), failing after `limitMs` of fake time. */
  async until<T>(promise: Promise<T>, limitMs = 60_000): Promise<T> {
    let done = false;
    let failed = false;
    let value: T | undefined;
    let error: unknown;
    promise.then(
      (result) => ((done = true), (value = result)),
      (reason: unknown) => ((done = true), (failed = true), (error = reason)),
    );
    for (let spent = 0; !done; spent += 10) {
      if (spent > limitMs) throw new Error(`still pending after ${limitMs} ms of fake time`);
      await this.advance(10);
    }
    if (failed) throw error;
    return value as T;
  }
}

/** A gate that holds callers until opened. */
export class Gate {
  private opened = false;
  private waiters: Array<() => void> = [];
  readonly arrived: string[] = [];

  wait(name = ''): Promise<void> {
    this.arrived.push(name);
    if (this.opened) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  open(): void {
    this.opened = true;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
