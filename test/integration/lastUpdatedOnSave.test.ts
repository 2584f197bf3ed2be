// techSpec.lastUpdated.onSave in the real host: a saved spec on disk, edited and saved through the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatLocalDate } from '../../src/core/template';
import type { TechSpecApi } from '../../src/extension';
import { activateExtension, closeAllEditors, fixtureUri, readFile, waitFor, writeFile } from './helpers';

const FRONT_MATTER = [
  '---',
  'tech_spec_id: TS-0970',
  'title: Save stamp',
  'status: DRAFT',
  'author: Fixture Author',
  'created: 2026-05-01',
  'last_updated: 2026-05-20',
  '---',
].join('\n');
const BODY = '\n\n# TS-0970: Save stamp\n\n## Executive Summary\n\nStamps the date on save.\n';
const SPEC = FRONT_MATTER + BODY;
const SETTING = 'lastUpdated.onSave';

describe('last_updated on save', () => {
  const uri = fixtureUri('docs', 'specs', 'TS-0970-save-stamp.md');
  let editor: vscode.TextEditor;
  let api: TechSpecApi;

  /** The spec on disk as SPEC, open in an editor that shows it. */
  async function openFresh(): Promise<vscode.TextEditor> {
    await closeAllEditors();
    await writeFile(uri, SPEC);
    const document = await vscode.workspace.openTextDocument(uri);
    // The file may have been open before (an earlier test): make sure the editor shows the disk's text.
    await waitFor(() => document.getText(), (text) => text === SPEC, 'the document to show the file');
    const editor = await vscode.window.showTextDocument(document);
    // A save participant has 1.75 s: let the index and the checks take the new file in before saving.
    await waitFor(() => api.index.model.get(uri.toString())?.lastUpdated, (date) => date === '2026-05-20', 'the index to read the file');
    await waitFor(() => vscode.languages.getDiagnostics(uri).length, (count) => count > 0, 'the checks to run on the file');
    return editor;
  }

  async function replaceText(target: vscode.TextEditor, from: string, to: string): Promise<void> {
    const text = target.document.getText();
    const at = text.indexOf(from);
    assert.ok(at >= 0, `"${from}" is not in the document`);
    const range = new vscode.Range(target.document.positionAt(at), target.document.positionAt(at + from.length));
    assert.ok(await target.edit((builder) => builder.replace(range, to)));
  }

  /** Saves, then checks that the editor and the disk hold `expected`, and that nothing is left unsaved. */
  async function saveAndExpect(target: vscode.TextEditor, expected: string): Promise<void> {
    assert.ok(await target.document.save(), 'the save went through');
    assert.equal(target.document.getText(), expected);
    assert.equal(await readFile(uri), expected);
    assert.equal(target.document.isDirty, false);
  }

  before(async () => {
    // A save participant has 1.75 s: let the first index build (a busy host) finish before saving.
    api = await activateExtension();
    await api.index.ready();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('techSpec', uri).update(SETTING, undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri);
  });

  it('a body edit sets last_updated to today in the same save; the editor ends clean', async () => {
    editor = await openFresh();
    await replaceText(editor, 'Stamps the date on save.', 'Stamps the date on every save.');
    const today = formatLocalDate(new Date());
    const expected = FRONT_MATTER.replace('last_updated: 2026-05-20', `last_updated: ${today}`) + BODY.replace('Stamps the date on save.', 'Stamps the date on every save.');
    await saveAndExpect(editor, expected);
    assert.equal(expected.split('\n').slice(0, 8).join('\n'), ['---', 'tech_spec_id: TS-0970', 'title: Save stamp', 'status: DRAFT', 'author: Fixture Author', 'created: 2026-05-01', `last_updated: ${today}`, '---'].join('\n'));
  });

  it('a front-matter-only edit leaves last_updated as it was', async () => {
    editor = await openFresh();
    await replaceText(editor, 'title: Save stamp', 'title: Save stamps');
    await saveAndExpect(editor, SPEC.replace('title: Save stamp', 'title: Save stamps'));
  });

  it('a save with nothing changed leaves the file as it was', async () => {
    editor = await openFresh();
    // Ctrl+S on a clean editor: the workbench saves (its participants run), and the text stays as it was.
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.equal(editor.document.getText(), SPEC);
    assert.equal(await readFile(uri), SPEC);
    // Edited and edited back: the body is what was saved.
    await replaceText(editor, 'Stamps', 'Stomps');
    await replaceText(editor, 'Stomps', 'Stamps');
    await saveAndExpect(editor, SPEC);
  });

  it('with the setting off, a body edit leaves last_updated as it was', async () => {
    await vscode.workspace.getConfiguration('techSpec', uri).update(SETTING, 'off', vscode.ConfigurationTarget.WorkspaceFolder);
    editor = await openFresh();
    await replaceText(editor, 'Stamps the date on save.', 'Stamps nothing.');
    await saveAndExpect(editor, SPEC.replace('Stamps the date on save.', 'Stamps nothing.'));
  });

  it('leaves a Markdown file that is not a spec as it was', async () => {
    const notes = fixtureUri('docs', 'save-stamp-notes.md');
    const text = '---\ntitle: Meeting notes\nlast_updated: 2026-05-20\n---\n\n# Notes\n\nNothing decided.\n';
    await writeFile(notes, text);
    try {
      const document = await vscode.workspace.openTextDocument(notes);
      const target = await vscode.window.showTextDocument(document);
      await replaceText(target, 'Nothing decided.', 'One thing decided.');
      assert.ok(await document.save());
      const expected = text.replace('Nothing decided.', 'One thing decided.');
      assert.equal(document.getText(), expected);
      assert.equal(await readFile(notes), expected);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(notes);
    }
  });

  it('undo after the save takes back the date stamp first, then the body edit: no text is lost', async () => {
    editor = await openFresh();
    const edited = SPEC.replace('Stamps the date on save.', 'Stamps the date, undoably.');
    await replaceText(editor, 'Stamps the date on save.', 'Stamps the date, undoably.');
    const stamped = edited.replace('last_updated: 2026-05-20', `last_updated: ${formatLocalDate(new Date())}`);
    await saveAndExpect(editor, stamped);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), edited, 'the first undo takes back the stamp, and only the stamp');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), SPEC, 'the second undo takes back the body edit');
    await vscode.commands.executeCommand('redo');
    await vscode.commands.executeCommand('redo');
    assert.equal(editor.document.getText(), stamped, 'redo brings both back');
    assert.equal(editor.document.isDirty, false, 'back to the saved text');
  });
});
