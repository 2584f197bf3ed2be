// New Tech Spec against a file that appears on disk behind the index's back (another window, the CLI, a git pull).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri } from './helpers';

const idOf = (uri: vscode.Uri) => Number(/^TS-(\d+)/.exec(path.posix.basename(uri.path))?.[1]);
const tsId = (n: number) => `TS-${String(n).padStart(4, '0')}`;

async function newSpec(args: Record<string, unknown>): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('techSpec.newSpec', args);
  assert.ok(uri instanceof vscode.Uri, 'techSpec.newSpec returned no Uri');
  return uri;
}

describe('New Tech Spec never overwrites a file written between its check and its write', () => {
  before(async () => {
    await activateExtension();
  });
  after(closeAllEditors);

  it('leaves the file byte for byte and takes the next id', async () => {
    const probe = await newSpec({ title: 'Race Probe', open: false });
    const next = idOf(probe) + 1;
    const target = path.join(fixtureUri('docs', 'specs').fsPath, `${tsId(next)}-race.md`);
    // Written with Node, in the same tick as the command starts: the watcher has not told the index yet.
    const bytes = Buffer.from('---\nnote: written by another window\n---\r\nnot a spec, caf\u00e9\n', 'utf8');
    fs.writeFileSync(target, bytes, { flag: 'wx' });
    const created = await newSpec({ title: 'Race', open: false });
    assert.deepEqual(fs.readFileSync(target), bytes, 'the file written outside was changed');
    assert.notEqual(created.fsPath, target);
    assert.equal(path.posix.basename(created.path), `${tsId(next + 1)}-race.md`);
    assert.match(fs.readFileSync(created.fsPath, 'utf8'), new RegExp(`^---\\ntech_spec_id: ${tsId(next + 1)}\\n`));
  });
});
