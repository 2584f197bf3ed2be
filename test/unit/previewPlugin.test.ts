// The markdown-it plugin through markdown-it itself, on the fixture workspace's specs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { DEFAULT_STATUSES } from '../../src/core/config';
import { safeHref, relativeHref } from '../../src/core/render/html';
import { techSpecPlugin } from '../../src/core/render/previewPlugin';
import type { IdLink, SpecRenderData } from '../../src/core/render/renderData';
import { templatePlaceholders } from '../../src/core/render/specFacts';
import { renderTemplate } from '../../src/core/template';
import { HOSTILE_TITLES, hostileSpec } from '../support/hostileText';
import { REPO_ROOT, TEMPLATE_TEXT } from './lintFixtures';

const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const read = (...segments: string[]) => fs.readFileSync(path.join(WORKSPACE, ...segments), 'utf8');

const OWNERS: Readonly<Record<string, IdLink>> = {
  'TS-0001': { href: 'TS-0001-auth-service.md', title: 'TS-0001: Auth Service' },
  'RFC-0010': { href: '../rfcs/RFC-0010-retry-policy.md', title: 'RFC-0010: Retry "policy" <b>' },
  'RFC-0007': { href: '../rfcs/RFC-0007-auth-tokens.md', title: 'RFC-0007: Auth tokens' },
};

function renderData(owners: Readonly<Record<string, IdLink>> = OWNERS, placeholders: ReadonlySet<string> = new Set()): SpecRenderData {
  return { statuses: DEFAULT_STATUSES, prefixes: ['TS', 'RFC', 'PRD'], placeholders, link: (id) => owners[id] };
}

function renderer(data: SpecRenderData = renderData(), html = true): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html });
  md.use(techSpecPlugin, { data: () => data });
  return md;
}

/** Every `<a>` as [href, text], in document order. */
function anchors(html: string): Array<[string, string]> {
  return [...html.matchAll(/<a\b[^>]*?href="([^"]*)"[^>]*>(.*?)<\/a>/g)].map((match) => [match[1], match[2]]);
}

