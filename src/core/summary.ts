import type { TechSpecConfig } from './config';
import { stringValue } from './frontMatter';
import { idFromFileName, parseId } from './ids';
import { SUPERSEDED_BY_KEY, SUPERSEDES_KEY } from './lifecycle/supersession';
import { checklistProgress, inlineToPlainText, SlugCounter, type ChecklistProgress, type Outline } from './outline';
import { parseDocumentText, type ParsedDocument } from './parse';
import { detach } from './text';
import { documentTypesOf, resolveDocumentType, type DocumentType } from './types/documentTypes';

/** What the workspace index keeps of one Markdown file: a summary, never the whole text. */
export interface SpecSummary {
  readonly uri: string;
  /** The `tech_spec_id`; set only for specs. */
  readonly id: string | undefined;
  /** Every id this document owns: its id fields, and its file name's id when enabled. */
  readonly ownedIds: readonly string[];
  readonly isSpec: boolean;
  /** Not readable as a spec, though it seems meant as one (broken front matter, too large, binary). */
  readonly unreadable: boolean;
  readonly title: string | undefined;
  readonly status: string | undefined;
  readonly author: string | undefined;
  readonly created: string | undefined;
  readonly lastUpdated: string | undefined;
  readonly decisionRef: string | undefined;
  readonly relatedPrd: string | undefined;
  /** First sentence of the Executive Summary, or of the first paragraph. */
  readonly abstract: string | undefined;
  /** Line of the title heading, else 0: where go-to-definition lands. */
  readonly titleLine: number;
  /** Distinct ids this document cites. */
  readonly references: readonly string[];
  /** Ids under `supersedes` (the documents this one replaces); absent when none. */
  readonly supersedes?: readonly string[];
  /** Ids under `superseded_by` (the documents that replace this one); absent when none. */
  readonly supersededBy?: readonly string[];
  /** Headings, compactly encoded; read with outlineEntries(). */
  readonly outline: string;
  /** Tasks of the `techSpec.checklistSection` section; `found` is false when the spec has none. */
  readonly checklist: ChecklistProgress;
  /** Why the front matter could not be read, when it could not. */
  readonly problem: string | undefined;
  readonly size: number;
  /** Read, but not cleanly: the file's bytes were not valid UTF-8, say. */
  readonly warning?: string;
  /** Prefix of the document's type (by its id field, else its file name); absent for no type. */
  readonly documentType?: string;
  /** The id it owns as that type, when valid. */
  readonly documentId?: string;
}

export interface OutlineEntry {
  readonly level: number;
  readonly line: number;
  readonly text: string;
  readonly slug: string;
}

type TypeKeys = 'idDigits' | 'specsFolder' | 'templatePath' | 'statuses' | 'checklistSection' | 'documentFolders' | 'documentTypes';
type SummaryConfig = Pick<TechSpecConfig, 'referencePrefixes' | 'idFields' | 'matchFileNames' | 'idPrefix'> & Partial<Pick<TechSpecConfig, TypeKeys>>;

/** The document types of a configuration that has the settings they come from; a partial one (tests) has none. */
export function typesOf(config: SummaryConfig): readonly DocumentType[] | undefined {
  const keys: TypeKeys[] = ['idDigits', 'specsFolder', 'templatePath', 'statuses', 'checklistSection', 'documentFolders'];
  return keys.every((key) => config[key] !== undefined) ? documentTypesOf(config as Required<SummaryConfig>) : undefined;
}

export function summarize(uri: string, text: string, config: SummaryConfig, parsed: ParsedDocument = parseDocumentText(text)): SpecSummary {
  const { frontMatter, outline, lines } = parsed;
  const data = frontMatter.data;
  const ownedIds: string[] = [];
  for (const field of config.idFields) {
    const value = stringValue(data, field);
    if (value && parseId(value) && !ownedIds.includes(value)) ownedIds.push(detach(value));
  }
  // A file name claims an id only for documents that declare none: a renumbered spec keeps its
  // old file name for a while, and must not go on owning the old id through it.
  if (config.matchFileNames && ownedIds.length === 0) {
    const fromName = idFromFileName(decodeUri(uri), config.referencePrefixes);
    if (fromName && !ownedIds.includes(fromName)) ownedIds.push(fromName);
  }
  const specId = stringValue(data, 'tech_spec_id');
  const firstH1 = outline.headings.find((heading) => heading.level === 1);
  const title = stringValue(data, 'title') ?? (firstH1 ? stripIdPrefix(firstH1.text) : undefined);
  const cited = new Set<string>();
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  for (const reference of parsed.references(config.referencePrefixes)) {
    cited.add(reference.id);
    if (reference.key === SUPERSEDES_KEY) supersedes.push(detach(reference.id));
    else if (reference.key === SUPERSEDED_BY_KEY) supersededBy.push(detach(reference.id));
  }
  const problem = frontMatter.problems[0]?.message;
  const types = typesOf(config);
  const typed = types && resolveDocumentType(data, decodeUri(uri), types, config.idFields, config.matchFileNames);
  // A tech spec counts progress by `techSpec.checklistSection`; another type by its own section, if it has one.
  const otherType = typed && typed.type.idField !== 'tech_spec_id' ? typed.type : undefined;
  const checklist = otherType
    ? otherType.checklistSection
      ? checklistProgress(outline, otherType.checklistSection)
      : { done: 0, total: 0, found: false }
    : checklistProgress(outline, config.checklistSection);
  return {
    uri,
    id: specId !== undefined ? detach(specId) : undefined,
    ownedIds,
    isSpec: specId !== undefined,
    unreadable: specId === undefined && problem !== undefined && declaresSpecId(lines, frontMatter.endLine),
    title: optional(title),
    status: optional(stringValue(data, 'status')),
    author: optional(stringValue(data, 'author')),
    created: optional(stringValue(data, 'created')),
    lastUpdated: optional(stringValue(data, 'last_updated')),
    decisionRef: optional(stringValue(data, 'decision_ref')),
    relatedPrd: optional(stringValue(data, 'related_prd')),
    abstract: optional(firstSentence(lines, outline, frontMatter.bodyStartLine)),
    titleLine: firstH1?.line ?? 0,
    references: [...cited].map(detach),
    ...(supersedes.length > 0 ? { supersedes } : {}),
    ...(supersededBy.length > 0 ? { supersededBy } : {}),
    outline: encodeOutline(outline),
    checklist,
    problem: optional(problem),
    size: text.length,
    ...(typed ? { documentType: typed.type.prefix } : {}),
    ...(typed?.id !== undefined ? { documentId: typed.id } : {}),
  };
}

