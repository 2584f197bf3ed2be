import type { TechSpecConfig } from './config';
import { DEFAULT_CHECKLIST_SECTION } from './outline';
import { outlineEntries, type OutlineEntry, type SpecSummary } from './summary';

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
export function buildStatusGroups(summaries: readonly SpecSummary[], options: TreeOptions, keyPrefix = ''): GroupNode[] {
  const byStatus = new Map<string, SpecSummary[]>();
  const other: SpecSummary[] = [];
  const none: SpecSummary[] = [];
  const unreadable: SpecSummary[] = [];
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

export function buildFolderGroups(summaries: readonly SpecSummary[], options: TreeOptions & { folderOf: (uri: string) => string }): FolderNode[] {
  const byFolder = new Map<string, SpecSummary[]>();
  for (const summary of summaries) push(byFolder, options.folderOf(summary.uri), summary);
  return [...byFolder.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, items]): FolderNode => ({ kind: 'folder', key: `folder:${folder}`, label: folder, groups: buildStatusGroups(items, options, `folder:${folder}/`) }))
    .filter((folder) => folder.groups.length > 0);
}

function group(key: string, label: string, status: string, category: GroupNode['category'], summaries: SpecSummary[], options: TreeOptions): GroupNode {
  const specs = summaries.map((summary) => specNode(summary, options, category)).sort(compareSpecs);
  return { kind: 'group', key, label, description: String(specs.length), status, category, specs };
}

function specNode(summary: SpecSummary, options: TreeOptions, category: GroupNode['category']): SpecNode {
  const path = options.relativePath(summary.uri);
  const id = summary.id ?? '';
  const title = summary.title ?? path;
  const progress = summary.checklist.total > 0 ? `${summary.checklist.done}/${summary.checklist.total}` : '';
  const lines = [
    path,
    `Author: ${summary.author ?? '—'}`,
    `Created: ${summary.created ?? '—'}`,
    `Last updated: ${summary.lastUpdated ?? '—'}`,
  ];
  // Progress counts the checklist section only: a spec without one shows none, and says why.
  if (category !== 'unreadable' && !summary.checklist.found) lines.push(`No "${options.checklistSection ?? DEFAULT_CHECKLIST_SECTION}" section: no progress counted`);
  if (category === 'other') lines.push(`Status "${summary.status ?? ''}" is not one of techSpec.statuses`);
  if (summary.problem) lines.push(summary.problem);
  if (summary.warning) lines.push(`Warning: ${summary.warning}`);
  return {
    kind: 'spec',
    key: `spec:${summary.uri}`,
    uri: summary.uri,
    id,
    label: category === 'unreadable' ? path : `${id} · ${title}`,
    description: category === 'unreadable' ? (summary.problem ?? '') : progress,
    tooltip: lines.join('\n'),
    status: summary.status ?? '',
    known: category === 'status',
  };
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
