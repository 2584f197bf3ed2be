// `techspec index` and `techspec export`: the real bin (dist/cli.js) on copies of the fixture workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INDEX_END, INDEX_START } from '../../src/core/render/specIndexTable';
import { buildCli, makeFolder, removeFolders, runCli, writeFiles } from '../support/cliRunner';
import { HOSTILE_TITLES, hostileSpec } from '../support/hostileText';
import { REPO_ROOT } from './lintFixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

const run = (cwd: string, args: readonly string[]) => runCli(CLI, cwd, args);

function copyOfFixture(extra: Readonly<Record<string, string>> = {}): string {
  const root = makeFolder({});
  fs.cpSync(FIXTURE, root, { recursive: true });
  writeFiles(root, extra);
  return root;
}

/** Every file under a folder, by relative path, as bytes. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, full), fs.readFileSync(full));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('techspec index / export (dist/cli.js)', function () {
  this.timeout(120_000);

  before(buildCli);
  after(removeFolders);

  describe('index', () => {
    const BEFORE = '# Our specs\r\n\r\nHand-written intro, with a [link](https://example.org) and <b>HTML</b>.\r\n\r\n';
    const AFTER = '\r\n\r\n## Notes kept by hand\r\n\r\nNothing here is touched.\r\n';

    it('--write replaces only the text between the markers', () => {
      const root = copyOfFixture({ 'docs/specs/README.md': `${BEFORE}${INDEX_START}\r\nstale table\r\n${INDEX_END}${AFTER}` });
      const result = run(root, ['index', '--write']);
      assert.equal(result.status, 0, result.stderr);
      const text = fs.readFileSync(path.join(root, 'docs', 'specs', 'README.md'), 'utf8');
      assert.ok(text.startsWith(`${BEFORE}${INDEX_START}\r\n`), text.slice(0, 200));
      assert.ok(text.endsWith(`${INDEX_END}${AFTER}`), text.slice(-200));
      const table = text.slice(BEFORE.length + INDEX_START.length, text.length - AFTER.length - INDEX_END.length);
      assert.ok(!table.includes('stale table'));
      assert.ok(!/[^\r]\n/.test(table), 'the file keeps its CRLF line endings');
      const headings = [...table.matchAll(/^### (.*)$/gm)].map((match) => match[1].trim());
      assert.deepEqual(headings, ['DRAFT (2)', 'IN\\_REVIEW (1)', 'APPROVED (2)', 'IMPLEMENTED (1)', 'SUPERSEDED (1)', 'DEPRECATED (1)', 'Other status (2)']);
      const ids = [...table.matchAll(/^\| \[(TS-\d+)\]\(([^)]*)\)/gm)].map((match) => `${match[1]} ${match[2]}`);
      assert.deepEqual(ids, [
        'TS-0002 TS-0002-payment-retries.md',
        'TS-0008 ../hostile/TS-0008-hostile.md',
        'TS-0003 TS-0003-search-index.md',
        'TS-0001 TS-0001-auth-service.md',
        'TS-0003 TS-0003-duplicate.md',
        'TS-0004 TS-0004-billing-export.md',
        'TS-0005 TS-0005-session-cookies.md',
        'TS-0006 TS-0006-xml-api.md',
        'TS-0007 TS-0007-on-hold.md',
        'TS-0009 TS-0009-broken-spec.md',
      ]);
      assert.match(table, /\| \[TS-0002\]\(TS-0002-payment-retries.md\) \| Payment Retries \| Grace Hopper \| 2026-03-05 \| 1\/3 \| \[RFC-0010\]\(..\/rfcs\/RFC-0010-retry-policy.md\) \|/);
      assert.match(table, /\| Evil \\\[click\\\]\\\(command:workbench.action.quit\\\) \\<img src=x onerror=alert\\\(1\\\)\\> \| \\<script\\>alert\\\(1\\\)\\<\/script\\> \|/);
    });

    it('appends the markers to a file without them, and creates a missing file', () => {
      const root = copyOfFixture({ 'docs/specs/README.md': 'Intro without a final newline' });
      assert.equal(run(root, ['index', '--write']).status, 0);
      const text = fs.readFileSync(path.join(root, 'docs', 'specs', 'README.md'), 'utf8');
      assert.ok(text.startsWith(`Intro without a final newline\n\n${INDEX_START}\n\n### DRAFT (2)\n`), text.slice(0, 120));
      assert.ok(text.endsWith(`${INDEX_END}\n`));
      const bare = copyOfFixture();
      assert.equal(run(bare, ['index', '--write', '--file', 'SPECS.md']).status, 0);
      assert.ok(fs.readFileSync(path.join(bare, 'SPECS.md'), 'utf8').includes('| [TS-0002](docs/specs/TS-0002-payment-retries.md) |'));
    });

    it('--check exits 1 when the index is missing or stale, and 0 after --write', () => {
      const root = copyOfFixture();
      const missing = run(root, ['index', '--check']);
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /no such file; run techspec index --write/);
      assert.equal(run(root, ['index', '--write']).status, 0);
      assert.equal(run(root, ['index', '--check']).status, 0);
      // A spec changes: the index is stale again.
      const spec = path.join(root, 'docs', 'specs', 'TS-0002-payment-retries.md');
      fs.writeFileSync(spec, fs.readFileSync(spec, 'utf8').replace('- [ ] Backoff policy', '- [x] Backoff policy'));
      const stale = run(root, ['index', '--check']);
      assert.equal(stale.status, 1);
      assert.match(stale.stderr, /out of date/);
      assert.equal(run(root, ['index', '--write']).status, 0);
      assert.equal(run(root, ['index', '--check']).status, 0);
      assert.match(fs.readFileSync(path.join(root, 'docs', 'specs', 'README.md'), 'utf8'), /\| Grace Hopper \| 2026-03-05 \| 2\/3 \|/);
    });

    it('refuses a start marker without an end marker, and leaves the file alone', () => {
      const text = `intro\n${INDEX_START}\nkept text\n`;
      const root = copyOfFixture({ 'docs/specs/README.md': text });
      const result = run(root, ['index', '--write']);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /no <!-- \/techspec:index --> after it/);
      assert.equal(fs.readFileSync(path.join(root, 'docs', 'specs', 'README.md'), 'utf8'), text);
    });
  });

  describe('export', () => {
    const hostile = Object.fromEntries(HOSTILE_TITLES.map((title, index) => [`docs/specs/TS-09${String(index).padStart(2, '0')}-hostile.md`, hostileSpec(`TS-09${String(index).padStart(2, '0')}`, title)]));

    it('writes an index page, a page per spec and per owned RFC/PRD, one stylesheet; every internal link resolves', () => {
      const root = copyOfFixture({ 'notes/guide.md': '# Guide\n\nSee TS-0002 and [the spec](../docs/specs/TS-0002-payment-retries.md#executive-summary).\n' });
      const out = path.join(root, 'site');
      const result = run(root, ['export', '--out', 'site', '--include', 'notes/**/*.md']);
      assert.equal(result.status, 0, result.stderr);
      const files = [...snapshot(out).keys()];
      assert.deepEqual(files, [
        '.techspec-export', 'PRD-0012.html', 'RFC-0007.html', 'RFC-0010.html',
        'TS-0001.html', 'TS-0002.html', 'TS-0003-2.html', 'TS-0003.html', 'TS-0004.html', 'TS-0005.html', 'TS-0006.html', 'TS-0007.html', 'TS-0008.html', 'TS-0009.html',
        'index.html', 'page-notes-guide.html', 'techspec.css',
      ]);
      let checked = 0;
      for (const file of files.filter((name) => name.endsWith('.html'))) {
        const html = fs.readFileSync(path.join(out, file), 'utf8');
        for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
          const target = match[1];
          if (/^https?:\/\//.test(target)) continue;
          assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('/'), `${file}: ${target} is neither http(s) nor relative`);
          const [page, fragment] = target.split('#');
          const pageFile = page === '' ? file : page;
          assert.ok(fs.existsSync(path.join(out, pageFile)), `${file} links to ${target}, which was not written`);
          if (fragment) assert.ok(fs.readFileSync(path.join(out, pageFile), 'utf8').includes(` id="${decodeURIComponent(fragment)}"`), `${file}: no #${fragment} in ${pageFile}`);
          checked++;
        }
      }
      assert.ok(checked > 40, `only ${checked} links checked`);
      const spec = fs.readFileSync(path.join(out, 'TS-0002.html'), 'utf8');
      assert.match(spec, /<header class="techspec-card">/);
      assert.match(spec, /<nav class="techspec-toc">/);
      assert.match(spec, /<a class="techspec-ref" href="RFC-0010.html" title="RFC-0010: Retry Policy">RFC-0010<\/a>/);
      assert.match(spec, /1 of 3 done/);
      const guide = fs.readFileSync(path.join(out, 'page-notes-guide.html'), 'utf8');
      assert.match(guide, /<a href="TS-0002.html#executive-summary">the spec<\/a>/);
      const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
      assert.match(index, /<input id="techspec-filter"/);
      assert.deepEqual([...index.matchAll(/<h2><span[^>]*>([^<]*)<\/span>/g)].map((match) => match[1]), ['DRAFT', 'IN_REVIEW', 'APPROVED', 'IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED', 'Other status']);
    });

    it('gives identical bytes on a second run', () => {
      const root = copyOfFixture(hostile);
      assert.equal(run(root, ['export', '--out', 'one']).status, 0);
      assert.equal(run(root, ['export', '--out', 'two']).status, 0);
      assert.equal(run(root, ['export', '--out', 'one']).status, 0, 'a folder written by export may be written again');
      assert.deepEqual(snapshot(path.join(root, 'one')), snapshot(path.join(root, 'two')));
    });

    it('escapes hostile titles and raw HTML, unless --allow-html is given for the body', () => {
      const root = copyOfFixture(hostile);
      assert.equal(run(root, ['export', '--out', 'site']).status, 0);
      for (const [index] of HOSTILE_TITLES.entries()) {
        const html = fs.readFileSync(path.join(root, 'site', `TS-09${String(index).padStart(2, '0')}.html`), 'utf8');
        assert.ok(!/<(script|img|svg)\b/i.test(html), `TS-09${index}: ${html}`);
        assert.ok(!/href="(javascript|command):/i.test(html));
      }
      const index = fs.readFileSync(path.join(root, 'site', 'index.html'), 'utf8');
      assert.ok(!/<(img|svg)\b/i.test(index));
      assert.equal(index.match(/<script\b/g)?.length, 1, 'only the filter script');
      const body = fs.readFileSync(path.join(root, 'site', 'TS-0008.html'), 'utf8');
      assert.match(body, /&lt;b onmouseover=alert\(1\)&gt;bold&lt;\/b&gt;/);
      assert.match(body, /Run <span class="techspec-dead-link">this<\/span> now/, 'the command: link is not a link');
      assert.equal(run(root, ['export', '--out', 'raw', '--allow-html']).status, 0);
      assert.match(fs.readFileSync(path.join(root, 'raw', 'TS-0008.html'), 'utf8'), /<b onmouseover=alert\(1\)>bold<\/b>/);
    });

    it('refuses a folder it did not write', () => {
      const root = copyOfFixture({ 'mine/keep.txt': 'mine' });
      const result = run(root, ['export', '--out', 'mine']);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /not empty and was not written by techspec export/);
      assert.equal(run(root, ['export']).status, 2);
      assert.equal(run(root, ['export', '--out', '..']).status, 2);
    });
  });
});
