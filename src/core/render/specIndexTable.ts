// The living spec index: a Markdown table of every spec, kept between two markers in a file.
import { parseId } from '../ids';
import { isWebUrl } from '../referenceInfo';
import type { SpecSummary } from '../summary';
import { detectEol } from '../text';
import { relativeHref } from './html';
import { progressText } from '../checklistText';
import { groupByStatus } from './specGroups';

export const INDEX_START = '<!-- techspec:index -->';
export const INDEX_END = '<!-- /techspec:index -->';

export interface IndexTableOptions {
  readonly statuses: readonly string[];
  readonly prefixes: readonly string[];
  /** The index file, workspace-relative with '/': links are relative to it. */
  readonly indexPath: string;
  /** A document's workspace-relative path, '/'-separated. */
  pathOf(uri: string): string | undefined;
  /** The document that owns an id, for the decision column. */
  owner(id: string): SpecSummary | undefined;
}

/** The Markdown that goes between the markers: one table per status, in lifecycle order. */
export function renderIndexTable(specs: readonly SpecSummary[], options: IndexTableOptions): string {
  const groups = groupByStatus(specs, options.statuses);
  if (groups.length === 0) return '_No specs yet._';
  const parts: string[] = [];
  for (const group of groups) {
    parts.push(`### ${escapeMarkdown(group.status)} (${group.specs.length})`, '');
    parts.push('| ID | Title | Author | Last updated | Progress | Decision |', '| --- | --- | --- | --- | --- | --- |');
    for (const spec of group.specs) parts.push(row(spec, options));
    parts.push('');
  }
  return parts.join('\n').trimEnd();
}

function row(spec: SpecSummary, options: IndexTableOptions): string {
  const path = options.pathOf(spec.uri);
  const id = escapeMarkdown(spec.id ?? '');
  const cells = [
    path ? `[${id}](${relativeHref(options.indexPath, path)})` : id,
    escapeMarkdown(spec.title ?? ''),
    escapeMarkdown(spec.author ?? ''),
    escapeMarkdown(spec.lastUpdated ?? ''),
    progressText(spec.checklist),
    decisionCell(spec.decisionRef, options),
  ];
  return `| ${cells.join(' | ')} |`;
}

function decisionCell(value: string | undefined, options: IndexTableOptions): string {
  if (value === undefined) return '';
  if (parseId(value, options.prefixes)) {
    const owner = options.owner(value);
    const path = owner ? options.pathOf(owner.uri) : undefined;
    if (path) return `[${escapeMarkdown(value)}](${relativeHref(options.indexPath, path)})`;
  }
  if (isWebUrl(value)) return `<${value}>`;
  return escapeMarkdown(value);
}

/** Text from a file as inert Markdown inside a table cell: punctuation escaped, one line. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>()#+!|~&]/g, (char) => `\\${char}`);
}

export interface SplicedIndex {
  readonly text: string;
  readonly changed: boolean;
  /** Whether the file already had both markers. */
  readonly hadMarkers: boolean;
}

export class IndexMarkerError extends Error {}

/**
 * The file's text with the table between the markers; text outside them is kept byte for byte.
 * No file, or a file without markers, gets them appended. A start marker without an end marker is
 * refused: appending would leave two, and replacing to the end of the file would lose text.
 */
export function spliceIndex(fileText: string | undefined, table: string): SplicedIndex {
  const existing = fileText ?? '';
  const eol = detectEol(existing);
  const block = `${INDEX_START}${eol}${eol}${table.replace(/\n/g, eol)}${eol}${eol}${INDEX_END}`;
  const start = existing.indexOf(INDEX_START);
  const end = start >= 0 ? existing.indexOf(INDEX_END, start) : -1;
  if (start >= 0 && end < 0) throw new IndexMarkerError(`the index file has ${INDEX_START} but no ${INDEX_END} after it; add it, or remove the start marker`);
  if (start < 0 && existing.includes(INDEX_END)) throw new IndexMarkerError(`the index file has ${INDEX_END} but no ${INDEX_START} before it`);
  let text: string;
  if (start >= 0) {
    text = existing.slice(0, start) + block + existing.slice(end + INDEX_END.length);
  } else if (fileText === undefined) {
    text = `# Tech specs${eol}${eol}${block}${eol}`;
  } else {
    const separator = existing === '' ? '' : existing.endsWith(`${eol}${eol}`) ? '' : existing.endsWith(eol) ? eol : `${eol}${eol}`;
    text = `${existing}${separator}${block}${eol}`;
  }
  return { text, changed: text !== fileText, hadMarkers: start >= 0 };
}
