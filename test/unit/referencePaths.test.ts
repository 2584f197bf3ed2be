// findReferences has a fast path (one regex pass over the whole text, then only the lines that
// matched) and a slow one (every line that holds a prefix). They must find the same references,
// with the same ranges; and maskedSpans may skip a pattern only where it could not match.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { parseFrontMatter, splitLines } from '../../src/core/frontMatter';
import { scanOutline } from '../../src/core/outline';
import { findReferences, MASKS } from '../../src/core/references';
import { ADVERSARIAL_LINES, ADVERSARIAL_PREFIXES } from '../support/adversarial';
import { markdownFixtures, Random, readTemplate } from '../support/fixtures';

function assertSamePaths(text: string, prefixes: readonly string[], label: string): void {
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(text, lines);
  const outline = scanOutline(text, lines);
  const fast = findReferences(lines, frontMatter, outline, prefixes, text);
  const slow = findReferences(lines, frontMatter, outline, prefixes);
  assert.deepEqual(fast, slow, label);
}

const CITATIONS = ['RFC-0007', 'TS-1', 'PRD-0003.', '`TS-2`', '[x](TS-3)', 'https://x/TS-4', '<a:TS-5>', '[^TS-6]', 'xTS-7', 'TS-8x', 'A+B-9', '(X-10', 'T.S-11', 'TS-', '-RFC-12'];

/** The template or a fixture with citations put in at random places: start, middle and end of lines. */
function withCitations(text: string, random: Random): string {
  return text
    .split('\n')
    .map((line) => {
      if (!random.chance(0.3)) return line;
      const at = random.pick([0, line.length, random.int(0, line.length)]);
      return `${line.slice(0, at)}${random.pick(['', ' '])}${random.pick(CITATIONS)}${random.pick(['', ' '])}${line.slice(at)}`;
    })
    .join('\n');
}

describe('references: fast path ≡ line-by-line path', () => {
  it('finds the same references in the template and every fixture', () => {
    for (const [label, text] of [['template', readTemplate()], ...markdownFixtures().map((file) => [file.path, file.text])]) {
      assertSamePaths(text, DEFAULT_CONFIG.referencePrefixes, label);
      assertSamePaths(text, ADVERSARIAL_PREFIXES, `${label} (adversarial prefixes)`);
    }
  });

  it('finds the same references in documents with citations put in at random', () => {
    const random = new Random(Number(process.env.REFERENCE_SEED ?? 7070));
    const sources = [readTemplate(), ...markdownFixtures().map((file) => file.text)].filter((text) => !text.includes('\r'));
    for (let i = 0; i < 300; i++) {
      const text = withCitations(random.pick(sources), random);
      assertSamePaths(text, i % 2 === 0 ? DEFAULT_CONFIG.referencePrefixes : ADVERSARIAL_PREFIXES, `document ${i}:\n${text}`);
    }
  });

  it('skips a mask pattern only on lines where it matches nothing', () => {
    const random = new Random(Number(process.env.REFERENCE_SEED ?? 7070));
    const lines = [readTemplate(), ...markdownFixtures().map((file) => file.text)].flatMap((text) => text.split(/\r\n|\r|\n/));
    for (const [, make] of ADVERSARIAL_LINES) lines.push(make(200));
    const pieces = ['[', ']', '(', ')', ':', '^', '<', '>', '/', 'www.', 'http', 'a', ' ', '"', 'TS-1', '`'];
    for (let i = 0; i < 20_000; i++) {
      let line = '';
      for (let length = random.int(0, 10); length > 0; length--) line += random.pick(pieces);
      lines.push(line);
    }
    let skipped = 0;
    for (const line of lines) {
      for (const [pattern, needles] of MASKS) {
        if (needles.some((needle) => line.includes(needle))) continue;
        skipped++;
        assert.equal([...line.matchAll(pattern)].length, 0, `${pattern} on ${JSON.stringify(line)}`);
      }
    }
    assert.ok(skipped > 1000, `skipped ${skipped}`);
  });
});
