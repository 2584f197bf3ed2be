/**
 * One line as the block parser reads it (CommonMark's "offset" and "column"): containers take
 * their markers off its start, then a leaf block reads the rest. Tabs stop every 4 columns, and
 * a container may take only part of a tab (`>\tcode` leaves two columns of it to the content).
 * One cursor is reused for every line: it runs for every line of every file in the index.
 */
export class LineCursor {
  text = '';
  /** Index of the next character to read. */
  offset = 0;
  /** Column of `offset`, tabs expanded; part of a tab may already be read. */
  column = 0;
  /** The first character at or after `offset` that is not a space or tab (set by findNextNonspace). */
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  /** Columns from `column` to `nextNonspaceColumn`. */
  indent = 0;
  /** Whether nothing but spaces and tabs is left. */
  blank = false;

  reset(text: string): void {
    this.text = text;
    this.offset = 0;
    this.column = 0;
  }

  findNextNonspace(): void {
    const text = this.text;
    let index = this.offset;
    let column = this.column;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 32) column++;
      else if (code === 9) column += 4 - (column % 4);
      else break;
    }
    this.nextNonspace = index;
    this.nextNonspaceColumn = column;
    this.indent = column - this.column;
    this.blank = index === text.length;
  }

  /** The character at the next non-space (NaN at the end of the line). */
  peekNonspace(): number {
    return this.text.charCodeAt(this.nextNonspace);
  }

  advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
  }

  /**
   * Moves `count` characters on, or `count` columns when `columns` is set (then a tab may be
   * read in part: the offset stays on it until all its columns are read).
   */
  advanceOffset(count: number, columns: boolean): void {
    const text = this.text;
    while (count > 0 && this.offset < text.length) {
      if (text.charCodeAt(this.offset) === 9) {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          const step = toTab > count ? count : toTab;
          this.column += step;
          if (toTab <= count) this.offset++;
          count -= step;
        } else {
          this.column += toTab;
          this.offset++;
          count--;
        }
      } else {
        this.offset++;
        this.column++;
        count--;
      }
    }
  }
}
