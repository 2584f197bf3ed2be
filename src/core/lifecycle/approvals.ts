import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Node as YamlNode } from 'yaml';
import { locateFrontMatter, parseFrontMatter, splitLines, stringValue } from '../frontMatter';
import { BOM } from '../text';
import { yamlLibrary } from '../yamlLibrary';

/** One entry of the front matter's `approvals:` list. */
export interface Approval {
  readonly by: string;
  readonly role?: string;
  /** YYYY-MM-DD, as written. */
  readonly date: string;
  /** contentDigest of the body that was approved. */
  readonly digest: string;
  /** 0-based line of the entry in the file. */
  readonly line: number;
}

export const APPROVALS_KEY = 'approvals';
/** Hex digits kept of the SHA-256: 48 bits tell two versions of one spec apart, and stay short in the front matter. */
export const DIGEST_LENGTH = 12;

/**
 * A short hash of the spec's body (everything below the front matter), so an approval names the
 * content it approved. Line endings, trailing spaces and blank lines at the end do not count: an
 * editor that saves CRLF or trims whitespace has not changed what was approved. The front matter
 * does not count either, so recording an approval or a status leaves the digest as it was.
 */
export function contentDigest(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(normalizedBody(text)))).slice(0, DIGEST_LENGTH);
}

/** The body below the front matter, lines without trailing whitespace, joined with `\n`, without blank lines at the end. */
export function normalizedBody(text: string): string {
  const lines = splitLines(text.startsWith(BOM) ? text.slice(1) : text);
  const { kind, endLine } = locateFrontMatter(lines);
  // An unclosed block runs to the end: there is no body yet.
  const body = kind === 'none' ? lines : lines.slice(endLine + 1);
  const trimmed = body.map((line) => line.replace(/[ \t]+$/, ''));
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed.join('\n');
}

/**
 * The entries of the `approvals:` list that name who approved, when and what. An entry without
 * `by` or `digest` is left out, as is the whole list when the front matter does not parse.
 */
export function readApprovals(text: string): Approval[] {
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(text, lines);
  const list = frontMatter.data?.[APPROVALS_KEY];
  if (!Array.isArray(list)) return [];
  const itemLines = approvalItemLines(lines, frontMatter.endLine);
  const approvals: Approval[] = [];
  list.forEach((item: unknown, index) => {
    const approval = toApproval(item, itemLines[index] ?? itemLines[itemLines.length - 1] ?? 0);
    if (approval) approvals.push(approval);
  });
  return approvals;
}

function toApproval(item: unknown, line: number): Approval | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const record = item as Record<string, unknown>;
  const by = stringValue(record, 'by');
  const digest = stringValue(record, 'digest');
  if (by === undefined || digest === undefined) return undefined;
  const role = stringValue(record, 'role');
  const date = stringValue(record, 'date') ?? '';
  return role === undefined ? { by, date, digest, line } : { by, role, date, digest, line };
}

/** The line each item of the `approvals` sequence starts on, in order; the key's line for a flow list. */
function approvalItemLines(lines: readonly string[], endLine: number): number[] {
  return [...(approvalListLayout(lines, endLine)?.itemLines ?? [])];
}

/** Where the `approvals` list sits in the front matter. */
export interface ApprovalListLayout {
  readonly keyLine: number;
  /** Whether the items are `- ` lines below the key (else a flow list `[...]` or no value). */
  readonly block: boolean;
  /** Line where each item starts, in order. */
  readonly itemLines: readonly number[];
  /** The indentation of the `- ` of the first item; '' when there is none. */
  readonly indent: string;
}

/** The `approvals` key's list as lines; undefined when there is no such key or the YAML does not parse. */
export function approvalListLayout(lines: readonly string[], endLine: number): ApprovalListLayout | undefined {
  const { parseDocument, isMap, isSeq, isScalar } = yamlLibrary();
  const content = lines.slice(1, endLine).join('\n');
  let doc;
  try {
    doc = parseDocument(content, { prettyErrors: false, logLevel: 'silent' });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const lineOf = (offset: number) => 1 + countLineBreaks(content, offset);
  for (const pair of doc.contents.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || key.value !== APPROVALS_KEY) continue;
    const value = pair.value as YamlNode | null;
    const keyLine = lineOf(key.range?.[0] ?? 0);
    if (!isSeq(value)) return { keyLine, block: false, itemLines: [], indent: '' };
    const itemLines = value.items.map((item) => {
      const node = item as YamlNode | null;
      return node?.range ? lineOf(node.range[0]) : keyLine;
    });
    const block = !value.flow;
    const first = block && itemLines.length > 0 ? (/^([ \t]*)-/.exec(lines[itemLines[0]] ?? '')?.[1] ?? '') : '';
    return { keyLine, block, itemLines, indent: first };
  }
  return undefined;
}

function countLineBreaks(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The approvals that match the content as it is now, and those made of an earlier version. */
export function approvalStates(text: string): { current: Approval[]; stale: Approval[] } {
  const approvals = readApprovals(text);
  if (approvals.length === 0) return { current: [], stale: [] };
  const digest = contentDigest(text);
  return {
    current: approvals.filter((approval) => approval.digest === digest),
    stale: approvals.filter((approval) => approval.digest !== digest),
  };
}
