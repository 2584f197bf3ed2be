/** What can be disposed: `vscode.Disposable` and core's own resources share this shape. */
export interface IDisposable {
  dispose(): void;
}

/**
 * Owns the resources registered with it and disposes them with itself. A resource registered
 * after dispose() is disposed at once, so a late async registration cannot leak.
 */
export abstract class Disposable implements IDisposable {
  private readonly registered: IDisposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.registered.splice(0));
  }

  protected _register<T extends IDisposable>(resource: T): T {
    if (this.disposed) resource.dispose();
    else this.registered.push(resource);
    return resource;
  }
}

/** Disposes every resource, in reverse order of registration; one that throws does not stop the rest. */
export function disposeAll(resources: readonly IDisposable[]): void {
  const errors: unknown[] = [];
  for (let i = resources.length - 1; i >= 0; i--) {
    try {
      resources[i].dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'several resources failed to dispose');
}

export function toDisposable(dispose: () => void): IDisposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      dispose();
    },
  };
}
