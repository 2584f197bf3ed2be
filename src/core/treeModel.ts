import type { TechSpecConfig } from './config';
import { DEFAULT_CHECKLIST_SECTION } from './outline';
import { outlineEntries, type OutlineEntry, type SpecSummary } from './summary';
import type { TreeSummary } from './treeHold';

export interface SpecNode {
  readonly kind: 'spec';
  /** Stable across refreshes, so expansion state survives. */
  readonly key: string;
  readonly uri: string;
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly status: string;
  readonly known: boolean;
  /** Shown from the last good read while its editor holds unreadable text: what is wrong now. */
  readonly editing?: string;
}

export interface GroupNode {
  readonly kind: 'group';
  readonly key: string;
  readonly label: string;
  readonly description: string;
  /** A configured status; or 'other' (unknown status), 'none' (no status), 'unreadable'. */
  readonly status: string;
  readonly category: 'status' | 'other' | 'none' | 'unreadable';
  readonly specs: readonly SpecNode[];
}

export interface FolderNode {
  readonly kind: 'folder';
  readonly key: string;
  readonly label: string;
  readonly groups: readonly GroupNode[];
}

export interface HeadingNode {
  readonly kind: 'heading';
  readonly key: string;
  readonly uri: string;
  readonly entry: OutlineEntry;
  readonly children: readonly HeadingNode[];
}

export interface TreeOptions {
  readonly statuses: TechSpecConfig['statuses'];
  /** Workspace-relative path of a uri, for labels and tooltips. */
  readonly relativePath: (uri: string) => string;
  /** Name of the workspace folder holding a uri; enables grouping by folder. */
  readonly folderOf?: (uri: string) => string;
  /** `techSpec.checklistSection`, for the tooltip of a spec without that section. */
  readonly checklistSection?: string;
}

/** Status groups in lifecycle order, then unknown statuses, then specs without one, then unreadable files. */
export function buildStatusGroups(summaries: readonly TreeSummary[], options: TreeOptions, keyPrefix = ''): GroupNode[] {
  const byStatus = new Map<string, TreeSummary[]>();
  const other: TreeSummary[] = [];
  const none: TreeSummary[] = [];
  const unreadable: TreeSummary[] = [];
  for (const summary of summaries) {
    if (!summary.isSpec) {
      if (summary.unreadable) unreadable.push(summary);
      continue;
    }
    if (!summary.status) none.push(summary);
    else if (options.statuses.includes(summary.status)) push(byStatus, summary.status, summary);
    else other.push(summary);
  }
  const groups: GroupNode[] = [];
  for (const status of options.statuses) {
    const specs = byStatus.get(status) ?? [];
    if (specs.length > 0) groups.push(group(`${keyPrefix}status:${status}`, humanize(status), status, 'status', specs, options));
  }
  if (other.length > 0) groups.push(group(`${keyPrefix}other`, 'Other status', 'other', 'other', other, options));
  if (none.length > 0) groups.push(group(`${keyPrefix}none`, 'No status', 'none', 'none', none, options));
  if (unreadable.length > 0) groups.push(group(`${keyPrefix}unreadable`, 'Could not read', 'unreadable', 'unreadable', unreadable, options));
  return groups;
}

export function buildFolderGroups(summaries: readonly TreeSummary[], options: TreeOptions & { folderOf: (uri: string) => string }): FolderNode[] {
  const byFolder = new Map<string, TreeSummary[]>();
  for (const summary of summaries) push(byFolder, options.folderOf(summary.uri), summary);
  return [...byFolder.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, items]): FolderNode => ({ kind: 'folder', key: `folder:${folder}`, label: folder, groups: buildStatusGroups(items, options, `folder:${folder}/`) }))
    .filter((folder) => folder.groups.length > 0);
}

function group(key: string, label: string, status: string, category: GroupNode['category'], summaries: TreeSummary[], options: TreeOptions): GroupNode {
  const specs = summaries.map((summary) => specNode(summary, options, category)).sort(compareSpecs);
  return { kind: 'group', key, label, description: String(specs.length), status, category, specs };
}

