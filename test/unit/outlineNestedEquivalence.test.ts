// Generated documents with blocks nested in block quotes and list items (fences, headings, tasks,
// tables, HTML, lazy lines) at depths 0 to 3: the headings (level, text, line) and task items
// (line, checked) that scanOutline finds at every depth must be markdown-it's.
import * as assert from 'node:assert/strict';
import { scanOutline } from '../../src/core/outline';
import { Random } from '../support/fixtures';
import { outlineBlocks, referenceBlocks } from '../support/referenceOutline';

const WORDS = ['alpha', 'beta', 'gamma', 'RFC-0007', 'x', 'the', 'end.', 'a | b', '*em*', '`code`', '[link](/a_(b))', '&amp;'];

function words(random: Random, min = 1, max = 4): string {
  const out: string[] = [];
  for (let i = random.int(min, max); i > 0; i--) out.push(random.pick(WORDS));
  return out.join(' ');
}

/** A leaf block's lines, as written at its container's content column. */
const LEAVES: Array<(random: Random) => string[]> = [
  (random) => [`${'#'.repeat(random.int(1, 6))} ${words(random)}${random.chance(0.2) ? ' ##' : ''}`],
  (random) => [words(random), ...(random.chance(0.4) ? [words(random)] : []), random.pick(['===', '---', '-', '= =', '***'])],
  (random) => [words(random), ...(random.chance(0.5) ? [words(random)] : [])],
  (random) => [random.pick(['---', '***', '_ _ _'])],
  (random) => {
    const fence = random.pick(['```', '~~~', '````']);
    const inner = random.shuffle(['# in code', '- [ ] in code', '```', '  ~~~', 'text', '']).slice(0, random.int(0, 3));
    return [`${fence}${random.pick(['', 'js'])}`, ...inner, ...(random.chance(0.85) ? [random.pick([fence, `${fence}${fence[0]}`, ` ${fence}`])] : [])];
  },
  (random) => [`- [${random.pick([' ', 'x', 'X'])}] ${words(random)}`, ...(random.chance(0.3) ? [`- [ ] ${words(random)}`] : [])],
  (random) => ['| a | b |', random.pick(['|---|---|', '--|--', '| - |']), ...(random.chance(0.5) ? ['| 1 | 2 |'] : [])],
  (random) => random.pick([['<!--', '# in a comment', '-->'], ['<div>', '# raw', '</div>'], ['<span>', '# raw or not']]),
  (random) => [`    ${random.pick(['# code', '- [ ] code'])}`],
  (random) => [`[${random.pick(['foo', 'rfc'])}]: /url`],
];

/** A block: a leaf, or a container (quote or list item) around blocks, up to `depth` levels more. */
function block(random: Random, depth: number): string[] {
  if (depth === 0 || random.chance(0.4)) return random.pick(LEAVES)(random);
  const inner = blocks(random, depth - 1, random.int(1, 3));
  return random.chance(0.4) ? inQuote(random, inner) : inListItem(random, inner);
}

function blocks(random: Random, depth: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && random.chance(0.5)) out.push('');
    out.push(...block(random, depth));
  }
  return out;
}

/**
 * `>` before every line; sometimes a paragraph's next line goes without it (a lazy line). A bare
 * `>` only before a line that does not start with a space: `>` takes one space after it, so a
 * nested item's line would lose a column and, where it starts a block, leave the item. There
 * markdown-it ends the item's paragraph (it judges the indentation from the item's content
 * column) where CommonMark reads a lazy line; the outline follows CommonMark there.
 */
function inQuote(random: Random, inner: string[]): string[] {
  return inner.map((line, index) => {
    const lazy = index > 0 && /^[a-zA-Z`*[]/.test(line) && random.chance(0.2);
    if (lazy) return line;
    if (line === '') return random.pick(['>', '']);
    return `${/^[ \t]/.test(line) ? '> ' : random.pick(['> ', '>'])}${line}`;
  });
}

/** A list item whose content is `inner`: its lines indented to the content column (sometimes not: a lazy line). */
function inListItem(random: Random, inner: string[]): string[] {
  const marker = random.pick(['-', '*', '+', '1.', '2)', '10.']);
  const gap = ' '.repeat(random.pick([1, 1, 1, 2, 3]));
  const pad = ' '.repeat(marker.length + gap.length);
  // An item may start with an empty line: then its content begins on the next line.
  const startsEmpty = random.chance(0.1);
  const lines = startsEmpty ? [marker, ...inner.map((line) => (line === '' ? '' : pad.slice(0, marker.length + 1) + line))] : [`${marker}${gap}${inner[0]}`];
  if (!startsEmpty) {
    inner.slice(1).forEach((line) => {
      const lazy = /^[a-zA-Z`*]/.test(line) && random.chance(0.15);
      lines.push(line === '' ? '' : lazy ? line : pad + line);
    });
  }
  return lines;
}

function generate(random: Random): string {
  return blocks(random, random.int(1, 3), random.int(1, 6)).join('\n');
}

describe('outline ≡ markdown-it, nested in quotes and list items', () => {
  it('agrees on generated documents: headings and tasks at every depth', () => {
    const random = new Random(Number(process.env.OUTLINE_SEED ?? 424242));
    for (let i = 0; i < Number(process.env.OUTLINE_DOCS ?? 600); i++) {
      const text = generate(random);
      assert.deepEqual(outlineBlocks(scanOutline(text)), referenceBlocks(text), `generated ${i}\n--- document ---\n${text}\n--- end ---`);
    }
  });

  it('the generator nests: documents hold headings and tasks inside quotes and items', () => {
    const random = new Random(424242);
    let nestedHeadings = 0;
    let nestedTasks = 0;
    for (let i = 0; i < 600; i++) {
      const text = generate(random);
      const lines = text.split('\n');
      const found = referenceBlocks(text);
      nestedHeadings += found.headings.filter(([, , line]) => /^\s*(?:>|[-*+]|\d+[.)])/.test(lines[line])).length;
      nestedTasks += found.tasks.filter(([line]) => /^\s*(?:>|[-*+]\s+[-*+>]|\d+[.)]\s+[-*+>])/.test(lines[line])).length;
    }
    assert.ok(nestedHeadings > 100, `${nestedHeadings} nested headings`);
    assert.ok(nestedTasks > 50, `${nestedTasks} nested tasks`);
  });
});