function declaresSpecId(lines: readonly string[], endLine: number): boolean {
  for (let line = 1; line <= endLine && line < lines.length; line++) if (/^\s*tech_spec_id\s*:/.test(lines[line])) return true;
  return false;
}

/** A uri's path decoded; a plain path with a stray `%` (`100%.md`) is taken as it is. */
function decodeUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function optional(value: string | undefined): string | undefined {
  return value === undefined ? undefined : detach(value);
}

/** A heading's text without its leading id: `TS-0042: Rate Limiter` gives `Rate Limiter`. */
export function stripIdPrefix(heading: string): string {
  return heading.replace(/^[A-Za-z][A-Za-z0-9_]*-\d+\s*[:\-–—]\s*/, '');
}

// One line per heading: "level:line:text". join() copies, so no file text is kept alive.
function encodeOutline(outline: Outline): string {
  const { headings } = outline;
  const rows = new Array<string>(headings.length);
  for (let i = 0; i < headings.length; i++) {
    const { level, line, text } = headings[i];
    // Heading text comes from single lines and seldom holds a line break: test before replacing.
    rows[i] = `${level}:${line}:${text.includes('\n') ? text.replace(/\n/g, ' ') : text}`;
  }
  return rows.join('\n');
}

export function outlineEntries(summary: Pick<SpecSummary, 'outline'>): OutlineEntry[] {
  if (summary.outline === '') return [];
  const slugs = new SlugCounter();
  return summary.outline.split('\n').map((row) => {
    const first = row.indexOf(':');
    const second = row.indexOf(':', first + 1);
    const text = row.slice(second + 1);
    return { level: Number(row.slice(0, first)), line: Number(row.slice(first + 1, second)), text, slug: slugs.next(text) };
  });
}

const MAX_ABSTRACT = 240;

function firstSentence(lines: readonly string[], outline: Outline, bodyStart: number): string | undefined {
  const summaryHeading = outline.headings.find((heading) => /^(executive )?summary$/i.test(heading.text));
  const start = summaryHeading ? summaryHeading.endLine + 1 : bodyStart;
  // An empty summary section has no abstract: the next section's text is not one.
  const stop = summaryHeading ? summaryHeading.sectionEndLine + 1 : lines.length;
  const paragraph: string[] = [];
  let length = 0;
  let fence = 0;
  let heading = 0;
  for (let line = start; line < stop && length < MAX_ABSTRACT * 2; line++) {
    while (fence < outline.fences.length && outline.fences[fence].end < line) fence++;
    if (fence < outline.fences.length && outline.fences[fence].start <= line) {
      if (paragraph.length > 0) break;
      line = outline.fences[fence].end;
      continue;
    }
    while (heading < outline.headings.length && outline.headings[heading].endLine < line) heading++;
    const isHeading = heading < outline.headings.length && outline.headings[heading].line <= line;
    const source = lines[line].trim();
    if (source === '' || isHeading || /^(?:-{3,}|\*{3,}|_{3,})$/.test(source) || source.startsWith('|')) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(source);
    length += source.length + 1;
  }
  if (paragraph.length === 0) return undefined;
  const plain = inlineToPlainText(paragraph.join(' '));
  const end = plain.search(/[.!?](?:\s|$)/);
  const sentence = end >= 0 ? plain.slice(0, end + 1) : plain;
  return sentence.length > MAX_ABSTRACT ? `${sentence.slice(0, MAX_ABSTRACT - 1)}…` : sentence;
}

/** A file the index knows of but did not parse (too large, binary): listed with the reason. */
export function skippedSummary(uri: string, reason: string, size: number): SpecSummary {
  return {
    uri,
    id: undefined,
    ownedIds: [],
    isSpec: false,
    unreadable: true,
    title: undefined,
    status: undefined,
    author: undefined,
    created: undefined,
    lastUpdated: undefined,
    decisionRef: undefined,
    relatedPrd: undefined,
    abstract: undefined,
    titleLine: 0,
    references: [],
    outline: '',
    checklist: { done: 0, total: 0, found: false },
    problem: reason,
    size,
  };
}
