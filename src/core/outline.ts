import { decodeHTMLStrict } from 'entities';
import { locateFrontMatter, splitLines } from './frontMatter';
import { atxHashes, delimiterColumns, fenceOpening, headerCells, isSetextUnderline, isSpaceOrTab, isThematicBreak, listItem, taskMark } from './lineShapes';

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

const MAX_INLINE_LENGTH = 2000;
/** What a list item's or quote's first content may be without being a paragraph. */
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$)/;
/** A one-line link reference definition: it is not a paragraph, so it has no setext underline. */
const REFERENCE_DEFINITION = /^ {0,3}\[(?=[^\]]*?[^\]\s])(?:[^\]\\]|\\.)*\]:[ \t]*(?:<[^<>]*>|[^\s<][^\s]*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;
// A delimiter row's first two characters, as markdown-it checks them: `- ` would start a list item.
const TABLE_DELIMITER = /^ {0,3}(?:[|:][|:\- \t]|-[|:-])[|:\- \t]*$/;

/** CommonMark's block-level tag names: an HTML block that opens with one runs to a blank line. */
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
  'fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|' +
  'main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|' +
  'title|tr|track|ul';
const OPEN_TAG = '<[A-Za-z][A-Za-z0-9-]*(?:\\s+[A-Za-z_:][A-Za-z0-9:._-]*(?:\\s*=\\s*(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*"))?)*\\s*/?>';
const CLOSE_TAG = '</[A-Za-z][A-Za-z0-9-]*\\s*>';

/**
 * The seven kinds of HTML block (CommonMark 4.6): how one starts, the line that ends it (null: a
 * blank line), and whether it may interrupt a paragraph. Headings and tasks inside one are raw HTML.
 */
const HTML_BLOCKS: ReadonlyArray<readonly [start: RegExp, end: RegExp | null, interruptsParagraph: boolean]> = [
  [/^<(?:script|pre|style|textarea)(?=\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i, true],
  [/^<!--/, /-->/, true],
  [/^<\?/, /\?>/, true],
  [/^<![A-Za-z]/, />/, true],
  [/^<!\[CDATA\[/, /\]\]>/, true],
  [new RegExp(`^</?(?:${BLOCK_TAGS})(?=\\s|/?>|$)`, 'i'), null, true],
  [new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`), null, false],
];

/** Which open paragraph a line may continue lazily. */
const enum Lazy {
  None,
  /** A paragraph in a list item: an outdented text line continues it, an outdented underline does not make it a heading. */
  Item,
  /** A paragraph in a block quote: a line without `>` continues it. */
  Quote,
}

/**
 * A line scanner for headings, fences and task items. It follows CommonMark's block rules for
 * what matters here (fences, ATX and setext headings, paragraphs, list items, block quotes and
 * their lazy continuation lines, tables) without an inline parse;
 * test/unit/outlineEquivalence.test.ts compares it with markdown-it.
 */
export function scanOutline(text: string, lines: readonly string[] = splitLines(text)): Outline {
  const frontMatter = locateFrontMatter(lines);
  const firstLine = frontMatter.kind === 'none' ? 0 : frontMatter.endLine + 1;
  const headings: OutlineHeading[] = [];
  const bracketed: Array<[OutlineHeading, string]> = [];
  const definitions = new Set<string>();
  const slugs = new HeadingSlugs(headings);
  /** Headings whose section is still open: their levels rise from bottom to top. */
  const openSections: OutlineHeading[] = [];
  const addHeading = (level: number, markdown: string, line: number, endLine: number) => {
    // A heading ends the sections of the headings above it of the same or a lower level.
    while (openSections.length > 0 && openSections[openSections.length - 1].level >= level) openSections.pop()!.sectionEndLine = line - 1;
    const heading = new OutlineHeading(level, inlineToPlainText(markdown), line, endLine, lines.length - 1, slugs, headings.length);
    // `[Foo]` reads as `Foo` once the document defines `[foo]:`, which may come later.
    if (markdown.includes('[')) bracketed.push([heading, markdown]);
    headings.push(heading);
    openSections.push(heading);
  };
  const tasks: { line: number; checked: boolean; text: string; headingIndex: number }[] = [];
  const fences: LineSpan[] = [];

  let fenceChar = 0;
  let fenceLength = 0;
  let fenceStart = -1;
  /** Content column of the list item a fence opened in; 0 at the top level. */
  let fenceBase = 0;
  /** First line of an open paragraph whose underline makes a heading; -1 when none. */
  let paragraphStart = -1;
  /** The paragraph's first text when it starts on a list marker line (the line holds the marker too). */
  let paragraphHead: string | undefined;
  let lazy = Lazy.None;
  /** Content column of the current list item; -1 outside lists. */
  let listIndent = -1;
  let inTable = false;
  /** The last list item line with no content. */
  let emptyItemLine = -1;
  /** The last block quote line, its content, and whether it is in a table. */
  let quoteLine = -1;
  let quoteText = '';
  let quoteTable = false;
  /** Whether the current line lies inside the current list item. */
  let inItem = false;
  /** The open HTML block's end: a line that matches, or null for a blank line; undefined when none is open. */
  let htmlEnd: RegExp | null | undefined;
  /** Content column of the list item an HTML block opened in; 0 at the top level. */
  let htmlBase = 0;
  // A block that is not a paragraph line closes the open paragraph; outside the item, the list too.
  const interrupt = () => {
    paragraphStart = -1;
    lazy = Lazy.None;
    inTable = false;
    if (!inItem) listIndent = -1;
  };

  for (let line = firstLine; line < lines.length; line++) {
    const source = lines[line];
    // The column the content starts at (tabs stop every 4 columns), and its index: indentColumn()
    // inlined, since this loop runs for every line of every file in the index.
    let column = 0;
    let index = 0;
    for (; index < source.length; index++) {
      const code = source.charCodeAt(index);
      if (code === 32) column++;
      else if (code === 9) column += 4 - (column % 4);
      else break;
    }
    const blank = index === source.length;
    if (fenceStart >= 0) {
      if (fenceBase > 0 && !blank && column < fenceBase) {
        // The list item ends, and its fence with it; the line is read again outside.
        fences.push({ start: fenceStart, end: line - 1 });
        fenceStart = -1;
        listIndent = -1;
      } else {
        if (column - fenceBase <= 3 && closesFence(source, index, fenceChar, fenceLength)) {
          fences.push({ start: fenceStart, end: line });
          fenceStart = -1;
        }
        continue;
      }
    }
    if (htmlEnd !== undefined) {
      if (htmlBase > 0 && !blank && column < htmlBase) {
        // The list item ends, and its HTML block with it; the line is read again outside.
        htmlEnd = undefined;
        listIndent = -1;
      } else if (htmlEnd === null) {
        if (!blank) continue;
        htmlEnd = undefined;
      } else {
        if (htmlEnd.test(source)) htmlEnd = undefined;
        continue;
      }
    }
    if (blank) {
      // An item that starts empty holds only what follows it directly: after a blank line it is over.
      if (emptyItemLine === line - 1) listIndent = -1;
      paragraphStart = -1;
      lazy = Lazy.None;
      inTable = false;
      continue;
    }
    inItem = listIndent >= 0 && column >= listIndent;
    // An outdented line that continues nothing ends the list.
    if (listIndent >= 0 && !inItem && lazy === Lazy.None) listIndent = -1;
    const base = inItem ? listIndent : 0;
    const relative = column - base;
    // A line outside the open paragraph's container can only continue it as a lazy line.
    const lazyLine = lazy === Lazy.Quote || (lazy === Lazy.Item && !inItem);
    const quoteParagraphAbove: boolean = lazy === Lazy.Quote && quoteLine === line - 1;
    if (relative >= 4) {
      // Indented code, unless it continues a paragraph.
      if (paragraphStart < 0 && lazy === Lazy.None) interrupt();
      continue;
    }
    // The line as its container sees it: the container's indentation off, tabs expanded.
    const body = base === 0 && index === column ? source : ' '.repeat(relative) + source.slice(index);
    const first = body.charCodeAt(relative);

    if (first === 96 /* ` */ || first === 126 /* ~ */) {
      const length = fenceOpening(body, relative, first);
      if (length > 0) {
        interrupt();
        fenceChar = first;
        fenceLength = length;
        fenceStart = line;
        fenceBase = base;
        continue;
      }
    }
    if (first === 35 /* # */) {
      const hashes = atxHashes(body, relative);
      if (hashes > 0) {
        interrupt();
        addHeading(hashes, atxContent(body, relative + hashes), line, line);
        continue;
      }
    }
    if (first === 60 /* < */) {
      const content = relative === 0 ? body : body.slice(relative);
      // A lone tag (kind 7) cannot interrupt a paragraph, nor end a table: there it is text, or a row.
      const inParagraph = paragraphStart >= 0 || lazy !== Lazy.None || inTable;
      const kind = HTML_BLOCKS.find(([start, , interrupts]) => (interrupts || !inParagraph) && start.test(content));
      if (kind) {
        interrupt();
        const end = kind[1];
        htmlEnd = end !== null && end.test(content) ? undefined : end;
        htmlBase = base;
        continue;
      }
    }
    // A table's header is the line above its delimiter row, the last line of a paragraph (never a
    // lazy line: markdown-it reads those as text of the item or quote).
    const headerLine = paragraphHead !== undefined && paragraphStart === line - 1 ? ' '.repeat(base) + paragraphHead : lines[line - 1];
    if (paragraphStart >= 0 && !lazyLine && (first === 124 /* | */ || first === 58 /* : */ || first === 45) && TABLE_DELIMITER.test(body) && startsTable(headerLine, body, base)) {
      interrupt();
      inTable = true;
      continue;
    }
    if ((first === 61 /* = */ || first === 45 /* - */) && isSetextUnderline(body, relative, first)) {
      if (paragraphStart >= 0 && !lazyLine && !inTable) {
        const textLines: string[] = [];
        for (let i = paragraphStart; i < line; i++) textLines.push(i === paragraphStart && paragraphHead !== undefined ? paragraphHead.trim() : lines[i].trim());
        addHeading(first === 61 ? 1 : 2, textLines.join(' '), paragraphStart, line);
        paragraphStart = -1;
        lazy = Lazy.None;
        continue;
      }
      if (lazyLine && first === 61) continue; // Not an underline here: a lazy text line.
    }
    if ((first === 45 || first === 42 /* * */ || first === 95 /* _ */) && isThematicBreak(body, relative, first)) {
      interrupt();
      continue;
    }
    if (first === 45 || first === 42 || first === 43 /* + */ || (first >= 48 && first <= 57)) {
      const item = listItem(body, relative);
      // An empty item, or an ordered one not starting at 1, cannot interrupt a paragraph.
      const continuesParagraph =
        item !== undefined && (paragraphStart >= 0 || lazy !== Lazy.None) && !lazyLine && (item.content === '' || (item.number >= 0 && item.number !== 1));
      if (item && !continuesParagraph) {
        const { content, gap } = item;
        const markerEnd = base + relative + item.markerLength;
        // More than four spaces after the marker start indented code in the item, which is no paragraph (nor a task).
        const codeFirst = content !== '' && gap > 4;
        const task = codeFirst ? undefined : taskMark(content);
        if (task) tasks.push({ line, checked: task.checked, text: task.text, headingIndex: headings.length - 1 });
        paragraphStart = -1;
        paragraphHead = undefined;
        inTable = false;
        listIndent = content === '' || codeFirst ? markerEnd + 1 : markerEnd + gap;
        if (content === '') emptyItemLine = line;
        const block = content !== '' && !codeFirst && startsBlock(content);
        lazy = content === '' || codeFirst || block ? Lazy.None : Lazy.Item;
        if (lazy === Lazy.Item && !task) {
          // The item's paragraph starts on the marker line: an underline in the item makes it a heading.
          paragraphStart = line;
          paragraphHead = content;
        }
        // `- # Foo`: an ATX heading as the item's first block.
        const hashes = block && content.charCodeAt(0) === 35 /* # */ ? atxHashes(content, 0) : 0;
        if (hashes > 0) addHeading(hashes, atxContent(content, hashes), line, line);
        continue;
      }
    }
    if (first === 62 /* > */) {
      const follows = quoteLine === line - 1;
      interrupt();
      const content = body.slice(relative + 1).trim();
      const hashes = content.charCodeAt(0) === 35 /* # */ && !quoteIsCode(body, relative + 1) ? atxHashes(content, 0) : 0;
      // `> # Foo`: an ATX heading as the quote's block.
      if (hashes > 0) addHeading(hashes, atxContent(content, hashes), line, line);
      // A table in a quote (header and delimiter rows both quoted) takes no lazy lines after it.
      // A block start (a list item too) ends the table, as markdown-it's table rule ends at them.
      const endsTable = BLOCK_START.test(content) || listItem(content, 0) !== undefined || content.charCodeAt(0) === 62 /* > */;
      quoteTable = content !== '' && ((follows && quoteTable && !endsTable) || (quoteParagraphAbove && TABLE_DELIMITER.test(content) && startsTable(quoteText, content, 0)));
      lazy = content === '' || quoteTable || BLOCK_START.test(content) ? Lazy.None : Lazy.Quote;
      quoteLine = line;
      quoteText = content;
      continue;
    }
    if (inTable || lazyLine) continue; // A table row, or a lazy continuation line.
    if (paragraphStart < 0 && lazy === Lazy.None) {
      paragraphHead = undefined;
      if (first === 91 /* [ */ && REFERENCE_DEFINITION.test(body)) {
        definitions.add(normalizeLabel(body.slice(body.indexOf('[') + 1, body.indexOf(']:'))));
        continue;
      }
      paragraphStart = line;
      if (inItem) lazy = Lazy.Item;
    }
  }
  if (fenceStart >= 0) fences.push({ start: fenceStart, end: lines.length - 1 });
  if (definitions.size > 0) for (const [heading, markdown] of bracketed) heading.text = inlineToPlainText(markdown, definitions);

  return { headings, tasks, fences, lineCount: lines.length };
}

/**
 * A heading as scanOutline reports it. Its slug is worked out on first read, for the whole
 * outline at once (a slug depends on the headings above it): the index reads no slug, and slugs
 * cost more than the rest of a heading. `slug` is a getter, so it is not an own property.
 */
class OutlineHeading implements Heading {
  readonly #slugs: HeadingSlugs;
  readonly #index: number;

  constructor(
    readonly level: number,
    /** Set again by scanOutline once the document's link definitions are known. */
    public text: string,
    readonly line: number,
    readonly endLine: number,
    /** Set by scanOutline when the next heading of the same or a higher level turns up. */
    public sectionEndLine: number,
    slugs: HeadingSlugs,
    index: number,
  ) {
    this.#slugs = slugs;
    this.#index = index;
  }

  get slug(): string {
    return this.#slugs.at(this.#index);
  }
}

/** The slugs of an outline's headings, computed on first use. */
class HeadingSlugs {
  #slugs: string[] | undefined;

  constructor(private readonly headings: readonly Heading[]) {}

  at(index: number): string {
    if (this.#slugs === undefined) {
      const counter = new SlugCounter();
      this.#slugs = this.headings.map((heading) => counter.next(heading.text));
    }
    return this.#slugs[index];
  }
}

/** An ATX heading's text after its opening `#`s: trimmed, without the optional closing run of `#`. Linear, no regex backtracking. */
function atxContent(line: string, from: number): string {
  let end = line.length;
  while (end > from && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > from && line.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === from || isSpaceOrTab(line.charCodeAt(hashes - 1)))) end = hashes;
  let start = from;
  while (start < end && isSpaceOrTab(line.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
  return line.slice(start, end);
}

/** Whether a quote's content (after `>` at `from`, and its optional space) is indented code. */
function quoteIsCode(body: string, from: number): boolean {
  let at = from;
  if (body.charCodeAt(at) === 32 || body.charCodeAt(at) === 9) at++;
  return indentColumn(body.slice(at)) >= 4;
}

/** Whether a list item's content starts a block (BLOCK_START), so it opens no paragraph. */
function startsBlock(content: string): boolean {
  const first = content.charCodeAt(0);
  // Every block BLOCK_START knows starts with one of these: most content is plain text.
  const candidate = first === 35 /* # */ || first === 96 /* ` */ || first === 126 /* ~ */ || first === 42 /* * */ || first === 45 /* - */ || first === 95; /* _ */
  return candidate && BLOCK_START.test(content);
}

/** The column a line's content starts at (tabs stop every 4 columns). */
function indentColumn(source: string): number {
  let column = 0;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 32) column++;
    else if (code === 9) column += 4 - (column % 4);
    else break;
  }
  return column;
}

