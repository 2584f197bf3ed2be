import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatLocalDate } from '../../src/core/template';
import type { TechSpecApi } from '../../src/extension';
import { activateExtension, closeAllEditors, fixtureUri, openMarkdown, readFile, waitFor } from './helpers';

let api: TechSpecApi;
const brokenUri = () => fixtureUri('docs', 'specs', 'TS-0009-broken-spec.md');

function codes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'techspec')
    .map((diagnostic) => String(diagnostic.code))
    .sort();
}

async function fixesAt(uri: vscode.Uri, code: string): Promise<vscode.CodeAction[]> {
  const diagnostic = await waitFor(
    () => vscode.languages.getDiagnostics(uri).find((candidate) => candidate.code === code),
    (found) => found !== undefined,
    `a ${code} diagnostic`,
  );
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
  // Fixes for this diagnostic's range; the file-wide Fix All is tested on its own.
  return actions.filter((action) => !action.title.startsWith('Fix all'));
}

/** Runs a code action as the light bulb does: its edit, then its command. */
async function runAction(action: vscode.CodeAction): Promise<unknown> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit));
  return action.command ? vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])) : undefined;
}

/** Applies a code action, checks the result, then undoes it and checks the text is back exactly. */
async function applyAndUndo(editor: vscode.TextEditor, action: vscode.CodeAction, check: (before: string, after: string) => void): Promise<void> {
  const before = editor.document.getText();
  assert.ok(action.edit ?? action.command, `${action.title} does nothing`);
  assert.equal(await runAction(action), action.command ? true : undefined, `${action.title} was not applied`);
  const after = editor.document.getText();
  check(before, after);
  // Undo acts on the focused editor: make sure it is this one.
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  assert.equal(editor.document.getText(), before, `undo after "${action.title}" did not restore the text`);
}

