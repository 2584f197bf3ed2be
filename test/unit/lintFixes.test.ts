// Quick fixes for the spec checks: each edit changes only what it fixes, keeps line breaks, and the finding goes away.
import * as assert from 'node:assert/strict';
import { DEFAULT_STATUSES } from '../../src/core/config';
import { fixFor, type Finding, type FixContext, type RuleCode, type TextEdit } from '../../src/core/lint';
import { parseDocumentText } from '../../src/core/parse';
import type { Position } from '../../src/core/text';
import {
  BASE_FRONT_MATTER,
  FILLED,
  TEMPLATE,
  TODAY,
  codes,
  lint,
  removeSection,
  withCode,
  withFrontMatter,
  type LintOptions,
} from './lintFixtures';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Offsets of line starts; a line ends at \r\n, \n or a lone \r. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

function offsetOf(text: string, starts: readonly number[], position: Position): number {
  assert.ok(position.line >= 0 && position.line < starts.length, `line ${position.line} is outside the text`);
  const lineStart = starts[position.line];
  const next = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  const lineText = text.slice(lineStart, next).replace(/\r?\n$|\r$/, '');
  assert.ok(position.character >= 0 && position.character <= lineText.length, `character ${position.character} is outside line ${position.line}`);
  return lineStart + position.character;
}

interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  readonly order: number;
}

function toOffsets(text: string, edits: readonly TextEdit[]): OffsetEdit[] {
  const starts = lineStarts(text);
  return edits.map((edit, order) => ({
    start: offsetOf(text, starts, edit.range.start),
    end: offsetOf(text, starts, edit.range.end),
    newText: edit.newText,
    order,
  }));
}

/**
 * Applies edits as an editor does: ranges are in the original text and may not overlap; inserts at the
 * same position keep their order (the first edit's text comes first). Applied from the end.
 */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsets = toOffsets(text, edits);
  const sorted = [...offsets].sort((a, b) => a.start - b.start || a.order - b.order);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    assert.ok(current.start >= previous.end, `edits overlap: [${previous.start}, ${previous.end}) and [${current.start}, ${current.end})`);
  }
  let result = text;
  for (const edit of [...sorted].reverse()) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The text must equal `before` with exactly [start, end) replaced: every other byte the same. */
function assertOnlyReplaced(before: string, after: string, start: number, end: number, replacement: string): void {
  assert.equal(after.slice(0, start), before.slice(0, start), 'bytes before the edit changed');
  assert.equal(after.slice(start + replacement.length), before.slice(end), 'bytes after the edit changed');
  assert.equal(after.slice(start, start + replacement.length), replacement);
}

function assertCrlfOnly(text: string): void {
  assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(text), 'a line break that is not CRLF');
}

function context(text: string, nextFreeId = 'TS-0042'): FixContext {
  return { parsed: parseDocumentText(text), template: TEMPLATE, today: TODAY, statuses: DEFAULT_STATUSES, nextFreeId, author: 'Ada Lovelace' };
}

function only(findings: readonly Finding[], code: RuleCode): Finding {
  const matching = withCode(findings, code);
  assert.equal(matching.length, 1, `expected one ${code}, got ${JSON.stringify(findings.map((finding) => finding.message))}`);
  return matching[0];
}

/** Lints, finds the one finding of a code, and applies its fix. */
function fixOne(text: string, code: RuleCode, options: LintOptions = {}, nextFreeId?: string) {
  const finding = only(lint(text, options), code);
  const fix = fixFor(finding, context(text, nextFreeId));
  assert.ok(fix, `no fix for ${code}`);
  return { finding, fix, after: applyEdits(text, fix.edits) };
}

const h2 = (text: string) => text.split(/\r?\n/).filter((line) => line.startsWith('## '));
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// ---------------------------------------------------------------------------------------------

