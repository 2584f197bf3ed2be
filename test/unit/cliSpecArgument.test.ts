// The one `<id|path>` resolver of `techspec status` and `techspec approve`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveSpecArgument } from '../../src/cli/specArgument';
import { loadWorkspace, UsageError } from '../../src/cli/workspace';
import { makeFolder, removeFolders, runCli } from '../support/cliRunner';
import { REPO_ROOT } from './lintFixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const SPEC = 'docs/specs/TS-0001-retries.md';
const RFC = 'docs/rfcs/RFC-0007-auth.md';
const FILES = {
  [SPEC]: '---\ntech_spec_id: TS-0001\nstatus: DRAFT\n---\n# TS-0001: Retries\n',
  [RFC]: '---\nrfc_id: RFC-0007\n---\n# Auth\n',
  'docs/specs/a.md': '---\ntech_spec_id: TS-0002\n---\n',
  'docs/specs/b.md': '---\ntech_spec_id: TS-0002\n---\n',
  'node_modules/pkg/README.md': '---\ntech_spec_id: TS-0003\n---\n',
  'notes.txt': 'not Markdown\n',
};

describe('resolveSpecArgument (techspec status/approve <id|path>)', () => {
  let root: string;
  const resolve = (target: string, cwd = root) => resolveSpecArgument(loadWorkspace(root), target, cwd);
  const refuses = (target: string, message: string) => assert.throws(() => resolve(target), (error) => error instanceof UsageError && error.message === message);

  before(() => {
    root = fs.realpathSync(makeFolder(FILES));
  });
  after(removeFolders);

  it('an id that one document owns gives that document, of any type', () => {
    assert.equal(resolve('TS-0001'), path.join(root, SPEC));
    assert.equal(resolve('RFC-0007'), path.join(root, RFC));
  });

  it('a path is read from the working directory, relative or absolute', () => {
    assert.equal(resolve(SPEC), path.join(root, SPEC));
    assert.equal(resolve('TS-0001-retries.md', path.join(root, 'docs', 'specs')), path.join(root, SPEC));
    assert.equal(resolve(path.join(root, RFC), path.join(root, 'docs')), path.join(root, RFC));
  });

  it('refuses an id no document owns, an id two documents own, and a path the workspace does not read', () => {
    refuses('TS-0009', 'no document owns TS-0009');
    refuses('TS-0002', 'TS-0002 is owned by 2 documents; name the file instead');
    refuses('docs/specs/missing.md', `docs/specs/missing.md is not a spec of the workspace at ${root}`);
    refuses('notes.txt', `notes.txt is not a spec of the workspace at ${root}`);
    refuses('node_modules/pkg/README.md', `node_modules/pkg/README.md is not a spec of the workspace at ${root}`);
  });

  it('status and approve both answer a bad argument with exit 2 and the resolver\'s message, writing nothing', () => {
    for (const args of [['status', 'TS-0002', 'IN_REVIEW'], ['approve', 'TS-0002', '--by', 'Ana']]) {
      const result = runCli(CLI, root, args);
      assert.deepEqual([result.status, result.stdout, result.stderr], [2, '', 'techspec: TS-0002 is owned by 2 documents; name the file instead\n'], args.join(' '));
    }
    for (const [name, text] of Object.entries(FILES)) assert.equal(fs.readFileSync(path.join(root, name), 'utf8'), text, name);
  });
});
