import { normalizeLabel } from '../inlineText';

/** A one-line link reference definition: it is not a paragraph, so it has no setext underline. */
const REFERENCE_DEFINITION = /^\[(?=[^\]]*?[^\]\s])(?:[^\]\\]|\\.)*\]:[ \t]*(?:<[^<>]*>|[^\s<][^\s]*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;

/** The label `content` (from its `[`) defines, normalized; undefined when it is no one-line definition. */
export function referenceDefinition(content: string): string | undefined {
  return REFERENCE_DEFINITION.test(content) ? normalizeLabel(content.slice(1, content.indexOf(']:'))) : undefined;
}

/**
 * The open paragraph: where each of its lines starts (a setext underline makes it a heading
 * whose text is these lines), and whether its last line could head a table.
 */
export class OpenParagraph {
  /** First line; -1 when no paragraph is open. */
  start = -1;
  /** Where each line's text starts, after its containers' markers. */
  readonly #offsets: number[] = [];
  /** Indentation of the last line within its container, and whether it was a lazy continuation line. */
  lastIndent = 0;
  lastLazy = false;
  /** Whether the paragraph opened a task item: it is taken back if the paragraph turns out to be something else. */
  task = false;
  /** A task whose first line is only its box: a second line makes it none (`[ ]` then a line break is text). */
  boxOnly = false;

  open(line: number, offset: number, indent: number): void {
    this.start = line;
    this.#offsets.length = 0;
    this.#offsets.push(offset);
    this.lastIndent = indent;
    this.lastLazy = false;
    this.task = false;
    this.boxOnly = false;
  }

  addLine(offset: number, indent: number, lazy: boolean): void {
    this.#offsets.push(offset);
    this.lastIndent = indent;
    this.lastLazy = lazy;
  }

  get lineCount(): number {
    return this.#offsets.length;
  }

  /** Where the last line's text starts. */
  get lastOffset(): number {
    return this.#offsets[this.#offsets.length - 1];
  }

  /** The paragraph's Markdown, its lines trimmed and joined by spaces (line breaks render as spaces). */
  text(lines: readonly string[]): string {
    let out = '';
    for (let i = 0; i < this.#offsets.length; i++) {
      const line = lines[this.start + i].slice(this.#offsets[i]).trim();
      out = i === 0 ? line : `${out} ${line}`;
    }
    return out;
  }

  close(): void {
    this.start = -1;
  }
}
