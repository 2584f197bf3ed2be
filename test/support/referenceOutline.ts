// A reference outline computed by markdown-it, the parser VS Code's Markdown preview uses.
// test/unit/outlineEquivalence.test.ts compares scanOutline with it; a benchmark can reuse it.
import MarkdownIt from 'markdown-it';
import type { Outline } from '../../src/core/outline';

export interface ReferenceHeading {
  readonly level: number;
  readonly text: string;
  readonly line: number;
}

interface InlineToken {
  readonly type: string;
  readonly content: string;
  readonly children: InlineToken[] | null;
}

// With HTML on, as VS Code's preview and GitHub render: headings inside an HTML block are raw HTML.
const parser = new MarkdownIt({ html: true });
const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Replaces a leading front-matter block with blank lines, so markdown-it (which does not know
 * front matter) keeps the same line numbers. An unclosed block hides the whole document, as the
 * core treats it.
 */
export function blankFrontMatter(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const first = lines[0].startsWith('\uFEFF') ? lines[0].slice(1) : lines[0];
  if (!OPEN.test(first)) return text;
  let end = lines.findIndex((line, index) => index > 0 && CLOSE.test(line));
  if (end < 0) end = lines.length - 1;
  for (let line = 0; line <= end; line++) lines[line] = '';
  return lines.join('\n');
}

/** Plain text of an inline token's children: text and code, breaks as spaces, images by their alt text. */
export function inlineText(tokens: readonly InlineToken[] | null): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') out += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') out += ' ';
    else if (token.type === 'image') out += inlineText(token.children);
  }
  return out.trim();
}

export interface ReferenceOutline {
  /** Top-level headings (not inside lists or block quotes). */
  readonly headings: ReferenceHeading[];
  /** First lines of the headings nested in lists or block quotes. */
  readonly nestedLines: Set<number>;
}

/** Headings as markdown-it sees them, top level and nested apart. */
export function referenceOutline(text: string): ReferenceOutline {
  const tokens = parser.parse(blankFrontMatter(text), {});
  const headings: ReferenceHeading[] = [];
  const nestedLines = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'heading_open' || !token.map) continue;
    if (token.level !== 0) {
      nestedLines.add(token.map[0]);
      continue;
    }
    const inline = tokens[i + 1];
    headings.push({ level: Number(token.tag.slice(1)), text: inlineText(inline.children), line: token.map[0] });
  }
  return { headings, nestedLines };
}

/** Top-level headings (not inside lists or block quotes) as markdown-it sees them. */
export function referenceHeadings(text: string): ReferenceHeading[] {
  return referenceOutline(text).headings;
}

/** Headings (level, plain text, line) and task items (line, checked) at every nesting depth. */
export interface BlockOutline {
  readonly headings: Array<[level: number, text: string, line: number]>;
  readonly tasks: Array<[line: number, checked: boolean]>;
}

const TASK_BOX = /^\[([ xX])\](?:[ \t]|$)/;

/**
 * Headings and task items at every depth, as markdown-it renders them. A task is a list item whose
 * first block is a paragraph that starts with a box; its line is the item's. `frontMatter: 'blank'`
 * blanks a leading front-matter block first (markdown-it does not know front matter).
 */
export function referenceBlocks(text: string, options: { frontMatter: 'blank' | 'keep' } = { frontMatter: 'blank' }): BlockOutline {
  const tokens = parser.parse(options.frontMatter === 'blank' ? blankFrontMatter(text) : text, {});
  const headings: BlockOutline['headings'] = [];
  const tasks: BlockOutline['tasks'] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open' && token.map) headings.push([Number(token.tag.slice(1)), inlineText(tokens[i + 1].children), token.map[0]]);
    if (token.type === 'list_item_open' && token.map && tokens[i + 1]?.type === 'paragraph_open') {
      const box = TASK_BOX.exec(tokens[i + 2].content);
      if (box) tasks.push([token.map[0], box[1] !== ' ']);
    }
  }
  return { headings, tasks };
}

/** The same view of an outline that src/core found. */
export function outlineBlocks(outline: Outline): BlockOutline {
  return { headings: outline.headings.map((h) => [h.level, h.text, h.line]), tasks: outline.tasks.map((t) => [t.line, t.checked]) };
}
