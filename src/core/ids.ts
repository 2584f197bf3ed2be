import { escapeRegExp } from './text';

export interface ParsedId {
  readonly prefix: string;
  readonly digits: string;
  readonly number: number;
}

/** A prefix that can stand in an id: letters first, then letters, digits or underscores. */
export const PREFIX_SHAPE = /^[A-Za-z][A-Za-z0-9_]*$/;

export function isValidPrefix(prefix: string): boolean {
  return PREFIX_SHAPE.test(prefix);
}

/** Matches ids of the given prefixes in running text; the lookarounds stand in for word boundaries. */
export function idRegExp(prefixes: readonly string[], flags = 'g'): RegExp {
  const alternatives = prefixes.filter((prefix) => prefix.length > 0).map(escapeRegExp);
  if (alternatives.length === 0) return /(?!)/g;
  return new RegExp(`(?<![\\w-])(${alternatives.join('|')})-(\\d{1,12})(?![\\w])`, flags);
}

export function parseId(value: string, prefixes?: readonly string[]): ParsedId | undefined {
  const match = /^([A-Za-z][A-Za-z0-9_]*)-(\d{1,12})$/.exec(value.trim());
  if (!match) return undefined;
  if (prefixes && !prefixes.includes(match[1])) return undefined;
  return { prefix: match[1], digits: match[2], number: Number(match[2]) };
}

export function formatId(prefix: string, number: number, digits: number): string {
  return `${prefix}-${String(number).padStart(digits, '0')}`;
}

/** The next id after the highest one in use. Gaps are never reused: a deleted spec's id may still be cited. */
export function nextFreeId(known: Iterable<string>, prefix: string, digits: number): string {
  let highest = 0;
  for (const value of known) {
    const parsed = parseId(value, [prefix]);
    if (parsed && parsed.number > highest) highest = parsed.number;
  }
  return formatId(prefix, highest + 1, digits);
}

/** The id that a file name starts with (`RFC-0007-auth.md` → `RFC-0007`). */
export function idFromFileName(fileName: string, prefixes: readonly string[]): string | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const match = /^([A-Za-z][A-Za-z0-9_]*)-(\d{1,12})(?![\d])/.exec(base);
  if (!match || !prefixes.includes(match[1])) return undefined;
  return `${match[1]}-${match[2]}`;
}