function isBlankFrom(source: string, from: number): boolean {
  for (let i = from; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function closesFence(source: string, from: number, char: number, minLength: number): boolean {
  let i = from;
  while (i < source.length && source.charCodeAt(i) === char) i++;
  return i - from >= minLength && isBlankFrom(source, i);
}

/** Whether a delimiter row under a paragraph line makes that line a table header, as markdown-it decides. */
function startsTable(header: string, delimiter: string, base: number): boolean {
  if (indentColumn(header) - base >= 4) return false;
  if (!header.includes('|')) return false;
  const columns = delimiterColumns(delimiter);
  return columns > 0 && headerCells(header.trim()) === columns;
}

// Private-use characters stand in for text that later patterns must not touch.
const HOLD_OPEN = '\uE000';
const HOLD_CLOSE = '\uE001';

/** Characters that start inline markup, all but `&`. */
const INLINE_MARKUP = /[`*_[\]<\\!~]/;
/** What a `&` needs to be more than text: an entity's closing `;`, or a held-text marker to restore. */
const ENTITY_END_OR_HOLD = /[;\uE000]/;

/**
 * Strips inline Markdown: code, emphasis, links, images, autolinks, HTML, escapes and entities.
 * `definitions` are the document's link reference labels (normalized): a shortcut reference
 * `[Foo]` with a definition is a link, and reads as `Foo`; without one it stays as written.
 */
export function inlineToPlainText(input: string, definitions?: ReadonlySet<string>): string {
  // Inline patterns can backtrack on hostile lines; no real heading is this long.
  const markdown = input.length > MAX_INLINE_LENGTH ? input.slice(0, MAX_INLINE_LENGTH) : input;
  // Most headings hold no markup (`Deployment & Operations` neither): every pattern of the slow
  // path needs one of INLINE_MARKUP's characters, or a `&` with a `;` or a held-text marker.
  if (!INLINE_MARKUP.test(markdown) && !(markdown.includes('&') && ENTITY_END_OR_HOLD.test(markdown))) return markdown.trim();
  return stripInlineMarkup(markdown, definitions);
}

/** A link's destination and title in `(...)`: one level of balanced parentheses, as in `/a_(b)`. */
const LINK_TAIL = '\\((?:[^()]|\\([^()]*\\))*\\)';
const INLINE_LINK = new RegExp(`\\[([^\\]]*)\\]${LINK_TAIL}`, 'g');
const INLINE_IMAGE = new RegExp(`!\\[([^\\]]*)\\]${LINK_TAIL}`, 'g');
/** Raw inline HTML as CommonMark knows it: `List<String, Integer>` is no tag and stays text. */
const INLINE_TAG = new RegExp(`${OPEN_TAG}|${CLOSE_TAG}`, 'g');
const EMPHASIS_STAR = /(\*{1,3})(\S(?:.*?\S)?)\1/g;
// Underscores do not emphasize inside words: snake_case_names stay as written.
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}_])(_{1,3})(\S(?:.*?\S)?)\1(?![\p{L}\p{N}_])/gu;
/** Nested emphasis (`**a *b* c**`) takes a pass per level; real headings nest two or three deep. */
const MAX_EMPHASIS_PASSES = 4;

/** inlineToPlainText's slow path, for any text (exported for the test that compares the two). */
export function stripInlineMarkup(markdown: string, definitions?: ReadonlySet<string>): string {
  // Code spans and escaped characters are literal: hold them aside so no later pattern reads them.
  const held: string[] = [];
  const hold = (value: string) => `${HOLD_OPEN}${held.push(value) - 1}${HOLD_CLOSE}`;
  // The text's own private-use marker characters are held first, or the restore would read them as ours.
  const source = markdown.includes(HOLD_OPEN) || markdown.includes(HOLD_CLOSE) ? markdown.replace(/[\uE000\uE001]/g, hold) : markdown;
  let text = source
    .replace(/(?<![`\\])(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_whole, _run: string, code: string) => hold(codeSpanContent(code)))
    .replace(/\\([!-/:-@[-`{-~])/g, (_whole, char: string) => hold(char))
    .replace(/<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/g, (_whole, url: string) => hold(url))
    .replace(/<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)>/g, (_whole, mail: string) => hold(mail))
    .replace(INLINE_IMAGE, '$1')
    .replace(INLINE_LINK, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  if (definitions && definitions.size > 0) {
    text = text.replace(/\[([^\]]+)\](?!\()/g, (whole, label: string) => (definitions.has(normalizeLabel(label)) ? label : whole));
  }
  // HTML comments and tags are raw HTML, not text: `## Links <!-- optional -->` is `Links`.
  text = text.replace(/<!--(?:>|->|[\s\S]*?-->)/g, '').replace(INLINE_TAG, '');
  for (let pass = 0; pass < MAX_EMPHASIS_PASSES; pass++) {
    const before = text;
    text = text.replace(EMPHASIS_STAR, '$2').replace(EMPHASIS_UNDERSCORE, '$2');
    if (text === before) break;
  }
  text = text.replace(/~~(.+?)~~/g, '$1');
  // Every HTML5 named entity, and numeric ones, as markdown-it decodes them (a `;` required).
  if (text.includes('&')) text = decodeHTMLStrict(text);
  return text.replace(/\uE000(\d+)\uE001/g, (_whole, index: string) => held[Number(index)]).trim();
}

/** CommonMark matches link labels case-insensitively, with runs of white space as one space. */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A code span's text as CommonMark reads it: line breaks as spaces, one padding space stripped from each side. */
function codeSpanContent(code: string): string {
  const flat = code.replace(/\r\n|\r|\n/g, ' ');
  return flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '' ? flat.slice(1, -1) : flat;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(text: string): string {
  // Unicode property classes are slow; printable ASCII, the usual case, takes a plain loop.
  let slug = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) slug += String.fromCharCode(code + 32);
    else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45) slug += text[i];
    else if (code === 32) slug += '-';
    else if (code < 32 || code > 126) return unicodeSlug(text);
  }
  return slug;
}

/**
 * Whether githubSlug(text) is `slug`, decided at the first character that differs: no slug is
 * built. A character outside printable ASCII leaves the decision to githubSlug, which slugs such
 * text apart; the printable ASCII before it maps the same way there, so an earlier difference stands.
 */
export function hasSlug(text: string, slug: string): boolean {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 32 || code > 126) return githubSlug(text) === slug;
    if (code >= 65 && code <= 90) code += 32;
    else if (code === 32) code = 45;
    else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45)) continue;
    if (slug.charCodeAt(length++) !== code) return false;
  }
  return length === slug.length;
}

