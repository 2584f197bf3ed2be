/** CommonMark's block-level tag names: an HTML block that opens with one runs to a blank line. */
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
  'fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|' +
  'main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|' +
  'title|tr|track|ul';
export const OPEN_TAG = '<[A-Za-z][A-Za-z0-9-]*(?:\\s+[A-Za-z_:][A-Za-z0-9:._-]*(?:\\s*=\\s*(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*"))?)*\\s*/?>';
export const CLOSE_TAG = '</[A-Za-z][A-Za-z0-9-]*\\s*>';

/**
 * The seven kinds of HTML block (CommonMark 4.6): how one starts, the line that ends it (null: a
 * blank line), and whether it may interrupt a paragraph. Headings and tasks inside one are raw HTML.
 */
const HTML_BLOCKS: ReadonlyArray<readonly [start: RegExp, end: RegExp | null, interruptsParagraph: boolean]> = [
  [/^<(?:script|pre|style|textarea)(?=\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i, true],
  [/^<!--/, /-->/, true],
  [/^<\?/, /\?>/, true],
  [/^<![A-Za-z]/, />/, true],
  [/^<!\[CDATA\[/, /\]\]>/, true],
  [new RegExp(`^</?(?:${BLOCK_TAGS})(?=\\s|/?>|$)`, 'i'), null, true],
  [new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`), null, false],
];

/** No HTML block starts here. */
export const NO_HTML_BLOCK = undefined;

/**
 * The end of the HTML block that `content` (from its `<`) opens: a pattern for the line that ends
 * it, or null when a blank line does; undefined when the line opens none. A lone tag (kind 7)
 * opens none where a paragraph or a table row would take the line.
 */
export function htmlBlockEnd(content: string, afterText: boolean): RegExp | null | undefined {
  for (const [start, end, interrupts] of HTML_BLOCKS) if ((interrupts || !afterText) && start.test(content)) return end;
  return NO_HTML_BLOCK;
}
