import { locateFrontMatter } from './frontMatter';

/**
 * A top-level `key:` line of the front matter and the indented or blank lines that continue its
 * value. Read line by line, so it works while the YAML is half typed or invalid (a duplicate key,
 * a bare word on a new line), when the parsed fields are empty.
 */
export interface KeyLine {
  readonly key: string;
  readonly line: number;
  /** Last line of the entry: its own line, or the last indented line of a block value. */
  readonly endLine: number;
  /** The value written on the key's line, without a trailing comment; '' when none. */
  readonly inlineValue: string;
  /** Whether it holds a value, on its line or in indented lines below it. */
  readonly hasValue: boolean;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t]|$)(.*)$/;

/** Every top-level key line between the opening `---` and the closing one (or the end, when unclosed). */
export function scanKeyLines(lines: readonly string[]): KeyLine[] {
  const { kind, endLine } = locateFrontMatter(lines);
  if (kind === 'none') return [];
  const last = kind === 'closed' ? endLine - 1 : endLine;
  const found: KeyLine[] = [];
  for (let line = 1; line <= last; line++) {
    const match = KEY_LINE.exec(lines[line]);
    if (!match) continue;
    let end = line;
    let continued = false;
    // Indented lines belong to this key's value (a list, a block scalar); blank lines only between them.
    for (let next = line + 1; next <= last; next++) {
      const text = lines[next];
      if (/^[ \t]+\S/.test(text)) {
        end = next;
        continued = true;
      } else if (text.trim() !== '') break;
    }
    const inlineValue = stripComment(match[2]).trim();
    found.push({ key: match[1], line, endLine: end, inlineValue, hasValue: inlineValue !== '' || continued });
  }
  return found;
}

/** The keys written in the front matter, valid YAML or not, leaving out one line (where the cursor is). */
export function presentKeys(lines: readonly string[], exceptLine = -1): string[] {
  return scanKeyLines(lines)
    .filter((entry) => entry.line !== exceptLine)
    .map((entry) => entry.key);
}

export interface DuplicateKey {
  readonly key: string;
  readonly first: KeyLine;
  readonly later: KeyLine;
}

/** Keys written twice: the first occurrence and the next one, in line order. */
export function duplicateKeys(lines: readonly string[]): DuplicateKey[] {
  const seen = new Map<string, KeyLine>();
  const duplicates: DuplicateKey[] = [];
  for (const entry of scanKeyLines(lines)) {
    const first = seen.get(entry.key);
    if (!first) seen.set(entry.key, entry);
    else if (!duplicates.some((duplicate) => duplicate.key === entry.key)) duplicates.push({ key: entry.key, first, later: entry });
  }
  return duplicates;
}

export interface LineEdit {
  /** Replace lines [startLine, endLine] (inclusive, whole lines with their line breaks) with `lines`. */
  readonly startLine: number;
  readonly endLine: number;
  readonly lines: readonly string[];
}

export interface DuplicateFix {
  readonly title: string;
  /** Non-overlapping, in line order. */
  readonly edits: readonly LineEdit[];
}

/**
 * How to resolve one duplicate key: when only the later one has a value, the value moves up to
 * the first one's place (the two merge); otherwise the later duplicate goes.
 */
export function duplicateKeyFix(lines: readonly string[], duplicate: DuplicateKey): DuplicateFix {
  const { key, first, later } = duplicate;
  const removeLater: LineEdit = { startLine: later.line, endLine: later.endLine, lines: [] };
  if (!first.hasValue && later.hasValue) {
    const moved = lines.slice(later.line, later.endLine + 1);
    return {
      title: `Merge the two "${key}" keys into one (keeping the value on line ${later.line + 1})`,
      edits: [{ startLine: first.line, endLine: first.endLine, lines: moved }, removeLater],
    };
  }
  const kept = first.inlineValue !== '' ? ` (keeping "${first.inlineValue}")` : '';
  return { title: `Remove the duplicate "${key}" on line ${later.line + 1}${kept}`, edits: [removeLater] };
}

/** `value # comment` → `value`; a `#` inside quotes or a word stays. */
function stripComment(value: string): string {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if ((char === '"' || char === "'") && value.slice(0, i).trim() === '') {
      quote = char;
    } else if (char === '#' && (i === 0 || value[i - 1] === ' ' || value[i - 1] === '\t')) {
      return value.slice(0, i);
    }
  }
  return value;
}
