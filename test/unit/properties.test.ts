// Properties of the core's entry points, checked by fast-check on generated input: Markdown-ish
// documents built from tricky fragments, front matter from arbitrary keys and values, and fully
// random strings. A failure prints the shrunk counterexample and the seed that reproduces it.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CONFIG, type TechSpecConfig } from '../../src/core/config';
import { applyEdit, frontMatterEdit, parseFrontMatter, setFrontMatterValue, splitLines } from '../../src/core/frontMatter';
import { completionContext } from '../../src/core/frontMatterCompletion';
import { buildTemplateModel, lintSpec } from '../../src/core/lint';
import { findPlaceholders } from '../../src/core/lint/templateModel';
import { parseDocumentText, type ParsedDocument } from '../../src/core/parse';
import { SpecIndex } from '../../src/core/specIndex';
import { skippedSummary, summarize } from '../../src/core/summary';
import { LineIndex, type Position, type Range } from '../../src/core/text';
import { readTemplate } from '../support/fixtures';

const PREFIXES = ['TS', 'RFC', 'PRD', 'A+B', '(X', 'T.S'];
const CONFIG: TechSpecConfig = { ...DEFAULT_CONFIG, specsFolder: '.', referencePrefixes: PREFIXES };
const TEMPLATE = buildTemplateModel(readTemplate());
const TODAY = '2026-06-01';
const URI = 'file:///w/TS-0001-x.md';
/** Enough runs to find the usual suspects in a few seconds; TECHSPEC_FC_SCALE=50 digs deeper. */
const SCALE = Math.max(1, Number(process.env.TECHSPEC_FC_SCALE) || 1);
const runs = (numRuns: number) => ({ numRuns: numRuns * SCALE });
const RUNS = runs(300);

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Fragments that mean something to Markdown, YAML, the id scanner or the line splitter. */
const FRAGMENTS = [
  '---', '```', '~~~', '#', '# x', '## Implementation Checklist', 'x', '===', '- [ ] a', '* [x] b', '> q', '    code',
  'RFC-0007', '`TS-1`', '[a](RFC-2)', '<https://x.example/RFC-3>', 'http://x.example/TS-4', '[^TS-5]', 'A+B-0001', '(X-0002', 'T.S-0003',
  '\r\n', '\r', '\n', '\t', '\uFEFF', '\uD800', '\u0000', ' ', '   ', ':', ': ', '- ', '1. ', '|', '| a | b |', '|---|---|', '[Name]', '[', ']', '(', ')',
  '<', '>', '*', '**', '_', '&', '&amp;', '&#0;', '\\', '"', "'", '{', '}', '&a ', '*a', '...', 'tech_spec_id: TS-0001', 'title: T', 'status: DRAFT',
  'created: 2024-01-01', 'last_updated: 2099-01-01', 'décision', '日本語', '😀',
];

const fragmentLine = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 5 }).map((parts) => parts.join(''));
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** Lines of fragments, each with its own line break. */
const markdownish = fc.array(fc.tuple(fragmentLine, eol), { maxLength: 25 }).map((lines) => lines.map(([line, end]) => line + end).join(''));

/** A `---` block of fragment lines, then a Markdown-ish body. */
const withFrontMatter = fc
  .tuple(fc.boolean(), fc.array(fragmentLine, { maxLength: 8 }), fc.constantFrom('---', '...', ''), eol, markdownish)
  .map(([bom, lines, close, end, body]) => `${bom ? '\uFEFF' : ''}---${end}${lines.map((line) => line + end).join('')}${close}${end}${body}`);

const randomText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

const anyText = fc.oneof(markdownish, withFrontMatter, randomText);

// ---------------------------------------------------------------------------------------------
// Helpers

function lintOf(parsed: ParsedDocument, uri = URI) {
  return lintSpec({ uri, parsed, template: TEMPLATE, config: CONFIG, workspace: { owners: () => [] }, today: TODAY });
}

