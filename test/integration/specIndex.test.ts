// Tech Spec: Update Spec Index, the stale-index warning with its quick fix, and updateOnSave.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { formatLocalDate } from '../../src/core/template';
import type { TechSpecApi } from '../../src/extension';
import { activateExtension, closeAllEditors, fixtureUri, readFile, waitFor, writeFile } from './helpers';

const START = '<!-- techspec:index -->';
const END = '<!-- /techspec:index -->';
const BEFORE = '# Specs\n\nWritten by hand: [a link](https://example.org) stays.\n\n';
const AFTER = '\n\n## Kept\n\nThis text is never touched.\n';

function staleCodes(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code));
}

/** The rows' `[id](path)` cells of an index table, in order. */
function rowLinks(text: string): string[] {
  return [...text.matchAll(/^\| \[([^\]]+)\]\(([^)]+)\) \|/gm)].map((match) => `${match[1]} ${match[2]}`);
}

describe('Spec index file', () => {
  let api: TechSpecApi;
  const indexUri = () => fixtureUri('docs', 'specs', 'README.md');
  const specUri = () => fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md');
  let specText: string;

  before(async () => {
    api = await activateExtension();
    await api.index.ready();
    specText = await readFile(specUri());
  });

  // Later suites count TS-0002's checklist: put it back through its editor (open editor text wins over
  // disk in the index), and wait until the index has it again.
  after(async () => {
    await vscode.workspace.getConfiguration('techSpec').update('index.updateOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    const document = await vscode.workspace.openTextDocument(specUri());
    const restore = new vscode.WorkspaceEdit();
    restore.replace(specUri(), new vscode.Range(0, 0, document.lineCount, 0), specText);
    await vscode.workspace.applyEdit(restore);
    await document.save();
    await closeAllEditors();
    await vscode.workspace.fs.delete(indexUri());
    await waitFor(() => api.index.model.get(specUri().toString())?.checklist.done, (done) => done === 1, 'TS-0002 back at 1/3');
  });

  /** What every row must be: each spec of the workspace, linked relative to docs/specs/. */
  function expectedRows(): string[] {
    const root = fixtureUri().path;
    return api.index.model
      .specs()
      .map((spec) => {
        const path = vscode.Uri.parse(spec.uri).path.slice(root.length + 1);
        const link = path.startsWith('docs/specs/') ? path.slice('docs/specs/'.length) : `../${path.slice('docs/'.length)}`;
        return `${spec.id} ${link}`;
      })
      .sort();
  }

  it('Update Spec Index writes the table into the file and returns what it did', async () => {
    // Not open in any editor yet: the command opens, edits and saves it. The watcher must have seen
    // the new file first, or the editor takes the save for a conflict with a newer file on disk.
    await writeFile(indexUri(), `${BEFORE}${START}\nold table\n${END}${AFTER}`);
    await waitFor(() => api.index.model.has(indexUri().toString()), (known) => known, 'the index to see the new file');
    const result = await vscode.commands.executeCommand<{ uri: vscode.Uri; changed: boolean; saved: boolean }>(Commands.updateSpecIndex, { folder: fixtureUri() });
    assert.deepEqual({ ...result, uri: result.uri.toString() }, { uri: indexUri().toString(), changed: true, saved: true });
    const written = await readFile(indexUri());
    assert.ok(written.startsWith(`${BEFORE}${START}\n`) && written.endsWith(`${END}${AFTER}`), written);
    assert.deepEqual(rowLinks(written).sort(), expectedRows());
    assert.match(written, /\| \[TS-0002\]\(TS-0002-payment-retries.md\) \| Payment Retries \| Grace Hopper \| 2026-03-05 \| 1\/3 \| \[RFC-0010\]\(..\/rfcs\/RFC-0010-retry-policy.md\) \|/);
    const again = await vscode.commands.executeCommand<{ changed: boolean }>(Commands.updateSpecIndex, {});
    assert.equal(again.changed, false);
  });

  it('warns on a stale index and fixes it with one undoable edit that keeps the text outside the markers', async () => {
    // The file is open since the last test: make it stale through the editor, as a user would.
    const document = await vscode.workspace.openTextDocument(indexUri());
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.replace(new vscode.Range(0, 0, document.lineCount, 0), `${BEFORE}${START}\nold table\n${END}${AFTER}`));
    await document.save();
    await waitFor(() => staleCodes(indexUri()), (codes) => codes.length === 1, 'the stale-index warning');
    const [diagnostic] = vscode.languages.getDiagnostics(indexUri());
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.range.start.line, BEFORE.split('\n').length - 1);
    assert.equal(diagnostic.message, 'The spec index is out of date: run Tech Spec: Update Spec Index.');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', indexUri(), diagnostic.range);
    const fixes = actions.filter((action) => action.title === 'Update the spec index');
    assert.equal(fixes.length, 1);
    assert.ok(fixes[0].edit);
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit));
    const text = document.getText();
    assert.ok(text.startsWith(`${BEFORE}${START}\n\n### `), text.slice(0, 200));
    assert.ok(text.endsWith(`${END}${AFTER}`));
    assert.ok(!text.includes('old table'));
    assert.deepEqual(rowLinks(text).sort(), expectedRows());
    await waitFor(() => staleCodes(indexUri()), (codes) => codes.length === 0, 'the warning to clear');
    // The edit is undoable like any other.
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), `${BEFORE}${START}\nold table\n${END}${AFTER}`);
    await document.save();
  });

  it('updates the index when a spec is saved, with techSpec.index.updateOnSave', async () => {
    await vscode.workspace.getConfiguration('techSpec').update('index.updateOnSave', true, vscode.ConfigurationTarget.Workspace);
    const document = await vscode.workspace.openTextDocument(specUri());
    const editor = await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('- [ ] Backoff policy');
    await editor.edit((builder) => builder.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 5)), '- [x]'));
    await document.save();
    // A checklist tick is a body edit: the same save set last_updated to today (techSpec.lastUpdated.onSave).
    const today = formatLocalDate(new Date());
    await waitFor(() => readFile(indexUri()), (text) => text.includes(`| Grace Hopper | ${today} | 2/3 |`), 'the index to follow the saved spec');
  });
});