function specNode(summary: TreeSummary, options: TreeOptions, category: GroupNode['category']): SpecNode {
  const path = options.relativePath(summary.uri);
  const id = summary.id ?? '';
  const title = summary.title ?? path;
  const { done, total } = summary.checklist;
  const progress = total > 0 ? `${done}/${total}` : '';
  const editing = summary.editing ? `editing: ${summary.editing}` : '';
  return {
    kind: 'spec',
    key: `spec:${summary.uri}`,
    uri: summary.uri,
    id,
    label: category === 'unreadable' ? path : `${id} · ${title}`,
    // Progress first: it stays visible when a long marker or reason is cut off.
    description: category === 'unreadable' ? (summary.problem ?? '') : [progress, editing].filter(Boolean).join(' · '),
    tooltip: specTooltip(summary, path, category, options.checklistSection),
    status: summary.status ?? '',
    known: category === 'status',
    ...(summary.editing ? { editing: summary.editing } : {}),
  };
}

/** Everything the tree knows of a spec, as plain text lines: its title in full, status, progress, people, dates, path. */
export function specTooltip(summary: TreeSummary, path: string, category: GroupNode['category'] = 'status', checklistSection?: string): string {
  const { done, total } = summary.checklist;
  const lines: string[] = [];
  if (category !== 'unreadable') lines.push(`${summary.id ?? ''} · ${summary.title ?? path}`);
  if (category !== 'unreadable') lines.push(`Status: ${summary.status ?? '—'}`);
  if (category !== 'unreadable') lines.push(`Checklist: ${total > 0 ? `${done} of ${total} done` : 'no tasks'}`);
  // Progress counts the checklist section only: a spec without one shows none, and says why.
  if (category !== 'unreadable' && !summary.checklist.found) lines.push(`No "${checklistSection ?? DEFAULT_CHECKLIST_SECTION}" section: no progress counted`);
  lines.push(
    `Author: ${summary.author ?? '—'}`,
    `Created: ${summary.created ?? '—'}`,
    `Last updated: ${summary.lastUpdated ?? '—'}`,
    path,
  );
  if (category === 'other') lines.push(`Status "${summary.status ?? ''}" is not one of techSpec.statuses`);
  if (summary.editing) lines.push(`Editing: ${summary.editing}. The tree shows the spec as it last read until the file is saved.`);
  if (summary.problem) lines.push(summary.problem);
  if (summary.warning) lines.push(`Warning: ${summary.warning}`);
  return lines.join('\n');
}

