import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { parseFrontMatter, splitLines } from '../../src/core/frontMatter';
import { idRegExp } from '../../src/core/ids';
import { scanOutline } from '../../src/core/outline';
import { parseDocumentText } from '../../src/core/parse';
import { findReferences, maskedSpans, type Reference } from '../../src/core/references';
import { readTemplate } from '../support/fixtures';

const PREFIXES = DEFAULT_CONFIG.referencePrefixes;

function refs(text: string, prefixes: readonly string[] = PREFIXES): Reference[] {
  const lines = splitLines(text);
  return findReferences(lines, parseFrontMatter(text, lines), scanOutline(text, lines), prefixes);
}

const ids = (text: string, prefixes?: readonly string[]) => refs(text, prefixes).map((r) => r.id);
const at = (r: Reference) => [r.id, r.range.start.line, r.range.start.character, r.range.end.character];

describe('references', () => {
  it('defaults to the TS, RFC and PRD prefixes', () => {
    assert.deepEqual([...PREFIXES], ['TS', 'RFC', 'PRD']);
    assert.deepEqual(ids('TS-0001, RFC-0002 and PRD-0003; ADR-0004 is not one.'), ['TS-0001', 'RFC-0002', 'PRD-0003']);
  });

  it('finds ids in prose with exact ranges, line by line', () => {
    const text = 'See RFC-0007 and TS-0001.\n\n(PRD-12) closes, RFC-0007!';
    assert.deepEqual(refs(text).map(at), [
      ['RFC-0007', 0, 4, 12],
      ['TS-0001', 0, 17, 24],
      ['PRD-12', 2, 1, 7],
      ['RFC-0007', 2, 17, 25],
    ]);
    const first = refs(text)[0];
    assert.equal(first.prefix, 'RFC');
    assert.equal(first.key, undefined);
  });

  it('finds ids in front-matter values, with the key', () => {
    const text = ['---', 'tech_spec_id: TS-0042', 'decision_ref: RFC-0007 # see PRD-0002', 'related_prd: PRD-0003', 'title: Replaces TS-0001', '---', 'Body cites RFC-0009.'].join('\n');
    assert.deepEqual(
      refs(text).map((r) => [...at(r), r.key]),
      [
        ['TS-0042', 1, 14, 21, 'tech_spec_id'],
        ['RFC-0007', 2, 14, 22, 'decision_ref'],
        ['PRD-0003', 3, 13, 21, 'related_prd'],
        ['TS-0001', 4, 16, 23, 'title'],
        ['RFC-0009', 6, 11, 19, undefined],
      ],
    );
  });

  it('finds ids in flow and block list values, on every line', () => {
    const text = ['---', 'related: [RFC-0001, RFC-0002]', 'supersedes:', '  - TS-0003', '  - TS-0004', '---', ''].join('\n');
    assert.deepEqual(
      refs(text).map((r) => [...at(r), r.key]),
      [
        ['RFC-0001', 1, 10, 18, 'related'],
        ['RFC-0002', 1, 20, 28, 'related'],
        ['TS-0003', 3, 4, 11, 'supersedes'],
        ['TS-0004', 4, 4, 11, 'supersedes'],
      ],
    );
  });

  it('reads no ids from front matter it cannot parse, and none from its delimiters', () => {
    assert.deepEqual(ids('---\ntitle: RFC-0001\ntitle: RFC-0002\n---\nRFC-0003'), ['RFC-0003']);
  });

  it('takes custom prefixes, and only those', () => {
    assert.deepEqual(ids('ADR-12, RFC-0007, SPEC_2-0001', ['ADR', 'SPEC_2']), ['ADR-12', 'SPEC_2-0001']);
    assert.deepEqual(ids('RFC-0007', []), []);
  });

  it('escapes regular-expression characters in prefixes', () => {
    assert.doesNotThrow(() => idRegExp(['A.B', 'C+', '(x', '[', '\\', '*']));
    const pattern = idRegExp(['A.B', 'C+']);
    assert.deepEqual('AxB-1 A.B-2 CC-3 C+-4 C-5'.match(pattern), ['A.B-2', 'C+-4']);
    assert.deepEqual(ids('AxB-1 A.B-2', ['A.B']), ['A.B-2']);
    assert.deepEqual(ids('x-1 (-2', ['(']), ['(-2']);
  });

  it('needs word boundaries and digits', () => {
    for (const text of ['XRFC-0007', 'RFC-0007a', 'RFC-', 'RFC-abc', 'rfc-0007', 'RFC_0007', 'RFC 0007', 'a-RFC-0007', 'RFC-0007_x', 'RFC-1234567890123']) {
      assert.deepEqual(ids(text), [], text);
    }
    for (const [text, id] of [
      ['(RFC-0007)', 'RFC-0007'],
      ['RFC-0007.', 'RFC-0007'],
      ['"RFC-0007",', 'RFC-0007'],
      ['**RFC-0007**', 'RFC-0007'],
      ['RFC-0007-auth.md', 'RFC-0007'],
      ['RFC-123456789012', 'RFC-123456789012'],
    ]) {
      assert.deepEqual(ids(text), [id], text);
    }
  });

  it('skips code spans of any backtick length, but not an unclosed backtick', () => {
    assert.deepEqual(ids('`RFC-0001` and ``RFC-0002 ` x`` and ```RFC-0003``` but RFC-0004'), ['RFC-0004']);
    assert.deepEqual(refs('`RFC-0001 and RFC-0002').map(at), [
      ['RFC-0001', 0, 1, 9],
      ['RFC-0002', 0, 14, 22],
    ]);
    assert.deepEqual(ids('``RFC-0001` RFC-0002'), ['RFC-0001', 'RFC-0002']);
  });

  it('skips fenced code, and reads again after it', () => {
    const text = ['RFC-0001', '```', 'RFC-0002', '```', '~~~~', 'RFC-0003', '```', '~~~~', 'RFC-0004', '```', 'RFC-0005'].join('\n');
    assert.deepEqual(ids(text), ['RFC-0001', 'RFC-0004']);
  });

  it('counts link text once and skips the link destination and title', () => {
    assert.deepEqual(refs('[RFC-0007](docs/RFC-0007.md)').map(at), [['RFC-0007', 0, 1, 9]]);
    assert.deepEqual(ids('[the spec](RFC-0008.md "RFC-0009 title") RFC-0010'), ['RFC-0010']);
    assert.deepEqual(ids('[x](https://en.wikipedia.org/wiki/A_(RFC-0001)) RFC-0002'), ['RFC-0002']);
    assert.deepEqual(ids('[RFC-0007][rfc] and [RFC-0008][]'), ['RFC-0007', 'RFC-0008']);
  });

  it('skips reference definitions, autolinks and bare URLs', () => {
    assert.deepEqual(ids('[RFC-0007]: https://example.com/RFC-0007'), []);
    assert.deepEqual(ids('   [rfc]: docs/RFC-0007.md "title"'), []);
    assert.deepEqual(ids('<https://example.com/RFC-0007> RFC-0001'), ['RFC-0001']);
    assert.deepEqual(ids('see https://example.com/RFC-0007/x, then RFC-0001'), ['RFC-0001']);
    assert.deepEqual(ids('see www.example.com/RFC-0007 and RFC-0001'), ['RFC-0001']);
    assert.deepEqual(ids('file:///docs/RFC-0007.md ftp://x/PRD-0001'), []);
  });

  it('skips footnote labels but reads footnote text', () => {
    assert.deepEqual(ids('Text[^RFC-0001] here.'), []);
    assert.deepEqual(ids('[^RFC-0001]: RFC-0002 is cited'), ['RFC-0002']);
    assert.deepEqual(ids('[^1]: RFC-0003 is cited'), ['RFC-0003']);
  });

  it('reads headings, lists, tables and quotes', () => {
    const text = ['# TS-0001: Title', '- [ ] RFC-0002', '| PRD-0003 | x |', '> TS-0004'].join('\n');
    assert.deepEqual(ids(text), ['TS-0001', 'RFC-0002', 'PRD-0003', 'TS-0004']);
  });

  it('gives the same ranges with CRLF', () => {
    const text = '---\ndecision_ref: RFC-0007\n---\nSee TS-0001 and `RFC-0002`.\n```\nPRD-0001\n```\nPRD-0002\n';
    assert.deepEqual(refs(text.replace(/\n/g, '\r\n')), refs(text));
    assert.equal(refs(text).length, 3);
  });

  it('reads the template: placeholders only, no real ids', () => {
    const parsed = parseDocumentText(readTemplate());
    assert.deepEqual([...parsed.references(PREFIXES)], []);
  });

  it('caches references per prefix list on a parsed document', () => {
    const parsed = parseDocumentText('RFC-0001 ADR-0002');
    const first = parsed.references(['RFC']);
    assert.equal(parsed.references(['RFC']), first);
    assert.deepEqual(
      parsed.references(['ADR']).map((r) => r.id),
      ['ADR-0002'],
    );
    assert.deepEqual(
      parsed.references(['RFC']).map((r) => r.id),
      ['RFC-0001'],
    );
  });

  describe('maskedSpans', () => {
    it('marks code spans, link destinations, definitions, autolinks, URLs and footnote labels', () => {
      const text = '`a` [t](u) <http://x> https://y [^n]';
      const spans = maskedSpans(text)
        .map(([from, to]) => text.slice(from, to))
        .sort();
      assert.deepEqual(spans, ['[^n]', '](u)', '`a`', '<http://x>', 'http://x', 'https://y'].sort());
    });
  });

  describe('hostile input', () => {
    const hostileLines: Array<[string, string]> = [
      ['backticks and brackets', 'RFC-0001 ' + '`[RFC-](RFC-0'.repeat(15_400)],
      ['runs of rising length', 'RFC-0001 ' + Array.from({ length: 630 }, (_, i) => '`'.repeat(i + 1) + ' RFC-').join('')],
      ['link openers', 'RFC-0001 ' + ']('.repeat(100_000)],
      ['footnote openers', 'RFC-0001 ' + '[^'.repeat(100_000)],
      ['titles', 'RFC-0001 ' + '](a "'.repeat(40_000)],
      ['definition', '[' + 'RFC-0001 '.repeat(22_000)],
      ['autolinks', 'RFC-0001 ' + '<a:'.repeat(66_000)],
      ['urls', 'RFC-0001 ' + 'http://'.repeat(28_000)],
      ['dashes and digits', '-1'.repeat(100_000)],
      ['ids', 'RFC-0001 '.repeat(22_000)],
    ];
    for (const [name, line] of hostileLines) {
      it(`reads a 200k-character line of ${name} in linear time`, function () {
        this.timeout(5000);
        assert.ok(line.length >= 180_000, `${line.length}`);
        const found = ids(`# Title\n${line}\n`);
        if (line.startsWith('RFC-0001 ')) assert.equal(found[0], 'RFC-0001');
      });
    }

    it('reads a heading of 200k hostile characters', function () {
      this.timeout(5000);
      const found = ids('# RFC-0001 ' + '`[RFC-](RFC-0'.repeat(15_400));
      assert.equal(found[0], 'RFC-0001');
    });
  });
});