describe('Spec checks in the editor', () => {
  let editor: vscode.TextEditor;
  before(async () => {
    api = await activateExtension();
    // The add-key fix fills in the author; pin it so the result does not depend on git or the OS user.
    await vscode.workspace.getConfiguration('techSpec').update('author', 'Fixture Author', vscode.ConfigurationTarget.Workspace);
    editor = await openMarkdown(brokenUri());
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
    await vscode.workspace.getConfiguration('techSpec').update('author', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('reports the problems of a broken spec in the Problems view', async () => {
    const found = await waitFor(() => codes(brokenUri()), (list) => list.includes('TS006'), 'diagnostics on the broken spec');
    assert.deepEqual(found, ['TS004', 'TS006', 'TS008', 'TS020', 'TS030']);
    const status = vscode.languages.getDiagnostics(brokenUri()).find((diagnostic) => diagnostic.code === 'TS006');
    assert.equal(status?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(status?.message, 'Unknown status "draft": did you mean "DRAFT"?');
    assert.deepEqual([status?.range.start.line, status?.range.start.character, status?.range.end.character], [3, 8, 13]);
  });

  it('reports a duplicate id on both documents', async () => {
    const duplicate = fixtureUri('docs', 'specs', 'TS-0003-duplicate.md');
    await openMarkdown(duplicate);
    const found = await waitFor(() => codes(duplicate), (list) => list.includes('TS012'), 'the duplicate id');
    assert.ok(found.includes('TS012'));
    editor = await openMarkdown(brokenUri());
  });

  it('updates as the user types', async () => {
    await waitFor(() => codes(brokenUri()), (list) => list.includes('TS006'), 'initial diagnostics');
    const line = editor.document.lineAt(3);
    await editor.edit((edit) => edit.replace(line.range, 'status: DRAFT'));
    await waitFor(() => codes(brokenUri()), (list) => !list.includes('TS006'), 'TS006 to clear');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => codes(brokenUri()), (list) => list.includes('TS006'), 'TS006 to come back');
  });

  it('fixes the case of a status', async () => {
    const [fix] = await fixesAt(brokenUri(), 'TS006');
    assert.equal(fix.title, 'Change status to DRAFT');
    await applyAndUndo(editor, fix, (before, after) => assert.equal(after, before.replace('status: draft', 'status: DRAFT')));
  });

  it('adds a missing key where the template puts it (before created), not at the end', async () => {
    const [fix] = await fixesAt(brokenUri(), 'TS004');
    assert.equal(fix.title, 'Add "author" to the front matter');
    await applyAndUndo(editor, fix, (before, after) => assert.equal(after, before.replace('status: draft\ncreated:', 'status: draft\nauthor: Fixture Author\ncreated:')));
    // The key went in above last_updated: wait until the diagnostics are for the text after the undo again.
    const lastUpdated = editor.document.getText().split('\n').findIndex((text) => text.startsWith('last_updated:'));
    await waitFor(() => vscode.languages.getDiagnostics(brokenUri()).find((diagnostic) => diagnostic.code === 'TS008')?.range.start.line, (line) => line === lastUpdated, 'TS008 back on its line');
  });

  it('sets last_updated to today', async () => {
    const [fix] = await fixesAt(brokenUri(), 'TS008');
    const today = formatLocalDate(new Date());
    await applyAndUndo(editor, fix, (before, after) => assert.equal(after, before.replace('last_updated: 2026-03-01', `last_updated: ${today}`)));
  });

  it('inserts a missing section from the template, in template order', async () => {
    const [fix] = await fixesAt(brokenUri(), 'TS020');
    assert.equal(fix.title, 'Insert section "Data Model" from the template');
    await applyAndUndo(editor, fix, (before, after) => {
      const at = after.indexOf('## Data Model');
      assert.ok(at > after.indexOf('## Detailed Specifications') && at < after.indexOf('## API Specification'));
      assert.ok(after.includes('### Entity Definitions'));
      // Nothing else moved: removing the inserted block gives back the original.
      const inserted = after.slice(at, after.indexOf('## API Specification'));
      assert.equal(after.replace(inserted, ''), before);
    });
  });

  it('renumbers a duplicate id to the next free one: id, title and file name, this file only', async () => {
    const duplicate = fixtureUri('docs', 'specs', 'TS-0003-duplicate.md');
    const before = await readFile(duplicate);
    await openMarkdown(duplicate);
    const [fix] = await fixesAt(duplicate, 'TS012');
    const match = /^Renumber to (TS-\d{4}) \(this file only; references to TS-0003 elsewhere are left as they are\)$/.exec(fix.title);
    assert.ok(match, fix.title);
    const newId = match[1];
    assert.ok(api.index.model.owners(newId).length === 0, `${newId} is taken`);
    const result = (await runAction(fix)) as { id: string; uri: vscode.Uri } | undefined;
    const renamed = fixtureUri('docs', 'specs', `${newId}-duplicate.md`);
    assert.equal(result?.id, newId);
    assert.equal(result?.uri.toString(), renamed.toString());
    const document = await vscode.workspace.openTextDocument(renamed);
    assert.equal(document.getText(), before.replace('tech_spec_id: TS-0003', `tech_spec_id: ${newId}`).replace('# TS-0003: Duplicate Id', `# ${newId}: Duplicate Id`));
    // Undo goes to the focused editor: with focus elsewhere it would undo the file rename alone.
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString(), (active) => active === renamed.toString(), 'the renamed editor to be active');
    await vscode.commands.executeCommand('undo');
    await waitFor(async () => (await vscode.workspace.openTextDocument(duplicate)).getText(), (text) => text === before, 'undo to restore the duplicate');
    assert.equal(await readFile(duplicate), before);
    await closeAllEditors();
    editor = await openMarkdown(brokenUri());
  });

  it('drops a fix when the text moved after it was offered', async () => {
    const [fix] = await fixesAt(brokenUri(), 'TS006');
    await vscode.window.showTextDocument(editor.document);
    // The user types a line above the status before picking the fix.
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'owner: me\n')));
    const typed = editor.document.getText();
    assert.equal(await runAction(fix), false);
    assert.equal(editor.document.getText(), typed, 'a stale fix changed the text');
    await vscode.commands.executeCommand('undo');
    assert.ok(!editor.document.getText().includes('owner: me'));
  });

  it('offers a Fix All that applies every fix as one undoable edit', async () => {
    await waitFor(() => codes(brokenUri()), (list) => list.includes('TS006'), 'diagnostics');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', brokenUri(), new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.find((action) => action.title.startsWith('Fix all Tech Spec problems'));
    assert.ok(fixAll, `no Fix All among ${actions.map((action) => action.title).join(', ')}`);
    await applyAndUndo(editor, fixAll, (_before, after) => {
      assert.ok(after.includes('status: DRAFT'));
      assert.ok(after.includes('\nauthor: Fixture Author\n'));
      assert.ok(after.includes('## Data Model'));
    });
    await waitFor(() => codes(brokenUri()), (list) => list.includes('TS006'), 'diagnostics to return after undo');
  });

  it('respects a rule severity setting', async () => {
    await vscode.workspace.getConfiguration('techSpec').update('rules', { TS030: 'off', 'section-missing': 'error' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => codes(brokenUri()), (list) => !list.includes('TS030'), 'TS030 to be turned off');
      const missing = vscode.languages.getDiagnostics(brokenUri()).find((diagnostic) => diagnostic.code === 'TS020');
      assert.equal(missing?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await vscode.workspace.getConfiguration('techSpec').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('covers the whole workspace with diagnostics.scope = workspace', async () => {
    const closedSpec = fixtureUri('docs', 'specs', 'TS-0007-on-hold.md');
    assert.deepEqual(codes(closedSpec), []);
    await vscode.workspace.getConfiguration('techSpec').update('diagnostics.scope', 'workspace', vscode.ConfigurationTarget.Workspace);
    try {
      const found = await waitFor(() => codes(closedSpec), (list) => list.includes('TS006'), 'diagnostics on an unopened spec');
      assert.ok(found.includes('TS006'));
    } finally {
      await vscode.workspace.getConfiguration('techSpec').update('diagnostics.scope', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => codes(closedSpec), (list) => list.length === 0, 'workspace diagnostics to clear');
  });

  it('reports nothing for Markdown that is not a spec', async () => {
    const readme = fixtureUri('README.md');
    await openMarkdown(readme);
    await api.diagnostics.lint(readme);
    assert.deepEqual(codes(readme), []);
    editor = await openMarkdown(brokenUri());
  });
});
