// scanOutline is a line scanner; markdown-it is a full CommonMark parser. Their top-level headings
// (level, text, line) must agree on the template, on tricky generated documents and on fixtures.
import * as assert from 'node:assert/strict';
import { scanOutline } from '../../src/core/outline';
import { markdownFixtures, Random, readTemplate } from '../support/fixtures';
import { blankFrontMatter, referenceHeadings, referenceOutline } from '../support/referenceOutline';

/**
 * The scanner also reports headings inside list items (VS Code's outline shows them); markdown-it
 * nests those, and the comparison is about the top level: such lines are left out, nothing else.
 */
function assertSameHeadings(text: string, label: string): void {
  const reference = referenceOutline(text);
  const ours = scanOutline(text)
    .headings.filter((h) => !reference.nestedLines.has(h.line))
    .map((h) => ({ level: h.level, text: h.text, line: h.line }));
  assert.deepEqual(ours, reference.headings, `${label}\n--- document ---\n${text}\n--- end ---`);
}

const INLINE = [
  'Plain words',
  'With `code` span',
  'With `` double ` tick ``',
  '*emphasis* and **strong**',
  '_under_ and __double__',
  'snake_case_name field',
  'a [link](https://example.com "title") here',
  'an ![image](img.png) here',
  '~~struck~~ text',
  'Deployment & Operations',
  'Fish &amp; chips &lt;3',
  'Escaped \\*stars\\* and \\_under\\_',
  'Ends with hashes ##',
  'Trailing #hash',
  'GET /resource/{id}',
  'TS-0001: [Component/Feature Name]',
  'Über Café 日本語',
  'Numbers 1. 2) 3',
  '`Result<T>` type',
  'autolink <https://example.com/x>',
  '2*3*4',
];

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'RFC-0007', 'x', 'the', 'end.', '|', 'a | b', ':', '#tag', '- not', '1.5'];

/** One block; `afterList` tells whether an indented block could land inside a preceding list item. */
type Block = (random: Random, afterList: boolean) => string[];

