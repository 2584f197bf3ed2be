import { locateFrontMatter, splitLines } from './frontMatter';

export interface Heading {
  readonly level: number;
  /** Plain text, inline markup removed. */
  readonly text: string;
  /** GitHub-style anchor, unique within the document. */
  readonly slug: string;
  /** First line of the heading (the text line for setext headings). */
  readonly line: number;
  /** Last line of the heading itself (the underline for setext headings). */
  readonly endLine: number;
  /** Last line of its section: up to the next heading of the same or a higher level. */
  readonly sectionEndLine: number;
}

export interface TaskItem {
  readonly line: number;
  readonly checked: boolean;
  readonly text: string;
  /** Index into headings of the nearest heading above, or -1. */
  readonly headingIndex: number;
}

export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

export interface Outline {
  readonly headings: readonly Heading[];
  readonly tasks: readonly TaskItem[];
  /** Fenced code blocks, delimiters included; an unclosed fence runs to the end. */
  readonly fences: readonly LineSpan[];
  readonly lineCount: number;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const MAX_INLINE_LENGTH = 2000;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const TASK = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t]+(.*))?$/;

/**
 * A line scanner for headings, fences and task items. It follows CommonMark's block rules for
 * what matters here (fences, ATX and setext headings, paragraphs) without an inline parse;
 * test/unit/outlineEquivalence.test.ts compares it with markdown-it.
 */
export function scanOutline(text: string, lines: readonly string[] = splitLines(text)): Outline {
  const frontMatter = locateFrontMatter(lines);
  const firstLine = frontMatter.kind === 'none' ? 0 : frontMatter.endLine + 1;
  const raw: { level: number; text: string; line: number; endLine: number }[] = [];
  const tasks: { line: number; checked: boolean; text: string; headingIndex: number }[] = [];
  const fences: LineSpan[] = [];

  let fenceChar = 0;
  let fenceLength = 0;
  let fenceStart = -1;
  let paragraphStart = -1;
  let previousBlank = true;

  for (let line = firstLine; line < lines.length; line++) {
    const source = lines[line];
    if (fenceStart >= 0) {
      if (closesFence(source, fenceChar, fenceLength)) {
        fences.push({ start: fenceStart, end: line });
        fenceStart = -1;
      }
      continue;
    }
    const indent = leadingSpaces(source);
    if (indent === source.length || isBlankFrom(source, indent)) {
      paragraphStart = -1;
      previousBlank = true;
      continue;
    }
    if (indent >= 4) {
      // Indented code, unless it continues a paragraph.
      if (paragraphStart < 0 && previousBlank) {
        previousBlank = false;
        continue;
      }
      previousBlank = false;
      continue;
    }
    const first = source.charCodeAt(indent);
    previousBlank = false;

    if (first === 96 /* ` */ || first === 126 /* ~ */) {
      const fence = FENCE_OPEN.exec(source);
      if (fence && !(first === 96 && fence[3].includes('`'))) {
        fenceChar = first;
        fenceLength = fence[2].length;
        fenceStart = line;
        paragraphStart = -1;
        continue;
      }
    }
    if (first === 35 /* # */) {
      const atx = ATX_OPEN.exec(source);
      if (atx) {
        raw.push({ level: atx[1].length, text: atxContent(source.slice(atx[0].length)), line, endLine: line });
        paragraphStart = -1;
        continue;
      }
    }
    if ((first === 61 /* = */ || first === 45 /* - */) && paragraphStart >= 0 && SETEXT.test(source)) {
      const textLines: string[] = [];
      for (let i = paragraphStart; i < line; i++) textLines.push(lines[i].trim());
      raw.push({ level: first === 61 ? 1 : 2, text: textLines.join(' '), line: paragraphStart, endLine: line });
      paragraphStart = -1;
      continue;
    }
    if ((first === 45 || first === 42 /* * */ || first === 95 /* _ */) && THEMATIC.test(source)) {
      paragraphStart = -1;
      continue;
    }
    if (first === 45 || first === 42 || first === 43 /* + */ || (first >= 48 && first <= 57)) {
      if (LIST_ITEM.test(source)) {
        const task = TASK.exec(source);
        if (task) tasks.push({ line, checked: task[1] !== ' ', text: (task[2] ?? '').trim(), headingIndex: raw.length - 1 });
        paragraphStart = -1;
        continue;
      }
    }
    if (first === 62 /* > */ || first === 124 /* | */) {
      paragraphStart = -1;
      continue;
    }
    if (paragraphStart < 0) paragraphStart = line;
  }
  if (fenceStart >= 0) fences.push({ start: fenceStart, end: lines.length - 1 });

  const slugs = new SlugCounter();
  const headings: Heading[] = raw.map((heading, index) => {
    let sectionEndLine = lines.length - 1;
    for (let next = index + 1; next < raw.length; next++) {
      if (raw[next].level <= heading.level) {
        sectionEndLine = raw[next].line - 1;
        break;
      }
    }
    const plain = inlineToPlainText(heading.text);
    return { level: heading.level, text: plain, slug: slugs.next(plain), line: heading.line, endLine: heading.endLine, sectionEndLine };
  });
  return { headings, tasks, fences, lineCount: lines.length };
}

