import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { scanOutline } from '../../src/core/outline';
import { parseDocumentText } from '../../src/core/parse';
import { outlineEntries, skippedSummary, summarize } from '../../src/core/summary';
import { renderTemplate } from '../../src/core/template';
import { readTemplate } from '../support/fixtures';

const URI = 'file:///w/docs/specs/TS-0042-payment-retries.md';

const SPEC = [
  '---',
  'tech_spec_id: TS-0042',
  'title: Payment Retries',
  'status: IN_REVIEW',
  'author: Jane Doe',
  'created: 2025-03-01',
  'last_updated: 2025-03-02',
  'decision_ref: RFC-0007',
  'related_prd:',
  '---',
  '',
  '# TS-0042: Payment Retries',
  '',
  '## Executive Summary',
  '',
  'We retry *failed* payments with [backoff](#x). Details follow.',
  '',
  '## Design',
  '',
  'Builds on PRD-0003 and RFC-0007, not `RFC-0099`.',
  '',
  '## Implementation Checklist',
  '',
  '- [x] One',
  '- [ ] Two',
  '- [X] Three',
  '',
].join('\n');

describe('summary', () => {
  describe('summarize', () => {
    it('reads every field of a spec', () => {
      const summary = summarize(URI, SPEC, DEFAULT_CONFIG);
      assert.equal(summary.uri, URI);
      assert.equal(summary.id, 'TS-0042');
      assert.equal(summary.isSpec, true);
      assert.equal(summary.unreadable, false);
      assert.deepEqual(summary.ownedIds, ['TS-0042']);
      assert.equal(summary.title, 'Payment Retries');
      assert.equal(summary.status, 'IN_REVIEW');
      assert.equal(summary.author, 'Jane Doe');
      assert.equal(summary.created, '2025-03-01');
      assert.equal(summary.lastUpdated, '2025-03-02');
      assert.equal(summary.decisionRef, 'RFC-0007');
      assert.equal(summary.relatedPrd, undefined);
      assert.equal(summary.abstract, 'We retry failed payments with backoff.');
      assert.equal(summary.titleLine, 11);
      assert.deepEqual([...summary.references].sort(), ['PRD-0003', 'RFC-0007', 'TS-0042']);
      assert.deepEqual(summary.checklist, { done: 2, total: 3, found: true });
      assert.equal(summary.problem, undefined);
      assert.equal(summary.size, SPEC.length);
    });

    it('falls back to the first H1 for the title, without its id prefix', () => {
      const cases: Array<[string, string | undefined]> = [
        ['# TS-0042: Payment Retries', 'Payment Retries'],
        ['# RFC-7 — Auth', 'Auth'],
        ['# PRD-0003 - Checkout', 'Checkout'],
        ['# ADR-12: Custom prefixes too', 'Custom prefixes too'],
        ['# Plain *Title*', 'Plain Title'],
        ['## Only an h2', undefined],
        ['Setext Title\n===', 'Setext Title'],
      ];
      for (const [body, title] of cases) {
        const summary = summarize('file:///w/a.md', `---\nstatus: DRAFT\n---\n${body}\n`, DEFAULT_CONFIG);
        assert.equal(summary.title, title, body);
      }
      assert.equal(summarize('file:///w/a.md', '---\ntitle: "  "\n---\n# From H1\n', DEFAULT_CONFIG).title, 'From H1');
      assert.equal(summarize('file:///w/a.md', '---\ntitle: [a, b]\n---\n# From H1\n', DEFAULT_CONFIG).title, 'From H1');
    });

    it('takes the first sentence of the Executive Summary, else of the first paragraph', () => {
      const abstract = (text: string) => summarize('file:///w/a.md', text, DEFAULT_CONFIG).abstract;
      assert.equal(abstract('# T\n\nIntro first. Second.\n\n## Summary\n\nThe summary! More.'), 'The summary!');
      assert.equal(abstract('# T\n\nIntro first. Second.'), 'Intro first.');
      assert.equal(abstract('# T\n\n```\ncode.\n```\n\n| a |\n|---|\n\n---\n\nAfter all that? Yes.'), 'After all that?');
      assert.equal(abstract('# T\n\nNo end mark\nacross lines'), 'No end mark across lines');
      assert.equal(abstract('# T\n'), undefined);
      // An empty summary section has no abstract; the next section is not it.
      assert.equal(abstract('## Executive Summary\n\n## Design\n\nDesign text.'), undefined);
      const long = abstract(`# T\n\n${'word '.repeat(100)}end.`);
      assert.ok(long);
      assert.equal(long.length, 240);
      assert.ok(long.endsWith('…'));
    });

    it('reads the rendered template', () => {
      const text = renderTemplate(readTemplate(), { id: 'TS-0042', title: 'Payment Retries', author: 'Jane Doe', created: '2025-03-01', lastUpdated: '2025-03-01', status: 'DRAFT' });
      const summary = summarize(URI, text, DEFAULT_CONFIG);
      assert.equal(summary.id, 'TS-0042');
      assert.equal(summary.title, 'Payment Retries');
      assert.equal(summary.status, 'DRAFT');
      assert.equal(summary.decisionRef, undefined);
      assert.equal(summary.titleLine, 11);
      assert.deepEqual(summary.checklist, { done: 0, total: 17, found: true });
      assert.equal(
        summary.abstract,
        '[1 paragraph describing what is being built, why this approach was chosen (or reference RFC), and the key design decisions.',
      );
      assert.deepEqual([...summary.references], ['TS-0042']);
    });

    it('owns ids from the id fields and from the file name', () => {
      const text = '---\nrfc_id: RFC-0007\nid: RFC-0007\nprd_id: not an id\ntech_spec_id: 12\n---\n';
      assert.deepEqual(summarize('file:///w/RFC-0007-auth.md', text, DEFAULT_CONFIG).ownedIds, ['RFC-0007']);
      // A document that declares an id does not also own its file name's id (a renumbered spec keeps its old name).
      assert.deepEqual(summarize('file:///w/TS-0001-x.md', text, DEFAULT_CONFIG).ownedIds, ['RFC-0007']);
      assert.deepEqual(summarize('file:///w/RFC-0008-auth.md', '# Auth\n', DEFAULT_CONFIG).ownedIds, ['RFC-0008']);
      assert.deepEqual(summarize('file:///w/My%20Docs/RFC-0008%20auth.md', '', DEFAULT_CONFIG).ownedIds, ['RFC-0008']);
      assert.deepEqual(summarize('file:///w/ADR-0008-auth.md', '', DEFAULT_CONFIG).ownedIds, []);
      assert.deepEqual(summarize('file:///w/RFC-0008-auth.md', '', { ...DEFAULT_CONFIG, matchFileNames: false }).ownedIds, []);
      assert.deepEqual(summarize('file:///w/RFC-0008-auth.md', '---\nkey: TS-0003\n---\n', { ...DEFAULT_CONFIG, idFields: ['key'] }).ownedIds, ['TS-0003']);
      // Not a spec: no tech_spec_id, though it owns ids.
      assert.equal(summarize('file:///w/RFC-0008-auth.md', '', DEFAULT_CONFIG).isSpec, false);
    });

    it('does not throw on a uri that is not percent-encoded', () => {
      assert.deepEqual(summarize('/w/100%-RFC.md', '# x', DEFAULT_CONFIG).ownedIds, []);
      assert.deepEqual(summarize('/w/RFC-0007 100%.md', '# x', DEFAULT_CONFIG).ownedIds, ['RFC-0007']);
    });

    it('reports a front-matter problem and still reads the body', () => {
      const text = '---\ntech_spec_id: TS-0001\ntech_spec_id: TS-0002\n---\n# TS-0001: Broken\n\nCites RFC-0001.\n';
      const summary = summarize(URI, text, DEFAULT_CONFIG);
      assert.match(summary.problem ?? '', /unique/i);
      assert.equal(summary.id, undefined);
      assert.equal(summary.isSpec, false);
      assert.equal(summary.unreadable, true);
      assert.equal(summary.title, 'Broken');
      assert.deepEqual([...summary.references], ['TS-0001', 'RFC-0001']);
      assert.deepEqual(summary.ownedIds, ['TS-0042']);
      assert.equal(summarize(URI, '---\n- a\n---\n', DEFAULT_CONFIG).unreadable, false);
      assert.match(summarize(URI, '---\ntitle: x\n', DEFAULT_CONFIG).problem ?? '', /not closed/);
    });

    it('summarizes a file that is not a spec', () => {
      const summary = summarize('file:///w/README.md', '# Readme\n\nJust notes.\n', DEFAULT_CONFIG);
      assert.equal(summary.isSpec, false);
      assert.equal(summary.id, undefined);
      assert.equal(summary.status, undefined);
      assert.equal(summary.title, 'Readme');
      assert.equal(summary.abstract, 'Just notes.');
      assert.equal(summary.problem, undefined);
    });

    it('reuses a parse it is given', () => {
      const parsed = parseDocumentText(SPEC);
      assert.deepEqual(summarize(URI, SPEC, DEFAULT_CONFIG, parsed), summarize(URI, SPEC, DEFAULT_CONFIG));
    });
  });

  describe('outlineEntries', () => {
    it('round-trips the headings: level, line, text and slug', () => {
      for (const text of [SPEC, readTemplate(), '# A\n# A\n## Deployment & Operations\n### Key: value: more\n#\n', '']) {
        const outline = scanOutline(text);
        const entries = outlineEntries(summarize(URI, text, DEFAULT_CONFIG));
        assert.deepEqual(
          entries,
          outline.headings.map((h) => ({ level: h.level, line: h.line, text: h.text, slug: h.slug })),
        );
      }
    });

    it('reads an empty outline', () => {
      assert.deepEqual(outlineEntries({ outline: '' }), []);
    });
  });

  describe('skippedSummary', () => {
    it('lists a file it did not parse, with the reason', () => {
      const summary = skippedSummary('file:///w/huge.md', 'too large', 10_000_000);
      assert.equal(summary.unreadable, true);
      assert.equal(summary.isSpec, false);
      assert.equal(summary.problem, 'too large');
      assert.equal(summary.size, 10_000_000);
      assert.deepEqual(outlineEntries(summary), []);
    });
  });
});
