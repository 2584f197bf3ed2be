// Renaming an id across documents: which text changes, which file is renamed, and when to refuse.
// Plain data in and out: the editor's rename provider, the quick fix and `techspec rename` share it.
import { parseId } from '../ids';
import type { ParsedDocument } from '../parse';
import { LineIndex, type Range } from '../text';
import { relativeLinks } from './links';
import { fileNameWithId, samePath, uriBaseName, uriPath } from './uris';

export interface RenameSource {
  readonly uri: string;
  readonly parsed: ParsedDocument;
}

export interface IdEdit {
  readonly range: Range;
  readonly oldText: string;
  readonly newText: string;
}

export interface DocumentIdEdits {
  /** The document's uri before the rename. */
  readonly uri: string;
  readonly edits: readonly IdEdit[];
}

export interface IdRenamePlan {
  readonly oldId: string;
  readonly newId: string;
  readonly owner: string;
  /** Set when the owner's file name starts with the old id. */
  readonly fileRename?: { readonly from: string; readonly to: string };
  /** Documents with at least one edit, in the order given. */
  readonly documents: readonly DocumentIdEdits[];
}

/** Who owns which id: the index answers it (SpecIndex satisfies this shape). */
export interface OwnerLookup {
  owners(id: string): ReadonlyArray<{ readonly uri: string }>;
}

export interface RenameRules {
  readonly referencePrefixes: readonly string[];
}

/** Why an id cannot be renamed at all, or undefined when it can (exactly one document owns it). */
export function sourceRefusal(oldId: string, owners: OwnerLookup, describe: (uri: string) => string = uriBaseName): string | undefined {
  const found = owners.owners(oldId);
  if (found.length === 0) return `No document in the workspace owns ${oldId}, so there is nothing to rename.`;
  if (found.length > 1) {
    const names = found.map((owner) => describe(owner.uri)).join(', ');
    return `${oldId} is owned by ${found.length} documents (${names}); renumber all but one with the quick fix first.`;
  }
  return undefined;
}

/** Why `newId` cannot replace `oldId`, or undefined when it can. */
export function targetRefusal(oldId: string, newId: string, owners: OwnerLookup, rules: RenameRules, describe: (uri: string) => string = uriBaseName): string | undefined {
  const trimmed = newId.trim();
  const parsed = parseId(trimmed);
  if (!parsed || trimmed !== newId) return `"${newId}" is not an id: write <PREFIX>-<digits>, for example ${exampleId(oldId)}.`;
  if (!rules.referencePrefixes.includes(parsed.prefix)) {
    return `${parsed.prefix} is not a known id prefix (${rules.referencePrefixes.join(', ')}); see the setting techSpec.referencePrefixes.`;
  }
  if (newId === oldId) return `The id is already ${oldId}.`;
  const taken = owners.owners(newId);
  if (taken.length > 0) return `${newId} is already owned by ${taken.map((owner) => describe(owner.uri)).join(', ')}.`;
  return undefined;
}

function exampleId(oldId: string): string {
  const parsed = parseId(oldId);
  return parsed ? `${parsed.prefix}-${String(parsed.number + 1).padStart(parsed.digits.length, '0')}` : 'TS-0042';
}

/**
 * The edits that rename `oldId` to `newId`: every reference in the given documents (front matter,
 * headings, prose; never code, fences or link destinations), the owner's file name when it starts
 * with the old id, and relative links to that file. Pass only the owner to renumber it alone.
 */
export function planIdRename(oldId: string, newId: string, owner: string, sources: readonly RenameSource[], rules: RenameRules): IdRenamePlan {
  const newName = fileNameWithId(owner, oldId, newId);
  const fileRename = newName === undefined ? undefined : { from: owner, to: newName };
  const documents: DocumentIdEdits[] = [];
  for (const source of sources) {
    const edits: IdEdit[] = [];
    for (const reference of source.parsed.references(rules.referencePrefixes)) {
      if (reference.id === oldId) edits.push({ range: reference.range, oldText: oldId, newText: newId });
    }
    if (fileRename) edits.push(...linkEdits(source, fileRename.from, oldId, newId));
    if (edits.length > 0) documents.push({ uri: source.uri, edits: edits.sort(byPosition) });
  }
  return { oldId, newId, owner, fileRename, documents };
}

/** Relative links whose target is the renamed file: the id at the start of their last segment changes. */
function linkEdits(source: RenameSource, target: string, oldId: string, newId: string): IdEdit[] {
  const targetPath = uriPath(target);
  const edits: IdEdit[] = [];
  for (const link of relativeLinks(source.uri, source.parsed)) {
    if (targetPath === undefined || !samePath(link.resolvedPath, targetPath)) continue;
    if (!link.fileName.startsWith(oldId)) continue;
    const start = link.fileNameRange.start;
    edits.push({ range: { start, end: { line: start.line, character: start.character + oldId.length } }, oldText: oldId, newText: newId });
  }
  return edits;
}

function byPosition(a: IdEdit, b: IdEdit): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Applies edits to a text; for the CLI and tests. Throws when a range no longer holds its old text. */
export function applyIdEdits(text: string, edits: readonly IdEdit[]): string {
  const index = new LineIndex(text);
  let result = text;
  // From the last to the first, so earlier offsets stay valid.
  for (const edit of [...edits].sort(byPosition).reverse()) {
    const from = index.offsetAt(edit.range.start);
    const to = index.offsetAt(edit.range.end);
    if (result.slice(from, to) !== edit.oldText) throw new Error(`expected "${edit.oldText}" at line ${edit.range.start.line + 1}`);
    result = result.slice(0, from) + edit.newText + result.slice(to);
  }
  return result;
}
