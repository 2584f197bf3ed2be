// scanOutline works out sections with a stack and slugs on first read, the checklist heading is
// found without slugs, and heading text without markup skips the inline patterns. Each against the plain way: a forward search for the next heading of the
// same or a higher level, a SlugCounter over every heading, and a search by slug.
import * as assert from 'node:assert/strict';
import {
  CHECKLIST_SECTION_SLUG,
  checklistHeadingIndex,
  githubSlug,
  hasSlug,
  inlineToPlainText,
  scanOutline,
  SlugCounter,
  stripInlineMarkup,
  type Outline,
} from '../../src/core/outline';
import { markdownFixtures, Random, readTemplate } from '../support/fixtures';

function assertSameDetails(outline: Outline, label: string): void {
  const { headings } = outline;
  const sectionEnds = headings.map((heading, index) => {
    const next = headings.slice(index + 1).find((later) => later.level <= heading.level);
    return next ? next.line - 1 : outline.lineCount - 1;
  });
  assert.deepEqual(
    headings.map((heading) => heading.sectionEndLine),
    sectionEnds,
    `${label}: sections`,
  );
  const counter = new SlugCounter();
  assert.deepEqual(
    headings.map((heading) => heading.slug),
    headings.map((heading) => counter.next(heading.text)),
    `${label}: slugs`,
  );
  assert.equal(
    checklistHeadingIndex(outline),
    // By text, case and runs of white space aside; not by slug (`implementation-checklist` is another name).
    headings.findIndex((heading) => heading.text.replace(/\s+/g, ' ').toLowerCase() === 'implementation checklist'),
    `${label}: checklist`,
  );
}

const TITLES = [
  'Implementation Checklist',
  'Implementation checklist',
  'implementation-checklist',
  'Implementation Checklist!',
  'Implementation Checklist 1',
  'Implementation Checklist-1',
  'Implementation  Checklist',
  '`Implementation` *Checklist*',
  'Implementation Chec\u212Alist', // KELVIN SIGN lower-cases to k
  'Implementation Checklist é',
  'Überblick',
  'Data Model',
  'Data Model',
  'Data Model 1',
  'Deployment & Operations',
  'A',
  'A-1',
  '',
];

function generatedDocument(random: Random): string {
  const lines: string[] = [];
  for (let i = random.int(1, 30); i > 0; i--) {
    const title = random.pick(TITLES);
    const kind = random.int(0, 3);
    if (kind === 0) lines.push(`${'#'.repeat(random.int(1, 6))} ${title}`);
    else if (kind === 1) lines.push(title || 'x', random.pick(['===', '---']));
    else if (kind === 2) lines.push(`- [${random.pick([' ', 'x'])}] task`);
    else lines.push('Some text.');
    if (random.chance(0.5)) lines.push('');
  }
  return lines.join('\n');
}

describe('heading details: stack, lazy slugs and the checklist ≡ the plain way', () => {
  it('agree on the template and every fixture', () => {
    for (const [label, text] of [['template', readTemplate()], ...markdownFixtures().map((file) => [file.path, file.text])]) {
      assertSameDetails(scanOutline(text), label);
    }
  });

  it('agree on generated documents with duplicate and look-alike headings', () => {
    const random = new Random(Number(process.env.HEADING_SEED ?? 515));
    for (let i = 0; i < 500; i++) {
      const text = generatedDocument(random);
      assertSameDetails(scanOutline(text), `document ${i}:\n${text}`);
    }
  });

  it('hasSlug(text, slug) is githubSlug(text) === slug', () => {
    const random = new Random(Number(process.env.HEADING_SEED ?? 515));
    const pieces = ['a', 'B', 'z', ' ', '-', '_', '1', '&', '!', '`', '\t', 'é', '\u212A', 'İ', '🎉', 'ß', '\u0000', 'Σ'];
    const texts = [...TITLES];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let length = random.int(0, 8); length > 0; length--) text += random.pick(pieces);
      texts.push(text);
    }
    for (const text of texts) {
      const slug = githubSlug(text);
      const nearMisses = [slug, `${slug}x`, slug.slice(0, -1), slug.slice(1), `-${slug}`, CHECKLIST_SECTION_SLUG, ''];
      for (const candidate of nearMisses) assert.equal(hasSlug(text, candidate), slug === candidate, `${JSON.stringify(text)} vs ${JSON.stringify(candidate)}`);
    }
  });

  it('inlineToPlainText without markup (a lone & too) gives what it gave before the & fast path', () => {
    const random = new Random(Number(process.env.HEADING_SEED ?? 515));
    const texts = [...TITLES, 'Fish &amp; chips', 'A & B; C', 'A & \uE0000\uE001', '\uE0000\uE001 & x', ' &#35; ', 'R&D'];
    for (const [, text] of [['template', readTemplate()], ...markdownFixtures().map((file) => [file.path, file.text])]) {
      for (const heading of scanOutline(text).headings) texts.push(heading.text);
    }
    const pieces = ['a', ' ', '&', ';', '#', '35', 'amp', 'lt', '\uE000', '\uE001', '0', 'x', '*', '`', '<', '\t', '\u00a0'];
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let length = random.int(0, 8); length > 0; length--) text += random.pick(pieces);
      texts.push(text);
    }
    // Before the `&` fast path: text without any of these characters was only trimmed.
    const before = (text: string) => (/[`*_[\]<\\!~&]/.test(text) ? stripInlineMarkup(text) : text.trim());
    for (const text of texts) assert.equal(inlineToPlainText(text), before(text), JSON.stringify(text));
  });
});
