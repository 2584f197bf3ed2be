// `techspec lint --against <ref>`: ids of the working tree that the ref gives to a different document.

export interface OwnedIds {
  /** Relative to the root, '/'-separated: the same document has the same path on both sides. */
  readonly path: string;
  readonly ownedIds: readonly string[];
}

export interface Collision {
  readonly id: string;
  /** The working tree's document. */
  readonly path: string;
  /** The documents that own the id on the ref. */
  readonly others: readonly string[];
}

export function findCollisions(working: readonly OwnedIds[], onRef: readonly OwnedIds[]): Collision[] {
  const refOwners = new Map<string, string[]>();
  for (const document of onRef) {
    for (const id of document.ownedIds) {
      const owners = refOwners.get(id) ?? [];
      owners.push(document.path);
      refOwners.set(id, owners);
    }
  }
  const collisions: Collision[] = [];
  for (const document of working) {
    for (const id of document.ownedIds) {
      const others = (refOwners.get(id) ?? []).filter((path) => path !== document.path).sort();
      if (others.length > 0) collisions.push({ id, path: document.path, others });
    }
  }
  return collisions.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.id < b.id ? -1 : 1));
}
