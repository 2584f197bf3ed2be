import { presentKeys } from './frontMatterLines';
import type { ParsedDocument } from './parse';
import type { Position, Range } from './text';

export interface FrontMatterKey {
  readonly key: string;
  readonly description: string;
  /** Whether the spec-checks report it missing. */
  readonly required: boolean;
}

/** The template's keys, in the template's order. */
export const FRONT_MATTER_KEYS: readonly FrontMatterKey[] = [
  { key: 'tech_spec_id', description: 'Unique id of this spec, e.g. TS-0042.', required: true },
  { key: 'title', description: 'Name of the component or feature the spec describes.', required: true },
  { key: 'status', description: 'Lifecycle status: DRAFT, IN_REVIEW, APPROVED, IMPLEMENTED, SUPERSEDED or DEPRECATED.', required: true },
  { key: 'decision_ref', description: 'Optional: the RFC this spec implements, e.g. RFC-0007.', required: false },
  { key: 'author', description: 'Who writes and owns the spec.', required: true },
  { key: 'created', description: 'Date the spec was created (YYYY-MM-DD).', required: true },
  { key: 'last_updated', description: 'Date of the last substantive change (YYYY-MM-DD).', required: true },
  { key: 'related_prd', description: 'Optional: the product requirements document, e.g. PRD-0012 or a link.', required: false },
];

/** Keys the lifecycle writes (Supersede, Approve); offered after the template's, never required. */
export const LIFECYCLE_KEYS: readonly FrontMatterKey[] = [
  { key: 'supersedes', description: 'The spec this one replaces, e.g. TS-0042. Its `superseded_by` should name this spec back.', required: false },
  { key: 'superseded_by', description: 'The spec that replaces this one, e.g. TS-0050; set with status SUPERSEDED (Tech Spec: Supersede sets both).', required: false },
  { key: 'approvals', description: 'Recorded approvals: who approved which content (by, role, date, digest). Written by Tech Spec: Approve; an entry goes stale when the content changes.', required: false },
];

export const STATUS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  DRAFT: 'Being written; not ready for review.',
  IN_REVIEW: 'Complete enough for reviewers to comment on.',
  APPROVED: 'Accepted; implementation may start.',
  IMPLEMENTED: 'Built as specified.',
  SUPERSEDED: 'Replaced by a newer spec.',
  DEPRECATED: 'No longer relevant; kept for the record.',
};

export type CompletionContext =
  | { readonly kind: 'key'; readonly range: Range; readonly present: readonly string[]; readonly typed?: string }
  | { readonly kind: 'value'; readonly key: string; readonly range: Range };

/** What a front-matter key means, for a hover on it; undefined for keys Tech Spec does not know. */
export function keyDescription(key: string): string | undefined {
  return [...FRONT_MATTER_KEYS, ...LIFECYCLE_KEYS].find((entry) => entry.key === key)?.description;
}