/** The element names and attribute names of an HTML fragment, each set sorted. */
function tagsAndAttributes(html: string): { tags: string[]; attributes: string[] } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const match of html.matchAll(/<([a-z]+)((?:\s+[a-z-]+="[^"]*")*)\s*>/g)) {
    tags.add(match[1]);
    for (const attribute of match[2].matchAll(/([a-z-]+)="/g)) attributes.add(attribute[1]);
  }
  // Any other `<` would be a tag the pattern above did not accept.
  const stray = html.replace(/<\/?[a-z]+(?:\s+[a-z-]+="[^"]*")*\s*>/g, '');
  if (stray.includes('<')) tags.add(`stray: ${stray}`);
  return { tags: [...tags].sort(), attributes: [...attributes].sort() };
}

const CARD_TAGS = { tags: ['dd', 'div', 'dl', 'dt', 'header', 'li', 'span', 'ul'], attributes: ['class'] };

describe('markdown-it spec plugin', () => {
  const spec = read('docs', 'specs', 'TS-0002-payment-retries.md');

  it('renders the front matter as a header card', () => {
    const html = renderer().render(spec);
    const card = /<header class="techspec-card">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
    assert.ok(html.startsWith('<header class="techspec-card">'), 'the card comes first, no raw YAML');
    assert.ok(!html.includes('tech_spec_id'), 'no front-matter source');
    assert.match(card, /<span class="techspec-card-id">TS-0002<\/span>/);
    assert.match(card, /<span class="techspec-card-title">Payment Retries<\/span>/);
    assert.match(card, /<span class="techspec-status techspec-status-0">DRAFT<\/span>/);
    assert.match(card, /<dt>Author<\/dt><dd>Grace Hopper<\/dd>/);
    assert.match(card, /<dt>Created<\/dt><dd>2026-03-01<\/dd>/);
    assert.match(card, /<dt>Last updated<\/dt><dd>2026-03-05<\/dd>/);
    assert.match(card, /<dt>Decision<\/dt><dd><a class="techspec-ref" href="..\/rfcs\/RFC-0010-retry-policy.md" title="RFC-0010: Retry &quot;policy&quot; &lt;b&gt;">RFC-0010<\/a><\/dd>/);
    assert.match(card, /<dt>Related PRD<\/dt><dd><a href="https:\/\/prd.example.org\/payments">https:\/\/prd.example.org\/payments<\/a><\/dd>/);
  });

  it('gives each lifecycle stage its own badge colour, and unknown statuses one more', () => {
    const badge = (status: string) => /techspec-status techspec-status-(\w+)/.exec(renderer().render(spec.replace('status: DRAFT', `status: ${status}`)))?.[1];
    assert.deepEqual(DEFAULT_STATUSES.map(badge), ['0', '1', '2', '3', '4', '5']);
    assert.equal(badge('ON_HOLD'), 'other');
  });

  it('lists approvals when the front matter has them', () => {
    const withApprovals = spec.replace('related_prd:', 'approvals:\n  - name: Ada Lovelace\n    date: 2026-03-04\n  - Alan Turing\nrelated_prd:');
    const html = renderer().render(withApprovals);
    assert.match(html, /<dt>Approvals<\/dt><dd><ul class="techspec-approvals"><li>Ada Lovelace <span class="techspec-approval-date">2026-03-04<\/span><\/li><li>Alan Turing<\/li><\/ul><\/dd>/);
    assert.ok(!renderer().render(spec).includes('Approvals'), 'no approvals row without approvals');
  });

  it('links bare ids in prose, and none in code spans, fences or existing links', () => {
    const html = renderer().render(spec);
    assert.deepEqual(anchors(html), [
      ['../rfcs/RFC-0010-retry-policy.md', 'RFC-0010'],
      ['https://prd.example.org/payments', 'https://prd.example.org/payments'],
      ['TS-0001-auth-service.md', 'TS-0001'],
      ['docs/rfcs/RFC-0007-auth-tokens.md', 'the RFC'],
    ]);
    assert.match(html, /in <a class="techspec-ref" href="TS-0001-auth-service.md" title="TS-0001: Auth Service">TS-0001<\/a>;/);
    assert.match(html, /tracked in <span class="techspec-ref techspec-ref-unknown">RFC-0099<\/span>/, 'an id nothing owns stays text');
    assert.match(html, /<code>TS-0001<\/code>/);
    assert.match(html, /<pre><code class="language-text">TS-0001 inside a fence is not a reference\n<\/code><\/pre>/);
  });

  it('adds a progress bar under the checklist heading', () => {
    const html = renderer().render(spec);
    assert.match(
      html,
      /<h2>Implementation Checklist<\/h2>\n<div class="techspec-progress"[^>]*><progress class="techspec-progress-bar" value="1" max="3"><\/progress> <span class="techspec-progress-label">1 of 3 done<\/span><\/div>\n<h3>Phase 1: Foundation<\/h3>/,
    );
    assert.equal(html.match(/<progress/g)?.length, 1);
  });

  it('highlights the template placeholders a spec still holds, and nothing else in brackets', () => {
    const fresh = renderTemplate(TEMPLATE_TEXT, { id: 'TS-0042', title: 'Rate Limiter', author: 'Ada', created: '2026-06-01', lastUpdated: '2026-06-01', status: 'DRAFT' });
    const placeholders = templatePlaceholders(TEMPLATE_TEXT);
    const html = renderer(renderData(OWNERS, placeholders)).render(`${fresh}\nA [not a placeholder] and - [ ] box.\n`);
    const marked = [...html.matchAll(/<mark class="techspec-placeholder"[^>]*>(.*?)<\/mark>/g)].map((match) => match[1]);
    assert.ok(marked.length > 20, `the fresh template holds many placeholders, found ${marked.length}`);
    assert.ok(marked.includes('[What this component does]') || marked.some((text) => text.startsWith('[1 paragraph')), marked.slice(0, 5).join(', '));
    assert.ok(!marked.includes('[not a placeholder]'));
    assert.ok(marked.every((text) => placeholders.has(text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))));
  });

  it('renders other Markdown exactly as markdown-it does', () => {
    const plain = new MarkdownIt({ html: true });
    for (const file of [['README.md'], ['docs', 'rfcs', 'RFC-0010-retry-policy.md'], ['docs', 'prd', 'PRD-0012-login.md']]) {
      const text = read(...file).replace(/^---\n[\s\S]*?\n---\n/, '');
      assert.equal(renderer().render(text), plain.render(text), file.join('/'));
    }
    // Front matter of a document that is not a spec is hidden, as VS Code's preview hides it.
    const rfc = read('docs', 'rfcs', 'RFC-0010-retry-policy.md');
    assert.equal(renderer().render(rfc), plain.render(rfc.replace(/^---\n[\s\S]*?\n---\n/, '')));
  });

  it('keeps hostile front-matter values inert', () => {
    for (const [index, title] of HOSTILE_TITLES.entries()) {
      const html = renderer().render(hostileSpec(`TS-09${String(index).padStart(2, '0')}`, title));
      const card = /<header class="techspec-card">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
      assert.deepEqual(tagsAndAttributes(card), CARD_TAGS, `markup in the card for ${title}: ${card}`);
      assert.deepEqual(anchors(card), [], `no link from hostile values for ${title}`);
      assert.ok(card.includes('<dt>Approvals</dt>'));
    }
    const fixture = renderer().render(read('docs', 'hostile', 'TS-0008-hostile.md'));
    const card = /<header class="techspec-card">[\s\S]*?<\/header>/.exec(fixture)?.[0] ?? '';
    assert.match(card, /Evil \[click\]\(command:workbench.action.quit\) &lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(card, /<dd>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/dd>/);
  });

  it('never renders a resolver link that is not http(s) or relative', () => {
    const evil = renderData({ 'TS-0001': { href: 'command:workbench.action.quit', title: 'x' }, 'RFC-0010': { href: 'javascript:alert(1)' } });
    const html = renderer(evil).render(spec);
    assert.ok(!/href="(command|javascript):/.test(html));
    assert.match(html, /<span class="techspec-ref techspec-ref-unknown">RFC-0010<\/span>/);
  });

  it('escapes raw HTML in the body when markdown-it does (html: false, as the export uses it)', () => {
    const html = renderer(renderData(), false).render(read('docs', 'hostile', 'TS-0008-hostile.md'));
    assert.ok(!html.includes('<b onmouseover'));
    assert.match(html, /&lt;b onmouseover=alert\(1\)&gt;bold&lt;\/b&gt;/);
  });

  it('survives every bad-input fixture', () => {
    const bad = path.join(REPO_ROOT, 'test', 'fixtures', 'bad');
    for (const name of fs.readdirSync(bad).filter((file) => file.endsWith('.md'))) {
      const html = renderer().render(fs.readFileSync(path.join(bad, name), 'latin1'));
      assert.equal(typeof html, 'string', name);
    }
  });
});

describe('link helpers', () => {
  it('accepts only http(s) and relative links', () => {
    const accepted = ['https://a.example/x', 'http://a.example', 'TS-0001.html', '../rfcs/RFC-0007.md#top', '/docs/a.md', '#anchor', 'a%20b.md'];
    const refused = ['javascript:alert(1)', 'command:x', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '//evil.example/x', 'vbscript:x', 'file:///etc/passwd', ' ', 'a b.md', 'x\\y', 'https://'];
    assert.deepEqual(accepted.map(safeHref), accepted);
    assert.deepEqual(refused.map(safeHref), refused.map(() => undefined));
  });

  it('makes relative paths between workspace files', () => {
    assert.equal(relativeHref('docs/specs/TS-0002.md', 'docs/rfcs/RFC-0010.md'), '../rfcs/RFC-0010.md');
    assert.equal(relativeHref('docs/specs/TS-0002.md', 'docs/specs/TS-0001.md'), 'TS-0001.md');
    assert.equal(relativeHref('README.md', 'docs/a b#c.md'), 'docs/a%20b%23c.md');
  });
});
