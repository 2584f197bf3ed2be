// Quick fixes per diagnostic, and Fix All as a source action, on an unsaved spec (so no other test's counts move).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { removeSection, withFrontMatter } from '../unit/lintFixtures';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

/**
 * The unit tests' filled-in spec under an id nobody owns, without author and created, with a
 * lower-case status and two sections gone. Unsaved, so that no other test's counts move.
 */
function brokenCopy(): string {
  const text = withFrontMatter({ status: 'approved', author: null, created: null }).replace(/TS-0001/g, 'TS-0950');
  return removeSection(removeSection(text, 'Data Model'), 'Testing Strategy');
}

interface Offered {
  readonly code: string;
  readonly message: string;
  readonly fixes: string[];
}

/**
 * Every techspec diagnostic of the document with the titles of all quick fixes offered at its range
 * (the editor asks with every diagnostic on that range; the actions it gets back do not say which one
 * each is for, so two diagnostics on one range share the list, and each must bring its own fix).
 */
async function fixesPerDiagnostic(uri: vscode.Uri): Promise<Offered[]> {
  const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'techspec');
  const result: Offered[] = [];
  for (const diagnostic of diagnostics) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    for (const action of actions) {
      assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `"${action.title}" offered as ${action.kind?.value} where quick fixes were asked`);
    }
    const fixes = actions.map((action) => action.title);
    result.push({ code: String(diagnostic.code), message: diagnostic.message, fixes });
  }
  return result.sort((a, b) => a.message.localeCompare(b.message));
}

describe('Quick fixes, one per diagnostic', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await activateExtension();
    await vscode.workspace.getConfiguration('techSpec').update('author', 'Fixture Author', vscode.ConfigurationTarget.Workspace);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: brokenCopy() });
    editor = await vscode.window.showTextDocument(document);
  });
  after(async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
    await vscode.workspace.getConfiguration('techSpec').update('author', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('offers "Add author" on one missing key, "Add created" on the other, and each missing section its own insert', async () => {
    const uri = editor.document.uri;
    await waitFor(() => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.code === 'TS004').length, (count) => count === 2, 'two TS004 diagnostics');
    const offered = await fixesPerDiagnostic(uri);
    // The unknown id's fixes name the closest ids that other tests' files own: checked by shape, then set aside.
    const unknown = offered.find((entry) => entry.code === 'TS030');
    assert.ok(unknown, JSON.stringify(offered));
    assert.equal(unknown.fixes.at(-1), 'Create TS-0950…');
    for (const fix of unknown.fixes.slice(0, -1)) assert.match(fix, /^Change to TS-\d{4}( \(.*\))?$/);
    unknown.fixes.splice(0);
    const addKeys = ['Add "author" to the front matter', 'Add "created" to the front matter'];
    const insertSections = ['Insert section "Data Model" from the template', 'Insert section "Testing Strategy" from the template'];
    assert.deepEqual(offered, [
      { code: 'TS004', message: 'Missing front-matter key "author".', fixes: addKeys },
      { code: 'TS004', message: 'Missing front-matter key "created".', fixes: addKeys },
      { code: 'TS020', message: 'Missing section "## Data Model".', fixes: insertSections },
      { code: 'TS020', message: 'Missing section "## Testing Strategy".', fixes: insertSections },
      { code: 'TS006', message: 'Unknown status "approved": did you mean "APPROVED"?', fixes: ['Change status to APPROVED'] },
      // The title heading cites the spec's own id, which no saved file owns yet: no fix for that.
      { code: 'TS030', message: 'No document in the workspace owns TS-0950.', fixes: [] },
    ].sort((a, b) => a.message.localeCompare(b.message)));
  });

  it('applies the fix picked, not another one offered on the same range', async () => {
    const uri = editor.document.uri;
    const created = vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnostic.message === 'Missing front-matter key "created".');
    assert.ok(created);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, created.range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((candidate) => candidate.title === 'Add "created" to the front matter');
    assert.ok(action?.command);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])), true);
    // The key goes where the template puts it: before last_updated.
    const at = before.indexOf('\nlast_updated:') + 1;
    const today = editor.document.getText().slice(at, at + 'created: '.length + 10);
    assert.match(today, /^created: \d{4}-\d{2}-\d{2}$/);
    assert.equal(editor.document.getText(), before.slice(0, at) + `${today}\n` + before.slice(at));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('offers Fix All only as source.fixAll.techspec, never among the quick fixes of a line', async () => {
    const uri = editor.document.uri;
    const everyLine = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, editor.document.lineCount - 1, 0));
    assert.deepEqual(everyLine.filter((action) => action.title.startsWith('Fix all')).map((action) => action.title), []);
    const source = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
    assert.deepEqual(source.map((action) => [action.title, action.kind?.value]), [['Fix all Tech Spec problems in this file (5)', 'source.fixAll.techspec']]);
  });

  it('Fix All from the view applies every fix as one undoable edit', async () => {
    const before = editor.document.getText();
    // The view passes its spec item, which carries the uri as a string.
    assert.equal(await vscode.commands.executeCommand('techSpec.fixAll', { uri: editor.document.uri.toString() }), true);
    const after = editor.document.getText();
    assert.ok(after.includes('\nstatus: APPROVED\n'));
    assert.ok(after.includes('\nauthor: Fixture Author\n'));
    assert.match(after, /\ncreated: \d{4}-\d{2}-\d{2}\n/);
    assert.ok(after.includes('\n## Data Model\n') && after.includes('\n## Testing Strategy\n'));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before, 'one undo did not restore the text');
  });
});
