import { frontMatterEdit, getField } from '../frontMatter';
import { FRONT_MATTER_KEYS } from '../frontMatterCompletion';
import { duplicateKeyFix, duplicateKeys } from '../frontMatterLines';
import { parseId } from '../ids';
import { removeStaleApprovalsEdit } from '../lifecycle/approve';
import type { ParsedDocument } from '../parse';
import { stripIdPrefix } from '../summary';
import { LineIndex, type Range } from '../text';
import type { Finding } from './rules';
import { matchSections } from './sections';
import type { TemplateModel } from './templateModel';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface FixContext {
  readonly parsed: ParsedDocument;
  readonly template: TemplateModel;
  readonly today: string;
  readonly statuses: readonly string[];
  /** The next id nobody owns, for renumbering a duplicate. */
  readonly nextFreeId: string;
  /** Who is writing, for a missing or empty `author`; left empty when unknown. */
  readonly author?: string;
  /** The template's front-matter keys in its order: a missing key is added in its place. Defaults to the built-in template's. */
  readonly keyOrder?: readonly string[];
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** The edit that fixes one finding, touching only what it fixes; undefined when there is none. */
export function fixFor(finding: Finding, context: FixContext): Fix | undefined {
  const fix = finding.fix;
  if (!fix) return undefined;
  const { parsed } = context;
  switch (fix.kind) {
    case 'addKey': {
      const value = defaultValue(fix.key, context);
      const present = getField(parsed.frontMatter, fix.key) !== undefined;
      // An empty key with nothing known to put in it: the user has to write it.
      if (present && value === null) return undefined;
      const edit = keyEdit(parsed.text, fix.key, value, context.keyOrder ?? TEMPLATE_KEY_ORDER);
      return edit && { title: present ? `Set "${fix.key}" to ${value}` : `Add "${fix.key}" to the front matter`, edits: [edit] };
    }
    case 'setStatus': {
      // Through the verified key edit: an anchored status that an alias repeats is left alone.
      if (!getField(parsed.frontMatter, 'status')) return undefined;
      const edit = keyEdit(parsed.text, 'status', fix.status);
      return edit && { title: `Change status to ${fix.status}`, edits: [edit] };
    }
    case 'touchLastUpdated': {
      const edit = keyEdit(parsed.text, 'last_updated', context.today);
      return edit && { title: `Set last_updated to today (${context.today})`, edits: [edit] };
    }
    case 'insertSection':
      return insertSection(fix.slug, context);
    case 'renumberId':
      return renumber(context);
    case 'duplicateKey':
      return mergeDuplicate(fix.key, context);
    case 'replaceReference':
      return replaceReference(finding.range, fix.id, fix.replacement, context);
    case 'removeStaleApprovals':
      return removeStale(parsed.text);
    case 'reapprove':
      return undefined;
  }
}

/** Cites the successor instead: the id at the finding's range, if it is still there. */
function replaceReference(range: Range, id: string, replacement: string, context: FixContext): Fix | undefined {
  const line = context.parsed.lines[range.start.line] ?? '';
  if (range.start.line !== range.end.line || line.slice(range.start.character, range.end.character) !== id) return undefined;
  return { title: `Replace with ${replacement}`, edits: [{ range, newText: replacement }] };
}

function removeStale(text: string): Fix | undefined {
  const edit = removeStaleApprovalsEdit(text);
  if (!edit) return undefined;
  const index = new LineIndex(text);
  return { title: 'Remove stale approvals', edits: [{ range: index.rangeOf(edit.start, edit.end), newText: edit.newText }] };
}

/** Removes the later of two same keys, or merges them when only the later one has a value. */
function mergeDuplicate(key: string, context: FixContext): Fix | undefined {
  const { lines, text } = context.parsed;
  const duplicate = duplicateKeys(lines).find((candidate) => candidate.key === key);
  if (!duplicate) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const resolved = duplicateKeyFix(lines, duplicate);
  // Whole lines with their line breaks; the closing `---` always follows, so endLine + 1 exists.
  if (resolved.edits.some((edit) => edit.endLine + 1 >= lines.length)) return undefined;
  const edits = resolved.edits.map((edit) => ({
    range: { start: { line: edit.startLine, character: 0 }, end: { line: edit.endLine + 1, character: 0 } },
    newText: edit.lines.map((line) => line + eol).join(''),
  }));
  return { title: resolved.title, edits };
}

function defaultValue(key: string, context: FixContext): string | null {
  switch (key) {
    case 'created':
    case 'last_updated':
      return context.today;
    case 'status':
      return context.statuses[0] ?? 'DRAFT';
    case 'tech_spec_id':
      return context.nextFreeId;
    case 'author':
      return context.author?.trim() || null;
    case 'title':
      return titleFromHeading(context.parsed);
    default:
      return null;
  }
}

/** The first `#` heading's text without its id, unless it is still the template's placeholder. */
function titleFromHeading(parsed: ParsedDocument): string | null {
  const heading = parsed.outline.headings.find((candidate) => candidate.level === 1);
  const title = heading ? stripIdPrefix(heading.text).trim() : '';
  return title === '' || /^\[.*\]$/.test(title) ? null : title;
}

const TEMPLATE_KEY_ORDER = FRONT_MATTER_KEYS.map((entry) => entry.key);

function keyEdit(text: string, key: string, value: string | null, order?: readonly string[]): TextEdit | undefined {
  const edit = frontMatterEdit(text, key, value, order);
  if (!edit) return undefined;
  const index = new LineIndex(text);
  return { range: index.rangeOf(edit.start, edit.end), newText: edit.newText };
}

/** Inserts a template section before the next section that the spec has, in template order. */
function insertSection(slug: string, context: FixContext): Fix | undefined {
  const { template, parsed } = context;
  const position = template.sections.findIndex((section) => section.slug === slug);
  const section = template.sections[position];
  if (!section) return undefined;
  const eol = parsed.text.includes('\r\n') ? '\r\n' : '\n';
  const body = section.text.split(/\r?\n/).join(eol);
  const matches = matchSections(parsed, template);
  for (let next = position + 1; next < template.sections.length; next++) {
    const following = matches[next];
    if (following.kind !== 'found') continue;
    const at = { line: following.heading.line, character: 0 };
    return { title: `Insert section "${section.title}" from the template`, edits: [{ range: { start: at, end: at }, newText: `${body}${eol}${eol}---${eol}${eol}` }] };
  }
  // Appended at the end: one blank line after the last text, and a `---` unless the text ends with one.
  const { lines } = parsed;
  const lastLine = lines.length - 1;
  let lastText = lastLine;
  while (lastText > 0 && lines[lastText].trim() === '') lastText--;
  const endsWithBreak = lastText > parsed.frontMatter.endLine && THEMATIC_BREAK.test(lines[lastText]);
  const lead = eol.repeat(Math.max(0, 2 - (lastLine - lastText)));
  const separator = endsWithBreak ? '' : `---${eol}${eol}`;
  const end = { line: lastLine, character: lines[lastLine].length };
  return { title: `Insert section "${section.title}" from the template`, edits: [{ range: { start: end, end }, newText: `${lead}${separator}${body}${eol}` }] };
}

const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** A new id in the front matter, and in the title heading when it repeats the old one. */
function renumber(context: FixContext): Fix | undefined {
  const { parsed } = context;
  const field = getField(parsed.frontMatter, 'tech_spec_id');
  if (!field) return undefined;
  const oldId = String(field.value).trim();
  if (!parseId(oldId)) return undefined;
  const idEdit = keyEdit(parsed.text, 'tech_spec_id', context.nextFreeId);
  if (!idEdit) return undefined;
  const edits: TextEdit[] = [idEdit];
  const title = parsed.outline.headings.find((heading) => heading.level === 1);
  if (title) {
    const line = parsed.lines[title.line];
    const at = line.indexOf(oldId);
    if (at >= 0) edits.push({ range: { start: { line: title.line, character: at }, end: { line: title.line, character: at + oldId.length } }, newText: context.nextFreeId });
  }
  return { title: `Renumber to ${context.nextFreeId}`, edits };
}


/** What a diagnostic in the editor still tells of the finding it came from. */
export interface ReportedProblem {
  readonly code: string | number | undefined;
  readonly message: string;
  readonly range: Range;
}

/**
 * The finding a diagnostic was made from. Diagnostics reach a code action provider as copies, so
 * they are matched by code, range and message: two findings of one rule on one range (two missing
 * keys on the closing line) differ by message, and each gets its own fix.
 */
export function findingFor(findings: readonly Finding[], reported: ReportedProblem): Finding | undefined {
  return findings.find(
    (finding) => finding.code === String(reported.code) && finding.message === reported.message && sameRange(finding.range, reported.range),
  );
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
