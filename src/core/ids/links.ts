// Relative link destinations in a document's body: inline links, images and reference definitions,
// outside fenced code and code spans. Rename rewrites the ones that point at the renamed file.
import type { ParsedDocument } from '../parse';
import { codeSpans } from '../references';
import type { Range } from '../text';
import { resolveRelative } from './uris';

export interface RelativeLink {
  /** Where the link points, decoded, as uriPath() writes paths. */
  readonly resolvedPath: string;
  /** The destination's last path segment as written (still percent-encoded). */
  readonly fileName: string;
  readonly fileNameRange: Range;
}

// `](dest` up to the destination's end: `<…>`, or a run without spaces and with balanced parentheses.
const INLINE = /\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)/g;
const DEFINITION = /^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*(<[^<>\n]*>|\S+)/;

export function relativeLinks(uri: string, parsed: ParsedDocument): RelativeLink[] {
  const { lines, outline, frontMatter } = parsed;
  const links: RelativeLink[] = [];
  let fence = 0;
  for (let line = frontMatter.bodyStartLine; line < lines.length; line++) {
    const text = lines[line];
    if (!text.includes('](') && !text.includes(']:')) continue;
    while (fence < outline.fences.length && outline.fences[fence].end < line) fence++;
    if (fence < outline.fences.length && outline.fences[fence].start <= line) continue;
    const spans = codeSpans(text);
    const inCode = (at: number) => spans.some(([from, to]) => at >= from && at < to);
    const destinations: Array<[start: number, raw: string]> = [];
    for (const match of text.matchAll(INLINE)) destinations.push([match.index + match[0].length - match[1].length, match[1]]);
    const definition = DEFINITION.exec(text);
    if (definition) destinations.push([definition.index + definition[0].length - definition[1].length, definition[1]]);
    for (const [start, raw] of destinations) {
      if (inCode(start)) continue;
      const link = toLink(uri, line, start, raw);
      if (link) links.push(link);
    }
  }
  return links;
}

function toLink(uri: string, line: number, start: number, raw: string): RelativeLink | undefined {
  const angled = raw.startsWith('<');
  const destination = angled ? raw.slice(1, -1) : raw;
  const offset = start + (angled ? 1 : 0);
  const pathEnd = destination.search(/[?#]/);
  const path = pathEnd < 0 ? destination : destination.slice(0, pathEnd);
  const resolvedPath = resolveRelative(uri, path);
  if (resolvedPath === undefined) return undefined;
  const nameStart = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
  const fileName = path.slice(nameStart);
  const character = offset + nameStart;
  return { resolvedPath, fileName, fileNameRange: { start: { line, character }, end: { line, character: character + fileName.length } } };
}
