import { decodeHTMLStrict } from 'entities';
import { CLOSE_TAG, OPEN_TAG } from './blocks/htmlBlock';

/** Inline patterns can backtrack on hostile lines; no real heading is this long. */
const MAX_INLINE_LENGTH = 2000;

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
