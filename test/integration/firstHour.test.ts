// What a new user trips over in the first hour, driven through the public surfaces.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroupNode, SpecNode } from '../../src/core/treeModel';
import type { TechSpecApi } from '../../src/extension';
import { activateExtension, closeAllEditors, fixtureUri, openMarkdown, waitFor, writeFile } from './helpers';

let api: TechSpecApi;
/** The host may share two cores with other runs: wait longer than the helper's default before failing. */
const LOADED_HOST_MS = 90_000;
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function specNodes(): Promise<Array<SpecNode & { group: string }>> {
  const model = await api.tree.model();
  return model.filter((node): node is GroupNode => node.kind === 'group').flatMap((group) => group.specs.map((spec) => ({ ...spec, group: group.key })));
}

/** Our front-matter key suggestions at a position (VS Code adds word suggestions of its own). */
async function keysOffered(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Property && String(item.detail).startsWith('Tech Spec front matter')).map(labelOf);
}

/** Puts the original text back by an edit and saves it: the file on disk and in the editor end as they began. */
async function restore(editor: vscode.TextEditor, original: string): Promise<void> {
  const document = editor.document;
  if (document.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), original);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  assert.equal(document.getText(), original);
  if (document.isDirty) assert.ok(await document.save());
}

const COMPLETE = '---\ntech_spec_id: TS-0100\ntitle: Probe\nstatus: DRAFT\ndecision_ref: RFC-0007\nauthor: Ada\ncreated: 2026-01-01\nlast_updated: 2026-01-02\nrelated_prd: PRD-0012\n---\n\n# TS-0100: Probe\n';

describe('First hour: completion never breaks the spec', () => {
  before(async () => {
    api = await activateExtension();
  });
  after(closeAllEditors);

  it('offers no key on a new line of a complete front matter, nor while "sta" or "t" is typed', async () => {
    for (const typed of ['', 'sta', 't']) {
      const content = COMPLETE.replace('related_prd: PRD-0012\n', `related_prd: PRD-0012\n${typed}\n`);
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      await vscode.window.showTextDocument(document);
      assert.deepEqual(await keysOffered(document, new vscode.Position(9, typed.length)), [], `keys offered after "${typed}"`);
    }
  });

  it('offers exactly the missing key while it is being typed', async () => {
    const content = COMPLETE.replace('status: DRAFT\n', '').replace('related_prd: PRD-0012\n', 'related_prd: PRD-0012\nsta\n');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    assert.deepEqual(await keysOffered(document, new vscode.Position(8, 3)), ['status']);
  });

  it('a duplicate key gets a quick fix that removes the later one, undoably', async () => {
    const uri = fixtureUri('docs', 'specs', 'TS-0004-billing-export.md');
    const editor = await openMarkdown(uri);
    const original = editor.document.getText();
    const closing = original.split('\n').indexOf('---', 1);
    await editor.edit((edit) => edit.insert(new vscode.Position(closing, 0), 'status: DRAFT\n'));
    try {
      const diagnostic = await waitFor(
        () => vscode.languages.getDiagnostics(uri).find((candidate) => candidate.code === 'TS003'),
        (found) => found !== undefined,
        'a TS003 diagnostic',
        LOADED_HOST_MS,
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((action) => action.title).filter((title) => !title.startsWith('Fix all'));
      const status = /^status: (\S+)/m.exec(original)?.[1];
      assert.deepEqual(titles, [`Remove the duplicate "status" on line ${closing + 1} (keeping "${status}")`]);
      const action = actions.find((candidate) => candidate.title === titles[0])!;
      assert.equal(await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? [])), true);
      assert.equal(editor.document.getText(), original);
    } finally {
      await restore(editor, original);
    }
    // Left as found: back in its group once the reverted text is read.
    await waitFor(
      async () => (await specNodes()).find((spec) => spec.uri === uri.toString()),
      (spec) => spec?.group === 'status:IMPLEMENTED' && spec.editing === undefined,
      'TS-0004 back under Implemented',
      LOADED_HOST_MS,
    );
  });
});

describe('First hour: the tree holds still while you type', () => {
  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('techSpec.refresh');
  });
  after(closeAllEditors);

  it('keeps a dirty spec with unreadable front matter in its group, marked, and goes back when reverted', async () => {
    const uri = fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md');
    const before = (await specNodes()).find((spec) => spec.uri === uri.toString());
    assert.equal(before?.group, 'status:DRAFT');
    const editor = await openMarkdown(uri);
    const original = editor.document.getText();
    await editor.edit((edit) => edit.insert(new vscode.Position(4, 0), 'sta\n'));
    try {
      const held = await waitFor(
        async () => (await specNodes()).find((spec) => spec.uri === uri.toString()),
        (spec) => spec?.editing !== undefined,
        'the editing marker',
        LOADED_HOST_MS,
      );
      assert.equal(held?.group, 'status:DRAFT');
      assert.equal(held?.label, 'TS-0002 · Payment Retries');
      assert.equal(held?.description, '1/3 · editing: front matter unreadable');
      assert.ok(!(await api.tree.model()).some((node) => node.kind === 'group' && node.category === 'unreadable' && node.specs.some((spec) => spec.uri === uri.toString())));
    } finally {
      await restore(editor, original);
    }
    // The restored text reaches the index a moment after the editor stops being dirty.
    const after = await waitFor(
      async () => (await specNodes()).find((spec) => spec.uri === uri.toString()),
      (spec) => spec?.group === 'status:DRAFT' && spec.editing === undefined,
      'the marker to go',
      LOADED_HOST_MS,
    );
    assert.equal(after?.description, '1/3');
  });
});

