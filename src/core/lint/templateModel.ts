import { splitLines } from '../frontMatter';
import { scanOutline } from '../outline';

export interface TemplateSection {
  readonly title: string;
  readonly slug: string;
  /** The section as the template writes it: its `##` line to the line before the next separator or section. */
  readonly text: string;
}

/** What the checks need from the user's template: its sections, in order, and its placeholders. */
export interface TemplateModel {
  readonly sections: readonly TemplateSection[];
  readonly placeholders: ReadonlySet<string>;
  readonly eol: string;
}

const SEPARATOR = /^(?:-{3,}|\*{3,}|_{3,})\s*$/;

export function buildTemplateModel(template: string): TemplateModel {
  const lines = splitLines(template);
  const outline = scanOutline(template, lines);
  const eol = template.includes('\r\n') ? '\r\n' : '\n';
  const sections: TemplateSection[] = [];
  for (const heading of outline.headings) {
    if (heading.level !== 2) continue;
    let end = heading.sectionEndLine;
    while (end > heading.line && (lines[end].trim() === '' || SEPARATOR.test(lines[end]))) end--;
    sections.push({ title: heading.text, slug: heading.slug, text: lines.slice(heading.line, end + 1).join(eol) });
  }
  const placeholders = new Set<string>();
  const fenced = new Set<number>();
  for (const fence of outline.fences) for (let line = fence.start; line <= fence.end; line++) fenced.add(line);
  const bodyStart = outline.headings[0]?.line ?? 0;
  for (let line = bodyStart; line < lines.length; line++) {
    if (fenced.has(line)) continue;
    for (const match of findPlaceholders(lines[line])) {
      if (isPlaceholderText(match.inner, lines[line], match.index)) placeholders.add(match.text);
    }
  }
  return { sections, placeholders, eol };
}

/** Task boxes (`[ ]`, `[x]`) and footnote labels (`[^1]`) are not placeholders. */
export function isPlaceholderText(inner: string, line: string, index: number): boolean {
  if (/^[ xX]$/.test(inner) || inner.startsWith('^')) return false;
  // A task box is `- [ ]`; a bracket right after `!` is an image.
  return line.charAt(index - 1) !== '!';
}

export interface PlaceholderMatch {
  /** `[inner]`, brackets included. */
  readonly text: string;
  readonly inner: string;
  readonly index: number;
}

/**
 * What `/\[([^\]\n]+)\](?![(:[])/g` matches in a line, in one linear pass. The regex retries
 * every `[` up to the next `]`: on a line of 100,000 `[` that took seconds.
 */
export function findPlaceholders(line: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  let open = line.indexOf('[');
  while (open >= 0) {
    let close = open + 1;
    while (close < line.length && line.charCodeAt(close) !== 93 /* ] */ && line.charCodeAt(close) !== 10) close++;
    if (close >= line.length) break;
    const after = line.charAt(close + 1);
    if (line.charCodeAt(close) === 93 && close > open + 1 && after !== '(' && after !== ':' && after !== '[') {
      found.push({ text: line.slice(open, close + 1), inner: line.slice(open + 1, close), index: open });
    }
    // Every `[` before close stops at the same character, so none of them matches either.
    open = line.indexOf('[', close + 1);
  }
  return found;
}

/**
 * The parts of a line inside `<!-- … -->`, given whether a comment was open where the line starts,
 * and whether one is still open where it ends.
 */
export function htmlCommentSpans(line: string, openAtStart: boolean): { spans: Array<[number, number]>; openAtEnd: boolean } {
  const spans: Array<[number, number]> = [];
  let open = openAtStart;
  let start = 0;
  let at = 0;
  for (;;) {
    if (open) {
      const close = line.indexOf('-->', at);
      if (close < 0) {
        spans.push([start, line.length]);
        return { spans, openAtEnd: true };
      }
      spans.push([start, close + 3]);
      at = close + 3;
      open = false;
    } else {
      const opening = line.indexOf('<!--', at);
      if (opening < 0) return { spans, openAtEnd: false };
      start = opening;
      at = opening + 4;
      open = true;
    }
  }
}
