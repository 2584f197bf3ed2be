/**
 * Hand-written matchers for the line shapes the block scanner (src/core/blocks/) tests on nearly every line. Each one
 * does what the regex beside it does, without running a regex or building a match array: they
 * run for every line of every file in the index. test/unit/lineShapes.test.ts checks each one
 * against its regex, on the repository's Markdown and on many random lines.
 *
 * Every matcher reads a line as scanOutline's containers see it (`body`): `at` is where its
 * content starts, after 0 to 3 spaces, and the character there is neither a space nor a tab.
 */

/** The rule atxHashes follows. */
export const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
/** The rule taskMarkAt follows: the first line of a list item's first paragraph, the box and its text. */
export const TASK_BOX = /^ {0,3}\[([ xX])\](?:[ \t]+([^]*))?$/;
/** The rule isThematicBreak follows. */
export const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** The rule isSetextUnderline follows. */
export const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
/** The rule fenceOpening follows (with the check that a backtick fence's info string has no backtick). */
export const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/** The rule delimiterColumns follows for each cell of a delimiter row. */
export const DELIMITER_CELL = /^:?-+:?$/;

/** The number of `#` that open an ATX heading at `at`, or 0 when the line is none. */
export function atxHashes(body: string, at: number): number {
  let end = at;
  while (end < body.length && body.charCodeAt(end) === 35 /* # */) end++;
  const hashes = end - at;
  if (hashes === 0 || hashes > 6) return 0;
  return end === body.length || isSpaceOrTab(body.charCodeAt(end)) ? hashes : 0;
}

/**
 * A task item's box and text, for the paragraph that starts at `at` in `line` (no copy is made):
 * undefined when it does not start with a box followed by a space, a tab or the line's end.
 */
export function taskMarkAt(line: string, at: number): { checked: boolean; text: string } | undefined {
  if (line.charCodeAt(at) !== 91 /* [ */ || line.charCodeAt(at + 2) !== 93 /* ] */) return undefined;
  const box = line.charCodeAt(at + 1);
  if (box !== 32 && box !== 120 /* x */ && box !== 88 /* X */) return undefined;
  if (line.length > at + 3 && !isSpaceOrTab(line.charCodeAt(at + 3))) return undefined;
  return { checked: box !== 32, text: line.length > at + 3 ? line.slice(at + 3).trim() : '' };
}

/** Whether the line is a thematic break of `marker` (`-`, `*` or `_`, the character at `at`). */
export function isThematicBreak(body: string, at: number, marker: number): boolean {
  let count = 0;
  for (let i = at; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === marker) count++;
    else if (!isSpaceOrTab(code)) return false;
  }
  return count >= 3;
}

/** Whether the line is a setext underline of `marker` (`=` or `-`, the character at `at`). */
export function isSetextUnderline(body: string, at: number, marker: number): boolean {
  let i = at;
  while (i < body.length && body.charCodeAt(i) === marker) i++;
  while (i < body.length && isSpaceOrTab(body.charCodeAt(i))) i++;
  return i === body.length;
}

/** The length of the fence that opens at `at` (a run of `marker`, backtick or tilde), or 0 when none. */
export function fenceOpening(body: string, at: number, marker: number): number {
  let end = at;
  while (end < body.length && body.charCodeAt(end) === marker) end++;
  const length = end - at;
  if (length < 3 || hasLineTerminator(body, end)) return 0;
  // A backtick fence's info string cannot hold a backtick: the line would be inline code.
  return marker === 96 /* ` */ && body.indexOf('`', end) >= 0 ? 0 : length;
}

/**
 * A delimiter row whose cells are all `:?-+:?`, trimmed: an optional leading `|`, cells each
 * closed by `|`, an optional last cell without one. No empty cell between two pipes.
 */
const DELIMITER_ROW = /^[ \t]*(?:\|[ \t]*)?(?::?-+:?[ \t]*\|[ \t]*)*(?::?-+:?[ \t]*)?$/;

/**
 * The columns of a table delimiter row, or -1 when a cell is not `:?-+:?`: the row trimmed, split
 * at `|`, each cell trimmed, the empty cells outside a leading or trailing `|` left out.
 * Only for rows that hold nothing but `|`, `:`, `-`, spaces and tabs (TABLE_DELIMITER's).
 */
export function delimiterColumns(row: string): number {
  // A regex and indexOf, not a loop over characters: the row is a slice of the file's text, and
  // charCodeAt on a slice costs several times what the regex engine's scan does.
  if (!DELIMITER_ROW.test(row)) return -1;
  let start = 0;
  let end = row.length;
  while (start < end && isSpaceOrTab(row.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(row.charCodeAt(end - 1))) end--;
  // Every cell is one but the empty ones outside a leading and a trailing pipe.
  let columns = 1;
  for (let pipe = row.indexOf('|', start); pipe >= 0; pipe = row.indexOf('|', pipe + 1)) columns++;
  if (row.charCodeAt(start) === 124 /* | */) columns--;
  if (row.charCodeAt(end - 1) === 124) columns--;
  return columns;
}

/**
 * A table header's cells, split at unescaped pipes, without the empty cells outside a leading and
 * a trailing pipe (the header trimmed: markdown-it's count, which must match the delimiter row's).
 */
export function headerCells(header: string): number {
  if (header === '|') return 0;
  let cells = 1;
  // indexOf, not a loop over characters: see delimiterColumns.
  for (let pipe = header.indexOf('|'); pipe >= 0; pipe = header.indexOf('|', pipe + 1)) {
    if (pipe === 0 || header.charCodeAt(pipe - 1) !== 92 /* \ */) cells++;
  }
  if (header.charCodeAt(0) === 124 /* | */) cells--;
  if (header.length > 1 && header.charCodeAt(header.length - 1) === 124 && header.charCodeAt(header.length - 2) !== 92) cells--;
  return cells;
}

export function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/g;

/** Whether text from `from` on holds a character that a regex `.` does not match. */
function hasLineTerminator(text: string, from: number): boolean {
  // A regex, not a charCodeAt loop: lines are slices of the file's text, and a loop over a slice
  // costs several times what the regex engine's scan does.
  LINE_TERMINATOR.lastIndex = from;
  return LINE_TERMINATOR.test(text);
}
