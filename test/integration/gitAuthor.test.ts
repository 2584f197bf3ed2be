// The author of a new spec in a trusted workspace: git runs, but never a `git` that the workspace ships.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, readFile, workspaceRoot } from './helpers';

describe('The git author lookup in a trusted workspace', () => {
  const marker = () => path.join(workspaceRoot().fsPath, 'workspace-git-ran');
  const fakeGit = () => path.join(workspaceRoot().fsPath, 'git');
  let savedPath: string | undefined;

  before(async () => {
    await activateExtension();
    assert.equal(vscode.workspace.isTrusted, true);
    // A `git` at the workspace root, and a PATH that looks in the working directory first: the
    // lookup would run it if the workspace were its working directory.
    fs.writeFileSync(fakeGit(), `#!/bin/sh\ntouch '${marker()}'\necho 'Workspace Git'\n`, { mode: 0o755 });
    savedPath = process.env.PATH;
    process.env.PATH = `.${path.delimiter}${savedPath ?? ''}`;
  });
  after(() => {
    process.env.PATH = savedPath;
    fs.rmSync(fakeGit(), { force: true });
    fs.rmSync(marker(), { force: true });
  });

  it('never runs a git binary from the workspace folder', async () => {
    assert.equal(vscode.workspace.getConfiguration('techSpec', null).get('author'), '');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newSpec', { title: 'Git Author Probe', open: false });
    assert.ok(uri instanceof vscode.Uri);
    const author = /\nauthor: ?(.*)\n/.exec(await readFile(uri))?.[1];
    assert.notEqual(author, 'Workspace Git');
    assert.equal(fs.existsSync(marker()), false, 'the workspace\'s git ran');
    await vscode.workspace.fs.delete(uri);
  });
});
