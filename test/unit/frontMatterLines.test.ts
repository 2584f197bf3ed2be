// Completion never offers a key the front matter already has, even while the YAML is half typed;
// a key written twice gets a fix that removes the later one, or merges the two.
import * as assert from 'node:assert/strict';
import { DEFAULT_STATUSES } from '../../src/core/config';
import { completionContext, completionEntries, FRONT_MATTER_KEYS, type CompletionData } from '../../src/core/frontMatterCompletion';
import { duplicateKeys, scanKeyLines } from '../../src/core/frontMatterLines';
import { fixFor, type TextEdit } from '../../src/core/lint';
import { parseDocumentText } from '../../src/core/parse';
import { LineIndex } from '../../src/core/text';
import { TEMPLATE, TODAY, lint, withCode, withFrontMatter } from './lintFixtures';

const DATA: CompletionData = { statuses: DEFAULT_STATUSES, today: TODAY, nextId: 'TS-0009', author: 'Ada', rfcs: [], prds: [] };

function keysOffered(text: string, line: number, character: number): string[] {
  const context = completionContext(parseDocumentText(text), { line, character });
  assert.ok(context, 'no completion context');
  assert.equal(context.kind, 'key');
  return completionEntries(context, DATA).map((entry) => entry.label);
}

/** A new spec's front matter: every template key present. */
const COMPLETE = withFrontMatter({});
const closingLine = (text: string) => text.split('\n').indexOf('---', 1);
/** The complete front matter with one more line typed just before the closing `---`. */
function typing(word: string): { text: string; line: number } {
  const line = closingLine(COMPLETE);
  const lines = COMPLETE.split('\n');
  lines.splice(line, 0, word);
  return { text: lines.join('\n'), line };
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const offsets = edits.map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), newText: edit.newText }));
  offsets.sort((a, b) => b.start - a.start);
  return offsets.reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

describe('front matter read line by line', () => {
  describe('completion of keys', () => {
    it('offers no key on an empty new line of a complete front matter', () => {
      const { text, line } = typing('');
      assert.deepEqual(keysOffered(text, line, 0), []);
    });

    for (const word of ['sta', 't', 'status', 'last_up']) {
      it(`offers no present key while "${word}" is typed on a new line (the YAML does not parse then)`, () => {
        const { text, line } = typing(word);
        assert.equal(parseDocumentText(text).frontMatter.data, undefined, 'the half-typed line should make the YAML invalid');
        assert.deepEqual(keysOffered(text, line, word.length), []);
      });
    }

    it('offers exactly the missing keys, in template order, while a line is typed', () => {
      const text = withFrontMatter({ status: null, related_prd: null }).replace('\n---\n', '\nsta\n---\n');
      const line = text.split('\n').indexOf('sta');
      assert.deepEqual(keysOffered(text, line, 3), ['status', 'related_prd']);
    });

    it('still offers the key being retyped on its own line', () => {
      const text = withFrontMatter({});
      const line = text.split('\n').findIndex((candidate) => candidate.startsWith('status:'));
      const present = FRONT_MATTER_KEYS.map((entry) => entry.key).filter((key) => key !== 'status');
      assert.deepEqual(keysOffered(text.replace('status: DRAFT', 'sta'), line, 3), ['status']);
      assert.equal(present.length, FRONT_MATTER_KEYS.length - 1);
    });
  });

  describe('scanKeyLines', () => {
    it('reads keys, inline values without comments, and block values on indented lines', () => {
      const text = ['---', 'title: A # note', 'tags:', '  - one', '', '  - two', 'status:', 'bare', '---', 'body: not a key'].join('\n');
      const keys = scanKeyLines(text.split('\n')).map(({ key, line, endLine, inlineValue, hasValue }) => ({ key, line, endLine, inlineValue, hasValue }));
      assert.deepEqual(keys, [
        { key: 'title', line: 1, endLine: 1, inlineValue: 'A', hasValue: true },
        { key: 'tags', line: 2, endLine: 5, inlineValue: '', hasValue: true },
        { key: 'status', line: 6, endLine: 6, inlineValue: '', hasValue: false },
      ]);
    });

    it('finds nothing without front matter', () => {
      assert.deepEqual(scanKeyLines(['title: A', 'status: B']), []);
    });
  });

  describe('duplicate key (TS003)', () => {
    const fixOf = (text: string) => {
      const findings = withCode(lint(text), 'TS003');
      assert.equal(findings.length, 1, JSON.stringify(findings));
      assert.deepEqual(findings[0].fix?.kind, 'duplicateKey');
      const fix = fixFor(findings[0], { parsed: parseDocumentText(text), template: TEMPLATE, today: TODAY, statuses: DEFAULT_STATUSES, nextFreeId: 'TS-0042' });
      assert.ok(fix, 'no fix');
      return { fix, after: applyEdits(text, fix.edits) };
    };

    it('removes the later duplicate when both have a value, and the front matter reads again', () => {
      const text = withFrontMatter({ status: 'DRAFT' }).replace('\n---\n', '\nstatus: APPROVED\n---\n');
      const { fix, after } = fixOf(text);
      assert.equal(fix.title, 'Remove the duplicate "status" on line 10 (keeping "DRAFT")');
      assert.equal(after, withFrontMatter({}));
      assert.deepEqual(withCode(lint(after), 'TS003'), []);
    });

    it('removes an empty later duplicate (an accepted completion)', () => {
      const text = withFrontMatter({}).replace('\n---\n', '\nstatus: \n---\n');
      const { after } = fixOf(text);
      assert.equal(after, withFrontMatter({}));
    });

    it('merges when only the later one has a value: the value moves to the first one\'s place', () => {
      const text = withFrontMatter({ status: '' }).replace('status: \n', 'status:\n').replace('\n---\n', '\nstatus: APPROVED\n---\n');
      const { fix, after } = fixOf(text);
      assert.match(fix.title, /^Merge the two "status" keys/);
      assert.equal(after, withFrontMatter({ status: 'APPROVED' }));
    });

    it('merges a block value, keeping its lines and CRLF line breaks', () => {
      const text = '---\r\ntitle: A\r\ntags:\r\nstatus: DRAFT\r\ntags:\r\n  - one\r\n  - two\r\n---\r\n# A\r\n';
      assert.deepEqual(duplicateKeys(text.split(/\r\n/)).map((duplicate) => duplicate.key), ['tags']);
      const parsed = parseDocumentText(text);
      const finding = { code: 'TS003' as const, severity: 'error' as const, message: '', range: parsed.frontMatter.problems[0].range, fix: { kind: 'duplicateKey' as const, key: 'tags' } };
      const fix = fixFor(finding, { parsed, template: TEMPLATE, today: TODAY, statuses: DEFAULT_STATUSES, nextFreeId: 'TS-0042' });
      assert.ok(fix);
      assert.equal(applyEdits(text, fix.edits), '---\r\ntitle: A\r\ntags:\r\n  - one\r\n  - two\r\nstatus: DRAFT\r\n---\r\n# A\r\n');
    });

    it('other YAML errors get no fix', () => {
      const text = withFrontMatter({}).replace('\n---\n', '\nextra: [\n---\n');
      assert.ok(withCode(lint(text), 'TS003').every((finding) => finding.fix === undefined));
    });
  });
});
