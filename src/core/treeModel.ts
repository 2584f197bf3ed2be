import type { TechSpecConfig } from './config';
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
    tooltip: specTooltip(summary, path, category),
    status: summary.status ?? '',
    known: category === 'status',
    ...(summary.editing ? { editing: summary.editing } : {}),
  };
}

/** Everything the tree knows of a spec, as plain text lines: its title in full, status, progress, people, dates, path. */
export function specTooltip(summary: TreeSummary, path: string, category: GroupNode['category'] = 'status'): string {
  const { done, total } = summary.checklist;
  const lines: string[] = [];
  if (category !== 'unreadable') lines.push(`${summary.id ?? ''} · ${summary.title ?? path}`);
  if (category !== 'unreadable') lines.push(`Status: ${summary.status ?? '—'}`);
  if (category !== 'unreadable') lines.push(`Checklist: ${total > 0 ? `${done} of ${total} done` : 'no tasks'}`);
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

function compareSpecs(a: SpecNode, b: SpecNode): number {
  return a.id.localeCompare(b.id, undefined, { numeric: true }) || a.label.localeCompare(b.label);
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
