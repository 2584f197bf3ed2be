import type { TechSpecConfig } from '../config';
import { parseFrontMatter, splitLines } from '../frontMatter';
import { githubSlug, normalizeLabel, scanOutline, tasksInSection, type Heading, type Outline } from '../outline';

export { normalizeLabel };

/** The settings that shape a template model. */
export type TemplateOptions = Pick<TechSpecConfig, 'checklistSection' | 'optionalSectionMarkers' | 'optionalKeys'>;

export const DEFAULT_TEMPLATE_OPTIONS: TemplateOptions = {
  checklistSection: 'Implementation Checklist',
  optionalSectionMarkers: ['(Optional)', '(if applicable)', '<!-- optional -->'],
  optionalKeys: ['decision_ref', 'related_prd'],
};

export interface TemplateSection {
  /** The heading's text without its optional marker. */
  readonly title: string;
  /** What a spec heading's text must come to (sectionKey) to be this section. */
  readonly key: string;
  /** GitHub anchor of the title: the section's id in quick fixes. */
  readonly slug: string;
  readonly level: number;
  /** Marked optional in the template: a spec may leave it out. */
  readonly optional: boolean;
  /** The section as the template writes it: its heading line to the line before the next separator or section. */
  readonly text: string;
}

export interface TemplateKeys {
  /** Keys a spec must have: the template's front-matter keys but the optional ones. */
  readonly required: readonly string[];
  /** Every key the template has, plus the id and title that New Tech Spec always writes; undefined when the template has no front matter to compare with. */
  readonly known: ReadonlySet<string> | undefined;
  /** Keys the template gives a value: a spec left with an empty one is unfinished. */
  readonly valued: ReadonlySet<string>;
}

export interface TemplateChecklist {
  /** The section's name, from `techSpec.checklistSection`. */
  readonly title: string;
  readonly key: string;
  /** Whether the template's own checklist section holds task items: only then is an empty one a finding. */
  readonly expectsTasks: boolean;
}

/** What the checks need from the user's template, computed once per template text and options. */
export interface TemplateModel {
  readonly sections: readonly TemplateSection[];
  /** `[bracketed]` text the template writes that is no link, task box or footnote. */
  readonly placeholders: ReadonlySet<string>;
  /** The template's prose paragraphs, by their first line (trimmed): each one's lines, trimmed. */
  readonly paragraphs: ReadonlyMap<string, readonly string[]>;
  readonly keys: TemplateKeys;
  readonly checklist: TemplateChecklist;
  /** The markers that make a heading optional, as configured. */
  readonly optionalMarkers: readonly string[];
  readonly eol: string;
}

/** The level of the template's sections: `##` below the `#` title. */
export const SECTION_LEVEL = 2;
const SEPARATOR = /^(?:-{3,}|\*{3,}|_{3,})\s*$/;
/** Keys New Tech Spec writes into every spec, whatever the template holds. */
const ALWAYS_WRITTEN = ['tech_spec_id', 'title'];

export function buildTemplateModel(template: string, options: TemplateOptions = DEFAULT_TEMPLATE_OPTIONS): TemplateModel {
  const lines = splitLines(template);
  const outline = scanOutline(template, lines);
  const eol = template.includes('\r\n') ? '\r\n' : '\n';
  const markers = options.optionalSectionMarkers;
  const sections: TemplateSection[] = [];
  for (const heading of outline.headings) {
    if (heading.level !== SECTION_LEVEL) continue;
    const name = sectionName(heading, lines, markers);
    let end = heading.sectionEndLine;
    while (end > heading.line && (lines[end].trim() === '' || SEPARATOR.test(lines[end]))) end--;
    sections.push({
      title: name.title,
      key: normalizeName(name.title),
      slug: githubSlug(name.title),
      level: heading.level,
      optional: name.optional,
      text: lines.slice(heading.line, end + 1).join(eol),
    });
  }
  const checklistKey = normalizeName(options.checklistSection);
  const checklistIndex = outline.headings.findIndex((heading) => sectionKey(heading, lines, markers) === checklistKey);
  return {
    sections,
    placeholders: templatePlaceholders(lines, outline),
    paragraphs: templateParagraphs(lines, outline),
    keys: templateKeys(template, lines, options.optionalKeys),
    checklist: {
      title: options.checklistSection,
      key: checklistKey,
      expectsTasks: checklistIndex < 0 || tasksInSection(outline, checklistIndex).length > 0,
    },
    optionalMarkers: markers,
    eol,
  };
}

