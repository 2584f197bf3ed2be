// Positions are zero-based (line, UTF-16 character), like VS Code's, but plain data.
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function lineRange(line: number, startChar: number, endChar: number): Range {
  return range(line, startChar, line, endChar);
}

/** The structural shape of a document that the core reads: VS Code's TextDocument satisfies it. */
export interface TextDocumentLike {
  readonly uri: { toString(): string };
  readonly version: number;
  getText(): string;
}

/** A cancellation token's shape; VS Code's CancellationToken satisfies it. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export const BOM = '\uFEFF';

/**
 * Line starts of a text, so offsets and positions convert in O(log n).
 * A line ends at \n, \r\n or a lone \r, as VS Code counts them.
 */
export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) {
        starts.push(i + 1);
      } else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    const character = Math.min(clamped - this.starts[low], this.lineLength(low));
    return { line: low, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    return this.starts[position.line] + Math.max(0, Math.min(position.character, this.lineLength(position.line)));
  }

  /** Length of a line without its line break. */
  lineLength(line: number): number {
    const start = this.starts[line];
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end - start;
  }

  lineText(line: number): string {
    const start = this.starts[line];
    return this.text.slice(start, start + this.lineLength(line));
  }

  /** The line break that ends a line ('' for the last line). */
  lineBreak(line: number): string {
    const start = this.starts[line] + this.lineLength(line);
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.text.slice(start, next);
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

/** The dominant line break of a text, used when inserting new lines. */
export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.indexOf('\r\n');
  if (crlf < 0) return '\n';
  const lf = text.indexOf('\n');
  return lf === crlf + 1 ? '\r\n' : '\n';
}

/**
 * A copy of a string that does not keep its source alive. V8 stores long slices as views
 * into the parent string; the index keeps thousands of titles, so it must not pin whole files.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
