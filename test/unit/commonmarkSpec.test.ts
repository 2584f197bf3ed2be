// The CommonMark 0.31.2 spec examples (npm commonmark-spec): the headings (level, plain text, line)
// and task items (line, checked) that src/core finds, at every depth, against markdown-it 15 with
// html on, the parser of VS Code's preview. Each example also runs nested in a block quote and in
// a list item. A difference not listed below with its reason fails the test, and so does a listed
// one that went away (the list must shrink as the scanner improves).
import * as assert from 'node:assert/strict';
import { scanOutline } from '../../src/core/outline';
import { outlineBlocks, referenceBlocks, type BlockOutline } from '../support/referenceOutline';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const spec = require('commonmark-spec') as { tests: ReadonlyArray<{ markdown: string; number: number; section: string }> };

/** markdown-it's view; the spec's examples have no front matter to blank (example 96 is the one that looks like it). */
const reference = (text: string): BlockOutline => referenceBlocks(text, { frontMatter: 'keep' });
const ours = (text: string): BlockOutline => outlineBlocks(scanOutline(text));

/** The spec writes tabs as `→`. */
const examples = spec.tests.map((example) => ({ ...example, markdown: example.markdown.replace(/\u2192/g, '\t') }));

const eachLine = (markdown: string, prefix: (index: number) => string) =>
  markdown
    .split('\n')
    .map((line, index, all) => (index === all.length - 1 && line === '' ? line : prefix(index) + line))
    .join('\n');

const DEPTHS: ReadonlyArray<readonly [name: string, wrap: (markdown: string) => string]> = [
  ['top level', (markdown) => markdown],
  ['in a block quote', (markdown) => eachLine(markdown, () => '> ')],
  ['in a list item', (markdown) => eachLine(markdown, (index) => (index === 0 ? '- ' : '  '))],
  ['in a list item in a block quote', (markdown) => eachLine(markdown, (index) => (index === 0 ? '> - ' : '>   '))],
  ['in a block quote in an ordered list item', (markdown) => eachLine(markdown, (index) => (index === 0 ? '10. > ' : '    > '))],
];

const FRONT_MATTER = 'a leading `---` block is front matter by design: the outline starts after it';

/** Every known difference, by depth, example number and reason. */
const KNOWN: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'top level': { 96: FRONT_MATTER },
  'in a block quote': {},
  'in a list item': {},
  'in a list item in a block quote': {},
  'in a block quote in an ordered list item': {},
};

describe('CommonMark spec examples: outline ≡ markdown-it', () => {
  for (const [depth, wrap] of DEPTHS) {
    it(`agrees on every example ${depth}, but the listed differences`, () => {
      const known = KNOWN[depth];
      const differing: number[] = [];
      for (const example of examples) {
        const text = wrap(example.markdown);
        const expected = reference(text);
        const actual = ours(text);
        if (JSON.stringify(actual) === JSON.stringify(expected)) continue;
        differing.push(example.number);
        if (!(example.number in known)) {
          assert.deepEqual(actual, expected, `example ${example.number} (${example.section}) ${depth}:\n${text}`);
        }
      }
      assert.deepEqual(differing, Object.keys(known).map(Number), 'a listed difference went away: take it off the list');
    });
  }

  it('the comparison sees headings and tasks at depth', () => {
    assert.deepEqual(reference('> # A\n- ## B\n  - [x] c'), { headings: [[1, 'A', 0], [2, 'B', 1]], tasks: [[2, true]] });
    assert.equal(examples.length, 652);
  });
});
