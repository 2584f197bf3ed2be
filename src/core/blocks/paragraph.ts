import { normalizeLabel } from '../inlineText';

/** A one-line link reference definition: it is not a paragraph, so it has no setext underline. */
const REFERENCE_DEFINITION = /^\[(?=[^\]]*?[^\]\s])(?:[^\]\\]|\\.)*\]:[ \t]*(?:<[^<>]*>|[^\s<][^\s]*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;

/** The label a line defines (its text from the `[` at `at`), normalized; undefined when it is no one-line definition. */
export function referenceDefinition(line: string, at: number): string | undefined {
  // Most `[` lines are task items or links: without `]:` there is nothing to match.
  const colon = line.indexOf(']:', at);
  if (colon < 0) return undefined;
  const content = at === 0 ? line : line.slice(at);
  return REFERENCE_DEFINITION.test(content) ? normalizeLabel(content.slice(1, colon - at)) : undefined;
}

/**
 * The open paragraph: where each of its lines starts (a setext underline makes it a heading
 * whose text is these lines), and whether its last line could head a table.
 */
export class OpenParagraph {
  /** First line; -1 when no paragraph is open. */
  start = -1;
  /** Where each line's text starts, after its containers' markers (the first `#count` entries; the array is reused). */
  readonly #offsets: number[] = [];
  #count = 0;
  /** Indentation of the last line within its container, and whether it was a lazy continuation line. */
  lastIndent = 0;
  lastLazy = false;
  /** Whether the paragraph opened a task item: it is taken back if the paragraph turns out to be something else. */
  task = false;
  /** A task whose first line is only its box: a second line makes it none (`[ ]` then a line break is text). */
  boxOnly = false;

  open(line: number, offset: number, indent: number): void {
    this.start = line;
    this.#offsets[0] = offset;
    this.#count = 1;
    this.lastIndent = indent;
    this.lastLazy = false;
    this.task = false;
    this.boxOnly = false;
  }

  addLine(offset: number, indent: number, lazy: boolean): void {
    this.#offsets[this.#count++] = offset;
    this.lastIndent = indent;
    this.lastLazy = lazy;
  }

  get lineCount(): number {
    return this.#count;
  }

  /** Where the last line's text starts. */
  get lastOffset(): number {
    return this.#offsets[this.#count - 1];
  }

  /** The paragraph's Markdown, its lines trimmed and joined by spaces (line breaks render as spaces). */
  text(lines: readonly string[]): string {
    let out = '';
    for (let i = 0; i < this.#count; i++) {
      const line = lines[this.start + i].slice(this.#offsets[i]).trim();
      out = i === 0 ? line : `${out} ${line}`;
    }
    return out;
  }

  close(): void {
    this.start = -1;
  }
}
