import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import type { GroupNode } from '../../src/core/treeModel';
import type { TechSpecApi } from '../../src/extension';

function waitFor<T>(probe: () => T | Promise<T>, accept: (value: T) => boolean, what: string, limitMs = 30000): Promise<T> {
  const deadline = Date.now() + limitMs;
  const attempt = async (): Promise<T> => {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) assert.fail(`gave up waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return attempt();
  };
  return attempt();
}

function folderChange(): Promise<void> {
  return new Promise((resolve) => {
    const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      subscription.dispose();
      resolve();
    });
  });
}

describe('Workspace folders added and removed', () => {
  let api: TechSpecApi;
  let alpha: vscode.Uri;
  let beta: vscode.Uri;

  before(async function () {
    this.timeout(180_000);
    const extension = vscode.extensions.getExtension<TechSpecApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first && vscode.workspace.workspaceFile, 'the suite opens a .code-workspace file');
    alpha = first.uri;
    beta = vscode.Uri.joinPath(alpha, '..', 'beta');
    await api.index.ready();
  });

  const specLabels = async () =>
    (await api.tree.model())
      .flatMap((node) => (node.kind === 'folder' ? node.groups : [node as GroupNode]))
      .flatMap((group) => group.specs.map((spec) => spec.label))
      .sort();

  const definitionOfRfc = async () => {
    const spec = vscode.Uri.joinPath(alpha, 'docs', 'specs', 'TS-0001-alpha.md');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', spec, new vscode.Position(4, 16));
    return locations.map((location) => location.uri.toString());
  };

  it('indexes a folder when it is added, and the tree and definitions follow', async () => {
    assert.deepEqual(await specLabels(), ['TS-0001 · Alpha']);
    assert.deepEqual(await definitionOfRfc(), []);
    const changed = folderChange();
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 0, { uri: beta }));
    await changed;
    await waitFor(specLabels, (labels) => labels.length === 2, 'the beta spec in the tree');
    assert.deepEqual(await specLabels(), ['TS-0001 · Alpha', 'TS-0002 · Beta']);
    assert.deepEqual(await definitionOfRfc(), [vscode.Uri.joinPath(beta, 'docs', 'rfcs', 'RFC-0200-beta.md').toString()]);
  });

  it('drops a folder when it is removed', async () => {
    const changed = folderChange();
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 1));
    await changed;
    await waitFor(specLabels, (labels) => labels.length === 1, 'the beta spec to leave the tree');
    assert.deepEqual(await specLabels(), ['TS-0001 · Alpha']);
    assert.deepEqual(await definitionOfRfc(), []);
    assert.deepEqual(api.index.model.knownIds().sort(), ['TS-0001']);
  });
});
