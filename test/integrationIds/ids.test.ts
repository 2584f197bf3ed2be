import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, exists, fixtureUri, readFile, waitFor } from '../integration/helpers';
import type { TechSpecApi } from '../../src/extension';

let api: TechSpecApi;

async function newSpec(args: Record<string, unknown>): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('techSpec.newSpec', args);
  assert.ok(uri instanceof vscode.Uri, 'techSpec.newSpec returned no Uri');
  return uri;
}

async function removeSpec(uri: vscode.Uri, id: string): Promise<void> {
  await vscode.workspace.fs.delete(uri);
  // The watcher reports the deletion too; asking the index directly keeps the test from waiting on it.
  await api.index.refreshFile(uri);
  await waitFor(() => api.index.model.owners(id).length, (count) => count === 0, `${id} to leave the index`);
}

/** Rename runs on a document the editor has loaded, as F2 does. */
async function renameAt(uri: vscode.Uri, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
  await vscode.workspace.openTextDocument(uri);
  return vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, position, newName);
}

/** The text as the editor has it (edits applied but not saved), for a file that may not be open. */
async function editorText(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

/** Where `needle` starts, the `occurrence`-th time, in a file: a position inside it. */
async function positionOf(uri: vscode.Uri, needle: string, occurrence = 0): Promise<vscode.Position> {
  const text = await readFile(uri);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in ${uri.path}`);
  const before = text.slice(0, at).split('\n');
  return new vscode.Position(before.length - 1, before[before.length - 1].length + 2);
}

describe('Ids: allocation across branches', () => {
  before(async () => {
    api = await activateExtension();
    await api.index.ready();
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('techSpec').update('ids.scanBranches', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('New Tech Spec skips TS-0013, which branch feature-x took, and gives TS-0014', async () => {
    const uri = await newSpec({ title: 'Quota Store', open: false });
    assert.equal(path.posix.basename(uri.path), 'TS-0014-quota-store.md');
    assert.match(await readFile(uri), /^---\ntech_spec_id: TS-0014\n/);
    await removeSpec(uri, 'TS-0014');
  });

  it('gives TS-0013 with techSpec.ids.scanBranches set to false', async () => {
    await vscode.workspace.getConfiguration('techSpec').update('ids.scanBranches', false, vscode.ConfigurationTarget.Workspace);
    const uri = await newSpec({ title: 'Quota Store', open: false });
    assert.equal(path.posix.basename(uri.path), 'TS-0013-quota-store.md');
    await removeSpec(uri, 'TS-0013');
  });
});

describe('Ids: rename (F2)', () => {
  const owner = () => fixtureUri('docs', 'specs', 'TS-0012-rate-limiter.md');
  const renamed = () => fixtureUri('docs', 'specs', 'TS-0050-rate-limiter.md');
  const gateway = () => fixtureUri('docs', 'specs', 'TS-0001-gateway.md');
  const rfc = () => fixtureUri('docs', 'rfcs', 'RFC-0003-tokens.md');
  const readme = () => fixtureUri('README.md');

  before(async () => {
    api = await activateExtension();
    await api.index.ready();
    // Check the edit itself, unsaved in the editors, as an extension applying it sees it.
    await vscode.workspace.getConfiguration('files').update('refactoring.autoSave', false, vscode.ConfigurationTarget.Workspace);
  });
  after(() => vscode.workspace.getConfiguration('files').update('refactoring.autoSave', undefined, vscode.ConfigurationTarget.Workspace));
  afterEach(closeAllEditors);

  it('prepares a rename on the id field, the title heading and a reference, with the id as placeholder', async () => {
    for (const [uri, needle, occurrence] of [[owner(), 'TS-0012', 0], [owner(), 'TS-0012', 1], [gateway(), 'TS-0012', 1]] as const) {
      const position = await positionOf(uri, needle, occurrence);
      const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', uri, position);
      assert.equal(prepared.placeholder, 'TS-0012');
      assert.equal(prepared.range.end.character - prepared.range.start.character, 'TS-0012'.length);
    }
  });

  it('renames the file and every reference in one edit, and one undo restores every file byte for byte', async function () {
    // Four files, each waited for twice (after the edit, after the undo): generous on a loaded machine.
    this.timeout(240_000);
    const files = [owner(), gateway(), rfc(), readme()];
    const originals = new Map<string, string>();
    for (const uri of files) originals.set(uri.toString(), await readFile(uri));
    const edit = await renameAt(gateway(), await positionOf(gateway(), 'TS-0012 (see'), 'TS-0050');
    assert.ok(edit instanceof vscode.WorkspaceEdit);
    assert.ok(await vscode.workspace.applyEdit(edit));

    assert.equal(await exists(owner()), false, 'the old file name is still there');
    assert.equal(await exists(renamed()), true, 'the file was not renamed');
    const expected = new Map<string, string>([
      [renamed().toString(), originals.get(owner().toString())!.replace(/TS-0012/g, 'TS-0050')],
      [
        gateway().toString(),
        originals
          .get(gateway().toString())!
          .replace('supersedes: [TS-0012]', 'supersedes: [TS-0050]')
          .replace('limiter of TS-0012 (see [the limiter](TS-0012-rate-limiter.md)', 'limiter of TS-0050 (see [the limiter](TS-0050-rate-limiter.md)')
          .replace('[limiter]: ./TS-0012-rate-limiter.md', '[limiter]: ./TS-0050-rate-limiter.md'),
      ],
      [rfc().toString(), originals.get(rfc().toString())!.replace('Followed by TS-0012.', 'Followed by TS-0050.')],
      [readme().toString(), originals.get(readme().toString())!.replace('cite TS-0012', 'cite TS-0050').replace('(docs/specs/TS-0012-rate-limiter.md)', '(docs/specs/TS-0050-rate-limiter.md)')],
    ]);
    for (const [uri, text] of expected) await waitFor(() => editorText(vscode.Uri.parse(uri)), (found) => found === text, `${uri} to read ${JSON.stringify(text)}`);
    // What stays: code, fences and a link to another site.
    assert.ok((await editorText(gateway())).includes('In code, `TS-0012` stays'));
    assert.ok((await editorText(gateway())).includes('TS-0012 in a fence stays too.'));
    assert.ok((await editorText(gateway())).includes('(https://example.org/TS-0012-rate-limiter.md)'));

    // Undo goes to the focused editor: with focus elsewhere (the Explorer) it would undo the file rename alone.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(gateway()), { preview: false });
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString(), (active) => active === gateway().toString(), 'the gateway editor to be active');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => exists(owner()), (found) => found, 'the file to get its old name back');
    assert.equal(await exists(renamed()), false);
    for (const uri of files) {
      // The editor's models follow the undo through events: wait for them, then compare.
      await waitFor(() => editorText(uri), (text) => text === originals.get(uri.toString()), `${uri.path} in the editor to be restored`);
      assert.equal(await readFile(uri), originals.get(uri.toString()), `${uri.path} on disk`);
      assert.equal((await vscode.workspace.openTextDocument(uri)).isDirty, false, `${uri.path} is left dirty`);
    }
  });

  it('refuses to rename to an id that another document owns, or to something that is no id', async () => {
    const position = await positionOf(owner(), 'TS-0012');
    await assert.rejects(
      renameAt(owner(), position, 'TS-0001'),
      (error: Error) => {
        assert.match(error.message, /TS-0001 is already owned by docs\/specs\/TS-0001-gateway\.md\./);
        return true;
      },
    );
    await assert.rejects(
      renameAt(owner(), position, 'ADR-0001'),
      (error: Error) => {
        assert.match(error.message, /ADR is not a known id prefix/);
        return true;
      },
    );
    assert.equal(await readFile(owner()), (await vscode.workspace.openTextDocument(owner())).getText());
  });

  it('renames an RFC id the same way', async () => {
    const position = await positionOf(rfc(), 'RFC-0003', 1);
    const edit = await renameAt(rfc(), position, 'RFC-0009');
    const touched = edit.entries().map(([uri, edits]) => [path.posix.basename(uri.path), edits.map((change) => change.newText)]);
    assert.deepEqual(touched.sort(), [
      ['RFC-0009-tokens.md', ['RFC-0009', 'RFC-0009']],
      ['TS-0001-gateway.md', ['RFC-0009']],
      ['TS-0012-rate-limiter.md', ['RFC-0009', 'RFC-0009', 'RFC-0009']],
    ]);
  });
});