/** An ATX heading's text: trimmed, without the optional closing run of `#`. Linear, no regex backtracking. */
function atxContent(rest: string): string {
  let end = rest.length;
  while (end > 0 && isSpaceOrTab(rest.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && rest.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === 0 || isSpaceOrTab(rest.charCodeAt(hashes - 1)))) end = hashes;
  let start = 0;
  while (start < end && isSpaceOrTab(rest.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(rest.charCodeAt(end - 1))) end--;
  return rest.slice(start, end);
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function leadingSpaces(source: string): number {
  let i = 0;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (code === 32) i++;
    else if (code === 9) return 4; // a tab indents to the next stop: treat as code-deep.
    else break;
  }
  return i;
}

function isBlankFrom(source: string, from: number): boolean {
  for (let i = from; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function closesFence(source: string, char: number, minLength: number): boolean {
  const indent = leadingSpaces(source);
  if (indent > 3) return false;
  let i = indent;
  while (i < source.length && source.charCodeAt(i) === char) i++;
  return i - indent >= minLength && isBlankFrom(source, i);
}

/** Strips inline Markdown: code, emphasis, links, images, HTML tags and escapes. */
export function inlineToPlainText(input: string): string {
  // Inline patterns can backtrack on hostile lines; no real heading is this long.
  const markdown = input.length > MAX_INLINE_LENGTH ? input.slice(0, MAX_INLINE_LENGTH) : input;
  if (!/[`*_[\]<\\!~&]/.test(markdown)) return markdown.trim();
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .trim();
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export class SlugCounter {
  private readonly seen = new Map<string, number>();

  next(text: string): string {
    const base = githubSlug(text);
    let count = this.seen.get(base);
    if (count === undefined) {
      this.seen.set(base, 0);
      return base;
    }
    let candidate: string;
    do {
      count++;
      candidate = `${base}-${count}`;
    } while (this.seen.has(candidate));
    this.seen.set(base, count);
    this.seen.set(candidate, 0);
    return candidate;
  }
}

export const CHECKLIST_SECTION_SLUG = 'implementation-checklist';

/** Tasks within a heading's section, nested headings included. */
export function tasksInSection(outline: Outline, headingIndex: number): TaskItem[] {
  const heading = outline.headings[headingIndex];
  if (!heading) return [];
  return outline.tasks.filter((task) => task.line > heading.endLine && task.line <= heading.sectionEndLine);
}

export function countTasks(tasks: readonly TaskItem[]): Progress {
  let done = 0;
  for (const task of tasks) if (task.checked) done++;
  return { done, total: tasks.length };
}

/** Progress of the Implementation Checklist section, or of every task when there is none. */
export function checklistProgress(outline: Outline): Progress {
  const index = outline.headings.findIndex((heading) => heading.slug === CHECKLIST_SECTION_SLUG);
  return countTasks(index >= 0 ? tasksInSection(outline, index) : outline.tasks);
}

export function isInFence(outline: Outline, line: number): boolean {
  return outline.fences.some((fence) => line >= fence.start && line <= fence.end);
}
