// Branch-aware allocation: the pure steps, and the git reader on a real repository made in a temp dir.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { allocateId, displayRef, parseAddedFiles, parseCatFileBatch, parseRefs } from '../../src/core/ids/branchIds';
import { runGit, type GitOptions } from '../../src/vscode/node/git';
import { GitBranchIds, GitUnavailable, type BranchIdRequest } from '../../src/vscode/node/gitBranchIds';

const OID = 'a'.repeat(40);

describe('branch ids: parsing git output', () => {
  it('reads refs, leaving out symbolic HEADs', () => {
    assert.deepEqual(parseRefs(`${OID} refs/heads/main\n${OID} refs/remotes/origin/HEAD\n${OID} refs/remotes/origin/feature-x\n\n`), [
      { oid: OID, name: 'refs/heads/main' },
      { oid: OID, name: 'refs/remotes/origin/feature-x' },
    ]);
  });

  it('reads the files that log lists under each commit, once per ref and path', () => {
    const output = `@@${OID} refs/heads/a\n\ndocs/specs/TS-0013-x.md\n@@${'b'.repeat(40)} refs/heads/a\n\ndocs/specs/TS-0013-x.md\ndocs/specs/TS-0014 y.md\n`;
    assert.deepEqual(parseAddedFiles(output), [
      { commit: OID, ref: 'refs/heads/a', path: 'docs/specs/TS-0013-x.md' },
      { commit: 'b'.repeat(40), ref: 'refs/heads/a', path: 'docs/specs/TS-0014 y.md' },
    ]);
  });

  it('reads cat-file --batch output, binary-safe, with missing objects', () => {
    const bytes = new TextEncoder().encode(`${OID} blob 5\nab\ncd\nx:y missing\n${OID} blob 0\n\n`);
    assert.deepEqual(parseCatFileBatch(bytes, 3).map((blob) => (blob ? new TextDecoder().decode(blob) : blob)), ['ab\ncd', undefined, '']);
  });

  it('names refs as a user writes them', () => {
    assert.deepEqual(['refs/heads/x', 'refs/remotes/origin/feature-x', 'refs/other/y'].map(displayRef), ['x', 'origin/feature-x', 'refs/other/y']);
  });
});

describe('branch ids: allocation', () => {
  it('takes the next id after the workspace and the branches, and says which branch took the obvious one', () => {
    const branches = new Map([['TS-0042', ['origin/feature-x']], ['RFC-0099', ['b']]]);
    assert.deepEqual(allocateId(['TS-0041', 'TS-0007'], branches, 'TS', 4), { id: 'TS-0043', note: 'TS-0042 is taken on origin/feature-x' });
    assert.deepEqual(allocateId(['TS-0041'], new Map([['TS-0040', ['b']]]), 'TS', 4), { id: 'TS-0042' });
    assert.deepEqual(allocateId([], new Map(), 'TS', 4), { id: 'TS-0001' });
    const many = new Map([['TS-0002', ['a', 'b', 'c']], ['TS-0003', ['a']], ['TS-0004', ['a']], ['TS-0005', ['d']]]);
    assert.deepEqual(allocateId(['TS-0001'], many, 'TS', 4), {
      id: 'TS-0006',
      note: 'TS-0002 is taken on a, b and 1 more; TS-0003 is taken on a; TS-0004 is taken on a; 1 more ids on other branches',
    });
  });
});

describe('branch ids: reading a git repository', function () {
  this.timeout(60_000);
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    fs.writeFileSync(path.join(repo, name), text);
  };
  const request = (overrides: Partial<BranchIdRequest> = {}): BranchIdRequest => ({
    folder: repo,
    specsFolder: 'docs/specs',
    refPatterns: ['refs/heads', 'refs/remotes'],
    config: DEFAULT_CONFIG,
    timeoutMs: 20_000,
    ...overrides,
  });

  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'techspec-git-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'Test');
    write('docs/specs/TS-0001-first.md', '---\ntech_spec_id: TS-0001\n---\n');
    git('add', '.');
    git('commit', '-qm', 'first');
    git('checkout', '-qb', 'feature-x');
    write('docs/specs/TS-0002-second.md', '---\ntech_spec_id: TS-0002\n---\n');
    // Named one way, owning another id by its front matter.
    write('docs/specs/renamed.md', '---\ntech_spec_id: TS-0005\n---\n');
    write('elsewhere/TS-0099-not-a-spec-folder.md', '');
    git('add', '.');
    git('commit', '-qm', 'second');
    git('update-ref', 'refs/remotes/origin/feature-y', 'HEAD');
    git('checkout', '-q', 'main');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('finds ids added on other refs, by file name and front matter, under the specs folder only', async () => {
    const ids = await new GitBranchIds().read(request());
    assert.deepEqual(
      [...ids.entries()].sort(),
      [
        ['TS-0002', ['feature-x']],
        ['TS-0005', ['feature-x']],
      ],
    );
  });

  it('counts only the refs asked for', async () => {
    const ids = await new GitBranchIds().read(request({ refPatterns: ['refs/remotes'] }));
    assert.deepEqual([...ids.entries()].sort(), [
      ['TS-0002', ['origin/feature-y']],
      ['TS-0005', ['origin/feature-y']],
    ]);
  });

  it('asks git for the refs only while they stay the same, and reads again when one moves', async () => {
    const calls: string[][] = [];
    const reader = new GitBranchIds((folder: string, args: readonly string[], options: GitOptions) => {
      calls.push([...args]);
      return runGit(folder, args, options);
    });
    await reader.read(request());
    const first = calls.length;
    await reader.read(request());
    assert.deepEqual(calls.slice(first).map((args) => args[0]).sort(), ['for-each-ref', 'rev-parse']);
    git('checkout', '-q', 'feature-x');
    write('docs/specs/TS-0003-third.md', '');
    git('add', '.');
    git('commit', '-qm', 'third');
    git('checkout', '-q', 'main');
    const ids = await reader.read(request());
    assert.deepEqual([...ids.keys()].sort(), ['TS-0002', 'TS-0003', 'TS-0005']);
  });

  it('fails with a reason outside a repository, and refuses a specs folder outside the folder', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'techspec-nogit-'));
    try {
      await assert.rejects(new GitBranchIds().read(request({ folder: plain })), GitUnavailable);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
    await assert.rejects(new GitBranchIds().read(request({ specsFolder: '../x' })), /outside the workspace folder/);
  });
});
