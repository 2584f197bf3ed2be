// The real `techspec` bin on git repositories made in a temp dir: lint --against, rename, and new counting branches.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli, makeFolder, removeFolders, runCli, writeFiles } from '../support/cliRunner';
import { FILLED, REPO_ROOT } from './lintFixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' };

const run = (cwd: string, args: readonly string[]) => runCli(CLI, cwd, args, GIT_ENV);

function repository(files: Readonly<Record<string, string>>): { root: string; git: (...args: string[]) => string; write: (files: Readonly<Record<string, string>>) => void } {
  const root = makeFolder(files);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'initial');
  return { root, git, write: (more) => writeFiles(root, more) };
}

const spec = (id: string) => FILLED.replace(/TS-0001/g, id);
const BASE = {
  'docs/specs/TS-0001-payment-retries.md': spec('TS-0001'),
  'docs/rfcs/RFC-0007-auth-tokens.md': '---\nrfc_id: RFC-0007\ntitle: Auth tokens\n---\n# RFC-0007: Auth tokens\n',
  'docs/prd/PRD-0012-login.md': '---\nprd_id: PRD-0012\ntitle: Login\n---\n# PRD-0012: Login\n',
};

function read(root: string, name: string): string {
  return fs.readFileSync(path.join(root, name), 'utf8');
}