/** Positions in every line of the text, from two numbers. */
function positionIn(parsed: ParsedDocument, a: number, b: number): Position {
  const line = a % parsed.lines.length;
  return { line, character: b % (parsed.lines[line].length + 1) };
}

/** Every range the entry points hand out for a text, with where it came from. */
function everyRange(text: string, probes: ReadonlyArray<readonly [number, number]>): Array<[string, Range]> {
  const parsed = parseDocumentText(text);
  const ranges: Array<[string, Range]> = [];
  for (const field of parsed.frontMatter.fields) ranges.push([`key ${field.key}`, field.keyRange], [`value of ${field.key}`, field.valueRange]);
  for (const problem of parsed.frontMatter.problems) ranges.push([`problem ${problem.code}`, problem.range]);
  for (const reference of parsed.references(PREFIXES)) ranges.push([`reference ${reference.id}`, reference.range]);
  for (const finding of lintOf(parsed)) ranges.push([`finding ${finding.code}`, finding.range]);
  for (const [a, b] of probes) {
    const position = positionIn(parsed, a, b);
    const context = completionContext(parsed, position);
    if (context) ranges.push([`completion at ${position.line}:${position.character}`, context.range]);
  }
  const lines = parsed.lines.length;
  for (const heading of parsed.outline.headings) {
    const span = { start: { line: heading.line, character: 0 }, end: { line: heading.sectionEndLine, character: 0 } };
    ranges.push([`heading ${heading.text}`, span]);
    assert.ok(heading.line <= heading.endLine && heading.endLine <= heading.sectionEndLine, `heading ${heading.line}-${heading.endLine}-${heading.sectionEndLine}`);
  }
  for (const task of parsed.outline.tasks) ranges.push([`task`, { start: { line: task.line, character: 0 }, end: { line: task.line, character: 0 } }]);
  for (const fence of parsed.outline.fences) ranges.push([`fence`, { start: { line: fence.start, character: 0 }, end: { line: fence.end, character: 0 } }]);
  assert.equal(parsed.outline.lineCount, lines);
  return ranges;
}

function assertInside(lines: readonly string[], [label, range]: [string, Range]): void {
  for (const position of [range.start, range.end]) {
    assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < lines.length, `${label}: line ${position.line} of ${lines.length}`);
    const length = lines[position.line].length;
    assert.ok(Number.isInteger(position.character) && position.character >= 0 && position.character <= length, `${label}: character ${position.character} of ${length}`);
  }
  const order = range.start.line - range.end.line || range.start.character - range.end.character;
  assert.ok(order <= 0, `${label}: ends before it starts`);
}

const probes = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 });

// ---------------------------------------------------------------------------------------------

