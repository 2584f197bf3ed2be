import * as assert from 'node:assert/strict';
import {
  checklistProgress,
  countTasks,
  githubSlug,
  inlineToPlainText,
  isInFence,
  scanOutline,
  SlugCounter,
  tasksInSection,
  type Outline,
} from '../../src/core/outline';
import { readTemplate } from '../support/fixtures';

const doc = (...lines: string[]) => lines.join('\n');
const headings = (outline: Outline) => outline.headings.map((h) => [h.level, h.text, h.line]);
const full = (outline: Outline) => outline.headings.map((h) => ({ level: h.level, text: h.text, line: h.line, endLine: h.endLine, sectionEndLine: h.sectionEndLine }));

describe('outline', () => {
  describe('ATX headings', () => {
    it('reads levels 1 to 6 with line, endLine and sectionEndLine', () => {
      const text = doc('# One', 'text', '## Two', '### Three', 'more', '## Four', '# Five', '###### Six', '', 'end');
      assert.deepEqual(full(scanOutline(text)), [
        { level: 1, text: 'One', line: 0, endLine: 0, sectionEndLine: 5 },
        { level: 2, text: 'Two', line: 2, endLine: 2, sectionEndLine: 4 },
        { level: 3, text: 'Three', line: 3, endLine: 3, sectionEndLine: 4 },
        { level: 2, text: 'Four', line: 5, endLine: 5, sectionEndLine: 5 },
        { level: 1, text: 'Five', line: 6, endLine: 6, sectionEndLine: 9 },
        { level: 6, text: 'Six', line: 7, endLine: 7, sectionEndLine: 9 },
      ]);
    });

    it('drops a closing run of #, but not one glued to the text or escaped', () => {
      const text = doc('## Two ##', '', '### Three ###   ', '', '#### Four#', '', '##### Five \\#', '', '# #', '', '## Six ## x', '', '#\ttab');
      assert.deepEqual(headings(scanOutline(text)), [
        [2, 'Two', 0],
        [3, 'Three', 2],
        [4, 'Four#', 4],
        [5, 'Five #', 6],
        [1, '', 8],
        [2, 'Six ## x', 10],
        [1, 'tab', 12],
      ]);
    });

    it('needs a space after the hashes, at most six of them and at most three spaces of indent', () => {
      const text = doc('#5 not', '', '####### seven', '', '#hashtag', '', '   # three spaces', '', '    # four spaces', '', '\t# tab', '', '#');
      assert.deepEqual(headings(scanOutline(text)), [
        [1, 'three spaces', 6],
        [1, '', 12],
      ]);
    });

    it('interrupts a paragraph; an indented # inside a paragraph continues it', () => {
      assert.deepEqual(headings(scanOutline(doc('para', '# Heading', 'para', '    # not'))), [[1, 'Heading', 1]]);
    });
  });

  describe('setext headings', () => {
    it('reads = as level 1 and - as level 2, with endLine on the underline', () => {
      const text = doc('Title One', '=========', '', 'Title Two', '---', '', 'Multi line', '  heading text  ', '===', '', 'Short', '=');
      assert.deepEqual(full(scanOutline(text)), [
        { level: 1, text: 'Title One', line: 0, endLine: 1, sectionEndLine: 5 },
        { level: 2, text: 'Title Two', line: 3, endLine: 4, sectionEndLine: 5 },
        { level: 1, text: 'Multi line heading text', line: 6, endLine: 8, sectionEndLine: 9 },
        { level: 1, text: 'Short', line: 10, endLine: 11, sectionEndLine: 11 },
      ]);
    });

    it('makes --- after a paragraph an h2, but after a blank line a thematic break', () => {
      assert.deepEqual(headings(scanOutline(doc('Para', '---'))), [[2, 'Para', 0]]);
      assert.deepEqual(headings(scanOutline(doc('Para', '', '---'))), []);
      assert.deepEqual(headings(scanOutline(doc('---', 'Para'))), []);
      assert.deepEqual(headings(scanOutline(doc('Para', '***'))), []);
      assert.deepEqual(headings(scanOutline(doc('Para', '- - -'))), []);
      assert.deepEqual(headings(scanOutline(doc('Para', '___'))), []);
      assert.deepEqual(headings(scanOutline(doc('Para', '    ---'))), []);
      assert.deepEqual(headings(scanOutline(doc('Para', '   ---   '))), [[2, 'Para', 0]]);
    });

    it('does not treat the front matter delimiters as underlines or breaks', () => {
      assert.deepEqual(headings(scanOutline(doc('---', 'title: x', '---', 'Text'))), []);
      assert.deepEqual(headings(scanOutline(doc('---', 'title: x', '---', '---', 'Text', '==='))), [[1, 'Text', 4]]);
      assert.deepEqual(headings(scanOutline(doc('---', 'title: x', '...', 'Body', '---'))), [[2, 'Body', 3]]);
      // An unclosed block hides the rest: nothing there is read as headings.
      assert.deepEqual(headings(scanOutline(doc('---', 'title: x', '# Body'))), []);
    });

    it('does not underline a list item, a quote, a table or a reference definition', () => {
      assert.deepEqual(headings(scanOutline(doc('- item', '---'))), []);
      assert.deepEqual(headings(scanOutline(doc('> quote', '---'))), []);
      assert.deepEqual(headings(scanOutline(doc('| a | b |', '|---|---|', '| 1 | 2 |', '---'))), []);
      assert.deepEqual(headings(scanOutline(doc('[foo]: /url', '==='))), []);
      assert.deepEqual(headings(scanOutline(doc('a |', '---'))), []);
    });

    it('does not underline a lazy continuation line of a list item or a quote', () => {
      assert.deepEqual(headings(scanOutline(doc('- item', 'continuation', '---'))), []);
      assert.deepEqual(headings(scanOutline(doc('- [ ] Target: [Date]', 'Some note', '---', 'After', '---'))), [[2, 'After', 3]]);
      assert.deepEqual(headings(scanOutline(doc('> quote', 'lazy', '==='))), []);
      assert.deepEqual(headings(scanOutline(doc('- a', '', '  b', 'c', '---'))), []);
      // After a blank line, an unindented paragraph is outside the list again.
      assert.deepEqual(headings(scanOutline(doc('- a', '', 'b', '---'))), [[2, 'b', 2]]);
    });

    it('keeps a paragraph that starts with a pipe but is no table', () => {
      assert.deepEqual(headings(scanOutline(doc('| a', 'foo', '---'))), [[2, '| a foo', 0]]);
    });
  });

  describe('fenced code', () => {
    it('ignores headings inside ``` and ~~~ fences and records the fences', () => {
      const text = doc('```js', '# not', '```', '~~~', '# not', '~~~~', '# Yes');
      const outline = scanOutline(text);
      assert.deepEqual(headings(outline), [[1, 'Yes', 6]]);
      assert.deepEqual(outline.fences, [
        { start: 0, end: 2 },
        { start: 3, end: 5 },
      ]);
    });

    it('closes only with the same character, at least as long, with nothing after', () => {
      const text = doc('````', '```', '# not', '~~~~', '```` x', '# not', '````  ', '# Yes');
      const outline = scanOutline(text);
      assert.deepEqual(headings(outline), [[1, 'Yes', 7]]);
      assert.deepEqual(outline.fences, [{ start: 0, end: 6 }]);
    });

    it('runs an unclosed fence to the end of the file', () => {
      const outline = scanOutline(doc('# A', '```', '# not', ''));
      assert.deepEqual(headings(outline), [[1, 'A', 0]]);
      assert.deepEqual(outline.fences, [{ start: 1, end: 3 }]);
      assert.ok(isInFence(outline, 2));
      assert.ok(!isInFence(outline, 0));
    });

    it('does not open a backtick fence whose info string has a backtick; a tilde fence may', () => {
      const ticks = scanOutline(doc('``` `x`', '# Yes'));
      assert.deepEqual(headings(ticks), [[1, 'Yes', 1]]);
      assert.deepEqual(ticks.fences, []);
      const tildes = scanOutline(doc('~~~ `x`', '# not', '~~~'));
      assert.deepEqual(headings(tildes), []);
      assert.deepEqual(tildes.fences, [{ start: 0, end: 2 }]);
    });

    it('opens with up to three spaces of indent; four is indented code', () => {
      assert.deepEqual(scanOutline(doc('   ```', '# not', '  ```')).fences, [{ start: 0, end: 2 }]);
      assert.deepEqual(scanOutline(doc('    ```', '# Yes')).fences, []);
      assert.deepEqual(headings(scanOutline(doc('    ```', '# Yes'))), [[1, 'Yes', 1]]);
    });

    it('reads a fence inside a list item, and ends it with the item', () => {
      const closed = scanOutline(doc('1. Step', '   ```', '   # not', '   ```', '# Yes'));
      assert.deepEqual(headings(closed), [[1, 'Yes', 4]]);
      assert.deepEqual(closed.fences, [{ start: 1, end: 3 }]);
      const nested = scanOutline(doc('- a', '  - b', '    ```', '    # not', '    ```', '# Yes'));
      assert.deepEqual(headings(nested), [[1, 'Yes', 5]]);
      assert.deepEqual(nested.fences, [{ start: 2, end: 4 }]);
      const unclosed = scanOutline(doc('- a', '  ```', '  code', '# Heading'));
      assert.deepEqual(headings(unclosed), [[1, 'Heading', 3]]);
      assert.deepEqual(unclosed.fences, [{ start: 1, end: 2 }]);
    });
  });

  describe('slugs', () => {
    it('follows GitHub: lower case, punctuation dropped, spaces to hyphens', () => {
      assert.equal(githubSlug('Deployment & Operations'), 'deployment--operations');
      assert.equal(githubSlug('GET /resource/{id}'), 'get-resourceid');
      assert.equal(githubSlug('TS-XXXX: [Component/Feature Name]'), 'ts-xxxx-componentfeature-name');
      assert.equal(githubSlug('Phase 1: Foundation'), 'phase-1-foundation');
      assert.equal(githubSlug('snake_case_name'), 'snake_case_name');
      assert.equal(githubSlug('Über Café 日本語'), 'über-café-日本語');
      assert.equal(githubSlug('🎉 Party'), '-party');
      assert.equal(githubSlug(''), '');
    });

    it('numbers duplicates -1, -2, skipping slugs already taken', () => {
      const outline = scanOutline(doc('# A', '# A', '# A', '# A-1', '# A 1', '# a', '## Deployment & Operations'));
      assert.deepEqual(
        outline.headings.map((h) => h.slug),
        ['a', 'a-1', 'a-2', 'a-1-1', 'a-1-2', 'a-3', 'deployment--operations'],
      );
      const counter = new SlugCounter();
      assert.deepEqual(['x', 'x-1', 'x', 'x'].map((text) => counter.next(text)), ['x', 'x-1', 'x-2', 'x-3']);
    });
  });

  describe('heading text', () => {
    it('strips inline markup', () => {
      const text = '## The `code` and *em* and **strong** and _u_ and [link](http://x "t") and ![img](src) and ~~del~~ and <https://auto.link>';
      assert.deepEqual(headings(scanOutline(text)), [[2, 'The code and em and strong and u and link and img and del and https://auto.link', 0]]);
    });

    it('keeps literal text literal: code span content, escapes, intraword underscores', () => {
      assert.equal(inlineToPlainText('The created_at_time field'), 'The created_at_time field');
      assert.equal(inlineToPlainText('`*ptr*` and `Result<T>`'), '*ptr* and Result<T>');
      assert.equal(inlineToPlainText('\\*not emphasis\\*'), '*not emphasis*');
      assert.equal(inlineToPlainText('`` a ` b ``'), 'a ` b');
      assert.equal(inlineToPlainText('` padded `'), 'padded');
      assert.equal(inlineToPlainText('a &amp; b &lt;c&gt; &quot;d&quot; &#35; &#x41;'), 'a & b <c> "d" # A');
      assert.equal(inlineToPlainText('&amp;lt;'), '&lt;');
      assert.equal(inlineToPlainText('<b>bold</b> text'), 'bold text');
      assert.equal(inlineToPlainText('[RFC-0007][rfc] ref'), 'RFC-0007 ref');
      assert.equal(inlineToPlainText('  plain  '), 'plain');
      // Private-use characters of the text itself are not mistaken for held-text markers.
      assert.equal(inlineToPlainText('x \uE0000\uE001 `y` \uE001\uE000'), 'x \uE0000\uE001 y \uE001\uE000');
    });

    it('stays fast on a hostile heading', function () {
      this.timeout(5000);
      const hostile = '# ' + '*_`['.repeat(50_000);
      const outline = scanOutline(hostile);
      assert.equal(outline.headings.length, 1);
    });
  });

  describe('task items', () => {
    it('reads - [ ], - [x], * [X], 1. [ ] and + [x], each with its heading', () => {
      const text = doc(
        '- [ ] before any heading',
        '# Plan',
        '- [ ] one',
        '- [x] two',
        '* [X] three',
        '1. [ ] four',
        '+ [x] five',
        '2) [ ] six',
        '- [] not',
        '-[ ] not',
        '- [y] not',
        '[ ] not',
        '## Sub',
        '',
        '  - [ ] nested',
        '```',
        '- [ ] fenced',
        '```',
        '> - [ ] quoted',
      );
      const outline = scanOutline(text);
      assert.deepEqual(
        outline.tasks.map((t) => [t.line, t.checked, t.text, t.headingIndex]),
        [
          [0, false, 'before any heading', -1],
          [2, false, 'one', 0],
          [3, true, 'two', 0],
          [4, true, 'three', 0],
          [5, false, 'four', 0],
          [6, true, 'five', 0],
          [7, false, 'six', 0],
          [14, false, 'nested', 1],
          // A task in a quoted list is a task in the preview too.
          [18, false, 'quoted', 1],
        ],
      );
      assert.deepEqual(countTasks(outline.tasks), { done: 3, total: 9 });
      assert.deepEqual(
        tasksInSection(outline, 0).map((t) => t.line),
        [2, 3, 4, 5, 6, 7, 14, 18],
      );
      assert.deepEqual(
        tasksInSection(outline, 1).map((t) => t.line),
        [14, 18],
      );
      assert.deepEqual(tasksInSection(outline, 5), []);
    });

    it('counts the checklist section only; without one it counts nothing and says so', () => {
      const withSection = scanOutline(doc('## Compliance', '- [ ] a', '## Implementation Checklist', '### Phase 1', '- [x] b', '- [ ] c', '## References', '- [ ] d'));
      assert.deepEqual(checklistProgress(withSection), { done: 1, total: 2, found: true });
      const without = scanOutline(doc('# Plan', '- [x] a', '- [ ] b', '- [X] c'));
      assert.deepEqual(checklistProgress(without), { done: 0, total: 0, found: false });
      assert.deepEqual(checklistProgress(scanOutline('')), { done: 0, total: 0, found: false });
    });

    it('reads the checklist section by its configured name, case and spacing aside', () => {
      const outline = scanOutline(doc('## Implementation Checklist', '- [x] a', '## Delivery  tasks', '- [x] b', '- [ ] c', '### Later', '- [ ] d', '## Notes', '- [x] e'));
      assert.deepEqual(checklistProgress(outline, 'Delivery Tasks'), { done: 1, total: 3, found: true });
      assert.deepEqual(checklistProgress(outline), { done: 1, total: 1, found: true });
      assert.deepEqual(checklistProgress(outline, 'Rollout'), { done: 0, total: 0, found: false });
    });
  });

  describe('the template', () => {
    const template = readTemplate();

    it('has the expected top-level sections', () => {
      const outline = scanOutline(template);
      assert.deepEqual(
        outline.headings.filter((h) => h.level <= 2).map((h) => [h.level, h.text, h.line]),
        [
          [1, 'TS-XXXX: [Component/Feature Name]', 11],
          [2, 'Executive Summary', 13],
          [2, 'Table of Contents', 19],
          [2, 'Design Overview', 35],
          [2, 'Detailed Specifications', 62],
          [2, 'Data Model', 108],
          [2, 'API Specification', 159],
          [2, 'Security Implementation', 258],
          [2, 'Performance Considerations', 291],
          [2, 'Testing Strategy', 321],
          [2, 'Deployment & Operations', 352],
          [2, 'Dependencies', 392],
          [2, 'Implementation Checklist', 416],
          [2, 'References', 449],
        ],
      );
      assert.equal(outline.headings.length, 57);
      assert.equal(outline.lineCount, template.split('\n').length);
    });

    it('has Table of Contents links that match the slugs', () => {
      const outline = scanOutline(template);
      const slugs = new Set(outline.headings.map((h) => h.slug));
      const links = [...template.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
      assert.equal(links.length, 11);
      for (const link of links) assert.ok(slugs.has(link), link);
    });

    it('ignores the headings-like lines in its code blocks', () => {
      const outline = scanOutline(template);
      assert.equal(outline.fences.length, 10);
      for (const heading of outline.headings) assert.ok(!isInFence(outline, heading.line));
      // The SQL block's `-- additional fields` is no underline.
      assert.ok(!outline.headings.some((h) => h.text.includes('entity1_id UUID')));
    });

    it('has 17 tasks in the Implementation Checklist, 19 in all', () => {
      const outline = scanOutline(template);
      assert.equal(outline.tasks.length, 19);
      assert.deepEqual(checklistProgress(outline), { done: 0, total: 17, found: true });
      const checked = template.replace('- [ ] Set up project structure', '- [x] Set up project structure').replace('- [ ] Security review', '- [X] Security review');
      assert.deepEqual(checklistProgress(scanOutline(checked)), { done: 2, total: 17, found: true });
      const phase1 = scanOutline(template).headings.findIndex((h) => h.text === 'Phase 1: Foundation');
      assert.deepEqual(
        tasksInSection(outline, phase1).map((t) => t.text),
        ['Set up project structure', 'Configure development environment', 'Implement core data models', 'Target: [Date]'],
      );
    });

    it('reads the same with CRLF line breaks', () => {
      const lf = scanOutline(template);
      const crlf = scanOutline(template.replace(/\n/g, '\r\n'));
      assert.deepEqual(crlf, lf);
    });
  });
});
