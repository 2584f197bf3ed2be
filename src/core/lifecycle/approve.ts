import { formatYamlScalar, parseFrontMatter, splitLines, type FrontMatterEdit } from '../frontMatter';
import { scanKeyLines } from '../frontMatterLines';
import { LineIndex, detectEol } from '../text';
import { APPROVALS_KEY, approvalListLayout, approvalStates, contentDigest } from './approvals';
import { isRecord } from '../util/values';

/** An approval as `techSpec.approve` records it. */
export interface ApprovalEntry {
  readonly by: string;
  readonly role?: string;
  readonly date: string;
  readonly digest: string;
}

/**
 * The edit that records `by`'s approval of the content as it is now, replacing an earlier entry of
 * theirs; nothing else in the front matter changes (`last_updated` included). Undefined when the
 * front matter cannot be edited without risk (unclosed, invalid YAML, a flow-style list with items).
 */
export function approvalEdit(text: string, approver: { by: string; role?: string }, today: string): { entry: ApprovalEntry; edit: FrontMatterEdit } | undefined {
  const by = approver.by.trim();
  const role = approver.role?.trim();
  if (by === '') return undefined;
  const entry: ApprovalEntry = role ? { by, role, date: today, digest: contentDigest(text) } : { by, date: today, digest: contentDigest(text) };
  const edit = rewriteList(text, (item) => !(isRecord(item) && String(item.by ?? '').trim() === by), entry);
  return edit && { entry, edit };
}

/** The edit that drops every stale approval (and the key, when none is left); undefined when there is none to drop or it cannot be made safely. */
export function removeStaleApprovalsEdit(text: string): FrontMatterEdit | undefined {
  const { stale } = approvalStates(text);
  if (stale.length === 0) return undefined;
  const digest = contentDigest(text);
  return rewriteList(text, (item) => !(isRecord(item) && item.by !== undefined && item.digest !== undefined && String(item.digest) !== digest));
}

/**
 * Keeps the list items that `keep` accepts, line for line as written, and appends `added`. The
 * result is checked: the list must read as expected and every other key as before.
 */
function rewriteList(text: string, keep: (item: unknown) => boolean, added?: ApprovalEntry): FrontMatterEdit | undefined {
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(text, lines);
  if (frontMatter.kind !== 'closed' || frontMatter.data === undefined) return undefined;
  const before = frontMatter.data;
  const existing: unknown[] = Array.isArray(before[APPROVALS_KEY]) ? (before[APPROVALS_KEY] as unknown[]) : [];
  const keyEntry = scanKeyLines(lines).find((entry) => entry.key === APPROVALS_KEY);
  const layout = keyEntry ? approvalListLayout(lines, frontMatter.endLine) : undefined;
  if (keyEntry && (!layout || (!layout.block && existing.length > 0))) return undefined;
  if (keyEntry && before[APPROVALS_KEY] !== null && !Array.isArray(before[APPROVALS_KEY])) return undefined;
  const eol = detectEol(text);
  const indent = layout?.indent || '  ';
  const kept: string[] = [];
  const expected: unknown[] = [];
  // Comments between the key and its first item stay where they are.
  const lead = keyEntry && layout?.block && layout.itemLines.length > 0 ? lines.slice(keyEntry.line + 1, layout.itemLines[0]) : [];
  if (keyEntry && layout) {
    layout.itemLines.forEach((start, index) => {
      if (!keep(existing[index])) return;
      const end = index + 1 < layout.itemLines.length ? layout.itemLines[index + 1] - 1 : keyEntry.endLine;
      kept.push(...lines.slice(start, end + 1));
      expected.push(existing[index]);
    });
  }
  if (added) {
    kept.push(...entryLines(added, indent));
    expected.push({ ...added });
  }
  // A block list's key line is kept as written (a trailing comment, say); a flow list's becomes a block.
  const keyLine = keyEntry && layout?.block ? lines[keyEntry.line] : `${APPROVALS_KEY}:`;
  const block = kept.length > 0 || lead.length > 0 ? [keyLine, ...lead, ...kept] : [];
  const index = new LineIndex(text);
  // Whole lines: from the key's line (or the closing `---`, for a new key) to the end of its last line.
  const startLine = keyEntry ? keyEntry.line : frontMatter.endLine;
  const endLine = keyEntry ? keyEntry.endLine + 1 : frontMatter.endLine;
  const start = index.offsetAt({ line: startLine, character: 0 });
  const end = index.offsetAt({ line: endLine, character: 0 });
  const edit: FrontMatterEdit = { start, end, newText: block.map((line) => line + eol).join('') };
  return checked(text, edit, before, expected) ? edit : undefined;
}

function entryLines(entry: ApprovalEntry, indent: string): string[] {
  const inner = `${indent}  `;
  const fields: Array<[string, string]> = [['by', entry.by]];
  if (entry.role) fields.push(['role', entry.role]);
  fields.push(['date', entry.date], ['digest', entry.digest]);
  return fields.map(([key, value], position) => `${position === 0 ? `${indent}- ` : inner}${key}: ${formatYamlScalar(value)}`);
}

function checked(text: string, edit: FrontMatterEdit, before: Readonly<Record<string, unknown>>, expected: readonly unknown[]): boolean {
  const after = parseFrontMatter(text.slice(0, edit.start) + edit.newText + text.slice(edit.end)).data;
  if (after === undefined) return false;
  const list = after[APPROVALS_KEY];
  if (expected.length === 0 ? list !== undefined && list !== null : JSON.stringify(list) !== JSON.stringify(expected)) return false;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete(APPROVALS_KEY);
  return [...keys].every((key) => JSON.stringify(before[key]) === JSON.stringify(after[key]));
}