describe('properties (fast-check)', function () {
  this.timeout(60_000);

  describe('any text', () => {
    it('never makes parse, summarize, the checks, references or completion throw', () => {
      fc.assert(
        fc.property(anyText, probes, (text, points) => {
          const parsed = parseDocumentText(text);
          summarize(URI, text, CONFIG, parsed);
          summarize('file:///w/100%25%20odd%.md', text, CONFIG);
          parsed.references(PREFIXES);
          parsed.references([]);
          lintOf(parsed);
          lintOf(parsed, 'file:///w/RFC-0007-x%.md');
          for (const [a, b] of points) completionContext(parsed, positionIn(parsed, a, b));
        }),
        RUNS,
      );
    });

    it('hands out ranges inside the document: line < line count, character <= line length', () => {
      fc.assert(
        fc.property(anyText, probes, (text, points) => {
          const lines = splitLines(text);
          // The core's lines are VS Code's: a line ends at \n, \r\n or a lone \r.
          assert.equal(lines.length, new LineIndex(text).lineCount);
          for (const entry of everyRange(text, points)) assertInside(lines, entry);
        }),
        RUNS,
      );
    });

    it('parses deterministically: the same text gives equal results', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const a = parseDocumentText(text);
          const b = parseDocumentText(text);
          assert.deepEqual({ ...a, references: a.references(PREFIXES) }, { ...b, references: b.references(PREFIXES) });
          assert.deepEqual(summarize(URI, text, CONFIG, a), summarize(URI, text, CONFIG));
          assert.deepEqual(lintOf(a), lintOf(b));
        }),
        RUNS,
      );
    });

    it('finds placeholders exactly where the regex it replaces did', () => {
      const regex = /\[([^\]\n]+)\](?![(:[])/g;
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('[', ']', '(', ':', 'a', ' ', '!', '^', '\n'), maxLength: 30 }), (line) => {
          const expected = [...line.matchAll(regex)].map((match) => ({ text: match[0], inner: match[1], index: match.index }));
          assert.deepEqual(findPlaceholders(line), expected);
        }),
        runs(1000),
      );
    });
  });

  describe('setting a front-matter key', () => {
    const KEYS = [
      'tech_spec_id', 'title', 'status', 'author', 'created', 'last_updated', 'decision_ref', 'related_prd',
      'x-custom', 'snake_key', '_p', 'a1', 'Title', 'yes', 'on', 'constructor', 'toString', 'hasOwnProperty',
    ];
    const key = fc.oneof(fc.constantFrom(...KEYS), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/));
    /** Raw value text as someone might type it after `key:`; a leading \n makes a block value. */
    const rawValue = fc.oneof(
      fc.constantFrom(
        '', 'DRAFT', '2024-01-15', '2024-1-5', 'a # comment', '# only a comment', '"quoted"', "'single'", '"a # b"', '[a, b]', '{a: 1}', 'a, b',
        'x:y', 'TS-0001', 'RFC-0007 and PRD-2', 'http://x.example/a#b', '1.5', '0x1F', '~', 'null', 'true', 'yes', 'NO', '日本語', '😀 emoji',
        'a\u00a0', 'tab\there', '\n  - a\n  - b', '\n  - a\n\n  - b', '\n  nested: 1\n  other: [x]', '|\n  line one\n  line two', '>-\n  folded',
        '"multi\n  line"', '[a,\n  b]', '- not a list', '&anchor x', '*anchor', '&list [a]', '*list', '*alias', '!!str 12', '@at', '`tick`', '%pct', ': x', '---', '...',
      ),
      fc.string({ maxLength: 12 }),
    );
    /** Values to set: a null or '' empties the key; line breaks fold to spaces. */
    const newValue = fc.oneof(
      fc.constant(null),
      fc.constantFrom('', 'APPROVED', '2024-02-29', 'TS-0042', '#hash', 'a #b', ': x', 'x:', '- x', '[x]', '{x}', '"q"', "'q'", 'null', 'true', '1', '0.5',
        '---', '...', ' lead', 'trail ', 'line\nbreak', 'cr\r\nlf', '\u00a0nbsp', '&a', '*a', '|', '>', '%', '@', '`', '!', 'é', '😀', '\\', 'a: b # c'),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ maxLength: 20 }),
    );
    const entry = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(key, rawValue).map(([k, v]) => (v === '' ? `${k}:` : v.startsWith('\n') ? `${k}:${v}` : `${k}: ${v}`)) },
      { weight: 1, arbitrary: fc.constantFrom('# a comment', '', '   ') },
    );
    const document = fc.record({
      shape: fc.constantFrom('closed', 'closed', 'closed', 'closed', 'dots', 'unclosed', 'none'),
      bom: fc.boolean(),
      eol: fc.constantFrom('\n', '\n', '\r\n'),
      entries: fc.array(entry, { maxLength: 8 }),
      body: markdownish,
    });
    const render = ({ shape, bom, eol: end, entries, body }: { shape: string; bom: boolean; eol: string; entries: string[]; body: string }) => {
      const lines = entries.map((line) => line.replace(/\n/g, end));
      const block = shape === 'none' ? '' : `---${end}${lines.map((line) => line + end).join('')}${shape === 'closed' ? `---${end}` : shape === 'dots' ? `...${end}` : ''}`;
      return `${bom ? '\uFEFF' : ''}${block}${shape === 'none' ? body.replace(/^(?:\uFEFF)?---/, 'x') : body}`;
    };
    /** Picks one of the document's keys most of the time, else a new one. */
    const setKey = (text: string, pick: number, fresh: string) => {
      const fields = parseFrontMatter(text).fields;
      return fields.length > 0 && pick % 4 !== 0 ? fields[pick % fields.length].key : fresh;
    };

    it('changes only that key’s lines, reads back as the value, or refuses only broken front matter', () => {
      fc.assert(
        fc.property(document, fc.nat(), key, newValue, (spec, pick, fresh, value) => {
          const text = render(spec);
          const before = parseFrontMatter(text);
          const target = setKey(text, pick, fresh);
          const edit = frontMatterEdit(text, target, value);
          if (edit === undefined) {
            // Editing unclosed or invalid front matter could lose text: refusing is the contract. So is
            // refusing what would change another key (an anchor's aliases) or break a tag (`!!int x`).
            const properties = /(?:^|[\s:,[{-])[&!]/m.test(text.split(/\r?\n|\r/).slice(1, Math.max(1, before.endLine)).join('\n'));
            assert.ok(before.kind === 'unclosed' || before.data === undefined || properties, `refused an edit of valid front matter: ${JSON.stringify(text)}`);
            assert.equal(setFrontMatterValue(text, target, value), undefined);
            return;
          }
          const after = applyEdit(text, edit);
          assert.equal(setFrontMatterValue(text, target, value), after);
          const index = new LineIndex(text);
          const field = before.fields.find((candidate) => candidate.key === target);
          if (before.kind === 'none') {
            // A new block at the top, after a BOM; everything else follows unchanged.
            const at = text.startsWith('\uFEFF') ? 1 : 0;
            assert.equal(edit.start, at);
            assert.equal(edit.end, at);
            assert.match(edit.newText, /^---(\r?\n)[^\r\n]*\1---\1$/);
          } else if (field) {
            // Inside the key's own lines: from its line's start to the end of its value's last line.
            const first = index.offsetAt({ line: field.keyRange.start.line, character: 0 });
            const lastLine = Math.max(field.keyRange.end.line, field.valueRange.end.line);
            const last = index.offsetAt({ line: lastLine, character: index.lineLength(lastLine) });
            assert.ok(first <= edit.start && edit.start <= edit.end && edit.end <= last, `edit ${edit.start}-${edit.end} outside ${first}-${last}`);
            assert.doesNotMatch(edit.newText, /[\r\n]/);
          } else {
            // A new line right before the closing delimiter.
            const closing = index.offsetAt({ line: before.endLine, character: 0 });
            assert.equal(edit.start, closing);
            assert.equal(edit.end, closing);
            assert.match(edit.newText, /^[^\r\n]*\r?\n$/);
            assert.ok(edit.newText.endsWith(text.includes('\r\n') && text.indexOf('\n') === text.indexOf('\r\n') + 1 ? '\r\n' : '\n'));
          }
          const reread = parseFrontMatter(after);
          assert.ok(reread.data, `unreadable after the edit: ${JSON.stringify(after)}`);
          const expected = value === null || value === '' ? null : value.replace(/[\r\n]+/g, ' ');
          assert.deepEqual(reread.data[target], expected);
          for (const [other, otherValue] of Object.entries(before.data ?? {})) {
            if (other !== target) assert.deepEqual(reread.data[other], otherValue, `${other} changed`);
          }
          assert.equal(Object.keys(reread.data).length, Object.keys(before.data ?? {}).length + (field || Object.prototype.hasOwnProperty.call(before.data ?? {}, target) ? 0 : 1));
        }),
        runs(500),
      );
    });

    it('setting a key to the value it reads as leaves the text as it is, or nearly', () => {
      fc.assert(
        fc.property(document, fc.nat(), (spec, pick) => {
          const text = render(spec);
          const before = parseFrontMatter(text);
          const field = before.fields[pick % Math.max(1, before.fields.length)];
          if (!field || typeof field.value !== 'string' || field.valueRange.start.line !== field.valueRange.end.line) return;
          const once = setFrontMatterValue(text, field.key, field.value);
          if (once === undefined) return;
          // Setting it again changes nothing: the edit is idempotent.
          assert.equal(setFrontMatterValue(once, field.key, field.value), once);
        }),
        RUNS,
      );
    });
  });

  describe('the workspace index', () => {
    const URIS = ['file:///w/TS-0001-a.md', 'file:///w/TS-0002-b.md', 'file:///w/RFC-0007-c.md', 'file:///w/notes.md', 'file:///w/sub/TS-0001-dup.md', 'file:///w/100%25.md'];
    const specText = fc
      .record({
        idField: fc.constantFrom('tech_spec_id', 'rfc_id', 'id', 'other'),
        id: fc.constantFrom('TS-0001', 'TS-0002', 'TS-0003', 'RFC-0007', 'PRD-0012', 'not an id', ''),
        status: fc.option(fc.constantFrom('DRAFT', 'APPROVED', 'draft', '', 'IMPLEMENTED'), { nil: undefined }),
        broken: fc.constantFrom('', '', '', 'title: [unclosed', 'a: 1\na: 2'),
        closed: fc.boolean(),
        body: markdownish,
      })
      .map(({ idField, id, status, broken, closed, body }) =>
        ['---', `${idField}: ${id}`, ...(status === undefined ? [] : [`status: ${status}`]), ...(broken ? [broken] : []), ...(closed ? ['---'] : []), body].join('\n'),
      );
    const op = fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('upsert' as const), uri: fc.constantFrom(...URIS), text: fc.oneof({ weight: 4, arbitrary: specText }, { weight: 1, arbitrary: anyText }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), uri: fc.constantFrom(...URIS) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('skip' as const), uri: fc.constantFrom(...URIS) }) },
    );
    type Op = { kind: 'upsert'; uri: string; text: string } | { kind: 'remove'; uri: string } | { kind: 'skip'; uri: string };

    const snapshot = (index: SpecIndex) => {
      const byUri = (a: { uri: string }, b: { uri: string }) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
      const ids = index.knownIds().sort();
      const statuses = index.statuses().sort();
      return {
        all: index.all().sort(byUri),
        specs: index.specs().sort(byUri),
        size: index.size,
        ids,
        owners: ids.map((id) => [id, index.owners(id).map((owner) => owner.uri)]),
        statuses,
        byStatus: statuses.map((status) => [status, index.byStatus(status).map((spec) => spec.uri).sort()]),
        tsIds: index.knownIds('TS').sort(),
      };
    };

    it('after any sequence of upserts and removes equals a rebuild from the files that remain', () => {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 30 }), fc.boolean(), (ops: Op[], reverse) => {
          const incremental = new SpecIndex(CONFIG);
          const files = new Map<string, Op>();
          for (const step of ops) {
            if (step.kind === 'upsert') incremental.upsert(step.uri, step.text);
            else if (step.kind === 'skip') incremental.set(skippedSummary(step.uri, 'not parsed: binary file (contains NUL bytes)', 10));
            else incremental.remove(step.uri);
            if (step.kind === 'remove') files.delete(step.uri);
            else files.set(step.uri, step);
          }
          const rebuilt = new SpecIndex(CONFIG);
          const remaining = [...files.values()];
          for (const step of reverse ? remaining.reverse() : remaining) {
            if (step.kind === 'upsert') rebuilt.upsert(step.uri, step.text);
            else rebuilt.set(skippedSummary(step.uri, 'not parsed: binary file (contains NUL bytes)', 10));
          }
          assert.deepEqual(snapshot(incremental), snapshot(rebuilt));
          // And each summary is what summarize makes of the file's text now.
          for (const step of remaining) if (step.kind === 'upsert') assert.deepEqual(incremental.get(step.uri), summarize(step.uri, step.text, CONFIG));
        }),
        runs(200),
      );
    });
  });
});
