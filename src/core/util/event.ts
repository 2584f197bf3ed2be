import type { IDisposable } from './dispose';

/** A subscription function, shaped like `vscode.Event` so adapters can pass it on as is. */
export type Event<T> = (listener: (value: T) => void) => IDisposable;

/** The firing side of an Event; a listener that throws does not stop the others. */
export class Emitter<T> implements IDisposable {
  private listeners: Set<(value: T) => void> | undefined = new Set();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  readonly event: Event<T> = (listener) => {
    this.listeners?.add(listener);
    return { dispose: () => this.listeners?.delete(listener) };
  };

  fire(value: T): void {
    if (!this.listeners) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners = undefined;
  }
}
