import { parseFrontMatter, splitLines, type FrontMatter } from './frontMatter';
import { scanOutline, type Outline } from './outline';
import { findReferences, type Reference } from './references';
import type { TextDocumentLike } from './text';

/** Everything the features read from one document version. References are computed on first use. */
export interface ParsedDocument {
  readonly text: string;
  readonly lines: readonly string[];
  readonly frontMatter: FrontMatter;
  readonly outline: Outline;
  references(prefixes: readonly string[]): readonly Reference[];
}

export function parseDocumentText(text: string): ParsedDocument {
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(text, lines);
  const outline = scanOutline(text, lines);
  let cached: { key: string; references: Reference[] } | undefined;
  return {
    text,
    lines,
    frontMatter,
    outline,
    references(prefixes) {
      const key = prefixes.join('\u0000');
      if (cached?.key !== key) cached = { key, references: findReferences(lines, frontMatter, outline, prefixes, text) };
      return cached.references;
    },
  };
}

/** Parse results cached per (uri, version), so every provider shares one parse of each version. */
export class ParseCache {
  // The document itself is kept too: a closed untitled document's uri (`Untitled-1`) and version come back with the
  // next new one, and its close event may arrive after that one opens.
  private readonly entries = new Map<string, { source: TextDocumentLike; version: number; parsed: ParsedDocument }>();

  get(document: TextDocumentLike): ParsedDocument {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version && entry.source === document) return entry.parsed;
    const parsed = parseDocumentText(document.getText());
    this.entries.set(key, { source: document, version: document.version, parsed });
    return parsed;
  }

  evict(uri: { toString(): string }): void {
    this.entries.delete(uri.toString());
  }

  clear(): void {
    this.entries.clear();
  }
}
