import { isSpaceOrTab } from '../lineShapes';
import type { LineCursor } from './lineCursor';

export const enum ContainerKind {
  Quote,
  Item,
}

/** An open block quote or list item (CommonMark's container blocks). */
export interface Container {
  readonly kind: ContainerKind;
  /** A list item's content column, relative to the container it is in; 0 for a quote. */
  readonly width: number;
  /** The line of a list item's marker. */
  readonly line: number;
  /** Whether nothing was put in it yet: a list item that starts empty ends at a blank line. */
  empty: boolean;
}

/** Reads the containers' markers off a line's start; returns how many of them the line continues. */
export function continueContainers(stack: readonly Container[], cursor: LineCursor): number {
  for (let matched = 0; matched < stack.length; matched++) {
    cursor.findNextNonspace();
    const container = stack[matched];
    const continues = container.kind === ContainerKind.Quote ? readQuoteMarker(cursor) : continuesItem(container, cursor);
    if (!continues) return matched;
  }
  return stack.length;
}

/** Reads a `>` and the one space or tab after it (after findNextNonspace); false when the line has none. */
export function readQuoteMarker(cursor: LineCursor): boolean {
  if (cursor.indent >= 4 || cursor.peekNonspace() !== 62 /* > */) return false;
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

export function quote(): Container {
  return { kind: ContainerKind.Quote, width: 0, line: -1, empty: false };
}

/**
 * Opens a list item at the cursor (after findNextNonspace, fewer than 4 columns in) and reads its
 * marker and the spaces after it; undefined when the line starts no item. An item that would
 * interrupt a paragraph must have content and, if ordered, start at 1.
 */
export function openListItem(cursor: LineCursor, line: number, interruptsParagraph: boolean): Container | undefined {
  const text = cursor.text;
  const at = cursor.nextNonspace;
  const first = text.charCodeAt(at);
  let markerEnd = at + 1;
  if (first !== 45 /* - */ && first !== 42 /* * */ && first !== 43 /* + */) {
    let number = 0;
    markerEnd = at;
    while (markerEnd < text.length && markerEnd - at < 10 && isDigit(text.charCodeAt(markerEnd))) number = number * 10 + text.charCodeAt(markerEnd++) - 48;
    const digits = markerEnd - at;
    if (digits === 0 || digits > 9) return undefined;
    const delimiter = text.charCodeAt(markerEnd);
    if (delimiter !== 46 /* . */ && delimiter !== 41 /* ) */) return undefined;
    if (interruptsParagraph && number !== 1) return undefined;
    markerEnd++;
  }
  if (markerEnd < text.length && !isSpaceOrTab(text.charCodeAt(markerEnd))) return undefined;
  if (interruptsParagraph && isBlankFrom(text, markerEnd)) return undefined;
  const markerOffset = cursor.indent;
  cursor.advanceNextNonspace();
  cursor.advanceOffset(markerEnd - at, true);
  const spacesColumn = cursor.column;
  const spacesOffset = cursor.offset;
  do cursor.advanceOffset(1, true);
  while (cursor.column - spacesColumn < 5 && isSpaceOrTab(text.charCodeAt(cursor.offset)));
  const blankItem = cursor.offset >= text.length;
  const spaces = cursor.column - spacesColumn;
  let padding = markerEnd - at + spaces;
  if (spaces >= 5 || spaces < 1 || blankItem) {
    // Five or more columns start indented code in the item: its content column is one past the marker.
    padding = markerEnd - at + 1;
    cursor.column = spacesColumn;
    cursor.offset = spacesOffset;
    if (isSpaceOrTab(text.charCodeAt(cursor.offset))) cursor.advanceOffset(1, true);
  }
  // Empty until a block is put in it (a line of only spaces after the marker puts none).
  return { kind: ContainerKind.Item, width: markerOffset + padding, line, empty: true };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isBlankFrom(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (!isSpaceOrTab(text.charCodeAt(i))) return false;
  return true;
}
