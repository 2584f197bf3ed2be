// Lenses, the status bar's command and Supersede, driven through public surfaces.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { contentDigest } from '../../src/core/lifecycle/approvals';
import { formatLocalDate } from '../../src/core/template';
import { activateExtension, closeAllEditors, fixtureUri, readFile, waitFor } from './helpers';
import { openUntitled } from './untitled';

const LOADED_HOST_MS = 60_000;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Documents in the workspace, other than the owner, whose text cites the id: counted here from the files, not by the index. */
async function citingFiles(id: string, owner: string): Promise<number> {
  const files = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**');
  let count = 0;
  for (const file of files) {
    if (file.path.endsWith(owner)) continue;
    if (new RegExp(`\\b${id}\\b`).test(await readFile(file))) count++;
  }
  return count;
}

describe('lifecycle: code lenses, status bar command, supersede', function () {
  this.timeout(120_000);

  before(async () => {
    await activateExtension();
  });
  afterEach(closeAllEditors);

  it('executeCodeLensProvider gives every lens of a spec, with the titles of the issue', async () => {
    const body = ['', '# TS-0004: Lenses', '', '## Implementation Checklist', '', ...['a', 'b', 'c', 'd'].map((task) => `- [x] ${task}`), ...['e', 'f', 'g', 'h', 'i'].map((task) => `- [ ] ${task}`), ''].join('\n');
    const current = contentDigest(`---\ntitle: x\n---${body}`);
    const content = [
      '---',
      'tech_spec_id: TS-0004',
      'title: Lenses',
      'status: IN_REVIEW',
      'decision_ref: RFC-0007',
      'related_prd: PRD-0012',
      'approvals:',
      '  - by: Ada',
      '    date: 2026-11-20',
      `    digest: ${current}`,
      '  - by: Bob',
      '    date: 2026-11-19',
      '    digest: 000000000000',
      '---',
    ].join('\n') + body;
    const document = await openUntitled(content);
    await vscode.window.showTextDocument(document);
    const citing = await citingFiles('TS-0004', 'TS-0004-billing-export.md');
    const lenses = await waitFor(
      async () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100),
      // Documents that other tests just closed leave the index when their close arrives: wait for the count too.
      (found) => (found ?? []).filter((lens) => lens.command?.title).length >= 6 && (found ?? []).some((lens) => lens.command?.title === `Referenced by ${citing}`),
      'the lenses',
      LOADED_HOST_MS,
    );
    const ours = lenses.filter((lens) => lens.command?.title).map((lens) => [lens.range.start.line, lens.command!.title]);
    assert.deepEqual(ours, [
      [1, `Referenced by ${citing}`],
      [3, 'Set status… (DRAFT, APPROVED)'],
      [4, 'RFC-0007 · ACCEPTED · 2025-12-01'],
      [5, 'PRD-0012 · APPROVED · 2026-01-05'],
      [6, '1 current · 1 stale'],
      [16, '4/9 done'],
    ]);
    const status = lenses.find((lens) => lens.command?.title.startsWith('Set status'));
    assert.equal(status?.command?.command, Commands.setStatus);
    const references = lenses.find((lens) => lens.command?.title.startsWith('Referenced by'));
    assert.equal(references?.command?.command, 'editor.action.findReferences');
  });

  it('no lenses with techSpec.codeLens.enabled off', async () => {
    const document = await openUntitled('---\ntech_spec_id: TS-0004\nstatus: DRAFT\n---\n# x\n');
    const settings = vscode.workspace.getConfiguration('techSpec');
    await settings.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(
        async () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri),
        (found) => (found ?? []).length === 0,
        'no lenses',
      );
    } finally {
      await settings.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

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
