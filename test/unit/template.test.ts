import * as assert from 'node:assert/strict';
import { parseFrontMatter, splitLines } from '../../src/core/frontMatter';
import { scanOutline } from '../../src/core/outline';
import { firstPlaceholder, formatLocalDate, renderTemplate, slugify, specFileName, type TemplateVariables } from '../../src/core/template';
import { readTemplate } from '../support/fixtures';

const VARIABLES: TemplateVariables = {
  id: 'TS-0042',
  title: 'Payment Retries',
  author: 'Jane Doe',
  created: '2025-03-01',
  lastUpdated: '2025-03-02',
  status: 'DRAFT',
};

/** Lines that differ, by index; both texts must have the same number of lines. */
function changedLines(before: string, after: string): Map<number, string> {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length, 'line count');
  const changed = new Map<number, string>();
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed.set(i, b[i]);
  return changed;
}

describe('template', () => {
  const template = readTemplate();

  describe('renderTemplate on the default template', () => {
    it('changes only the id, title, author and date lines and the title heading', () => {
      const rendered = renderTemplate(template, VARIABLES);
      assert.deepEqual(
        [...changedLines(template, rendered)],
        [
          [1, 'tech_spec_id: TS-0042'],
          [2, 'title: Payment Retries'],
          [5, 'author: Jane Doe'],
          [6, 'created: 2025-03-01'],
          [7, 'last_updated: 2025-03-02'],
          [11, '# TS-0042: Payment Retries'],
        ],
      );
    });

    it('sets the status line when the status differs', () => {
      const rendered = renderTemplate(template, { ...VARIABLES, status: 'IN_REVIEW' });
      assert.deepEqual([...changedLines(template, rendered).keys()], [1, 2, 3, 5, 6, 7, 11]);
      assert.equal(splitLines(rendered)[3], 'status: IN_REVIEW');
    });

    it('fills decision_ref and related_prd when given, keeping their comments', () => {
      const rendered = renderTemplate(template, { ...VARIABLES, decisionRef: 'RFC-0007', relatedPrd: 'PRD-0003' });
      const changed = changedLines(template, rendered);
      assert.deepEqual([...changed.keys()], [1, 2, 4, 5, 6, 7, 8, 11]);
      assert.equal(changed.get(4), 'decision_ref: RFC-0007           # Optional - RFC-XXXX if this implements an RFC');
      assert.equal(changed.get(8), 'related_prd: PRD-0003            # Optional - link to PRD');
      const data = parseFrontMatter(rendered).data;
      assert.equal(data?.decision_ref, 'RFC-0007');
      assert.equal(data?.related_prd, 'PRD-0003');
    });

    it('leaves decision_ref and related_prd empty when not given', () => {
      const data = parseFrontMatter(renderTemplate(template, { ...VARIABLES, decisionRef: '', relatedPrd: undefined })).data;
      assert.equal(data?.decision_ref, null);
      assert.equal(data?.related_prd, null);
    });

    it('reads back as a spec with the given values', () => {
      const rendered = renderTemplate(template, VARIABLES);
      const fm = parseFrontMatter(rendered);
      assert.deepEqual(fm.problems, []);
      assert.deepEqual(fm.data, {
        tech_spec_id: 'TS-0042',
        title: 'Payment Retries',
        status: 'DRAFT',
        decision_ref: null,
        author: 'Jane Doe',
        created: '2025-03-01',
        last_updated: '2025-03-02',
        related_prd: null,
      });
      assert.equal(scanOutline(rendered).headings[0].text, 'TS-0042: Payment Retries');
    });

    const hostileTitles = [
      '$&',
      '$1 and $$',
      "$' and $`",
      'He said "hi"',
      "It's here",
      'Colon: in the title',
      'a: b',
      '# not a comment',
      'Title #hash',
      '[Bracketed] title',
      '{{id}} and {{title}}',
      '<img src=x onerror=alert(1)>',
      '`code` title',
      '---',
      '...',
      '  padded  ',
      '- dash',
      'TS-XXXX placeholder',
      'Ünïcödé 日本語 🎉',
      'back\\slash',
    ];
    for (const title of hostileTitles) {
      it(`inserts the title ${JSON.stringify(title)} literally`, () => {
        const rendered = renderTemplate(template, { ...VARIABLES, title });
        const changed = changedLines(template, rendered);
        assert.deepEqual([...changed.keys()], [1, 2, 5, 6, 7, 11]);
        assert.equal(parseFrontMatter(rendered).data?.title, title);
        assert.equal(changed.get(11), `# TS-0042: ${title}`);
      });
    }

    it('puts a title with a line break on one line, in the front matter and the heading', () => {
      const rendered = renderTemplate(template, { ...VARIABLES, title: 'First line\nsecond\r\nthird' });
      const changed = changedLines(template, rendered);
      assert.deepEqual([...changed.keys()], [1, 2, 5, 6, 7, 11]);
      assert.equal(parseFrontMatter(rendered).data?.title, 'First line second third');
      assert.equal(changed.get(11), '# TS-0042: First line second third');
    });

    it('keeps CRLF line breaks', () => {
      const crlf = template.replace(/\n/g, '\r\n');
      const rendered = renderTemplate(crlf, { ...VARIABLES, decisionRef: 'RFC-0007' });
      assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(rendered), 'no lone CR or LF');
      assert.equal(rendered, renderTemplate(template, { ...VARIABLES, decisionRef: 'RFC-0007' }).replace(/\n/g, '\r\n'));
    });
  });

  describe('renderTemplate on custom templates', () => {
    it('replaces {{variables}} and leaves unknown ones', () => {
      const custom = ['---', 'tech_spec_id: {{id}}', 'title: "{{title}}"', 'owner: "{{author}} (lead)"', '---', '# {{id}} — {{title}}', '', 'By {{author}} on {{date}} ({{ today }}), {{unknown}}.', ''].join('\n');
      const rendered = renderTemplate(custom, VARIABLES);
      const lines = splitLines(rendered);
      const data = parseFrontMatter(rendered).data;
      assert.equal(data?.tech_spec_id, 'TS-0042');
      assert.equal(data?.title, 'Payment Retries');
      assert.equal(data?.owner, 'Jane Doe (lead)');
      // The template decides the key set: only the id and title are always written.
      assert.deepEqual(Object.keys(data ?? {}), ['tech_spec_id', 'title', 'owner']);
      assert.ok(lines.includes('# TS-0042 — Payment Retries'));
      assert.ok(lines.includes('By Jane Doe on 2025-03-01 (2025-03-01), {{unknown}}.'));
    });

    it('keeps the front matter valid YAML whatever the title, and inserts it once', () => {
      const custom = ['---', 'tech_spec_id: {{id}}', 'title: {{title}}', 'quoted: "{{title}}"', 'author:', '---', '# {{title}}', '', 'Body {{title}}', ''].join('\n');
      for (const title of ['a"b: c', "it's [x] {{id}} $&", '# hash', 'line\nbreak']) {
        const rendered = renderTemplate(custom, { ...VARIABLES, title });
        const flat = title.replace(/\n/g, ' ');
        const fm = parseFrontMatter(rendered);
        assert.deepEqual(fm.problems, [], title);
        assert.equal(fm.data?.title, flat, title);
        assert.equal(fm.data?.quoted, flat, title);
        assert.equal(fm.data?.author, 'Jane Doe', 'the keys after the title are set too');
        const lines = splitLines(rendered);
        assert.ok(lines.includes(`# ${flat}`), `${title}: ${rendered}`);
        assert.ok(lines.includes(`Body ${flat}`), title);
      }
    });

    it('adds a front matter block with the id and title to a template without one', () => {
      const rendered = renderTemplate('# TS-XXXX: [Name]\n\nText\n', VARIABLES);
      assert.equal(rendered, ['---', 'tech_spec_id: TS-0042', 'title: Payment Retries', '---', '# TS-0042: Payment Retries', '', 'Text', ''].join('\n'));
      const crlf = renderTemplate('# TS-XXXX: [Name]\r\n\r\nText\r\n', VARIABLES);
      assert.equal(crlf, rendered.replace(/\n/g, '\r\n'));
    });

    it('leaves a template with broken front matter as written, variables aside', () => {
      const broken = '---\ntitle: a\ntitle: b\n---\n# {{id}}\n';
      assert.equal(renderTemplate(broken, VARIABLES), '---\ntitle: a\ntitle: b\n---\n# TS-0042\n');
    });
  });

  describe('slugify / specFileName', () => {
    it('makes ASCII slugs', () => {
      assert.equal(slugify('Payment Retries'), 'payment-retries');
      assert.equal(slugify('Crème Brûlée façade'), 'creme-brulee-facade');
      assert.equal(slugify('  --Hello, World!--  '), 'hello-world');
      assert.equal(slugify('API v2.1 (beta) & more'), 'api-v2-1-beta-more');
      assert.equal(slugify('ﬁle'), 'file');
    });

    it('falls back to untitled', () => {
      for (const title of ['', '   ', '!!!', '日本語', '🎉']) assert.equal(slugify(title), 'untitled', title);
    });

    it('stays within 60 characters, without a trailing hyphen', () => {
      for (const title of ['word '.repeat(40), 'a'.repeat(100), 'abcdefghi '.repeat(10), `${'x'.repeat(59)} y`]) {
        const slug = slugify(title);
        assert.ok(slug.length <= 60, slug);
        assert.match(slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }
      assert.equal(slugify(`${'x'.repeat(59)} y`), 'x'.repeat(59));
    });

    it('names a spec file after its id and title', () => {
      assert.equal(specFileName('TS-0042', 'Payment Retries'), 'TS-0042-payment-retries.md');
      assert.equal(specFileName('RFC-0007', ''), 'RFC-0007-untitled.md');
    });
  });

  describe('formatLocalDate', () => {
    it('formats the local calendar date', () => {
      assert.equal(formatLocalDate(new Date(2025, 0, 5, 23, 59, 59)), '2025-01-05');
      assert.equal(formatLocalDate(new Date(2025, 11, 31, 0, 0, 0)), '2025-12-31');
      assert.equal(formatLocalDate(new Date(999, 8, 9)), '999-09-09');
    });
  });

  describe('firstPlaceholder', () => {
    it('lands on the Executive Summary placeholder of the template', () => {
      const range = firstPlaceholder(template);
      const line = splitLines(template)[15];
      assert.ok(line.startsWith('[1 paragraph describing'));
      assert.deepEqual(range, { start: { line: 15, character: 0 }, end: { line: 15, character: line.length } });
      assert.deepEqual(firstPlaceholder(renderTemplate(template, VARIABLES)), range);
    });

    it('falls back to the first placeholder of the body, skipping the front matter, links, check boxes and code', () => {
      const text = ['---', 'title: [x]', '---', '- [ ] task', '[link](url)', '```', '[code]', '```', 'Text [Fill me] and [more]'].join('\n');
      assert.deepEqual(firstPlaceholder(text), { start: { line: 8, character: 5 }, end: { line: 8, character: 14 } });
      assert.equal(firstPlaceholder('# Title\n\nNothing to fill.'), undefined);
    });
  });
});
