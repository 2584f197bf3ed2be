import { isSpaceOrTab } from '../lineShapes';
import type { LineCursor } from './lineCursor';

export const enum ContainerKind {
  Quote,
  Item,
}

/** An open block quote or list item (CommonMark's container blocks). */
export interface Container {
  kind: ContainerKind;
  /** A list item's content column, relative to the container it is in; 0 for a quote. */
  width: number;
  /** The line of a list item's marker. */
  line: number;
  /** Whether nothing was put in it yet: a list item that starts empty ends at a blank line. */
  empty: boolean;
}

/** Reads the containers' markers off a line's start; returns how many of them the line continues. */
export function continueContainers(stack: ContainerStack, cursor: LineCursor): number {
  for (let matched = 0; matched < stack.length; matched++) {
    cursor.findNextNonspace();
    const container = stack.at(matched);
    // markdown-it (the preview) continues a quote at a `>` indented any amount; CommonMark, at 0-3 columns.
    const continues = container.kind === ContainerKind.Quote ? readQuoteMarker(cursor, false) : continuesItem(container, cursor);
    if (!continues) return matched;
  }
  return stack.length;
}

/**
 * Reads a `>` and the one space or tab after it (after findNextNonspace); false when the line has
 * none. A quote opens only at 0-3 columns (more is indented code).
 */
export function readQuoteMarker(cursor: LineCursor, opens: boolean): boolean {
  if ((opens && cursor.indent >= 4) || cursor.peekNonspace() !== 62 /* > */) return false;
  cursor.advanceNextNonspace();
  cursor.advanceOffset(1, false);
  if (isSpaceOrTab(cursor.text.charCodeAt(cursor.offset))) cursor.advanceOffset(1, true);
  return true;
}

function continuesItem(item: Container, cursor: LineCursor): boolean {
  if (cursor.blank) {
    if (item.empty) return false;
    cursor.advanceNextNonspace();
    return true;
  }
  if (cursor.indent < item.width) return false;
  cursor.advanceOffset(item.width, true);
  return true;
}

/**
 * Reads a list item's marker and the spaces after it at the cursor (after findNextNonspace, fewer
 * than 4 columns in); returns the item's content column relative to its container, or -1 (and
 * reads nothing) when the line starts no item. An item that would interrupt a paragraph must have
 * content and, if ordered, start at 1.
 */
export function readListMarker(cursor: LineCursor, interruptsParagraph: boolean): number {
  const text = cursor.text;
  const at = cursor.nextNonspace;
  const first = text.charCodeAt(at);
  let markerEnd = at + 1;
  if (first !== 45 /* - */ && first !== 42 /* * */ && first !== 43 /* + */) {
    let number = 0;
    markerEnd = at;
    while (markerEnd < text.length && markerEnd - at < 10 && isDigit(text.charCodeAt(markerEnd))) number = number * 10 + text.charCodeAt(markerEnd++) - 48;
    const digits = markerEnd - at;
    if (digits === 0 || digits > 9) return -1;
    const delimiter = text.charCodeAt(markerEnd);
    if (delimiter !== 46 /* . */ && delimiter !== 41 /* ) */) return -1;
    if (interruptsParagraph && number !== 1) return -1;
    markerEnd++;
  }
  if (markerEnd < text.length && !isSpaceOrTab(text.charCodeAt(markerEnd))) return -1;
  if (interruptsParagraph && isBlankFrom(text, markerEnd)) return -1;
  const markerOffset = cursor.indent;
  const markerLength = markerEnd - at;
  // The usual item: one space after the marker, then content.
  if (text.charCodeAt(markerEnd) === 32 && markerEnd + 1 < text.length && !isSpaceOrTab(text.charCodeAt(markerEnd + 1))) {
    cursor.offset = markerEnd + 1;
    cursor.column = cursor.nextNonspaceColumn + markerLength + 1;
    return markerOffset + markerLength + 1;
  }
  cursor.advanceNextNonspace();
  cursor.advanceOffset(markerLength, true);
  const spacesColumn = cursor.column;
  const spacesOffset = cursor.offset;
  do cursor.advanceOffset(1, true);
  while (cursor.column - spacesColumn < 5 && isSpaceOrTab(text.charCodeAt(cursor.offset)));
  const spaces = cursor.column - spacesColumn;
  let padding = markerLength + spaces;
  if (spaces >= 5 || spaces < 1 || cursor.offset >= text.length) {
    // Five or more columns start indented code in the item: its content column is one past the marker.
    padding = markerLength + 1;
    cursor.column = spacesColumn;
    cursor.offset = spacesOffset;
    if (isSpaceOrTab(text.charCodeAt(cursor.offset))) cursor.advanceOffset(1, true);
  }
  return markerOffset + padding;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isBlankFrom(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (!isSpaceOrTab(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The open containers, outermost first. Their records are reused: a document opens a list item
 * on most of its list lines, and this runs for every file in the index.
 */
export class ContainerStack {
  readonly #open: Container[] = [];
  length = 0;

  at(depth: number): Container {
    return this.#open[depth];
  }

  /** Opens a quote, or a list item (marker on `line`, content column `width`); it is empty until a block is put in it. */
  push(kind: ContainerKind, width: number, line: number): void {
    const reused = this.#open[this.length];
    if (reused === undefined) this.#open.push({ kind, width, line, empty: true });
    else {
      reused.kind = kind;
      reused.width = width;
      reused.line = line;
      reused.empty = true;
    }
    this.length++;
  }

  truncate(length: number): void {
    this.length = length;
  }
}
