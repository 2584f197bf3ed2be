// Headings, tasks and heading texts that the outline missed or got wrong, each compared with
// markdown-it (html on), the parser of VS Code's preview, at every nesting depth.
import * as assert from 'node:assert/strict';
import { scanOutline } from '../../src/core/outline';
import { outlineBlocks, referenceBlocks, type BlockOutline } from '../support/referenceOutline';

function agrees(text: string, expected: BlockOutline): void {
  assert.deepEqual(referenceBlocks(text), expected, 'the expectation is what markdown-it renders');
  assert.deepEqual(outlineBlocks(scanOutline(text)), expected);
}

describe('outline: known misses, now as the preview renders them', () => {
  it('a heading inside a block quote', () => {
    agrees('> # Foo\n> bar', { headings: [[1, 'Foo', 0]], tasks: [] });
    agrees('para\n\n>     # code, not a heading', { headings: [], tasks: [] });
  });

  it('a heading on a list item’s first line', () => {
    agrees('- # Foo\n- ## Bar\n\n1. ### Baz', { headings: [[1, 'Foo', 0], [2, 'Bar', 1], [3, 'Baz', 3]], tasks: [] });
  });

  it('a setext heading whose text is on a list marker line', () => {
    agrees('- Foo\n  ---', { headings: [[2, 'Foo', 0]], tasks: [] });
    agrees('- Foo\n  bar\n  ===\n\nafter', { headings: [[1, 'Foo bar', 0]], tasks: [] });
    // Outdented, the underline is a thematic break after the list.
    agrees('- Foo\n---', { headings: [], tasks: [] });
  });

  it('`-     [ ] foo` (five columns after the marker) is indented code, not a task', () => {
    agrees('-     [ ] foo\n- [ ] bar', { headings: [], tasks: [[1, false]] });
  });

  it('a fence opened at a parent list item’s indentation, after a nested item, closes there', () => {
    agrees('* a\n  * b\n  ```\n  x\n    ```\n\n# After', { headings: [[1, 'After', 6]], tasks: [] });
    agrees('1. a\n   - b\n   ~~~\n   # not a heading\n   ~~~\n   - [x] c\n# After', { headings: [[1, 'After', 6]], tasks: [[5, true]] });
    // Outdented past the parent item, the fence ends with the list.
    agrees('- a\n  - b\n  ```\n# Out\n```\n# In code', { headings: [[1, 'Out', 3]], tasks: [] });
  });

  it('every sibling task of a nested list indented four or more columns counts', () => {
    agrees('- [ ] top\n    - [ ] one\n    - [x] two\n    - [ ] three', { headings: [], tasks: [[0, false], [1, false], [2, true], [3, false]] });
    agrees('10. [ ] top\n\n      - [x] one\n      - [ ] two\n\n   - [x] three', { headings: [], tasks: [[0, false], [2, true], [3, false], [5, true]] });
    agrees('* x\n  * y\n    * [ ] deep\n    * [x] deeper\n  * [ ] back', { headings: [], tasks: [[2, false], [3, true], [4, false]] });
  });

  it('a task item that is no task: a box alone before a line break, a heading, a table header', () => {
    agrees('- [ ]\n  foo\n- [x]  \n  bar', { headings: [], tasks: [[2, true]] });
    agrees('- [ ] Foo\n  ---\n- [x] a | b\n  --|--', { headings: [[2, '[ ] Foo', 0]], tasks: [] });
    agrees('-\n  [x] on the next line', { headings: [], tasks: [[0, true]] });
  });

  it('blocks nested in quotes and items at any depth', () => {
    agrees('> - # A\n>   B\n>   ===\n> > ## C\n>\n> 1. > - [x] d', { headings: [[1, 'A', 0], [1, 'B', 1], [2, 'C', 3]], tasks: [[5, true]] });
    agrees('> ```\n> # code\n# After', { headings: [[1, 'After', 2]], tasks: [] });
    agrees('> quote\nlazy\n===\n> - item\nlazy\n---', { headings: [], tasks: [] });
  });

  describe('heading text', () => {
    it('drops HTML comments and inline HTML', () => {
      agrees('## Links <!-- optional -->', { headings: [[2, 'Links', 0]], tasks: [] });
      agrees('# A <span class="x">b</span> c', { headings: [[1, 'A b c', 0]], tasks: [] });
    });

    it('decodes every HTML5 named entity', () => {
      agrees('# Build &mdash; test &copy; &hellip; &Auml; &amp;lt;', { headings: [[1, 'Build — test © … Ä &lt;', 0]], tasks: [] });
      agrees('# Not one: &notanentity; &amp', { headings: [[1, 'Not one: &notanentity; &amp', 0]], tasks: [] });
    });

    it('reads a link whose destination has parentheses', () => {
      agrees('# [Foo](/a_(b)) and ![alt](x(1).png)', { headings: [[1, 'Foo and alt', 0]], tasks: [] });
    });

    it('keeps text that only looks like a tag', () => {
      agrees('# List<String, Integer>', { headings: [[1, 'List<String, Integer>', 0]], tasks: [] });
    });

    it('strips nested emphasis fully', () => {
      agrees('# **a *b* c**', { headings: [[1, 'a b c', 0]], tasks: [] });
      agrees('# *__d__*', { headings: [[1, 'd', 0]], tasks: [] });
      agrees('# ***x** y*', { headings: [[1, 'x y', 0]], tasks: [] });
      agrees('# _a **b** c_', { headings: [[1, 'a b c', 0]], tasks: [] });
    });

    it('resolves a shortcut reference link to its text, only when it is defined', () => {
      agrees('# [Foo] guide\n\n[foo]: https://example.com', { headings: [[1, 'Foo guide', 0]], tasks: [] });
      agrees('# [Foo] guide', { headings: [[1, '[Foo] guide', 0]], tasks: [] });
    });
  });
});