/** A spec's table of contents, nested by level; the title heading is left out. */
export function buildHeadingTree(summary: SpecSummary): HeadingNode[] {
  const entries = outlineEntries(summary);
  const firstH1 = entries.findIndex((entry) => entry.level === 1);
  const visible = entries.filter((_, index) => index !== firstH1);
  const roots: HeadingNode[] = [];
  const stack: Array<{ level: number; children: HeadingNode[] }> = [{ level: 0, children: roots }];
  for (const entry of visible) {
    while (stack.length > 1 && stack[stack.length - 1].level >= entry.level) stack.pop();
    const node: HeadingNode = { kind: 'heading', key: `heading:${summary.uri}#${entry.slug}`, uri: summary.uri, entry, children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push({ level: entry.level, children: node.children as HeadingNode[] });
  }
  return roots;
}

// Made once: localeCompare with options builds a collator on every call, which made sorting 10,000 specs take ~300 ms.
const NUMERIC = new Intl.Collator(undefined, { numeric: true });
const PLAIN = new Intl.Collator();

function compareSpecs(a: SpecNode, b: SpecNode): number {
  return NUMERIC.compare(a.id, b.id) || PLAIN.compare(a.label, b.label);
}

/** What changed in one file: its new summary, or undefined when it left the index. */
export interface SpecChange {
  readonly uri: string;
  readonly summary: SpecSummary | undefined;
}

export interface GroupsUpdate {
  readonly groups: GroupNode[];
  /** Keys of the groups whose rows changed. */
  readonly changedGroups: readonly string[];
  /** Uris of specs whose row stayed as it was: only their table of contents may have changed. */
  readonly changedSpecs: readonly string[];
  /** Whether groups appeared, went or moved: the top level must be shown again. */
  readonly structural: boolean;
}

/**
 * Updates status groups for a few changed files without rebuilding the others: each changed spec
 * leaves its old group and is inserted in order into its new one. Groups no file of the change
 * touches are returned as they were.
 */
export function updateStatusGroups(previous: readonly GroupNode[], changes: readonly SpecChange[], options: TreeOptions): GroupsUpdate {
  const byKey = new Map(previous.map((group) => [group.key, group]));
  const changed = new Set(changes.map((change) => change.uri));
  const shown = new Map<string, { group: GroupNode; node: SpecNode }>();
  for (const group of previous) for (const spec of group.specs) if (changed.has(spec.uri)) shown.set(spec.uri, { group, node: spec });
  const edits = new Map<string, { removed: Set<string>; added: SpecNode[]; category: GroupNode['category']; label: string; status: string }>();
  const editOf = (key: string, category: GroupNode['category'], label: string, status: string) => {
    let edit = edits.get(key);
    if (!edit) edits.set(key, (edit = { removed: new Set(), added: [], category, label, status }));
    return edit;
  };
  const changedSpecs: string[] = [];
  for (const { uri, summary } of changes) {
    const oldGroup = shown.get(uri)?.group;
    const oldKey = oldGroup?.key;
    const oldNode = shown.get(uri)?.node;
    const placement = summary ? placementOf(summary, options) : undefined;
    const node = summary && placement ? specNode(summary, options, placement.category) : undefined;
    if (oldKey !== undefined && oldKey === placement?.key && oldNode && node && sameRow(oldNode, node)) {
      // Same row; its table of contents may still have changed.
      changedSpecs.push(uri);
      continue;
    }
    if (oldGroup) editOf(oldGroup.key, oldGroup.category, oldGroup.label, oldGroup.status).removed.add(uri);
    if (placement && node) editOf(placement.key, placement.category, placement.label, placement.status).added.push(node);
  }
  for (const [key, edit] of edits) {
    const specs = (byKey.get(key)?.specs ?? []).filter((spec) => !edit.removed.has(spec.uri));
    for (const node of edit.added) specs.splice(insertionPoint(specs, node), 0, node);
    if (specs.length === 0) byKey.delete(key);
    else byKey.set(key, { kind: 'group', key, label: edit.label, description: String(specs.length), status: edit.status, category: edit.category, specs });
  }
  const groups = orderGroups([...byKey.values()], options);
  const structural = groups.length !== previous.length || groups.some((group, i) => group.key !== previous[i].key);
  return { groups, changedGroups: [...edits.keys()].filter((key) => byKey.has(key)), changedSpecs, structural };
}

function placementOf(summary: SpecSummary, options: TreeOptions): { key: string; label: string; status: string; category: GroupNode['category'] } | undefined {
  if (!summary.isSpec) return summary.unreadable ? { key: 'unreadable', label: 'Could not read', status: 'unreadable', category: 'unreadable' } : undefined;
  if (!summary.status) return { key: 'none', label: 'No status', status: 'none', category: 'none' };
  if (options.statuses.includes(summary.status)) return { key: `status:${summary.status}`, label: humanize(summary.status), status: summary.status, category: 'status' };
  return { key: 'other', label: 'Other status', status: 'other', category: 'other' };
}

function orderGroups(groups: GroupNode[], options: TreeOptions): GroupNode[] {
  const rank = (group: GroupNode) => {
    if (group.category === 'status') return options.statuses.indexOf(group.status);
    return options.statuses.length + ['other', 'none', 'unreadable'].indexOf(group.category);
  };
  return groups.sort((a, b) => rank(a) - rank(b));
}

function insertionPoint(specs: readonly SpecNode[], node: SpecNode): number {
  let low = 0;
  let high = specs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareSpecs(specs[middle], node) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function sameRow(a: SpecNode, b: SpecNode): boolean {
  return a.label === b.label && a.description === b.description && a.tooltip === b.tooltip && a.status === b.status && a.id === b.id;
}

function humanize(status: string): string {
  const words = status.replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