/** Where in the front matter the cursor is, or undefined outside it (the body offers nothing). */
export function completionContext(parsed: ParsedDocument, position: Position): CompletionContext | undefined {
  const { frontMatter, lines } = parsed;
  if (frontMatter.kind === 'none') return undefined;
  const last = frontMatter.kind === 'closed' ? frontMatter.endLine - 1 : frontMatter.endLine;
  if (position.line < 1 || position.line > last) return undefined;
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const keyOnly = /^([A-Za-z_][A-Za-z0-9_-]*)?$/.exec(before);
  if (keyOnly) {
    const wordEnd = /^[A-Za-z0-9_-]*/.exec(line.slice(position.character))?.[0].length ?? 0;
    // Half-typed YAML (`sta` on a new line) parses to no fields at all: read the key lines too,
    // or every key would be offered again and accepting one would write a duplicate.
    const parsedKeys = frontMatter.fields.filter((field) => field.keyRange.start.line !== position.line).map((field) => field.key);
    const present = [...new Set([...parsedKeys, ...presentKeys(lines, position.line)])];
    return { kind: 'key', present, typed: before, range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: position.character + wordEnd } } };
  }
  const keyValue = /^([A-Za-z_][A-Za-z0-9_-]*):([ \t]*)(\S*)$/.exec(before);
  if (keyValue) {
    const valueStart = keyValue[1].length + 1 + keyValue[2].length;
    const rest = line.slice(position.character);
    const valueEnd = position.character + (/^[^\s#]*/.exec(rest)?.[0].length ?? 0);
    return { kind: 'value', key: keyValue[1], range: { start: { line: position.line, character: valueStart }, end: { line: position.line, character: valueEnd } } };
  }
  return undefined;
}

export interface CompletionData {
  readonly statuses: readonly string[];
  readonly today: string;
  readonly nextId: string;
  readonly author: string | undefined;
  readonly rfcs: ReadonlyArray<{ id: string; title?: string; status?: string }>;
  readonly prds: ReadonlyArray<{ id: string; title?: string; status?: string }>;
  /** Specs, for `supersedes` and `superseded_by`; empty unless asked for. */
  readonly specs?: ReadonlyArray<{ id: string; title?: string; status?: string }>;
  /** For a reference key of the document's type: the documents of the type it names, and that type's name. */
  readonly reference?: { readonly key: string; readonly typeName: string; readonly documents: ReadonlyArray<{ id: string; title?: string; status?: string }> };
}

export interface CompletionEntry {
  readonly label: string;
  readonly insertText: string;
  readonly detail: string;
  readonly documentation?: string;
  readonly kind: 'key' | 'value';
  readonly sortText: string;
  readonly range: Range;
  /** Ask for value suggestions right after inserting a key. */
  readonly retrigger?: boolean;
}

export function completionEntries(context: CompletionContext, data: CompletionData): CompletionEntry[] {
  if (context.kind === 'key') {
    // The lifecycle's keys are written by commands: offered once their first letters are typed, so a complete front matter offers nothing.
    const typed = context.typed ?? '';
    const lifecycle = typed === '' ? [] : LIFECYCLE_KEYS.filter((entry) => entry.key.startsWith(typed));
    return [...FRONT_MATTER_KEYS, ...lifecycle]
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => !context.present.includes(entry.key))
      .map(({ entry, index }) => ({
        label: entry.key,
        // A list comes on the lines below: nothing to suggest right after its key.
        insertText: entry.key === 'approvals' ? `${entry.key}:` : `${entry.key}: `,
        detail: entry.required ? 'Tech Spec front matter' : 'Tech Spec front matter (optional)',
        documentation: entry.description,
        kind: 'key' as const,
        sortText: String(index).padStart(2, '0'),
        range: context.range,
        retrigger: entry.key !== 'approvals',
      }));
  }
  const value = (label: string, detail: string, index: number, documentation?: string): CompletionEntry => ({
    label,
    insertText: label,
    detail,
    documentation,
    kind: 'value',
    sortText: String(index).padStart(4, '0'),
    range: context.range,
  });
  // A reference key offers the documents of the type it names, whichever key it is.
  if (data.reference && data.reference.key === context.key) {
    const { typeName, documents } = data.reference;
    return documents.map((doc, index) => value(doc.id, doc.title ?? typeName, index, doc.status ? `Status: ${doc.status}` : undefined));
  }
  switch (context.key) {
    case 'status':
      return data.statuses.map((status, index) => value(status, `Status ${index + 1} of ${data.statuses.length}`, index, STATUS_DESCRIPTIONS[status] ?? 'Status configured in techSpec.statuses.'));
    case 'created':
    case 'last_updated':
      return [value(data.today, 'Today', 0)];
    case 'tech_spec_id':
      return [value(data.nextId, 'Next free id', 0)];
    case 'author':
      return data.author ? [value(data.author, 'You (git user.name)', 0)] : [];
    case 'decision_ref':
      return data.rfcs.map((doc, index) => value(doc.id, doc.title ?? 'RFC', index, doc.status ? `Status: ${doc.status}` : undefined));
    case 'related_prd':
      return data.prds.map((doc, index) => value(doc.id, doc.title ?? 'PRD', index, doc.status ? `Status: ${doc.status}` : undefined));
    case 'supersedes':
    case 'superseded_by':
      return (data.specs ?? []).map((doc, index) => value(doc.id, doc.title ?? 'Spec', index, doc.status ? `Status: ${doc.status}` : undefined));
    default:
      return [];
  }
}
