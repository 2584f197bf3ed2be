import type { TechSpecConfig } from './config';
import type { ParsedDocument } from './parse';
import { summarize, type SpecSummary } from './summary';

type IndexConfig = Pick<TechSpecConfig, 'referencePrefixes' | 'idFields' | 'matchFileNames' | 'idPrefix'> & Partial<Pick<TechSpecConfig, 'checklistSection'>>;

export interface IndexChange {
  readonly upserted: readonly string[];
  readonly removed: readonly string[];
  /**
   * Ids whose owners changed, or whose owner's lifecycle facts (status, supersession) changed:
   * findings about them in other documents may have changed too.
   */
  readonly ids: readonly string[];
}

/**
 * The workspace model: one summary per Markdown file, with look-ups by id and by status kept
 * up to date on every upsert and remove, so no query scans all entries.
 */
export class SpecIndex {
  private readonly entries = new Map<string, SpecSummary>();
  private readonly ownersById = new Map<string, Set<string>>();
  private readonly specsByStatus = new Map<string, Set<string>>();
  private readonly listeners = new Set<(change: IndexChange) => void>();

  constructor(private config: IndexConfig) {}

  /** Changing what ownership means requires re-summarizing; callers rebuild from their sources. */
  reconfigure(config: IndexConfig): void {
    this.config = config;
    this.clear();
  }

  /** Summarizes a document's text; `warning` says what was off in reading it (not valid UTF-8, say). */
  upsert(uri: string, text: string, parsed?: ParsedDocument, warning?: string): SpecSummary {
    const summarized = summarize(uri, text, this.config, parsed);
    const summary = warning === undefined ? summarized : { ...summarized, warning };
    this.set(summary);
    return summary;
  }

  /** Stores a summary made elsewhere (a file too large to parse, say). */
  set(summary: SpecSummary): void {
    const previous = this.entries.get(summary.uri);
    this.unlink(summary.uri);
    this.entries.set(summary.uri, summary);
    for (const id of summary.ownedIds) addTo(this.ownersById, id, summary.uri);
    if (summary.isSpec) addTo(this.specsByStatus, summary.status ?? '', summary.uri);
    this.emit({ upserted: [summary.uri], removed: [], ids: changedIds(previous, summary) });
  }

  remove(uri: string): boolean {
    const previous = this.entries.get(uri);
    const existed = this.unlink(uri);
    if (existed) this.emit({ upserted: [], removed: [uri], ids: [...(previous?.ownedIds ?? [])] });
    return existed;
  }

  clear(): void {
    const removed = [...this.entries.keys()];
    const ids = [...this.ownersById.keys()];
    this.entries.clear();
    this.ownersById.clear();
    this.specsByStatus.clear();
    if (removed.length > 0) this.emit({ upserted: [], removed, ids });
  }

  get(uri: string): SpecSummary | undefined {
    return this.entries.get(uri);
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  all(): SpecSummary[] {
    return [...this.entries.values()];
  }

  specs(): SpecSummary[] {
    return this.all().filter((summary) => summary.isSpec);
  }

  /** Specs with a status; '' finds specs without one. */
  byStatus(status: string): SpecSummary[] {
    return this.resolve(this.specsByStatus.get(status));
  }

  statuses(): string[] {
    return [...this.specsByStatus.keys()];
  }

  /** Documents that own an id, in a stable order (by uri). */
  owners(id: string): SpecSummary[] {
    return this.resolve(this.ownersById.get(id)).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  owner(id: string): SpecSummary | undefined {
    return this.owners(id)[0];
  }

  /** Every owned id, optionally of one prefix. */
  knownIds(prefix?: string): string[] {
    const ids = [...this.ownersById.keys()];
    return prefix === undefined ? ids : ids.filter((id) => id.startsWith(`${prefix}-`));
  }

  /** Documents that cite an id. */
  citing(id: string): SpecSummary[] {
    return this.all().filter((summary) => summary.references.includes(id));
  }

  onDidChange(listener: (change: IndexChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private resolve(uris: Set<string> | undefined): SpecSummary[] {
    if (!uris) return [];
    const result: SpecSummary[] = [];
    for (const uri of uris) {
      const summary = this.entries.get(uri);
      if (summary) result.push(summary);
    }
    return result;
  }

  private unlink(uri: string): boolean {
    const previous = this.entries.get(uri);
    if (!previous) return false;
    this.entries.delete(uri);
    for (const id of previous.ownedIds) deleteFrom(this.ownersById, id, uri);
    if (previous.isSpec) deleteFrom(this.specsByStatus, previous.status ?? '', uri);
    return true;
  }

  private emit(change: IndexChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** Ids owned before or after but not both; all of them when what others check of the owner changed. */
function changedIds(previous: SpecSummary | undefined, next: SpecSummary): string[] {
  const before = previous?.ownedIds ?? [];
  const after = next.ownedIds;
  if (previous && !sameLifecycle(previous, next)) return [...new Set([...before, ...after])];
  if (before.length === after.length && before.every((id, i) => id === after[i])) return [];
  return [...before.filter((id) => !after.includes(id)), ...after.filter((id) => !before.includes(id))];
}

/** Whether the facts other documents' checks read (TS042–TS045) are the same. */
function sameLifecycle(a: SpecSummary, b: SpecSummary): boolean {
  const list = (ids: readonly string[] | undefined) => (ids ?? []).join(' ');
  return a.status === b.status && list(a.supersedes) === list(b.supersedes) && list(a.supersededBy) === list(b.supersededBy);
}

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

function deleteFrom(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(key);
}
