import type { FrontMatter } from './frontMatter';
import { idRegExp } from './ids';
import type { Outline } from './outline';
import type { Range } from './text';

export interface Reference {
  readonly id: string;
  readonly prefix: string;
  readonly range: Range;
  /** The front-matter key whose value holds the id; undefined in the body. */
  readonly key?: string;
}

/**
 * Ids in front-matter values and in the body. Skips fenced code, code spans, link destinations,
 * reference definitions, autolinks, bare URLs and footnote labels: an id there is not a citation.
 */
export function findReferences(
  lines: readonly string[],
  frontMatter: FrontMatter,
  outline: Outline,
  prefixes: readonly string[],
  text?: string,
): Reference[] {
  const pattern = idPattern(prefixes);
  const references: Reference[] = [];
  for (const field of frontMatter.fields) {
    if (field.valueRange.start.line !== field.valueRange.end.line) {
      collectMultiline(lines, field.valueRange, field.key, pattern, references);
      continue;
    }
    const line = field.valueRange.start.line;
    const from = field.valueRange.start.character;
    collect(lines[line].slice(from, field.valueRange.end.character), line, from, pattern, references, field.key, undefined);
  }
  const candidates = text !== undefined && !text.includes('\r') ? candidateLines(text, lines, frontMatter.bodyStartLine, pattern) : undefined;
  let fenceIndex = 0;
  const fences = outline.fences;
  const visit = (line: number) => {
    while (fenceIndex < fences.length && fences[fenceIndex].end < line) fenceIndex++;
    if (fenceIndex < fences.length && fences[fenceIndex].start <= line) return;
    collect(lines[line], line, 0, pattern, references, undefined, maskedSpans);
  };
  if (candidates) {
    for (const line of candidates) visit(line);
  } else {
    const needles = prefixes.filter((prefix) => prefix.length > 0).map((prefix) => `${prefix}-`);
    for (let line = frontMatter.bodyStartLine; line < lines.length; line++) if (includesAny(lines[line], needles)) visit(line);
  }
  return references;
}

let cachedPattern: { readonly key: string; readonly pattern: RegExp } | undefined;

/**
 * idRegExp(prefixes), compiled once for as long as the prefixes stay the same: the index asks for
 * every file with the same ones. Every use sets lastIndex first, so sharing the global regex is safe.
 */
function idPattern(prefixes: readonly string[]): RegExp {
  const key = prefixes.join('\u0000');
  if (cachedPattern?.key !== key) cachedPattern = { key, pattern: idRegExp(prefixes) };
  return cachedPattern.pattern;
}

/**
 * Body lines holding a possible id, found by one regex pass over the whole text: far cheaper
 * than testing every line, since most lines cite nothing. Only for text whose lines end in \n.
 */
function candidateLines(text: string, lines: readonly string[], bodyStartLine: number, pattern: RegExp): number[] {
  let offset = 0;
  for (let line = 0; line < bodyStartLine && line < lines.length; line++) offset += lines[line].length + 1;
  const found: number[] = [];
  let line = bodyStartLine;
  // Where the current line's \n is, -1 on the last line: every line but the last ends in one, so
  // the line lengths tell where, without searching the text for it.
  const last = lines.length - 1;
  let lineEnd = line < last ? offset + lines[line].length : -1;
  pattern.lastIndex = offset;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    while (lineEnd >= 0 && lineEnd < match.index) {
      line++;
      lineEnd = line < last ? lineEnd + 1 + lines[line].length : -1;
    }
    if (found[found.length - 1] !== line) found.push(line);
    // Skip to the next line: collect() finds every id on this one.
    if (lineEnd < 0) break;
    pattern.lastIndex = lineEnd + 1;
  }
  return found;
}

function collectMultiline(lines: readonly string[], range: Range, key: string, pattern: RegExp, out: Reference[]): void {
  for (let line = range.start.line; line <= range.end.line && line < lines.length; line++) {
    const from = line === range.start.line ? range.start.character : 0;
    const to = line === range.end.line ? range.end.character : lines[line].length;
    collect(lines[line].slice(from, to), line, from, pattern, out, key, undefined);
  }
}

function collect(
  text: string,
  line: number,
  offset: number,
  pattern: RegExp,
  out: Reference[],
  key: string | undefined,
  masks: ((text: string) => Array<[number, number]>) | undefined,
): void {
  pattern.lastIndex = 0;
  let spans: Array<[number, number]> | undefined;
  let spanIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (masks) {
      // Matches come in order and the merged spans are sorted: one pass over both.
      spans ??= mergeSpans(masks(text));
      while (spanIndex < spans.length && spans[spanIndex][1] <= start) spanIndex++;
      if (spanIndex < spans.length && spans[spanIndex][0] < end) continue;
    }
    out.push({
      id: match[0],
      prefix: match[1],
      key,
      range: { start: { line, character: offset + start }, end: { line, character: offset + end } },
    });
  }
}

// A cheap pre-check before a regex: whether the text holds any of the strings every match needs.
function includesAny(source: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (source.includes(needle)) return true;
  return false;
}

/**
 * Code spans of a line: a run of backticks closed by the next run of the same length. Each run is
 * paired with the next run of its length in one backward pass, so hostile lines stay linear.
 */
export function codeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const runs: Array<[number, number]> = [];
  for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
    let runEnd = i;
    while (text.charCodeAt(runEnd) === 96) runEnd++;
    runs.push([i, runEnd - i]);
    i = runEnd;
  }
  const nextSameLength: number[] = new Array<number>(runs.length);
  const laterByLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    nextSameLength[r] = laterByLength.get(runs[r][1]) ?? -1;
    laterByLength.set(runs[r][1], r);
  }
  for (let r = 0; r < runs.length; ) {
    const close = nextSameLength[r];
    if (close < 0) {
      r++;
      continue;
    }
    spans.push([runs[r][0], runs[close][0] + runs[close][1]]);
    r = close + 1;
  }
  return spans;
}

/**
 * What masks an id, besides code spans: link destinations, reference definitions, autolinks, bare
 * URLs and footnote labels. Each pattern comes with texts one of which every match holds: a line
 * with none of them skips the pattern (most lines that cite an id have no link, URL or footnote).
 * Character classes exclude the pattern's own openers, so no match start rescans the line.
 */
export const MASKS: ReadonlyArray<readonly [pattern: RegExp, needles: readonly string[]]> = [
  [/\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)/g, ['](']],
  [/^ {0,3}\[(?!\^)[^\]]+\]:\s*\S+/g, [']:']],
  [/<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g, ['<']],
  [/\b(?:(?:https?|ftp|file):\/\/|www\.)[^\s<>)\]]+/g, ['://', 'www.']],
  [/\[\^[^[\]\s]+\]/g, ['[^']],
];

/** Spans of a line where ids are not citations: code spans, link targets, URLs, footnote labels. */
export function maskedSpans(text: string): Array<[number, number]> {
  const spans = codeSpans(text);
  for (let mask = 0; mask < MASKS.length; mask++) {
    if (includesAny(text, MASKS[mask][1])) addMatches(spans, text, MASKS[mask][0]);
  }
  return spans;
}

/** Sorted, disjoint spans covering the same characters. */
function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function addMatches(spans: Array<[number, number]>, text: string, pattern: RegExp): void {
  for (const match of text.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
}
