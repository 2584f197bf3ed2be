// What the code lenses of a spec say, as plain data: the adapter (src/vscode/codeLenses.ts) only
// turns these into vscode.CodeLens objects. Every string that comes from a file is made safe for a
// lens title (no icon syntax, no line breaks, bounded length).
import { progressText } from '../checklistText';
import { getField } from '../frontMatter';
import { checklistHeadingIndex, checklistProgress } from '../outline';
import type { ParsedDocument } from '../parse';
import { approvalStates, APPROVALS_KEY } from './approvals';
import { allowedNextStatuses, type Transitions } from './transitions';

/** What a lens needs to know of a document that the spec cites. */
export interface LensDocument {
  readonly uri: string;
  readonly status?: string;
  readonly lastUpdated?: string;
  readonly created?: string;
}

export interface LensFacts {
  /** How many other documents cite an id. */
  citingCount(id: string): number;
  /** The document owning an id, if any. */
  document(id: string): LensDocument | undefined;
}

export type SpecLens =
  | { readonly kind: 'references'; readonly line: number; readonly title: string; readonly id: string; readonly character: number }
  | { readonly kind: 'linked'; readonly line: number; readonly title: string; readonly uri?: string }
  | { readonly kind: 'status'; readonly line: number; readonly title: string; readonly next: readonly string[] }
  | { readonly kind: 'checklist'; readonly line: number; readonly title: string }
  | { readonly kind: 'approvals'; readonly line: number; readonly title: string };

export interface LensOptions {
  readonly transitions: Transitions;
  readonly checklistSection?: string;
}

/** The lenses of one spec, in line order. */
export function specLenses(parsed: ParsedDocument, facts: LensFacts, options: LensOptions): SpecLens[] {
  const { frontMatter } = parsed;
  if (!frontMatter.data) return [];
  const lenses: SpecLens[] = [];
  const idField = getField(frontMatter, 'tech_spec_id');
  if (idField && typeof idField.value === 'string' && idField.value.trim() !== '') {
    const id = idField.value.trim();
    const count = facts.citingCount(id);
    lenses.push({ kind: 'references', line: idField.keyRange.start.line, title: `Referenced by ${count}`, id, character: idField.valueRange.start.character });
  }
  for (const key of ['decision_ref', 'related_prd']) {
    const field = getField(frontMatter, key);
    if (!field || typeof field.value !== 'string' || field.value.trim() === '' || /^https?:\/\//i.test(field.value.trim())) continue;
    const id = field.value.trim();
    const document = facts.document(id);
    const title = document ? [id, document.status, document.lastUpdated ?? document.created].filter(isText).map(lensText).join(' · ') : `${lensText(id)} · not found`;
    lenses.push({ kind: 'linked', line: field.keyRange.start.line, title, uri: document?.uri });
  }
  const status = getField(frontMatter, 'status');
  if (status) {
    const current = typeof status.value === 'string' ? status.value.trim() : '';
    const next = allowedNextStatuses(options.transitions, current);
    const title = next.length > 0 ? `Set status… (${next.map(lensText).join(', ')})` : `Set status… (none from ${current === '' ? 'no status' : lensText(current)})`;
    lenses.push({ kind: 'status', line: status.keyRange.start.line, title, next });
  }
  const approvals = getField(frontMatter, APPROVALS_KEY);
  if (approvals) {
    const { current, stale } = approvalStates(parsed.text);
    lenses.push({ kind: 'approvals', line: approvals.keyRange.start.line, title: `${current.length} current · ${stale.length} stale` });
  }
  const heading = checklistHeadingIndex(parsed.outline, options.checklistSection);
  if (heading >= 0) {
    const progress = checklistProgress(parsed.outline, options.checklistSection);
    lenses.push({ kind: 'checklist', line: parsed.outline.headings[heading].line, title: progress.total > 0 ? `${progressText(progress)} done` : 'No tasks yet' });
  }
  return lenses.sort((a, b) => a.line - b.line);
}

const MAX_LENS_TEXT = 60;

/**
 * Text from a file, safe in a lens title: lens titles render `$(name)` as an icon, so that is
 * escaped as VS Code's own escapeIcons does; control characters and line breaks become spaces;
 * long text is cut.
 */
export function lensText(value: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const cut = flat.length > MAX_LENS_TEXT ? `${flat.slice(0, MAX_LENS_TEXT - 1)}…` : flat;
  return cut.replace(/(\\)?\$\(/g, (match, escaped: string | undefined) => (escaped ? match : '\\$('));
}

function isText(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The status bar's text for a spec: `TS-0042 · IN_REVIEW · 4/9`; undefined for a file that is no spec. */
export function specStatusText(parsed: ParsedDocument, checklistSection?: string): string | undefined {
  const id = getField(parsed.frontMatter, 'tech_spec_id')?.value;
  if (typeof id !== 'string' || id.trim() === '') return undefined;
  const status = getField(parsed.frontMatter, 'status')?.value;
  const parts = [lensText(id), typeof status === 'string' && status.trim() !== '' ? lensText(status) : 'no status', progressText(checklistProgress(parsed.outline, checklistSection))];
  return parts.join(' · ');
}
