import { delimiterColumns, headerCells } from '../lineShapes';

// A delimiter row's first two characters, as markdown-it checks them: `- ` would start a list item.
const TABLE_DELIMITER = /^(?:[|:][|:\- \t]|-[|:-])[|:\- \t]*$/;

/**
 * Whether `row` (from its first non-space) is a delimiter row that makes `header` (the paragraph
 * line above it, from its first non-space) a table header, as markdown-it decides (GFM tables).
 */
export function startsTable(header: string, row: string): boolean {
  if (!TABLE_DELIMITER.test(row) || !header.includes('|')) return false;
  const columns = delimiterColumns(row);
  return columns > 0 && headerCells(header.trim()) === columns;
}