describe('techspec CLI: ids and git', function () {
  this.timeout(120_000);

  before(buildCli);
  after(removeFolders);

  describe('lint --against <ref>', () => {
    it('reports an id that the ref gives to a different document, with both paths, and exits 1', () => {
      const { root, git, write } = repository(BASE);
      // Another pull request merged first: TS-0002 on "upstream" is a different spec.
      git('checkout', '-qb', 'upstream');
      write({ 'docs/specs/TS-0002-search.md': spec('TS-0002').replace('Payment Retries', 'Search') });
      git('add', '.');
      git('commit', '-qm', 'search');
      git('checkout', '-q', 'main');
      write({ 'docs/specs/TS-0002-export.md': spec('TS-0002') });
      const before = execFileSync('git', ['status', '--porcelain'], { cwd: root }).toString();

      const plain = run(root, ['lint']);
      assert.equal(plain.status, 0, plain.stdout + plain.stderr);
      assert.equal(plain.stdout, '');

      const result = run(root, ['lint', '--against', 'upstream']);
      assert.equal(result.status, 1, result.stderr);
      assert.equal(
        result.stdout,
        'docs/specs/TS-0002-export.md:2:15 error TS013 TS-0002 is taken on upstream by docs/specs/TS-0002-search.md, a different document than docs/specs/TS-0002-export.md: renumber one of them before merging.\n',
      );
      assert.equal(result.stderr, '2 specs checked: 1 error(s), 0 warning(s), 0 information.\n');
      // The same document on both sides is no collision; the working tree is untouched.
      assert.equal(run(root, ['lint', '--against', 'main']).status, 0);
      assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: root }).toString(), before);

      const json = JSON.parse(run(root, ['lint', '--against', 'upstream', '--format', 'json']).stdout) as { files: Array<{ path: string; findings: Array<{ code: string }> }> };
      assert.deepEqual(json.files.map((file) => [file.path, file.findings.map((finding) => finding.code)]), [
        ['docs/specs/TS-0001-payment-retries.md', []],
        ['docs/specs/TS-0002-export.md', ['TS013']],
      ]);
    });

    it('exits 2 with a clear message when the ref does not exist, or there is no repository', () => {
      const { root } = repository(BASE);
      const missing = run(root, ['lint', '--against', 'origin/nope']);
      assert.equal(missing.status, 2);
      assert.equal(missing.stdout, '');
      assert.equal(missing.stderr, 'techspec: the ref "origin/nope" does not exist in this repository (fetch it first, e.g. git fetch origin main)\n');
      assert.equal(run(root, ['lint', '--against', '--help']).status, 2);
      const plain = makeFolder({});
      const outside = run(plain, ['lint', '--against', 'main']);
      assert.equal(outside.status, 2);
      assert.match(outside.stderr, /^techspec: --against reads git, but .* is not inside a git repository/);
    });
  });

  describe('new', () => {
    it('skips an id taken on another branch and says so; counts the workspace only with ids.scanBranches false', () => {
      const { root, git, write } = repository(BASE);
      git('checkout', '-qb', 'feature-x');
      write({ 'docs/specs/TS-0013-elsewhere.md': spec('TS-0013') });
      git('add', '.');
      git('commit', '-qm', 'elsewhere');
      git('checkout', '-q', 'main');
      const created = run(root, ['new', 'Rate Limiter', '--author', 'A']);
      assert.equal(created.status, 0, created.stderr);
      assert.equal(created.stdout, `${path.join('docs', 'specs', 'TS-0014-rate-limiter.md')}\n`);
      assert.equal(created.stderr, 'TS-0014 (TS-0013 is taken on feature-x)\n');
      write({ '.techspec.json': '{ "ids.scanBranches": false }' });
      const local = run(root, ['new', 'Second', '--author', 'A']);
      assert.equal(local.stdout, `${path.join('docs', 'specs', 'TS-0015-second.md')}\n`);
      fs.rmSync(path.join(root, 'docs', 'specs', 'TS-0014-rate-limiter.md'));
      fs.rmSync(path.join(root, 'docs', 'specs', 'TS-0015-second.md'));
      const alone = run(root, ['new', 'Third', '--author', 'A']);
      assert.equal(alone.stdout, `${path.join('docs', 'specs', 'TS-0002-third.md')}\n`);
      assert.equal(alone.stderr, '');
    });
  });

  describe('rename', () => {
    const files = {
      ...BASE,
      'docs/specs/TS-0002-search.md': '---\ntech_spec_id: TS-0002\ndecision_ref: TS-0001\n---\n# TS-0002: Search\n\nBuilds on TS-0001, see [it](./TS-0001-payment-retries.md#summary). `TS-0001` stays.\n',
      'README.md': '# Project\n\nSee TS-0001 and [the spec](docs/specs/TS-0001-payment-retries.md).\n\n```\nTS-0001\n```\n',
    };

    it('--dry-run prints every edit and the file rename, and writes nothing', () => {
      const { root } = repository(files);
      const result = run(root, ['rename', 'TS-0001', 'TS-0050', '--dry-run']);
      assert.equal(result.status, 0, result.stderr);
      const titleLine = FILLED.split('\n').findIndex((line) => line.startsWith('# TS-0001')) + 1;
      const ownerLines = FILLED.split('\n').flatMap((line, i) => [...line.matchAll(/TS-0001/g)].map((match) => [i + 1, match.index + 1]));
      assert.ok(ownerLines.some(([line]) => line === titleLine));
      assert.equal(
        result.stdout,
        [
          'README.md:3:5 TS-0001 → TS-0050',
          'README.md:3:39 TS-0001 → TS-0050',
          ...ownerLines.map(([line, column]) => `docs/specs/TS-0001-payment-retries.md:${line}:${column} TS-0001 → TS-0050`),
          'docs/specs/TS-0002-search.md:3:15 TS-0001 → TS-0050',
          'docs/specs/TS-0002-search.md:7:11 TS-0001 → TS-0050',
          'docs/specs/TS-0002-search.md:7:31 TS-0001 → TS-0050',
          'rename docs/specs/TS-0001-payment-retries.md → docs/specs/TS-0050-payment-retries.md',
          '',
        ].join('\n'),
      );
      assert.equal(result.stderr, `${5 + ownerLines.length} edits in 3 files, 1 file renamed (dry run: nothing was written)\n`);
      for (const [name, text] of Object.entries(files)) assert.equal(read(root, name), text, name);
    });

    it('applies every edit and renames the file', () => {
      const { root } = repository(files);
      const result = run(root, ['rename', 'TS-0001', 'TS-0050']);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(!fs.existsSync(path.join(root, 'docs/specs/TS-0001-payment-retries.md')));
      assert.equal(read(root, 'docs/specs/TS-0050-payment-retries.md'), spec('TS-0050'));
      assert.equal(read(root, 'docs/specs/TS-0002-search.md'), files['docs/specs/TS-0002-search.md'].replace(/TS-0001(?!`)/g, 'TS-0050'));
      assert.equal(read(root, 'README.md'), '# Project\n\nSee TS-0050 and [the spec](docs/specs/TS-0050-payment-retries.md).\n\n```\nTS-0001\n```\n');
      for (const name of Object.keys(BASE).filter((name) => !name.includes('TS-0001'))) assert.equal(read(root, name), files[name as keyof typeof files]);
      assert.equal(run(root, ['lint']).status, 0);
    });

    it('refuses an owned, malformed or unowned id, and changes nothing', () => {
      const { root } = repository(files);
      const owned = run(root, ['rename', 'TS-0001', 'TS-0002']);
      assert.equal(owned.status, 1);
      assert.equal(owned.stderr, 'techspec: TS-0002 is already owned by docs/specs/TS-0002-search.md.\n');
      assert.equal(owned.stdout, '');
      assert.equal(run(root, ['rename', 'TS-0001', 'TS 50']).status, 1);
      assert.match(run(root, ['rename', 'TS-0099', 'TS-0100']).stderr, /No document in the workspace owns TS-0099/);
      assert.equal(run(root, ['rename', 'TS-0001']).status, 2);
      for (const [name, text] of Object.entries(files)) assert.equal(read(root, name), text, name);
    });

    it('keeps a byte order mark and refuses a file that is not clean UTF-8, writing none', () => {
      const { root, write } = repository(files);
      write({ 'docs/specs/TS-0002-search.md': `\uFEFF${files['docs/specs/TS-0002-search.md']}` });
      fs.writeFileSync(path.join(root, 'README.md'), Buffer.concat([Buffer.from('See TS-0001 '), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]));
      const refused = run(root, ['rename', 'TS-0001', 'TS-0050']);
      assert.equal(refused.status, 1);
      assert.equal(refused.stderr, 'techspec: nothing was changed: README.md is not plain UTF-8 text, so it is not rewritten\n');
      assert.ok(fs.existsSync(path.join(root, 'docs/specs/TS-0001-payment-retries.md')));
      assert.equal(read(root, 'docs/specs/TS-0002-search.md'), `\uFEFF${files['docs/specs/TS-0002-search.md']}`);
      write({ 'README.md': 'See TS-0001.\n' });
      assert.equal(run(root, ['rename', 'TS-0001', 'TS-0050']).status, 0);
      assert.equal(read(root, 'docs/specs/TS-0002-search.md'), `\uFEFF${files['docs/specs/TS-0002-search.md'].replace(/TS-0001(?!`)/g, 'TS-0050')}`);
    });
  });
});