const MODEL_CACHE_SIZE = 8;
const modelCache = new Map<string, TemplateModel>();

/**
 * The template model for a template text and options, built once per template version: the
 * editor and the CLI ask for it on every lint. Keyed by the text itself, so an edited template is
 * a new version; a few versions are kept (one per workspace folder, usually).
 */
export function templateModelFor(template: string, options: TemplateOptions = DEFAULT_TEMPLATE_OPTIONS): TemplateModel {
  const key = `${JSON.stringify([options.checklistSection, options.optionalSectionMarkers, options.optionalKeys])}\u0000${template}`;
  const cached = modelCache.get(key);
  if (cached) {
    // Most recently used last, so the oldest goes first.
    modelCache.delete(key);
    modelCache.set(key, cached);
    return cached;
  }
  const model = buildTemplateModel(template, options);
  modelCache.set(key, model);
  if (modelCache.size > MODEL_CACHE_SIZE) modelCache.delete(modelCache.keys().next().value as string);
  return model;
}

/** A section name as specs and templates are compared: case and runs of white space do not count. */
export function normalizeName(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * A heading's section name: its text without a trailing optional marker, and whether it had one.
 * A marker that is an HTML comment is read from the heading's line: the heading's text drops comments.
 */
export function sectionName(heading: Heading, lines: readonly string[], markers: readonly string[]): { title: string; optional: boolean } {
  let title = heading.text;
  let optional = false;
  const raw = lines[heading.line] ?? '';
  for (let changed = true; changed; ) {
    changed = false;
    for (const marker of markers) {
      const compact = compactMarker(marker);
      if (compact.startsWith('<!--')) {
        if (!optional && trailingComments(raw).includes(compact)) optional = changed = true;
        continue;
      }
      if (title.length > marker.length && compactMarker(title.slice(-marker.trim().length)) === compact) {
        title = title.slice(0, -marker.trim().length).trimEnd();
        optional = changed = true;
      }
    }
  }
  return { title, optional };
}

/** The name a heading is matched by: sectionName's title, normalized. */
export function sectionKey(heading: Heading, lines: readonly string[], markers: readonly string[]): string {
  return normalizeName(sectionName(heading, lines, markers).title);
}

function compactMarker(marker: string): string {
  return marker.replace(/\s+/g, '').toLowerCase();
}

/**
 * The HTML comments at the end of a heading line (before a closing `#` run), compacted as markers
 * are. indexOf and loops, no regex: heading lines can be 100,000 characters long.
 */
function trailingComments(line: string): string[] {
  const found: string[] = [];
  if (!line.includes('<!--')) return found;
  let end = line.length;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
  // A closing `#` run after a space is no part of the text.
  let hashes = end;
  while (hashes > 0 && line.charCodeAt(hashes - 1) === 35 /* # */) hashes--;
  if (hashes < end && hashes > 0 && isBlank(line.charCodeAt(hashes - 1))) end = hashes;
  for (;;) {
    while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
    if (end < 7 || line.slice(end - 3, end) !== '-->') return found;
    const start = line.lastIndexOf('<!--', end - 4);
    if (start < 0) return found;
    found.push(compactMarker(line.slice(start, end)));
    end = start;
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Bracketed text in the template's body that is not a link, a defined reference label, a task box or a footnote. */
function templatePlaceholders(lines: readonly string[], outline: Outline): Set<string> {
  const placeholders = new Set<string>();
  const definitions = referenceLabels(lines);
  const bodyStart = outline.headings[0]?.line ?? 0;
  let fence = 0;
  for (let line = bodyStart; line < lines.length; line++) {
    while (fence < outline.fences.length && outline.fences[fence].end < line) fence++;
    if (fence < outline.fences.length && outline.fences[fence].start <= line) continue;
    for (const match of findPlaceholders(lines[line])) {
      if (!isPlaceholderText(match.inner, lines[line], match.index)) continue;
      if (definitions.has(normalizeLabel(match.inner))) continue;
      placeholders.add(match.text);
    }
  }
  return placeholders;
}

/** A link reference definition's label at the start of a line: `[label]: destination`. */
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:/;

/** The labels of the link reference definitions in a text, normalized as CommonMark matches them. */
export function referenceLabels(lines: readonly string[]): Set<string> {
  const labels = new Set<string>();
  for (const line of lines) {
    if (!line.includes(']:')) continue;
    const match = DEFINITION.exec(line);
    if (match) labels.add(normalizeLabel(match[1]));
  }
  return labels;
}


/** Plain lines of prose: no block marker in front (heading, list, table, quote, HTML, fence, break). */
const NOT_PROSE = /^\s*(?:#|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|\||>|<|`{3}|~{3}|(?:[-*_=][ \t]*){3,}$)/;
/** A bold label (`**Responsibility**`, `**Coverage Target**: 80%`) is a form's field, kept by specs that fill it. */
const BOLD_LABEL = /^\*\*[^*]+\*\*/;
/** Fewer words than this make a line that specs keep for their own sake, not the template's prose. */
const MIN_PARAGRAPH_WORDS = 4;

/**
 * The template's own prose paragraphs: runs of plain lines between blank lines, outside fences,
 * holding no placeholder (those are found by their brackets) and no bold label.
 */
function templateParagraphs(lines: readonly string[], outline: Outline): Map<string, string[]> {
  const paragraphs = new Map<string, string[]>();
  const bodyStart = outline.headings[0]?.line ?? 0;
  const inFence = fenceLines(outline);
  let run: string[] = [];
  const flush = () => {
    const text = run.join(' ');
    if (run.length > 0 && !text.includes('[') && !BOLD_LABEL.test(text) && text.split(/\s+/).length >= MIN_PARAGRAPH_WORDS) paragraphs.set(run[0], run);
    run = [];
  };
  for (let line = bodyStart; line < lines.length; line++) {
    const source = lines[line];
    if (source.trim() === '' || inFence.has(line) || NOT_PROSE.test(source) || /^ {4}|^\t/.test(source)) {
      flush();
      // A line that is no prose ends the paragraph and starts no new one until a blank line.
      if (source.trim() !== '') run = [];
      continue;
    }
    run.push(source.trim());
  }
  flush();
  return paragraphs;
}

function fenceLines(outline: Outline): Set<number> {
  const lines = new Set<number>();
  for (const fence of outline.fences) for (let line = fence.start; line <= fence.end; line++) lines.add(line);
  return lines;
}

function templateKeys(template: string, lines: readonly string[], optionalKeys: readonly string[]): TemplateKeys {
  const frontMatter = parseFrontMatter(template, lines);
  const optional = new Set(optionalKeys);
  const required: string[] = [];
  const known = new Set<string>(ALWAYS_WRITTEN);
  const valued = new Set<string>();
  for (const field of frontMatter.fields) {
    known.add(field.key);
    if (!optional.has(field.key)) required.push(field.key);
    if (field.value !== null && field.value !== undefined && !(typeof field.value === 'string' && field.value.trim() === '')) valued.add(field.key);
  }
  return { required, known: frontMatter.data === undefined ? undefined : known, valued };
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
