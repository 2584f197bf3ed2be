import { parseId } from './ids';
import { slugify } from './template';

export interface KnownDocument {
  readonly id: string;
  readonly title?: string;
}

/**
 * Known ids of the same prefix closest to an unknown one: first those whose title shares words
 * with the line that cites it, then those one mistyped digit away, then by numeric distance.
 */
export function closestIds(unknown: string, known: readonly KnownDocument[], context = '', limit = 3): KnownDocument[] {
  const target = parseId(unknown);
  if (!target) return [];
  const words = wordsOf(context);
  const scored = known
    .map((document) => ({ document, parsed: parseId(document.id) }))
    .filter((entry) => entry.parsed !== undefined && entry.parsed.prefix === target.prefix && entry.document.id !== unknown)
    .map(({ document, parsed }) => ({
      document,
      overlap: [...wordsOf(document.title ?? '')].filter((word) => words.has(word)).length,
      typo: digitTypos(parsed!.digits, target.digits),
      distance: Math.abs(parsed!.number - target.number),
    }));
  // One mistyped digit is as close as it gets; past that, numeric distance decides.
  const near = (typo: number) => (typo <= 1 ? 0 : 1);
  scored.sort((a, b) => b.overlap - a.overlap || near(a.typo) - near(b.typo) || a.distance - b.distance || a.document.id.localeCompare(b.document.id));
  return scored.slice(0, limit).map((entry) => entry.document);
}

/** A new document that owns `id`: front matter with its id field, a title and a status, and a heading. */
export function stubDocument(id: string, idField: string, title: string, status: string, eol = '\n'): string {
  const heading = title.trim() === '' ? id : `${id}: ${title.trim()}`;
  const lines = ['---', `${idField}: ${id}`, `title: ${yamlText(title.trim())}`, `status: ${status}`, '---', '', `# ${heading}`, ''];
  return lines.join(eol);
}

/** The id field a new document of a prefix declares: `rfc_id` for RFC when that is an id field, else `id`. */
export function idFieldFor(prefix: string, idFields: readonly string[], specPrefix: string): string {
  if (prefix === specPrefix && idFields.includes('tech_spec_id')) return 'tech_spec_id';
  const own = `${prefix.toLowerCase()}_id`;
  if (idFields.includes(own)) return own;
  return idFields.includes('id') ? 'id' : (idFields[0] ?? 'id');
}

/** `RFC-0999-short-title.md`, or `RFC-0999.md` without a title. */
export function stubFileName(id: string, title: string): string {
  return title.trim() === '' ? `${id}.md` : `${id}-${slugify(title)}.md`;
}

function yamlText(value: string): string {
  if (value === '') return '';
  // Plain when YAML reads it back as the same string; else double-quoted with JSON escapes, which YAML accepts.
  return /^[A-Za-z0-9][^:#]*$/.test(value) && !/\s$/.test(value) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.+-]+$/.test(value)
    ? value
    : JSON.stringify(value);
}

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3));
}

/** How many edits turn one id's digits into the other's, zero-padded to the same width. */
function digitTypos(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  return editDistance(a.padStart(width, '0'), b.padStart(width, '0'));
}

/** Levenshtein distance of two short strings (digits of ids). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
