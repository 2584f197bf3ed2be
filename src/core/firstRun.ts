/** The part of a VS Code Memento (globalState) that a first-run check needs. */
export interface FlagStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/**
 * Runs `action` the first time only: the flag is set before the action runs, so a crash or a
 * second window never shows it twice. Returns whether it ran.
 */
export async function runOnce(store: FlagStore, key: string, action: () => unknown): Promise<boolean> {
  if (store.get<boolean>(key)) return false;
  await store.update(key, true);
  await action();
  return true;
}
