// Supersede through its argument contract: refused where the lifecycle does not lead to SUPERSEDED; else a new spec
// through New Tech Spec's path and the old one marked, as one edit that one undo reverts. Runs in the browser too.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { formatLocalDate } from '../../src/core/template';
import { activateExtension, closeAllEditors, exists, fixtureUri, readFile, waitFor } from './helpers';

const LOADED_HOST_MS = 60_000;

describe('lifecycle: supersede', function () {
  this.timeout(120_000);

  before(async () => {
    await activateExtension();
  });
  afterEach(closeAllEditors);

  it('refuses to supersede a DRAFT spec (the lifecycle has no DRAFT → SUPERSEDED) and changes nothing', async () => {
    const draft = fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md');
    const before = await readFile(draft);
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.supersede, { uri: draft, title: 'Retries v2', open: false });
    assert.equal(result, undefined);
    assert.equal(await readFile(draft), before);
    assert.deepEqual((await vscode.workspace.findFiles('**/*retries-v2*.md')).length, 0);
  });

  it('supersedes through New Tech Spec (next id, supersedes/superseded_by), and one undo reverts both files', async () => {
    const old = fixtureUri('docs', 'specs', 'TS-0004-billing-export.md');
    const original = await readFile(old);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.supersede, { uri: old.toString(), title: 'Billing Export v2', open: false });
    assert.ok(created instanceof vscode.Uri, 'supersede returns the new spec');
    try {
      const name = created.path.slice(created.path.lastIndexOf('/') + 1);
      const newId = /^(TS-\d+)-billing-export-v2\.md$/.exec(name)?.[1];
      assert.ok(newId, `a spec file name with the next id: ${name}`);
      assert.ok(Number(newId.slice(3)) > 9, `${newId} comes after every id in the workspace`);
      const today = formatLocalDate(new Date());
      const expectedOld = original
        .replace('status: IMPLEMENTED', `status: SUPERSEDED\nsuperseded_by: ${newId}`)
        .replace('last_updated: 2025-12-15', `last_updated: ${today}`);
      await waitFor(async () => (await vscode.workspace.openTextDocument(old)).getText(), (text) => text === expectedOld, 'the old spec to be superseded');
      const newText = (await vscode.workspace.openTextDocument(created)).getText();
      assert.match(newText, new RegExp(`^---\\ntech_spec_id: ${newId}\\ntitle: Billing Export v2\\n`));
      assert.equal(newText.match(/^supersedes: .*$/m)?.[0], 'supersedes: TS-0004');

      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(old), { preview: false });
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString(), (active) => active === old.toString(), 'the old spec to be active');
      await vscode.commands.executeCommand('undo');
      await waitFor(() => exists(created), (found) => !found, 'the new spec to be gone after one undo', LOADED_HOST_MS);
      await waitFor(async () => (await vscode.workspace.openTextDocument(old)).getText(), (text) => text === original, 'the old spec to be restored by the same undo', LOADED_HOST_MS);
    } finally {
      if (await exists(created)) await vscode.workspace.fs.delete(created);
      const document = await vscode.workspace.openTextDocument(old);
      if (document.getText() !== original) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(old, new vscode.Range(0, 0, document.lineCount, 0), original);
        await vscode.workspace.applyEdit(edit);
      }
      await document.save();
    }
  });
});