describe('First hour: spec item context menu', () => {
  before(async () => {
    api = await activateExtension();
  });
  after(closeAllEditors);

  it('Copy Id puts the id on the clipboard, Open opens the spec, Reveal in Explorer answers with its uri', async () => {
    const node = (await specNodes()).find((spec) => spec.id === 'TS-0003' && spec.uri.endsWith('TS-0003-search-index.md'));
    assert.ok(node);
    const item = api.tree.getTreeItem(node);
    assert.equal(item.contextValue, 'techSpec.spec');
    await vscode.env.clipboard.writeText('');
    assert.equal(await vscode.commands.executeCommand('techSpec.copySpecId', node), 'TS-0003');
    assert.equal(await vscode.env.clipboard.readText(), 'TS-0003');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('techSpec.openSpec', node);
    assert.equal(opened?.toString(), node.uri);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), node.uri);
    const revealed = await vscode.commands.executeCommand<vscode.Uri>('techSpec.revealSpecInExplorer', node);
    assert.equal(revealed?.toString(), node.uri);
  });
});

describe('First hour: unknown reference quick fixes', () => {
  const created: vscode.Uri[] = [];
  before(async () => {
    api = await activateExtension();
  });
  after(async () => {
    await closeAllEditors();
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('offers the closest known RFCs (title words of the line first) and Create RFC-0099…', async () => {
    const uri = fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md');
    await openMarkdown(uri);
    const diagnostic = await waitFor(
      () => vscode.languages.getDiagnostics(uri).find((candidate) => candidate.code === 'TS030'),
      (found) => found !== undefined,
      'the TS030 diagnostic on RFC-0099',
      LOADED_HOST_MS,
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title).filter((title) => !title.startsWith('Fix all'));
    assert.deepEqual(titles, ['Change to RFC-0007 (Short-lived Auth Tokens)', 'Change to RFC-0010 (Retry Policy)', 'Create RFC-0099…']);
    const change = actions.find((action) => action.title.startsWith('Change to RFC-0010'))!;
    const editor = vscode.window.activeTextEditor!;
    const before = editor.document.getText();
    assert.ok(await vscode.workspace.applyEdit(change.edit!));
    try {
      assert.equal(editor.document.getText(), before.replace('tracked in RFC-0099', 'tracked in RFC-0010'));
    } finally {
      await restore(editor, before);
    }
  });

  it('Create RFC-0099… writes a stub in the configured folder that owns the id, and never overwrites', async () => {
    await vscode.workspace.getConfiguration('techSpec').update('documentFolders', { RFC: 'docs/rfcs' }, vscode.ConfigurationTarget.Workspace);
    try {
      const from = fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md').toString();
      const uri = await vscode.commands.executeCommand<vscode.Uri>('techSpec.createReferencedDocument', { id: 'RFC-0099', from, open: false });
      assert.ok(uri);
      created.push(uri);
      assert.equal(uri.toString(), fixtureUri('docs', 'rfcs', 'RFC-0099.md').toString());
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), '---\nrfc_id: RFC-0099\ntitle: \nstatus: DRAFT\n---\n\n# RFC-0099\n');
      assert.deepEqual(api.index.model.owners('RFC-0099').map((owner) => owner.uri), [uri.toString()]);
      await writeFile(uri, 'kept');
      assert.equal(await vscode.commands.executeCommand('techSpec.createReferencedDocument', { id: 'RFC-0099', from, open: false }), undefined);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), 'kept');
      // A folder outside the workspace is refused.
      assert.equal(await vscode.commands.executeCommand('techSpec.createReferencedDocument', { id: 'RFC-0098', from, folder: '../outside', open: false }), undefined);
    } finally {
      await vscode.workspace.getConfiguration('techSpec').update('documentFolders', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

describe('First hour: the walkthrough', () => {
  before(async () => {
    api = await activateExtension();
  });
  after(closeAllEditors);

  it('opens with its own command', async () => {
    await closeAllEditors();
    assert.equal(await vscode.commands.executeCommand('techSpec.openWalkthrough'), true);
    const label = await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', (text) => text !== '', 'the walkthrough tab');
    assert.match(label, /Welcome|Walkthrough|Get started with Tech Spec/);
  });

  it('New Tech Spec with beside opens the new file in the next column, leaving the active one', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('techSpec.openWalkthrough');
    await waitFor(() => vscode.window.tabGroups.all.length, (count) => count === 1, 'one editor group');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newSpec', { title: 'Beside Probe', beside: true, author: 'T' });
    assert.ok(uri);
    try {
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      assert.equal(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.Two);
      assert.equal(vscode.window.tabGroups.all.length, 2);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });
});