describe('lint fixes', () => {
  describe('the applyEdits helper', () => {
    it('applies edits from the end, keeping the order of inserts at one position', () => {
      const text = 'ab\r\ncd\nef';
      const at = (line: number, character: number) => ({ line, character });
      const result = applyEdits(text, [
        { range: { start: at(2, 0), end: at(2, 0) }, newText: '1' },
        { range: { start: at(2, 0), end: at(2, 0) }, newText: '2' },
        { range: { start: at(0, 1), end: at(1, 1) }, newText: 'X' },
      ]);
      assert.equal(result, 'aXd\n12ef');
      assert.throws(() => applyEdits(text, [
        { range: { start: at(0, 0), end: at(0, 2) }, newText: '' },
        { range: { start: at(0, 1), end: at(0, 2) }, newText: '' },
      ]), /overlap/);
    });
  });

  describe('addKey (TS004)', () => {
    const cases: Array<[string, string]> = [
      ['tech_spec_id', 'tech_spec_id: TS-0042'],
      ['title', 'title: Payment Retries'],
      ['status', 'status: DRAFT'],
      ['author', 'author: Ada Lovelace'],
      ['created', `created: ${TODAY}`],
      ['last_updated', `last_updated: ${TODAY}`],
    ];
    for (const [key, line] of cases) {
      it(`adds "${line}" where the template puts it and nothing else`, () => {
        const before = withFrontMatter({ [key]: null });
        const { finding, fix, after } = fixOne(before, 'TS004', { self: ['TS-0001', 'TS-0042'] });
        assert.deepEqual(finding.fix, { kind: 'addKey', key });
        assert.equal(fix.title, `Add "${key}" to the front matter`);
        // Before the key that follows it in the template (every other key is present here).
        const next = BASE_FRONT_MATTER[BASE_FRONT_MATTER.findIndex(([known]) => known === key) + 1][0];
        const at = before.indexOf(`\n${next}:`) + 1;
        assertOnlyReplaced(before, after, at, at, `${line}\n`);
        assert.equal(after, withFrontMatter({ [key]: line.slice(key.length + 2) }));
        assert.deepEqual(withCode(lint(after, { self: ['TS-0001', 'TS-0042'] }), 'TS004'), []);
      });
    }

    it('keeps CRLF line breaks', () => {
      const before = crlf(withFrontMatter({ status: null }));
      const { after } = fixOne(before, 'TS004');
      const at = before.indexOf('\r\ndecision_ref:') + 2;
      assertOnlyReplaced(before, after, at, at, 'status: DRAFT\r\n');
      assertCrlfOnly(after);
      assert.deepEqual(lint(after), []);
    });

    it('adds an empty author when nobody is known, and TS004 then asks for a value, with no fix', () => {
      const before = withFrontMatter({ author: null });
      const fix = fixFor(only(lint(before), 'TS004'), { ...context(before), author: undefined });
      assert.ok(fix);
      const after = applyEdits(before, fix.edits);
      assert.equal(after, before.replace('\ncreated:', '\nauthor:\ncreated:'));
      const empty = only(lint(after), 'TS004');
      assert.equal(empty.message, 'Front-matter key "author" has no value.');
      assert.equal(fixFor(empty, { ...context(after), author: undefined }), undefined);
    });

    it('fills in an empty key it knows a value for, touching only that value', () => {
      for (const [key, value] of [
        ['author', 'Ada Lovelace'],
        ['title', 'Payment Retries'],
        ['created', TODAY],
        ['tech_spec_id', 'TS-0042'],
      ]) {
        const before = withFrontMatter({ [key]: '' }).replace(`${key}: \n`, `${key}:\n`);
        const { fix, after } = fixOne(before, 'TS004', { self: ['TS-0001', 'TS-0042'] });
        assert.equal(fix.title, `Set "${key}" to ${value}`);
        assert.equal(after, before.replace(`${key}:\n`, `${key}: ${value}\n`));
      }
    });

    it('offers no title while the heading is still the template placeholder', () => {
      const before = withFrontMatter({ title: null }).replace('# TS-0001: Payment Retries', '# TS-0001: [Component/Feature Name]');
      const fix = fixFor(only(lint(before), 'TS004'), context(before));
      assert.ok(fix);
      assert.equal(applyEdits(before, fix.edits), before.replace('\nstatus:', '\ntitle:\nstatus:'));
    });

    it('the first configured status is the default', () => {
      const before = withFrontMatter({ status: null });
      const finding = only(lint(before), 'TS004');
      const fix = fixFor(finding, { ...context(before), statuses: ['PROPOSED', 'ACCEPTED'] });
      assert.ok(fix);
      assert.equal(applyEdits(before, fix.edits), before.replace('\ndecision_ref:', '\nstatus: PROPOSED\ndecision_ref:'));
    });
  });

  describe('setStatus (TS006)', () => {
    for (const [value, status] of [
      ['draft', 'DRAFT'],
      ['Draft', 'DRAFT'],
      ['in-review', 'IN_REVIEW'],
    ]) {
      it(`replaces only the value: ${value} → ${status}, keeping a trailing comment`, () => {
        const before = withFrontMatter(['tech_spec_id: TS-0001', 'title: Payment Retries', `status: ${value}   # lifecycle`, 'author: Ada', 'created: 2026-05-01', `last_updated: 2026-05-20`]);
        const { fix, after } = fixOne(before, 'TS006');
        assert.equal(fix.title, `Change status to ${status}`);
        const start = before.indexOf(`status: ${value}`) + 'status: '.length;
        assertOnlyReplaced(before, after, start, start + value.length, status);
        assert.ok(after.includes(`status: ${status}   # lifecycle\n`));
        assert.deepEqual(lint(after), []);
      });
    }

    it('keeps CRLF line breaks', () => {
      const before = crlf(withFrontMatter({ status: 'draft' }));
      const { after } = fixOne(before, 'TS006');
      assert.equal(after, crlf(withFrontMatter({})));
      assertCrlfOnly(after);
      assert.deepEqual(lint(after), []);
    });

    it('an unknown status without a suggestion has no fix', () => {
      const finding = only(lint(withFrontMatter({ status: 'ON_HOLD' })), 'TS006');
      assert.equal(finding.fix, undefined);
      assert.equal(fixFor(finding, context(withFrontMatter({ status: 'ON_HOLD' }))), undefined);
    });
  });

  describe('touchLastUpdated (TS007, TS008, TS009, TS040)', () => {
    const cases: Array<[RuleCode, Record<string, string>]> = [
      ['TS007', { last_updated: '2026-5-20' }],
      ['TS008', { created: '2026-05-10', last_updated: '2026-05-09' }],
      ['TS009', { last_updated: '2026-07-01' }],
      ['TS040', { created: '2026-03-01', last_updated: '2026-04-01' }],
    ];
    for (const [code, changes] of cases) {
      it(`${code}: sets last_updated to today and changes nothing else`, () => {
        const before = withFrontMatter(changes);
        const { fix, after } = fixOne(before, code);
        assert.equal(fix.title, `Set last_updated to today (${TODAY})`);
        const start = before.indexOf('last_updated: ') + 'last_updated: '.length;
        assertOnlyReplaced(before, after, start, start + changes.last_updated.length, TODAY);
        assert.deepEqual(withCode(lint(after), code), []);
        assert.deepEqual(lint(after), []);
      });
    }

    it('keeps a trailing comment and CRLF line breaks', () => {
      const lines = ['tech_spec_id: TS-0001', 'title: Payment Retries', 'status: DRAFT', 'author: Ada', 'created: 2026-03-01', 'last_updated: 2026-04-01  # touched by hand'];
      const before = crlf(withFrontMatter(lines));
      const { after } = fixOne(before, 'TS040');
      assert.equal(after, crlf(withFrontMatter([...lines.slice(0, 5), `last_updated: ${TODAY}  # touched by hand`])));
      assertCrlfOnly(after);
      assert.deepEqual(lint(after), []);
    });

    it('a future created date has no fix', () => {
      const text = withFrontMatter({ created: '2026-07-01', last_updated: '2026-07-01' });
      const created = lint(text).find((finding) => finding.code === 'TS009' && finding.message.startsWith('"created"'));
      assert.ok(created);
      assert.equal(fixFor(created, context(text)), undefined);
    });
  });

  describe('insertSection (TS020)', () => {
    const sectionText = (slug: string) => {
      const section = TEMPLATE.sections.find((candidate) => candidate.slug === slug);
      assert.ok(section, slug);
      return section.text;
    };

    it('inserts a missing section between its template neighbours, as the template writes it', () => {
      const before = removeSection(FILLED, 'Data Model');
      const { fix, after } = fixOne(before, 'TS020');
      assert.equal(fix.title, 'Insert section "Data Model" from the template');
      const at = before.indexOf('\n## API Specification\n') + 1;
      assertOnlyReplaced(before, after, at, at, `${sectionText('data-model')}\n\n---\n\n`);
      assert.ok(sectionText('data-model').startsWith('## Data Model\n\n### Entity Definitions'));
      assert.deepEqual(h2(after), h2(FILLED));
      // The section is back; what remains is its template text, reported once as placeholders.
      const findings = lint(after);
      assert.deepEqual(codes(findings), ['TS022']);
      assert.match(findings[0].message, /^Section "Data Model" still holds the template's placeholder /);
    });

    it('inserts the first section before the second one', () => {
      const before = removeSection(FILLED, 'Executive Summary');
      const { after } = fixOne(before, 'TS020');
      const at = before.indexOf('\n## Table of Contents\n') + 1;
      assertOnlyReplaced(before, after, at, at, `${sectionText('executive-summary')}\n\n---\n\n`);
      assert.deepEqual(h2(after), h2(FILLED));
    });

    it('appends the last section at the end when nothing follows it (text ending with a line break)', () => {
      const lines = FILLED.split('\n');
      const references = lines.indexOf('## References');
      // Drop the section and the separator above it: the text ends with the checklist.
      const before = `${lines.slice(0, references - 3).join('\n')}\n`;
      assert.ok(before.endsWith('- [ ] Target: Date\n'));
      const { after } = fixOne(before, 'TS020');
      assertOnlyReplaced(before, after, before.length, before.length, `\n---\n\n${sectionText('references')}\n`);
      assert.deepEqual(h2(after), h2(FILLED));
    });

    it('appends the last section at the end of a text without a final line break', () => {
      const lines = FILLED.split('\n');
      const references = lines.indexOf('## References');
      const before = lines.slice(0, references - 3).join('\n');
      assert.ok(before.endsWith('- [ ] Target: Date'));
      const { after } = fixOne(before, 'TS020');
      assertOnlyReplaced(before, after, before.length, before.length, `\n\n---\n\n${sectionText('references')}\n`);
      assert.deepEqual(h2(after), h2(FILLED));
    });

    it('does not add a second --- when the text already ends with one, whatever the blank lines after it', () => {
      const lines = FILLED.split('\n');
      const references = lines.indexOf('## References');
      const upToBreak = lines.slice(0, references - 1).join('\n');
      assert.ok(upToBreak.endsWith('- [ ] Target: Date\n\n---'));
      for (const [tail, lead] of [['\n\n', ''], ['\n', '\n'], ['', '\n\n'], ['\n\n\n', '']]) {
        const before = upToBreak + tail;
        const { after } = fixOne(before, 'TS020');
        assertOnlyReplaced(before, after, before.length, before.length, `${lead}${sectionText('references')}\n`);
        assert.equal(after.split('\n').filter((line) => line === '---').length, before.split('\n').filter((line) => line === '---').length);
      }
    });

    it('skips over other missing sections to the next one present', () => {
      const before = removeSection(removeSection(FILLED, 'Data Model'), 'API Specification');
      const findings = lint(before);
      const dataModel = findings.find((finding) => finding.message === 'Missing section "## Data Model".');
      assert.ok(dataModel);
      const fix = fixFor(dataModel, context(before));
      assert.ok(fix);
      const after = applyEdits(before, fix.edits);
      const at = before.indexOf('\n## Security Implementation\n') + 1;
      assertOnlyReplaced(before, after, at, at, `${sectionText('data-model')}\n\n---\n\n`);
      assert.deepEqual(
        lint(after).filter((finding) => finding.code === 'TS020').map((finding) => finding.message),
        ['Missing section "## API Specification".'],
      );
    });

    it('keeps CRLF line breaks', () => {
      const before = crlf(removeSection(FILLED, 'Testing Strategy'));
      const { after } = fixOne(before, 'TS020');
      const at = before.indexOf('\r\n## Deployment & Operations\r\n') + 2;
      assertOnlyReplaced(before, after, at, at, `${crlf(sectionText('testing-strategy'))}\r\n\r\n---\r\n\r\n`);
      assertCrlfOnly(after);
      assert.deepEqual(h2(after), h2(FILLED));
      assert.deepEqual(codes(lint(after)), ['TS022']);
    });
  });

  describe('renumberId (TS012)', () => {
    const uri = 'file:///w/docs/specs/payment-retries.md';
    const other = { 'TS-0001': ['file:///w/docs/specs/TS-0001-other.md'] };

    it('renumbers the front matter and the title heading, nothing else', () => {
      const { finding, fix, after } = fixOne(FILLED, 'TS012', { uri, owners: other }, 'TS-0007');
      assert.equal(finding.message, 'Duplicate id TS-0001: also owned by TS-0001-other.md.');
      assert.equal(fix.title, 'Renumber to TS-0007');
      assert.equal(fix.edits.length, 2);
      assert.equal(after, FILLED.replace('tech_spec_id: TS-0001\n', 'tech_spec_id: TS-0007\n').replace('\n# TS-0001: Payment Retries\n', '\n# TS-0007: Payment Retries\n'));
      assert.deepEqual(lint(after, { uri, owners: other, self: ['TS-0007'] }), []);
    });

    it('leaves a title heading without the old id alone, and keeps CRLF', () => {
      const before = crlf(FILLED.replace('# TS-0001: Payment Retries', '# Payment Retries'));
      const { fix, after } = fixOne(before, 'TS012', { uri, owners: other }, 'TS-0007');
      assert.equal(fix.edits.length, 1);
      assert.equal(after, before.replace('tech_spec_id: TS-0001\r\n', 'tech_spec_id: TS-0007\r\n'));
      assertCrlfOnly(after);
      assert.deepEqual(lint(after, { uri, owners: other, self: ['TS-0007'] }), []);
    });
  });

  describe('findings without a fix', () => {
    it('fixFor returns undefined', () => {
      const text = withFrontMatter({ owner: 'bob' });
      const finding = only(lint(text), 'TS005');
      assert.equal(fixFor(finding, context(text)), undefined);
    });
  });

  describe('every fix of a broken spec at once', () => {
    /** A spec with many problems whose fixes do not overlap. */
    function broken(): string {
      const text = withFrontMatter(['tech_spec_id: TS-0001', 'title: Payment Retries', 'status: in-review', 'decision_ref: RFC-0007', 'created: 2026-05-10', 'last_updated: 2026-05-09']);
      const lines = removeSection(removeSection(removeSection(text, 'Data Model'), 'API Specification'), 'Testing Strategy').split('\n');
      const references = lines.indexOf('## References');
      return `${lines.slice(0, references - 3).join('\n')}\n`;
    }
    const uri = 'file:///w/docs/specs/payment-retries.md';
    const options: LintOptions = { uri, owners: { 'TS-0001': ['file:///w/docs/specs/TS-0001-other.md'] } };
    const fixedCodes: RuleCode[] = ['TS004', 'TS006', 'TS008', 'TS012', 'TS020'];

    for (const [name, make] of [
      ['LF', broken],
      ['CRLF', () => crlf(broken())],
    ] as const) {
      it(`applies in one go and re-lints without those findings (${name})`, () => {
        const before = make();
        const findings = lint(before, options);
        assert.deepEqual([...new Set(codes(findings))].sort(), fixedCodes);
        assert.deepEqual(
          withCode(findings, 'TS020').map((finding) => finding.message),
          ['Missing section "## Data Model".', 'Missing section "## API Specification".', 'Missing section "## Testing Strategy".', 'Missing section "## References".'],
        );
        const ctx = context(before, 'TS-0008');
        const edits = findings.flatMap((finding) => fixFor(finding, ctx)?.edits ?? []);
        assert.equal(edits.length, findings.length + 1, 'every finding has a fix; renumbering also edits the title');
        const after = applyEdits(before, edits);
        const relinted = lint(after, { ...options, self: ['TS-0008'] });
        for (const code of fixedCodes) assert.deepEqual(withCode(relinted, code), [], code);
        // What is left: the inserted sections' template text.
        assert.deepEqual(
          relinted.map((finding) => /^Section "([^"]+)"/.exec(finding.message)?.[1]),
          ['Data Model', 'API Specification', 'Testing Strategy', 'References'],
        );
        assert.deepEqual(new Set(codes(relinted)), new Set(['TS022']));
        assert.deepEqual(h2(after), h2(FILLED), 'sections in template order');
        // The front matter: the keys fixed, the rest as it was.
        const eol = name === 'CRLF' ? '\r\n' : '\n';
        const frontMatter = after.slice(0, after.indexOf(`${eol}---${eol}`) + eol.length + 3).split(eol);
        assert.deepEqual(frontMatter, [
          '---',
          'tech_spec_id: TS-0008',
          'title: Payment Retries',
          'status: IN_REVIEW',
          'decision_ref: RFC-0007',
          // Where the template puts it, not at the end.
          'author: Ada Lovelace',
          'created: 2026-05-10',
          `last_updated: ${TODAY}`,
          '---',
        ]);
        assert.ok(after.includes(`${eol}# TS-0008: Payment Retries${eol}`));
        if (name === 'CRLF') assertCrlfOnly(after);
        // The body between the inserted sections is untouched.
        const untouched = before.slice(before.indexOf(`${eol}## Executive Summary${eol}`), before.indexOf(`${eol}## Security Implementation${eol}`) + eol.length);
        assert.ok(untouched.includes('## Detailed Specifications'));
        assert.ok(after.includes(untouched));
      });
    }
  });
});
