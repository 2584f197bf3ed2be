import * as assert from 'node:assert/strict';
import { ParseCache, parseDocumentText } from '../../src/core/parse';
import { detach, detectEol, escapeRegExp, LineIndex, lineRange, pos, range } from '../../src/core/text';

describe('text', () => {
  describe('LineIndex', () => {
    it('counts \\n, \\r\\n and lone \\r as line breaks, as VS Code does', () => {
      const index = new LineIndex('a\nbc\r\nd\re');
      assert.deepEqual(index.starts, [0, 2, 6, 8]);
      assert.equal(index.lineCount, 4);
      assert.deepEqual([0, 1, 2, 3].map((line) => index.lineText(line)), ['a', 'bc', 'd', 'e']);
      assert.deepEqual([0, 1, 2, 3].map((line) => index.lineBreak(line)), ['\n', '\r\n', '\r', '']);
      assert.deepEqual([0, 1, 2, 3].map((line) => index.lineLength(line)), [1, 2, 1, 1]);
    });

    it('converts offsets and positions both ways, clamping out-of-range input', () => {
      const text = 'ab\r\ncd\n';
      const index = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const position = index.positionAt(offset);
        if (text[offset - 1] === '\r' && text[offset] === '\n') {
          // Inside a CRLF: the position is the end of the line.
          assert.deepEqual(position, pos(0, 2));
          continue;
        }
        assert.equal(index.offsetAt(position), offset, `offset ${offset}`);
      }
      assert.deepEqual(index.positionAt(-5), pos(0, 0));
      assert.deepEqual(index.positionAt(999), pos(2, 0));
      assert.equal(index.offsetAt(pos(-1, 3)), 0);
      assert.equal(index.offsetAt(pos(9, 0)), text.length);
      assert.equal(index.offsetAt(pos(0, 99)), 2);
      assert.deepEqual(index.rangeOf(1, 5), range(0, 1, 1, 1));
    });

    it('reads an empty text as one empty line', () => {
      const index = new LineIndex('');
      assert.equal(index.lineCount, 1);
      assert.equal(index.lineText(0), '');
      assert.deepEqual(index.positionAt(0), pos(0, 0));
    });
  });

  it('builds ranges', () => {
    assert.deepEqual(lineRange(3, 1, 4), { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } });
  });

  it('detects the dominant line break from the first one', () => {
    assert.equal(detectEol('a\r\nb\nc'), '\r\n');
    assert.equal(detectEol('a\nb\r\nc'), '\n');
    assert.equal(detectEol('abc'), '\n');
    assert.equal(detectEol('a\rb'), '\n');
  });

  it('escapes every regular-expression character', () => {
    const special = '.*+?^${}()|[]\\';
    assert.ok(new RegExp(`^${escapeRegExp(special)}$`).test(special));
  });

  it('copies strings without changing them', () => {
    for (const value of ['', 'short', 'x'.repeat(1000), 'ünï\u2028"\\']) assert.equal(detach(value), value);
  });

  describe('parse', () => {
    it('parses a document once per version', () => {
      const cache = new ParseCache();
      let text = '# A';
      const document = { uri: { toString: () => 'file:///a.md' }, version: 1, getText: () => text };
      const first = cache.get(document);
      assert.equal(cache.get(document), first);
      text = '# B';
      assert.equal(cache.get(document), first, 'same version: the cached parse');
      const second = cache.get({ ...document, version: 2 });
      assert.notEqual(second, first);
      assert.equal(second.outline.headings[0].text, 'B');
      cache.evict(document.uri);
      assert.notEqual(cache.get({ ...document, version: 2 }), second);
      const third = cache.get({ ...document, version: 2 });
      cache.clear();
      assert.notEqual(cache.get({ ...document, version: 2 }), third);
    });

    it("does not lend one document's parse to another that reuses its uri and version (a new Untitled-1)", () => {
      const cache = new ParseCache();
      const uri = { toString: () => 'untitled:Untitled-1' };
      const closed = { uri, version: 1, getText: () => '# Closed' };
      assert.equal(cache.get(closed).outline.headings[0].text, 'Closed');
      // Its close event has not arrived yet: the new document must still be parsed for itself.
      const opened = { uri, version: 1, getText: () => '# Opened' };
      assert.equal(cache.get(opened).outline.headings[0].text, 'Opened');
      assert.equal(cache.get(opened), cache.get(opened));
    });

    it('shares lines, front matter and outline', () => {
      const parsed = parseDocumentText('---\na: b\n---\n# H\r\nRFC-0001');
      assert.deepEqual([...parsed.lines], ['---', 'a: b', '---', '# H', 'RFC-0001']);
      assert.equal(parsed.frontMatter.kind, 'closed');
      assert.equal(parsed.outline.headings.length, 1);
      assert.deepEqual(
        parsed.references(['RFC']).map((r) => r.id),
        ['RFC-0001'],
      );
    });
  });
});
