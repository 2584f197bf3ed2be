import type { Node as YamlNode } from 'yaml';
import { yamlLibrary } from './yamlLibrary';
import { BOM, LineIndex, detectEol, type Range } from './text';

export interface FrontMatterField {
  readonly key: string;
  readonly value: unknown;
  /** Source text of the value, without a trailing comment; '' when empty. */
  readonly text: string;
  readonly keyRange: Range;
  readonly valueRange: Range;
}

export interface FrontMatterProblem {
  readonly code: 'unclosed' | 'yaml' | 'notMap' | 'aliases' | 'limit';
  readonly message: string;
  readonly range: Range;
}

export interface FrontMatter {
  /** 'none': the text does not start with `---`. */
  readonly kind: 'none' | 'closed' | 'unclosed';
  /** Line of the closing delimiter; for an unclosed block, the last line. -1 when none. */
  readonly endLine: number;
  /** First line after the front matter. */
  readonly bodyStartLine: number;
  /** The parsed map; undefined when there is no front matter or it is not a usable map. */
  readonly data: Readonly<Record<string, unknown>> | undefined;
  readonly fields: readonly FrontMatterField[];
  readonly problems: readonly FrontMatterProblem[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
/** Bounds alias expansion, so an alias bomb costs microseconds and yields a problem, not a hang. */
const MAX_ALIAS_COUNT = 100;
/**
 * Bounds nesting before `yaml` sees the text: it recurses once per level, and near the stack limit
 * V8 can abort the whole process (a fatal RegExpCompiler OOM), not just throw. It overflows at
 * about 800 levels; no real front matter comes near this.
 */
const MAX_NESTING = 100;
/**
 * Bounds the text `yaml` reads (flat `key: value` front matter takes the fast path, whatever its
 * size): it compares every key with every other one of its map, quadratic in the keys, and a
 * line of `[a][a]…` costs it an error object per bracket, a second per 50 KB.
 */
const MAX_YAML_LINES = 1000;
const MAX_YAML_LENGTH = 32 * 1024;
const MAX_PROBLEMS = 20;

export function splitLines(text: string): string[] {
  // A plain string split is twice as fast as the regex one; most files have no \r.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** Finds the leading `---` block. Lines are the text's lines (see splitLines). */
export function locateFrontMatter(lines: readonly string[]): { kind: FrontMatter['kind']; endLine: number } {
  const first = lines[0]?.startsWith(BOM) ? lines[0].slice(1) : lines[0];
  if (first === undefined || !OPEN.test(first)) return { kind: 'none', endLine: -1 };
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i])) return { kind: 'closed', endLine: i };
  }
  return { kind: 'unclosed', endLine: lines.length - 1 };
}

export function parseFrontMatter(text: string, lines: readonly string[] = splitLines(text)): FrontMatter {
  const { kind, endLine } = locateFrontMatter(lines);
  if (kind === 'none') return { kind, endLine, bodyStartLine: 0, data: undefined, fields: [], problems: [] };
  if (kind === 'unclosed') {
    const openLength = lines[0].length;
    return {
      kind,
      endLine,
      bodyStartLine: lines.length,
      data: undefined,
      fields: [],
      problems: [{ code: 'unclosed', message: 'Front matter is not closed: add a `---` line after it.', range: lineSpan(0, 0, openLength) }],
    };
  }
  const parsed = parseFlat(lines, 1, endLine) ?? parseWithYaml(lines, 1, endLine);
  return { kind, endLine, bodyStartLine: endLine + 1, ...parsed };
}

type ParsedContent = Pick<FrontMatter, 'data' | 'fields' | 'problems'>;

