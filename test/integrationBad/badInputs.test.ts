import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import type { GroupNode } from '../../src/core/treeModel';
import type { TechSpecApi } from '../../src/extension';

const errors: unknown[] = [];
const onError = (error: unknown) => errors.push(error);

async function waitFor<T>(probe: () => T | Promise<T>, accept: (value: T) => boolean, what: string, limitMs = 60000): Promise<T> {
  const deadline = Date.now() + limitMs;
  let last = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) assert.fail(`gave up waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await probe();
  }
  return last;
}

describe('Bad input in a real workspace', () => {
  let api: TechSpecApi;
  let files: vscode.Uri[];

  before(async () => {
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    const extension = vscode.extensions.getExtension<TechSpecApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    files = (await vscode.workspace.findFiles('**/*.md')).filter((uri) => /\/TS-\d+[^/]*\.md$/.test(uri.path));
    assert.ok(files.length >= 18, `only ${files.length} corpus files in the workspace`);
  });

  after(() => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  });

  it('activates and shows the good specs in their status groups', async () => {
    const model = (await api.tree.model()) as GroupNode[];
    const labels = model.filter((group) => group.category === 'status').flatMap((group) => group.specs.map((spec) => spec.id));
    assert.ok(labels.includes('TS-0001'), `good specs: ${labels.join(', ')}`);
    assert.ok(labels.includes('TS-0002'), `good specs: ${labels.join(', ')}`);
  });

  it('lists the unreadable files under their own group, each with a reason', async () => {
    const model = (await api.tree.model()) as GroupNode[];
    const unreadable = model.find((group) => group.category === 'unreadable');
    assert.ok(unreadable, 'no "Could not read" group');
    const names = unreadable.specs.map((spec) => spec.label);
    for (const expected of ['TS-0101', 'TS-0102', 'TS-0103', 'TS-0112', 'TS-0193']) {
      assert.ok(names.some((name) => name.includes(expected)), `${expected} missing from ${names.join(', ')}`);
    }
    for (const spec of unreadable.specs) assert.ok(spec.description.trim().length > 0, `${spec.label} has no reason`);
    const tooLarge = unreadable.specs.find((spec) => spec.label.includes('TS-0193'));
    assert.match(tooLarge?.description ?? '', /maxFileSize/);
    const binary = unreadable.specs.find((spec) => spec.label.includes('TS-0112'));
    assert.match(binary?.description ?? '', /binary/);
  });

  it('gives every parsable bad file a diagnostic, in workspace scope', async function () {
    this.timeout(180000);
    await vscode.workspace.getConfiguration('techSpec').update('diagnostics.scope', 'workspace', vscode.ConfigurationTarget.Workspace);
    const skipped = /TS-0112|TS-0193/;
    for (const uri of files.filter((candidate) => !skipped.test(candidate.path) && !/TS-000[12]-/.test(candidate.path))) {
      const diagnostics = await waitFor(
        () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'techspec'),
        (list) => list.length > 0,
        `diagnostics on ${vscode.workspace.asRelativePath(uri)}`,
      );
      for (const diagnostic of diagnostics) assert.ok(diagnostic.message.length > 0);
    }
    // Bytes that are not UTF-8: read with U+FFFD, and said so in the Problems view and the tree.
    const invalid = files.find((uri) => uri.path.includes('TS-0111'))!;
    assert.ok(vscode.languages.getDiagnostics(invalid).some((diagnostic) => /^The file is not valid UTF-8/.test(diagnostic.message)));
    const specs = ((await api.tree.model()) as GroupNode[]).flatMap((group) => group.specs);
    assert.match(specs.find((spec) => spec.uri === invalid.toString())?.tooltip ?? '', /Warning: not valid UTF-8/);
    // 100,000 tasks, a third citing an unknown RFC: a thousand problems shown, and a count of the rest.
    const manyTasks = files.find((uri) => uri.path.includes('TS-0192'))!;
    const shown = vscode.languages.getDiagnostics(manyTasks).filter((diagnostic) => diagnostic.source === 'techspec');
    assert.equal(shown.length, 1001);
    assert.match(shown[1000].message, /^\d+ more Tech Spec problems in this file are not shown/);
  });

  it('answers hovers, completions and links on every file without throwing', async function () {
    this.timeout(180000);
    // VS Code itself will not open the binary file or the one over its own large-file limit as text.
    for (const uri of files.filter((candidate) => !/TS-0112|TS-0193/.test(candidate.path))) {
      const document = await vscode.workspace.openTextDocument(uri);
      for (const position of [new vscode.Position(0, 0), new vscode.Position(1, 3), new vscode.Position(Math.min(5, document.lineCount - 1), 0)]) {
        await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position);
        await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position);
      }
      await vscode.commands.executeCommand('vscode.executeLinkProvider', uri);
    }
  });

  it('logged no uncaught error', () => {
    assert.deepEqual(errors.map(String), []);
  });
});
