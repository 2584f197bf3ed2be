import * as assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import {
  applyEdit,
  formatYamlScalar,
  frontMatterEdit,
  getField,
  locateFrontMatter,
  parseFrontMatter,
  setFrontMatterValue,
  splitLines,
  stringValue,
  type FrontMatter,
} from '../../src/core/frontMatter';
import type { Range } from '../../src/core/text';
import { Random, readTemplate, textAt } from '../support/fixtures';

const r = (line: number, start: number, end: number, endLine = line): Range => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

function field(frontMatter: FrontMatter, key: string) {
  const found = getField(frontMatter, key);
  assert.ok(found, `field ${key} is missing`);
  return found;
}

/** The edited text must equal the original with exactly [start, end) replaced. */
function assertOnlyReplaced(before: string, after: string, start: number, end: number, replacement: string): void {
  assert.equal(after.slice(0, start), before.slice(0, start), 'bytes before the value changed');
  assert.equal(after.slice(after.length - (before.length - end)), before.slice(end), 'bytes after the value changed');
  assert.equal(after, before.slice(0, start) + replacement + before.slice(end));
}

describe('frontMatter', () => {
  describe('parseFrontMatter', () => {
    const text = [
      '---',
      'tech_spec_id: TS-0001',
      'title: Payment retries',
      'status: DRAFT   # lifecycle',
      'author:',
      'url: https://example.com/a#frag',
      '---',
      '# Body',
      '',
    ].join('\n');

    it('reads a flat map with exact key and value ranges', () => {
      const fm = parseFrontMatter(text);
      assert.equal(fm.kind, 'closed');
      assert.equal(fm.endLine, 6);
      assert.equal(fm.bodyStartLine, 7);
      assert.deepEqual(fm.problems, []);
      assert.deepEqual(fm.data, {
        tech_spec_id: 'TS-0001',
        title: 'Payment retries',
        status: 'DRAFT',
        author: null,
        url: 'https://example.com/a#frag',
      });
      assert.deepEqual(
        fm.fields.map((f) => f.key),
        ['tech_spec_id', 'title', 'status', 'author', 'url'],
      );
      const id = field(fm, 'tech_spec_id');
      assert.deepEqual(id.keyRange, r(1, 0, 12));
      assert.deepEqual(id.valueRange, r(1, 14, 21));
      assert.equal(id.text, 'TS-0001');
      assert.deepEqual(field(fm, 'title').keyRange, r(2, 0, 5));
      assert.deepEqual(field(fm, 'title').valueRange, r(2, 7, 22));
      assert.equal(field(fm, 'title').text, 'Payment retries');
    });

    it('excludes a trailing comment from the value, but not a # inside a word or URL', () => {
      const fm = parseFrontMatter(text);
      const status = field(fm, 'status');
      assert.equal(status.value, 'DRAFT');
      assert.equal(status.text, 'DRAFT');
      assert.deepEqual(status.valueRange, r(3, 8, 13));
      const url = field(fm, 'url');
      assert.equal(url.text, 'https://example.com/a#frag');
      assert.deepEqual(url.valueRange, r(5, 5, 31));
      const other = parseFrontMatter('---\nlang: C# # the language\nnote: a #b\nempty: # nothing\n---\n');
      assert.deepEqual(other.data, { lang: 'C#', note: 'a', empty: null });
      assert.deepEqual(field(other, 'lang').valueRange, r(1, 6, 8));
      assert.deepEqual(field(other, 'note').valueRange, r(2, 6, 7));
      assert.deepEqual(field(other, 'empty').valueRange, r(3, 6, 6));
    });

    it('points an empty value just past its colon', () => {
      const author = field(parseFrontMatter(text), 'author');
      assert.equal(author.value, null);
      assert.equal(author.text, '');
      assert.deepEqual(author.keyRange, r(4, 0, 6));
      assert.deepEqual(author.valueRange, r(4, 7, 7));
    });

    it('gives exact ranges on the YAML path too (quoted, flow and block values)', () => {
      const yamlText = [
        '---',
        'title: "Quoted: yes"   # c',
        'tags: [a, b]',
        "single: 'it''s'",
        'notes: |',
        '  line one',
        '  line two',
        'list:',
        '  - RFC-0001',
        '  - PRD-0002',
        'after: x',
        '---',
      ].join('\n');
      const fm = parseFrontMatter(yamlText);
      assert.deepEqual(fm.problems, []);
      assert.deepEqual(fm.data, {
        title: 'Quoted: yes',
        tags: ['a', 'b'],
        single: "it's",
        notes: 'line one\nline two\n',
        list: ['RFC-0001', 'PRD-0002'],
        after: 'x',
      });
      const lines = splitLines(yamlText);
      assert.deepEqual(field(fm, 'title').valueRange, r(1, 7, 20));
      assert.equal(textAt(lines, field(fm, 'title').valueRange), '"Quoted: yes"');
      assert.deepEqual(field(fm, 'tags').valueRange, r(2, 6, 12));
      assert.equal(field(fm, 'single').text, "'it''s'");
      // A block value ends at its last character, not after its line break.
      assert.deepEqual(field(fm, 'notes').valueRange, r(4, 7, 10, 6));
      assert.deepEqual(field(fm, 'list').valueRange, r(8, 2, 12, 9));
      assert.deepEqual(field(fm, 'after').keyRange, r(10, 0, 5));
      assert.deepEqual(field(fm, 'after').valueRange, r(10, 7, 8));
    });

    it('reads CRLF and lone-CR files with the same ranges', () => {
      const lf = parseFrontMatter(text);
      for (const eol of ['\r\n', '\r']) {
        const other = parseFrontMatter(text.replace(/\n/g, eol));
        assert.deepEqual(other, lf, JSON.stringify(eol));
      }
      const yamlText = '---\ntags: [a, b]\ntitle: "x"\n---\n';
      assert.deepEqual(parseFrontMatter(yamlText.replace(/\n/g, '\r\n')), parseFrontMatter(yamlText));
    });

    it('accepts a byte order mark before the opening delimiter', () => {
      const fm = parseFrontMatter('\uFEFF' + text);
      assert.equal(fm.kind, 'closed');
      assert.deepEqual(fm.data, parseFrontMatter(text).data);
      assert.deepEqual(field(fm, 'title').valueRange, r(2, 7, 22));
    });

    it('reports no front matter for empty text and plain Markdown', () => {
      for (const source of ['', '\n', '# Title\n', 'text\n---\na: b\n---\n', ' ---\na: b\n---\n', '----\na: b\n----\n', '\n---\na: b\n---\n']) {
        const fm = parseFrontMatter(source);
        assert.equal(fm.kind, 'none', JSON.stringify(source));
        assert.equal(fm.endLine, -1);
        assert.equal(fm.bodyStartLine, 0);
        assert.equal(fm.data, undefined);
        assert.deepEqual(fm.fields, []);
        assert.deepEqual(fm.problems, []);
      }
    });

    it('treats a lone --- as an unclosed block, with a problem on the opening line', () => {
      for (const source of ['---', '---\n', '---   ']) {
        const fm = parseFrontMatter(source);
        assert.equal(fm.kind, 'unclosed', JSON.stringify(source));
        assert.equal(fm.data, undefined);
        assert.equal(fm.problems.length, 1);
        assert.equal(fm.problems[0].code, 'unclosed');
        assert.deepEqual(fm.problems[0].range, r(0, 0, source.startsWith('---   ') ? 6 : 3));
      }
    });

    it('reports an unclosed block that runs to the end of the file', () => {
      const fm = parseFrontMatter('---\ntitle: x\n\n# Body\n');
      assert.equal(fm.kind, 'unclosed');
      assert.equal(fm.endLine, 4);
      assert.equal(fm.bodyStartLine, 5);
      assert.deepEqual(fm.fields, []);
      assert.deepEqual(
        fm.problems.map((p) => [p.code, p.range]),
        [['unclosed', r(0, 0, 3)]],
      );
    });

    it('reads an empty block as an empty map', () => {
      for (const source of ['---\n---\n', '---\n\n---', '---\n# only a comment\n---\n']) {
        const fm = parseFrontMatter(source);
        assert.equal(fm.kind, 'closed');
        assert.deepEqual(fm.data, {}, JSON.stringify(source));
        assert.deepEqual(fm.problems, []);
      }
    });

    it('accepts ... as the closing delimiter, and trailing blanks on delimiters', () => {
      const fm = parseFrontMatter('---  \ntitle: x\n...\t\n---\nbody\n');
      assert.equal(fm.kind, 'closed');
      assert.equal(fm.endLine, 2);
      assert.equal(fm.bodyStartLine, 3);
      assert.deepEqual(fm.data, { title: 'x' });
      assert.deepEqual(locateFrontMatter(['---', 'a: b', '...']), { kind: 'closed', endLine: 2 });
    });

    it('reports duplicate keys with the range of the repeated key', () => {
      const fm = parseFrontMatter('---\ntitle: a\nstatus: DRAFT\ntitle: b\n---\n');
      assert.equal(fm.kind, 'closed');
      assert.equal(fm.data, undefined);
      assert.deepEqual(fm.fields, []);
      assert.equal(fm.problems.length, 1);
      assert.equal(fm.problems[0].code, 'yaml');
      assert.match(fm.problems[0].message, /unique/i);
      // yaml marks the first character of the repeated key.
      assert.deepEqual(fm.problems[0].range, r(3, 0, 1));
    });

    it('reports tab indentation with its range', () => {
      const fm = parseFrontMatter('---\nkey:\n\t- a\n---\n');
      assert.equal(fm.data, undefined);
      assert.equal(fm.problems[0].code, 'yaml');
      assert.match(fm.problems[0].message, /tab/i);
      assert.deepEqual(fm.problems[0].range, r(2, 0, 1));
    });

    it('reports other YAML errors on the line where they are', () => {
      const unterminated = parseFrontMatter('---\nstatus: DRAFT\nk: "unterminated\n---\n');
      assert.equal(unterminated.problems[0].code, 'yaml');
      assert.equal(unterminated.problems[0].range.start.line, 2);
      const nested = parseFrontMatter('---\na: b: c\n---\n');
      assert.deepEqual(nested.problems[0].range, r(1, 3, 4));
      for (const problem of [...unterminated.problems, ...nested.problems]) {
        assert.ok(!problem.message.includes('\n'), 'a problem message is one line');
      }
    });

    it('reports a list or a scalar instead of a map as notMap', () => {
      const list = parseFrontMatter('---\n- a\n- b\n---\n');
      assert.equal(list.data, undefined);
      assert.deepEqual(
        list.problems.map((p) => [p.code, p.range]),
        [['notMap', r(1, 0, 3, 2)]],
      );
      const scalar = parseFrontMatter('---\nhello\n---\n');
      assert.deepEqual(
        scalar.problems.map((p) => [p.code, p.range]),
        [['notMap', r(1, 0, 5)]],
      );
      const number = parseFrontMatter('---\n42\n---\n');
      assert.equal(number.problems[0].code, 'notMap');
    });

    it('stops an alias bomb quickly with a problem instead of expanding it', function () {
      this.timeout(5000);
      const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      const names = 'abcdefghi';
      for (let i = 1; i < names.length; i++) {
        const previous = `*${names[i - 1]}`;
        rows.push(`${names[i]}: &${names[i]} [${Array(9).fill(previous).join(',')}]`);
      }
      const bomb = ['---', ...rows, '---', '# Body'].join('\n');
      const started = Date.now();
      let fm: FrontMatter | undefined;
      assert.doesNotThrow(() => {
        fm = parseFrontMatter(bomb);
      });
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
      assert.ok(fm);
      assert.equal(fm.data, undefined);
      assert.equal(fm.problems.length, 1);
      assert.equal(fm.problems[0].code, 'aliases');
      assert.deepEqual(fm.problems[0].range.start, { line: 1, character: 0 });
      assert.equal(fm.problems[0].range.end.line, 9);
      assert.equal(setFrontMatterValue(bomb, 'status', 'DRAFT'), undefined);
    });

    it('keeps a few ordinary aliases', () => {
      const fm = parseFrontMatter('---\nowner: &o Jane\nreviewer: *o\n---\n');
      assert.deepEqual(fm.data, { owner: 'Jane', reviewer: 'Jane' });
      assert.deepEqual(fm.problems, []);
    });

    it('does not let __proto__ reach the prototype', () => {
      const fm = parseFrontMatter('---\n__proto__: polluted\ntitle: x\n---\n');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(Object.getPrototypeOf(fm.data), Object.prototype);
      assert.equal(fm.data?.title, 'x');
    });

    it("reads the template's own front matter as YAML does ([...] is a flow sequence)", () => {
      const template = readTemplate();
      const fm = parseFrontMatter(template);
      assert.equal(fm.kind, 'closed');
      assert.equal(fm.endLine, 9);
      assert.equal(fm.bodyStartLine, 10);
      assert.deepEqual(fm.problems, []);
      assert.deepEqual(fm.data, {
        tech_spec_id: 'TS-XXXX',
        title: ['Component/Feature Name'],
        status: 'DRAFT',
        decision_ref: null,
        author: ['Your Name'],
        created: 'YYYY-MM-DD',
        last_updated: 'YYYY-MM-DD',
        related_prd: null,
      });
      const lines = splitLines(template);
      assert.equal(textAt(lines, field(fm, 'title').valueRange), '[Component/Feature Name]');
      assert.deepEqual(field(fm, 'decision_ref').valueRange, r(4, 13, 13));
      assert.deepEqual(field(fm, 'related_prd').valueRange, r(8, 12, 12));
      for (const f of fm.fields) assert.equal(textAt(lines, f.keyRange), f.key);
    });
  });

  describe('stringValue', () => {
    it('returns trimmed strings and stringified scalars, undefined otherwise', () => {
      const data = { a: '  x  ', b: '   ', c: 3, d: false, e: ['x'], f: null, g: { x: 1 }, h: new Date(Date.UTC(2025, 0, 2)) };
      assert.equal(stringValue(data, 'a'), 'x');
      assert.equal(stringValue(data, 'b'), undefined);
      assert.equal(stringValue(data, 'c'), '3');
      assert.equal(stringValue(data, 'd'), 'false');
      assert.equal(stringValue(data, 'e'), undefined);
      assert.equal(stringValue(data, 'f'), undefined);
      assert.equal(stringValue(data, 'g'), undefined);
      assert.equal(stringValue(data, 'h'), '2025-01-02');
      assert.equal(stringValue(data, 'missing'), undefined);
      assert.equal(stringValue(undefined, 'a'), undefined);
    });
  });

  describe('formatYamlScalar', () => {
    it('leaves plain values bare and empties empty ones', () => {
      assert.equal(formatYamlScalar(null), '');
      assert.equal(formatYamlScalar(''), '');
      assert.equal(formatYamlScalar('DRAFT'), 'DRAFT');
      assert.equal(formatYamlScalar('Jane Doe'), 'Jane Doe');
      assert.equal(formatYamlScalar('2025-01-02'), '2025-01-02');
      assert.equal(formatYamlScalar('RFC-0007'), 'RFC-0007');
    });

    it('quotes values that YAML would read otherwise', () => {
      for (const value of ['a: b', '#x', 'a #b', '[x]', '{x}', 'true', 'null', '~', '42', '- item', '  padded', 'trailing ', "it's: here", '"quoted"', '*star', '&amp', '!tag', '%p', '@at', '`tick', '|', '>', '']) {
        const formatted = formatYamlScalar(value);
        if (value === '') continue;
        assert.notEqual(formatted, value, `${value} needs quoting`);
        assert.equal(parseYaml(`k: ${formatted}`).k, value, `${value} round-trips`);
      }
    });

    it('keeps Unicode spaces that belong to the value', () => {
      for (const value of ['a\u00a0', '\u00a0a', 'a\u3000', 'a\ufeff', 'a\u2028b']) {
        assert.equal(parseYaml(`k: ${formatYamlScalar(value)}`).k, value, JSON.stringify(value));
        assert.equal(parseFrontMatter(`---\nk: ${formatYamlScalar(value)}\n---\n`).data?.k, value, JSON.stringify(value));
      }
    });

    it('keeps one line: line breaks become spaces and long values are not folded', () => {
      assert.equal(parseYaml(`k: ${formatYamlScalar('one\ntwo\r\nthree')}`).k, 'one two three');
      for (const marker of ['---', '...', '--- x']) assert.ok(!formatYamlScalar(marker).includes('\n'), marker);
      const long = 'word '.repeat(60).trim();
      const formatted = formatYamlScalar(long);
      assert.ok(!formatted.includes('\n'));
      assert.equal(parseYaml(`k: ${formatted}`).k, long);
    });
  });

  describe('setFrontMatterValue / frontMatterEdit', () => {
    const doc = ['---', 'tech_spec_id: TS-0001', 'title: Payment retries', 'status: DRAFT   # lifecycle', 'author:', '---', '', '# TS-0001: Payment retries', ''].join('\n');

    it('changes only the value; every other byte stays', () => {
      const edit = frontMatterEdit(doc, 'title', 'Faster payment retries');
      assert.ok(edit);
      const start = doc.indexOf('Payment retries');
      assert.deepEqual(edit, { start, end: start + 'Payment retries'.length, newText: 'Faster payment retries' });
      const after = applyEdit(doc, edit);
      assertOnlyReplaced(doc, after, edit.start, edit.end, 'Faster payment retries');
      assert.equal(setFrontMatterValue(doc, 'title', 'Faster payment retries'), after);
      assert.equal(parseFrontMatter(after).data?.title, 'Faster payment retries');
    });

    it('keeps a trailing comment and its spacing', () => {
      const after = setFrontMatterValue(doc, 'status', 'APPROVED');
      assert.ok(after);
      assert.equal(splitLines(after)[3], 'status: APPROVED   # lifecycle');
      const start = doc.indexOf('DRAFT');
      assertOnlyReplaced(doc, after, start, start + 5, 'APPROVED');
    });

    it('fills an empty value after its colon, with one space, keeping the comment', () => {
      const template = readTemplate();
      const after = setFrontMatterValue(template, 'decision_ref', 'RFC-0007');
      assert.ok(after);
      const lines = splitLines(after);
      assert.equal(lines[4], 'decision_ref: RFC-0007           # Optional - RFC-XXXX if this implements an RFC');
      const at = template.indexOf('decision_ref:') + 'decision_ref:'.length;
      assertOnlyReplaced(template, after, at, at, ' RFC-0007');
      assert.equal(setFrontMatterValue(doc, 'author', 'Jane Doe')?.split('\n')[4], 'author: Jane Doe');
    });

    it('is a no-op when the value is already there', () => {
      assert.equal(setFrontMatterValue(doc, 'status', 'DRAFT'), doc);
      assert.deepEqual(frontMatterEdit(doc, 'status', 'DRAFT'), { start: doc.indexOf('DRAFT'), end: doc.indexOf('DRAFT') + 5, newText: 'DRAFT' });
    });

    it('empties a value with null', () => {
      const after = setFrontMatterValue(doc, 'status', null);
      assert.ok(after);
      assert.equal(parseFrontMatter(after).data?.status, null);
      assert.match(splitLines(after)[3], /^status: *# lifecycle$/);
    });

    it('inserts a missing key before the closing delimiter', () => {
      const after = setFrontMatterValue(doc, 'last_updated', '2025-03-02');
      assert.ok(after);
      const closing = doc.indexOf('\n---\n') + 1;
      assertOnlyReplaced(doc, after, closing, closing, 'last_updated: 2025-03-02\n');
      assert.equal(parseFrontMatter(after).data?.last_updated, '2025-03-02');
    });

    it('inserts before a ... delimiter too', () => {
      const text = '---\ntitle: x\n...\nbody\n';
      assert.equal(setFrontMatterValue(text, 'status', 'DRAFT'), '---\ntitle: x\nstatus: DRAFT\n...\nbody\n');
    });

    it("uses the file's line breaks: CRLF stays CRLF", () => {
      const crlf = doc.replace(/\n/g, '\r\n');
      for (const [key, value] of [
        ['last_updated', '2025-03-02'],
        ['title', 'New'],
        ['author', 'Jane'],
      ]) {
        const after = setFrontMatterValue(crlf, key, value);
        assert.ok(after);
        assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(after), 'no lone CR or LF');
        assert.equal(parseFrontMatter(after).data?.[key], value);
        assert.equal(after.split('\r\n').length, crlf.split('\r\n').length + (key === 'last_updated' ? 1 : 0));
      }
    });

    it('adds a block at the top when there is none', () => {
      assert.equal(setFrontMatterValue('# Title\n', 'status', 'DRAFT'), '---\nstatus: DRAFT\n---\n# Title\n');
      assert.equal(setFrontMatterValue('', 'status', 'DRAFT'), '---\nstatus: DRAFT\n---\n');
      assert.equal(setFrontMatterValue('# Title\r\nText\r\n', 'title', 'a: b'), '---\r\ntitle: "a: b"\r\n---\r\n# Title\r\nText\r\n');
      assert.equal(setFrontMatterValue('\uFEFF# Title\n', 'status', 'DRAFT'), '\uFEFF---\nstatus: DRAFT\n---\n# Title\n');
      assert.equal(setFrontMatterValue('# Title\n', 'decision_ref', null), '---\ndecision_ref:\n---\n# Title\n');
    });

    it('refuses to edit an unclosed block or invalid YAML', () => {
      assert.equal(setFrontMatterValue('---\ntitle: x\n# Body\n', 'status', 'DRAFT'), undefined);
      assert.equal(frontMatterEdit('---', 'status', 'DRAFT'), undefined);
      assert.equal(setFrontMatterValue('---\ntitle: a\ntitle: b\n---\n', 'title', 'c'), undefined);
      assert.equal(setFrontMatterValue('---\nk: "open\n---\n', 'status', 'DRAFT'), undefined);
      assert.equal(setFrontMatterValue('---\n- a\n---\n', 'status', 'DRAFT'), undefined);
      assert.equal(setFrontMatterValue('---\nkey:\n\t- a\n---\n', 'key', 'x'), undefined);
    });

    it('refuses an insertion that would break the YAML (a flow map block)', () => {
      assert.equal(setFrontMatterValue('---\n{a: 1}\n---\n', 'b', 'x'), undefined);
      assert.equal(setFrontMatterValue('---\n{a: 1}\n---\n', 'a', 'x'), '---\n{a: x}\n---\n');
    });

    it('quotes values that need it, and the result re-parses to the value', () => {
      for (const value of ['a: b', '#x', 'x #y', '[Component]', '{x: 1}', 'true', '007', 'null', "'quoted'", '"double"', '  padded  ', '- dash', '*alias', '&anchor']) {
        const after = setFrontMatterValue(doc, 'title', value);
        assert.ok(after, value);
        assert.equal(parseFrontMatter(after).data?.title, value, value);
        assert.notEqual(splitLines(after)[2], `title: ${value}`, `${value} is quoted`);
      }
      for (const value of ["it's", 'say "hi"', '$&', '$1', 'C#', 'a:b', 'https://x.y/#z']) {
        const after = setFrontMatterValue(doc, 'title', value);
        assert.equal(after === undefined ? undefined : splitLines(after)[2], `title: ${value}`, `${value} needs no quotes`);
        assert.equal(parseFrontMatter(after ?? '').data?.title, value);
      }
    });

    it('replaces a block scalar or block list without touching the next line', () => {
      const text = ['---', 'notes: |', '  line one', '  line two', 'list:', '  - a', '  - b', 'status: DRAFT', '---', ''].join('\n');
      const notes = setFrontMatterValue(text, 'notes', 'short');
      assert.equal(notes, ['---', 'notes: short', 'list:', '  - a', '  - b', 'status: DRAFT', '---', ''].join('\n'));
      const list = setFrontMatterValue(text, 'list', 'none');
      assert.equal(list, ['---', 'notes: |', '  line one', '  line two', 'list: none', 'status: DRAFT', '---', ''].join('\n'));
      const folded = setFrontMatterValue('---\nnotes: >-\n  folded\n\nstatus: DRAFT\n---\n', 'notes', 'x');
      assert.equal(folded, '---\nnotes: x\n\nstatus: DRAFT\n---\n');
      const zeroIndent = setFrontMatterValue('---\nlist:\n- a\n- b\nstatus: X\n---\n', 'list', 'y');
      assert.equal(zeroIndent, '---\nlist: y\nstatus: X\n---\n');
    });

    it('sets the template keys in place, whatever YAML read there', () => {
      const template = readTemplate();
      const after = setFrontMatterValue(template, 'title', 'Payment Retries');
      assert.ok(after);
      assert.equal(splitLines(after)[2], 'title: Payment Retries');
      const start = template.indexOf('[Component/Feature Name]');
      assertOnlyReplaced(template, after, start, start + '[Component/Feature Name]'.length, 'Payment Retries');
    });

    it('round-trips random values for existing, missing and absent keys', () => {
      const random = new Random(0x5eed);
      const alphabet = ['a', 'Z', '0', '9', ' ', ':', '#', '-', '[', ']', '{', '}', "'", '"', '\\', '&', '*', '!', '|', '>', '%', '@', '`', ',', '?', 'é', '日', '\t', '$', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u0085', '\u0007', '🎉'];
      const bases = [doc, doc.replace(/\n/g, '\r\n'), '# No front matter\n', '---\n---\n', readTemplate()];
      for (let i = 0; i < 300; i++) {
        let value = '';
        const length = random.int(1, 12);
        for (let j = 0; j < length; j++) value += random.pick(alphabet);
        const base = random.pick(bases);
        const key = random.pick(['title', 'status', 'author', 'decision_ref', 'new_key']);
        const after = setFrontMatterValue(base, key, value);
        assert.ok(after, `${JSON.stringify(value)} in ${key}`);
        const data = parseFrontMatter(after).data;
        assert.equal(data?.[key], value, `${JSON.stringify(value)} in ${key}`);
        // Every other key keeps its value.
        const before = parseFrontMatter(base).data ?? {};
        for (const other of Object.keys(before)) if (other !== key) assert.deepEqual(data?.[other], before[other]);
      }
    });
  });
});