const FLAT_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEYWORD = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|\.(?:inf|Inf|INF|nan|NaN|NAN))$/;
// First characters that give a plain YAML scalar another meaning, or a number.
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`+.0-9]/;

/**
 * Fast path for flat `key: plain scalar` front matter, the overwhelmingly common shape.
 * Returns undefined on anything it is not sure about, and the caller falls back to `yaml`.
 * test/unit/frontMatterEquivalence.test.ts checks that both paths agree.
 */
function parseFlat(lines: readonly string[], from: number, to: number): ParsedContent | undefined {
  const data: Record<string, unknown> = {};
  const fields: FrontMatterField[] = [];
  for (let line = from; line < to; line++) {
    const source = lines[line];
    if (source.length === 0 || source.charCodeAt(0) === 35 /* # */) continue;
    if (source.includes('\t')) return undefined;
    const match = FLAT_LINE.exec(source);
    if (!match) return undefined;
    const key = match[1];
    // `null: x` or `True: x` are keys that YAML reads as other types; leave them to it.
    if (Object.prototype.hasOwnProperty.call(data, key) || key === '__proto__' || KEYWORD.test(key)) return undefined;
    const afterColon = match[2] ?? '';
    const comment = afterColon.startsWith('#') ? 0 : afterColon.indexOf(' #');
    // Only spaces end a plain scalar (tabs went to yaml above): a no-break space is part of the value.
    const raw = trimTrailingSpaces(comment >= 0 ? afterColon.slice(0, comment) : afterColon);
    const valueStart = source.length - afterColon.length;
    let value: unknown;
    if (raw === '') {
      value = null;
    } else if (ISO_DATE.test(raw)) {
      value = raw;
    } else if (SPECIAL_START.test(raw) || KEYWORD.test(raw) || raw.includes(': ') || raw.endsWith(':')) {
      return undefined;
    } else {
      value = raw;
    }
    data[key] = value;
    fields.push({
      key,
      value,
      text: raw,
      keyRange: lineSpan(line, 0, key.length),
      valueRange: raw === '' ? lineSpan(line, key.length + 1, key.length + 1) : lineSpan(line, valueStart, valueStart + raw.length),
    });
  }
  return { data, fields, problems: [] };
}

/** `value.replace(/ +$/, '')` without the regex, which is quadratic on a long run of inner spaces. */
function trimTrailingSpaces(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 32) end--;
  return end === value.length ? value : value.slice(0, end);
}

function parseWithYaml(lines: readonly string[], from: number, to: number): ParsedContent {
  const { isMap, isScalar, parseDocument } = yamlLibrary();
  const content = lines.slice(from, to).join('\n');
  const index = new LineIndex(content);
  const toRange = (start: number, end: number): Range => {
    const a = index.positionAt(start);
    const b = index.positionAt(Math.max(start, end));
    return { start: { line: a.line + from, character: a.character }, end: { line: b.line + from, character: b.character } };
  };
  const problems: FrontMatterProblem[] = [];
  const limit = overLimit(content, to - from);
  if (limit !== undefined) {
    return { data: undefined, fields: [], problems: [{ code: 'limit', message: `Front matter could not be read: ${limit}.`, range: toRange(0, content.length) }] };
  }
  let doc;
  try {
    // logLevel 'error': no process warnings (a `{{var}}` template value is a map with a map as key).
    doc = parseDocument(content, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  } catch (error) {
    return { data: undefined, fields: [], problems: [{ code: 'yaml', message: messageOf(error), range: toRange(0, content.length) }] };
  }
  // One problem per error, up to a few: a hostile line yields one per bracket, thousands of diagnostics.
  for (const error of doc.errors.slice(0, MAX_PROBLEMS)) {
    problems.push({ code: 'yaml', message: firstLine(error.message), range: toRange(error.pos[0], error.pos[1]) });
  }
  if (problems.length > 0) return { data: undefined, fields: [], problems };

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { data: {}, fields: [], problems };
  }
  if (!isMap(doc.contents)) {
    const [start, end] = doc.contents.range ?? [0, content.length];
    return {
      data: undefined,
      fields: [],
      problems: [{ code: 'notMap', message: 'Front matter must be a map of `key: value` lines.', range: toRange(start, end) }],
    };
  }
  let data: Record<string, unknown>;
  try {
    const js: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    data = isPlainRecord(js) ? js : {};
  } catch (error) {
    return {
      data: undefined,
      fields: [],
      problems: [{ code: 'aliases', message: `Front matter could not be read: ${messageOf(error)}`, range: toRange(0, content.length) }],
    };
  }
  const fields: FrontMatterField[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    if (!isScalar(keyNode) || keyNode.range === undefined || keyNode.range === null) continue;
    // toJS turns a null key into '' and other scalars into their string form; fields agree with data.
    const key = keyNode.value === null ? '' : String(keyNode.value);
    const valueNode = pair.value as YamlNode | null;
    const [keyStart, keyEnd] = keyNode.range;
    const valueSpan = valueNode?.range ?? null;
    const hasValue = valueSpan !== null && valueSpan[1] > valueSpan[0];
    // With no value, point just past the colon, where a value would be typed.
    const colon = content.indexOf(':', keyEnd);
    const emptyAt = colon >= 0 ? colon + 1 : keyEnd;
    // A block scalar's or block collection's range runs on over its trailing line breaks: stop at its text.
    let trimmedEnd = hasValue ? valueSpan[1] : emptyAt;
    while (hasValue && trimmedEnd > valueSpan[0] && /[ \t\n]/.test(content.charAt(trimmedEnd - 1))) trimmedEnd--;
    const [valueStart, valueEnd] = hasValue ? [valueSpan[0], trimmedEnd] : [emptyAt, emptyAt];
    fields.push({
      key,
      value: data[key],
      text: content.slice(valueStart, valueEnd),
      keyRange: toRange(keyStart, keyEnd),
      valueRange: toRange(valueStart, valueEnd),
    });
  }
  return { data, fields, problems };
}

/** Why front matter is too much for `yaml` to read safely, or undefined. */
function overLimit(content: string, lineCount: number): string | undefined {
  if (lineCount > MAX_YAML_LINES) return `it is over ${MAX_YAML_LINES} lines long`;
  if (content.length > MAX_YAML_LENGTH) return `it is over ${MAX_YAML_LENGTH / 1024} KB long`;
  if (nestingBound(content) > MAX_NESTING) return `it nests more than ${MAX_NESTING} levels deep`;
  return undefined;
}

/**
 * An upper bound on how deeply YAML text nests, in one linear pass: open flow brackets, plus
 * twice the number of indentation levels (a sequence may sit at its key's indentation), plus the
 * `- `, `? ` and `: ` indicators on a line. Brackets in quoted strings count too: it only has to
 * be an upper bound.
 */
function nestingBound(content: string): number {
  const indents: number[] = [];
  let flow = 0;
  let maxFlow = 0;
  let maxBlock = 0;
  let lineStart = true;
  let indent = 0;
  let indicators = 0;
  for (let i = 0; i < content.length; i++) {
    const code = content.charCodeAt(i);
    if (code === 10 /* \n */) {
      lineStart = true;
      indent = 0;
      indicators = 0;
      continue;
    }
    if (lineStart) {
      if (code === 32) {
        indent++;
        continue;
      }
      lineStart = false;
      while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
    }
    if (code === 91 /* [ */ || code === 123 /* { */) maxFlow = Math.max(maxFlow, ++flow);
    else if ((code === 93 /* ] */ || code === 125 /* } */) && flow > 0) flow--;
    else if (code === 45 /* - */ || code === 63 /* ? */ || code === 58 /* : */) {
      const next = content.charCodeAt(i + 1);
      if (Number.isNaN(next) || next === 32 || next === 10) maxBlock = Math.max(maxBlock, 2 * indents.length + ++indicators);
    }
    maxBlock = Math.max(maxBlock, 2 * indents.length);
  }
  return maxFlow + maxBlock;
}

export function getField(frontMatter: FrontMatter, key: string): FrontMatterField | undefined {
  return frontMatter.fields.find((field) => field.key === key);
}

/** A front-matter value as a trimmed string, or undefined when absent, empty or not a scalar. */
export function stringValue(data: Readonly<Record<string, unknown>> | undefined, key: string): string | undefined {
  const value = data?.[key];
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

/** Formats a value for a `key: value` line, quoting only when YAML needs it. */
export function formatYamlScalar(value: string | null): string {
  if (value === null || value === '') return '';
  const singleLine = value.replace(/[\r\n]+/g, ' ');
  // No block scalars: `---` alone would come out as `|-` and a second line.
  // Only the final line break goes: trimEnd would also take a no-break space that is part of the value.
  return yamlLibrary().stringify(singleLine, { lineWidth: 0, blockQuote: false }).replace(/\n$/, '');
}

export interface FrontMatterEdit {
  /** Offsets in the original text: replace [start, end) with newText. */
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * The smallest edit that sets one key, leaving every other byte as it was. A missing key goes
 * where `order` (the template's keys) puts it: before the first present key that comes after
 * it there, else before the closing delimiter. A missing block is added at the top. Returns
 * undefined when the front matter is unclosed or invalid, because editing it could lose text.
 */
export function frontMatterEdit(text: string, key: string, value: string | null, order: readonly string[] = []): FrontMatterEdit | undefined {
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(text, lines);
  const index = new LineIndex(text);
  const eol = detectEol(text);
  const formatted = formatYamlScalar(value);
  if (frontMatter.kind === 'none') {
    const at = text.startsWith(BOM) ? 1 : 0;
    return { start: at, end: at, newText: `---${eol}${key}:${formatted ? ' ' + formatted : ''}${eol}---${eol}` };
  }
  if (frontMatter.kind === 'unclosed' || frontMatter.data === undefined) return undefined;
  const field = getField(frontMatter, key);
  if (field) {
    let start = index.offsetAt(field.valueRange.start);
    const end = index.offsetAt(field.valueRange.end);
    // Already written so, and read so (`a: !` reads as '', not as null): nothing to change.
    if (text.slice(start, end) === formatted && field.value === (formatted === '' ? null : value)) return { start, end, newText: formatted };
    // A block value below its key (a list, say): the one-line value goes right after the colon.
    if (field.valueRange.start.line > field.keyRange.end.line) start = text.indexOf(':', index.offsetAt(field.keyRange.end)) + 1;
    // An empty value sits right after the colon: keep one space between them.
    const separator = formatted !== '' && text.charAt(start - 1) === ':' ? ' ' : '';
    return verified(text, key, value, { start, end, newText: separator + formatted }, frontMatter.data);
  }
  const insertLine = insertionLine(frontMatter, key, order);
  const lineStart = index.offsetAt({ line: insertLine, character: 0 });
  return verified(text, key, value, { start: lineStart, end: lineStart, newText: `${key}:${formatted ? ' ' + formatted : ''}${eol}` }, frontMatter.data);
}

/** The line a missing key is inserted before: the first present key that `order` puts after it, else the closing `---`. */
function insertionLine(frontMatter: FrontMatter, key: string, order: readonly string[]): number {
  const rank = order.indexOf(key);
  if (rank < 0) return frontMatter.endLine;
  for (const field of frontMatter.fields) {
    const other = order.indexOf(field.key);
    if (other > rank) return field.keyRange.start.line;
  }
  return frontMatter.endLine;
}

/**
 * The edit, if the front matter still reads as a map with the value under the key and every other
 * key as before; otherwise undefined.
 */
function verified(text: string, key: string, value: string | null, edit: FrontMatterEdit, before: Readonly<Record<string, unknown>>): FrontMatterEdit | undefined {
  // An anchor used elsewhere, say, would make the edited YAML invalid: refuse rather than break it.
  const after = parseFrontMatter(applyEdit(text, edit)).data;
  const expected = value === null || value === '' ? null : value.replace(/[\r\n]+/g, ' ');
  if (after === undefined || !Object.prototype.hasOwnProperty.call(after, key) || after[key] !== expected) return undefined;
  // And an anchored value's aliases would silently take the new value (`last_updated: *day`).
  for (const other of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (other !== key && !sameValue(before[other], after[other])) return undefined;
  }
  return edit;
}

/** Deep equality of values as `yaml` reads them: scalars, arrays and plain objects. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainRecord(a) && isPlainRecord(b) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

export function applyEdit(text: string, edit: FrontMatterEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/** Sets one front-matter key; see frontMatterEdit. */
export function setFrontMatterValue(text: string, key: string, value: string | null, order?: readonly string[]): string | undefined {
  const edit = frontMatterEdit(text, key, value, order);
  return edit ? applyEdit(text, edit) : undefined;
}

function lineSpan(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function firstLine(message: string): string {
  const cut = message.indexOf(' at line ');
  return (cut > 0 ? message.slice(0, cut) : message.split('\n')[0]).trim();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : String(error);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
