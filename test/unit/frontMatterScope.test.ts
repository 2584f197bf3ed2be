import * as assert from 'node:assert/strict';
import { parseFrontMatter, splitLines } from '../../src/core/frontMatter';
import { isInFrontMatter } from '../../src/core/frontMatterScope';

const CASES = [
  '---\ntitle: A\nstatus: DRAFT\n---\n\n# A\n\nbody\n',
  '---\ntitle: A\nstatus: DRAFT\n',
  '\uFEFF---\ntitle: A\n---\nbody\n',
  '# No front matter\n---\nkey: value\n---\n',
  '---\r\ntitle: A\r\n...\r\nbody\r\n',
  '',
  '---\n---\n',
];

describe('isInFrontMatter', () => {
  for (const text of CASES) {
    it(`agrees with parseFrontMatter on ${JSON.stringify(text.slice(0, 24))}`, () => {
      const lines = splitLines(text);
      const frontMatter = parseFrontMatter(text, lines);
      for (let line = 0; line < lines.length; line++) {
        const expected = frontMatter.kind !== 'none' && line >= 1 && (frontMatter.kind === 'unclosed' || line < frontMatter.endLine);
        assert.equal(isInFrontMatter((i) => lines[i], line), expected, `line ${line}`);
      }
    });
  }

  it('reads only the lines up to the front matter end', () => {
    const lines = ['---', 'title: A', '---', ...Array.from({ length: 100_000 }, (_, i) => `line ${i}`)];
    const read: number[] = [];
    assert.equal(isInFrontMatter((i) => (read.push(i), lines[i]), 90_000), false);
    assert.deepEqual(read, [0, 1, 2]);
  });
});
