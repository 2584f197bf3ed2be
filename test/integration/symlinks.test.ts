import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TechSpecApi } from '../../src/extension';
import { activateExtension, closeAllEditors, fixtureUri, openMarkdown, waitFor } from './helpers';

describe('A spec reached through a symbolic link', () => {
  let api: TechSpecApi;
  const real = () => fixtureUri('docs', 'specs', 'TS-0004-billing-export.md');
  const link = () => fixtureUri('docs', 'TS-0004-linked.md');

  before(async function () {
    this.timeout(180_000);
    api = await activateExtension();
    await api.index.ready();
    fs.symlinkSync(real().fsPath, link().fsPath);
  });
  after(async () => {
    await closeAllEditors();
    fs.rmSync(link().fsPath, { force: true });
  });

  const rows = async () =>
    (await api.tree.model()).flatMap((node) => (node.kind === 'group' ? node.specs : [])).filter((spec) => spec.id === 'TS-0004').map((spec) => spec.uri);

  it('is one document, under its real path: one row, one owner, no duplicate id against itself', async () => {
    // Refresh reads every file again, the link included.
    await vscode.commands.executeCommand('techSpec.refresh');
    assert.deepEqual(await rows(), [real().toString()]);
    assert.deepEqual(api.index.model.owners('TS-0004').map((owner) => owner.uri), [real().toString()]);
    const viaLink = await openMarkdown(link());
    const direct = await openMarkdown(real());
    const codes = async (editor: vscode.TextEditor) => (await api.diagnostics.findingsFor(editor.document)).map((finding) => finding.code);
    // The same checks through either path, and neither says the file duplicates itself.
    assert.deepEqual(await codes(viaLink), await codes(direct));
    assert.ok(!(await codes(viaLink)).includes('TS012'));
    assert.deepEqual(await rows(), [real().toString()]);
    await waitFor(rows, (uris) => uris.length === 1, 'still one row after the editors opened');
  });
});
