import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

// The public ids are the contract under test, so they are spelled out rather than imported.
const EXTENSION_ID = 'techspec.techspec';
const REFRESH = 'techSpec.refresh';
// out/test/integration -> repository root
const repoFixture = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace');

describe('activation', () => {
  it('is loaded from the development path and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers techSpec.refresh, and running it resolves', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(REFRESH), `${REFRESH} is not registered`);
    await vscode.commands.executeCommand(REFRESH);
  });

  it('opens a fresh copy of the fixture workspace as the only folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    const opened = folders[0].uri.fsPath;
    assert.notEqual(path.resolve(opened), repoFixture, 'tests must not edit the fixture in the repository');
    const readme = fs.readFileSync(path.join(repoFixture, 'README.md'), 'utf8');
    assert.equal(fs.readFileSync(path.join(opened, 'README.md'), 'utf8'), readme);
  });
});