function words(random: Random, min = 1, max = 5): string {
  const count = random.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(random.pick(WORDS));
  // A line that starts with a marker would be another block.
  return out.join(' ').replace(/^[|:#-]/, 'w');
}

const indent = (random: Random, afterList: boolean) => (afterList ? '' : ' '.repeat(random.pick([0, 0, 0, 1, 2, 3])));

const BLOCKS: Block[] = [
  // ATX heading
  (random, afterList) => {
    const hashes = '#'.repeat(random.int(1, 6));
    const closing = random.chance(0.2) ? ` ${'#'.repeat(random.int(1, 4))}` : '';
    return [`${indent(random, afterList)}${hashes} ${random.pick(INLINE)}${closing}`];
  },
  // Setext heading, one to three lines of text
  (random, afterList) => {
    const lines: string[] = [];
    const count = random.int(1, 3);
    for (let i = 0; i < count; i++) lines.push(i === 0 ? `${indent(random, afterList)}${random.pick(INLINE)}` : words(random));
    lines.push(indent(random, afterList) + random.pick(['=', '===', '---', '-', '--------', '==  ', '-- ']));
    return lines;
  },
  // Paragraph
  (random) => {
    const lines: string[] = [];
    for (let i = random.int(1, 3); i > 0; i--) lines.push(words(random, 1, 8));
    return lines;
  },
  // Thematic break
  (random) => [random.pick(['---', '***', '___', '- - -', '* * *', '_ _ _', '-----', ' ---'])],
  // Fenced code, sometimes with a longer closing fence or an info string
  (random, afterList) => {
    const char = random.pick(['`', '~']);
    const length = random.int(3, 5);
    const info = random.pick(['', 'js', 'sql', 'text title="x"', char === '~' ? '`tilde ok`' : 'bash']);
    const content = random.shuffle(['# not a heading', '---', '===', 'text', '- [ ] fenced task', '```', '~~~', '    indented', 'Setext?', '-----']).slice(0, random.int(0, 4));
    const closing = char.repeat(length + random.pick([0, 0, 1, 2]));
    return [`${indent(random, afterList)}${char.repeat(length)}${info}`, ...content, closing];
  },
  // A list: items, tasks, nested items, continuation lines (indented and lazy), a fence in an item
  (random) => {
    const lines: string[] = [];
    const ordered = random.chance(0.3);
    for (let i = 0; i < random.int(1, 4); i++) {
      const marker = ordered ? `${i + 1}${random.pick(['.', ')'])}` : random.pick(['-', '*', '+']);
      const task = random.chance(0.3) ? `[${random.pick([' ', 'x', 'X'])}] ` : '';
      lines.push(`${marker} ${task}${words(random)}`);
      const pad = ' '.repeat(marker.length + 1);
      const extra = random.int(0, 6);
      if (extra === 1) lines.push(`${pad}${words(random)}`);
      if (extra === 2) lines.push(words(random)); // lazy continuation
      if (extra === 3) lines.push(`${pad}- nested ${words(random)}`);
      if (extra === 4) lines.push('', `${pad}${words(random)}`);
      if (extra === 5) lines.push(`${pad}\`\`\``, `${pad}# not a heading`, `${pad}---`, `${pad}\`\`\``);
      if (extra === 6 && i > 0) lines.push('');
    }
    return lines;
  },
  // A table, with or without outer pipes, sometimes followed by loose rows
  (random) => {
    const pipes = random.chance(0.7);
    const row = (cells: string[]) => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const columns = random.int(1, 3);
    const header = Array.from({ length: columns }, (_, i) => `H${i}`);
    // Without an outer pipe, `- | -` is a list item (a delimiter row cannot start with `- `).
    const delimiter = Array.from({ length: columns }, (_, i) => random.pick(['---', ':--', '--:', ':-:', ...(pipes || i > 0 ? ['-'] : [])]));
    if (columns === 1 && !pipes) return [row(header), row(delimiter)].map((line) => `| ${line}`);
    const lines = [row(header), row(delimiter)];
    for (let i = random.int(0, 3); i > 0; i--) lines.push(row(Array.from({ length: columns }, () => random.pick(['1', 'x', '`a|b`', 'RFC-1']))));
    if (random.chance(0.2)) lines.push('loose row text');
    return lines;
  },
  // A block quote, with lazy lines, nested quotes, and headings inside (not top level)
  (random) => {
    const lines = [`> ${words(random)}`];
    for (let i = random.int(0, 3); i > 0; i--) {
      const line = random.pick([`> ${words(random)}`, words(random), '> > nested', '> # quoted heading', '> ---', '>', '> - item']);
      // markdown-it ends nested quotes early on an indented lazy line that starts a block (where
      // CommonMark reads lazy text): a quirk not worth copying. An empty quote line ends the nesting.
      lines.push(...(line === '> > nested' ? [line, '>'] : [line]));
    }
    return lines;
  },
  // Indented code (only meaningful after a blank line). After a list it would be a list item's
  // content, whose headings markdown-it nests (and the reference leaves out): plain text then.
  (random, afterList) => (afterList ? [words(random)] : [`    ${random.pick(['# not a heading', 'code', '---'])}`, `    ${words(random)}`]),
  // An HTML block: a comment, a block tag, a lone tag or a <pre>; headings, tasks and fences inside are raw HTML
  (random) => {
    const inner = random.shuffle(['# not a heading', '- [ ] raw task', 'text', '```', '', '---']).slice(0, random.int(0, 3));
    const kind = random.int(0, 3);
    if (kind === 0) return ['<!--', ...inner, '-->'];
    if (kind === 1) return [random.pick(['<div>', '<details>', '<table class="x">']), ...inner, '</div>'];
    if (kind === 2) return [random.pick(['<span>', '<a href="x">', '</em>', '<custom-tag data-x=1 />']), ...inner];
    return ['<pre>', ...inner, '</pre>'];
  },
  // A link reference definition
  (random) => [`[${random.pick(['rfc', 'foo', 'RFC-0007'])}]: ${random.pick(['https://example.com', '/url', '<./a b.md>'])}${random.pick(['', ' "title"', " 'title'"])}`],
];

function generateDocument(random: Random): string {
  const out: string[] = [];
  if (random.chance(0.3)) out.push('---', `title: ${words(random)}`, 'status: DRAFT', random.pick(['---', '...']));
  let afterList = false;
  for (let i = random.int(1, 12); i > 0; i--) {
    const index = random.int(0, BLOCKS.length - 1);
    const block = BLOCKS[index](random, afterList);
    // A definition line inside a paragraph is text, and `[label]` there a link when defined
    // elsewhere: heading text that needs the whole document's definitions. Keep definitions apart.
    if (index === BLOCKS.length - 1 && out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(...block);
    afterList = index === 5 || (afterList && index !== 0 && index !== 3 && index !== 4);
    // No blank line between blocks makes them interact: lazy lines, interrupted paragraphs.
    if (random.chance(0.6)) out.push('');
  }
  return out.join('\n');
}

describe('outline ≡ markdown-it', () => {
  it('agrees on the template', () => {
    const template = readTemplate();
    assertSameHeadings(template, 'template');
    assertSameHeadings(template.replace(/\n/g, '\r\n'), 'template (CRLF)');
    assert.equal(referenceHeadings(template).length, 57);
  });

  it('agrees on hand-written tricky documents', () => {
    const documents = [
      '# A\n```\n# not\n```\n# B',
      '````\n```\n# not\n````\n# yes',
      '~~~\n# no\n~~~~\n# yes',
      '``` `x`\n# yes',
      '~~~ `x`\n# no\n~~~',
      'Para\n---\n\nPara\n\n---',
      'Multi\nline\n===',
      '- item\ncontinuation\n---',
      '> quote\nlazy\n---',
      '> quote\nlazy\n===',
      '| a | b |\n|---|---|\ntext\n---',
      '| a | b |\n|---|---|\ntext\n===',
      'a | b\n--|--\n1 | 2\ntext\n---',
      'a |\n---',
      'x\na |\n---',
      '| a\nfoo\n---',
      'a\n|---|',
      '[foo]: /url\n===',
      '[foo]: /url "t"\n---',
      'p\n[foo]: /url\n---',
      '[foo]: /url bad\n---',
      'The year\n2024. was great\n---',
      'para\n-\n---',
      'para\n1. x\n---',
      '- a\n2. b\n---',
      '> a\n2. b\n---',
      '1. Step\n   ```\n   code\n# Heading',
      '- a\n  - b\n    ```\n    # c\n    ```\n# real',
      '- a\n\n    b\nc\n---',
      '- a\n\n  b\nc\n---',
      '- a\n\nc\n---',
      '1. a\nb\n===',
      '- # h\nb\n---',
      '-\n  a\nb\n---',
      '- a\n    code?\nb\n---',
      '- a\n***\nb\n---',
      '- a\n```\nx\n```\nb\n---',
      '-    a\nb\n---',
      '-     code\nb\n---',
      '- a\n\n      code\nb\n---',
      '- > q\nc\n---',
      '* a\n+ b\nc\n---',
      '- [ ] task\nnote\n---',
      '- a\n\tb\nc\n---',
      '  para\n  ===',
      'para\n    ===',
      '>a\n===',
      '- a\n\n---',
      '#5\n#\n## ##\n### a ###\n#### b#',
      '    # code\n# yes',
      '# The created_at_time field',
      '# The `*ptr*` value',
      '# `Result<T>` type',
      '# \\*not emphasis\\*',
      '# a &amp; b &#35; c &#x41;',
      '## See <https://example.com/a_b_c>',
      '---\ntitle: x\n---\nText\n---',
      '---\ntitle: x\n...\n# After dots',
      '\uFEFF---\ntitle: x\n---\n# After BOM',
      '<!--\n## Commented out\n-->\n## Kept',
      '<!-- one line -->\n# After',
      '<!-- open\n# in\n\n# still in\n-->\n# out',
      '<details>\n<summary>More</summary>\n# raw\n\n# real',
      '<div>\n# raw\n</div>\n# raw too\n\n# real',
      'Para\n<div>\n# raw\n\n# real',
      'Para\n<span>\n# heading\n\n<span>\n# raw\n\n# real',
      '<a href="x">\n# raw\n\n# real',
      '<a href="x"> text\n# heading',
      '</custom>\n# raw\n\n# real',
      '<pre>\n# raw\n\n# raw\n</pre>\n# real',
      '<script type="x">\n# raw\n</SCRIPT> tail\n# real',
      '<?php\n# raw\n?>\n# real',
      '<!DOCTYPE html>\n# real',
      '<![CDATA[\n# raw\n]]>\n# real',
      '- item\n  <!--\n  # raw\n# out of the item\n---',
      '- item\n\n  <div>\n  # raw\n\n# real',
      '> quote\n<!--\n# raw\n-->\n# real',
      '    <!--\n# real',
      '<div\n# heading?',
      '<divx>\n# raw\n\n# real',
      '<!-- a -->\nText\n===',
      '<x-y a=1 b=\'2\' c="3" d>\n# raw\n\n# real',
    ];
    documents.forEach((text, index) => assertSameHeadings(text, `document ${index}`));
  });

  it('agrees on generated documents mixing fences, setext, breaks, lists, tables and quotes', () => {
    const random = new Random(Number(process.env.OUTLINE_SEED ?? 424242));
    for (let i = 0; i < Number(process.env.OUTLINE_DOCS ?? 600); i++) {
      const text = generateDocument(random);
      assertSameHeadings(text, `generated ${i}`);
      if (i % 10 === 0) assertSameHeadings(text.replace(/\n/g, '\r\n'), `generated ${i} (CRLF)`);
    }
  });

  it('agrees on every Markdown fixture', () => {
    for (const file of markdownFixtures()) assertSameHeadings(file.text, file.path);
  });

  it('keeps line numbers when the reference blanks the front matter', () => {
    const text = '---\na: b\n---\n# H';
    assert.equal(blankFrontMatter(text), '\n\n\n# H');
    assert.deepEqual(referenceHeadings(text), [{ level: 1, text: 'H', line: 3 }]);
  });
});