function unicodeSlug(text: string): string {
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

/** The default of `techSpec.checklistSection`. */
export const DEFAULT_CHECKLIST_SECTION = 'Implementation Checklist';

/** Progress of a spec's checklist section; `found` is false when the spec has no such section. */
export interface ChecklistProgress extends Progress {
  readonly found: boolean;
}

/**
 * The index of the first heading (any level) whose text is the checklist section's name, case
 * and runs of white space aside, or -1. Matched by text, not by de-duplicated slug: the index
 * calls this for every file.
 */
export function checklistHeadingIndex(outline: Outline, section: string = DEFAULT_CHECKLIST_SECTION): number {
  const name = section.replace(/\s+/g, ' ').trim().toLowerCase();
  return outline.headings.findIndex((heading) => sameName(heading.text, name));
}

/** Whether a heading's text is `name` (lower case, single-spaced), without building a string for most headings. */
function sameName(text: string, name: string): boolean {
  if (text.length < name.length) return false;
  if (text.length === name.length) return text.toLowerCase() === name;
  return text.replace(/\s+/g, ' ').toLowerCase() === name;
}

/** Progress of the checklist section's tasks; a spec without the section counts nothing. */
export function checklistProgress(outline: Outline, section: string = DEFAULT_CHECKLIST_SECTION): ChecklistProgress {
  const index = checklistHeadingIndex(outline, section);
  if (index < 0) return { done: 0, total: 0, found: false };
  return { ...countTasks(tasksInSection(outline, index)), found: true };
}

export function isInFence(outline: Outline, line: number): boolean {
  return outline.fences.some((fence) => line >= fence.start && line <= fence.end);
}
