// Quick fixes per diagnostic, and Fix All as a source action, on an unsaved spec (so no other test's counts move).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, readFile, waitFor } from './helpers';

/** TS-0001 of the fixture under another id, without author and created, with a lower-case status and two sections gone. */
async function brokenCopy(): Promise<string> {
  let text = (await readFile(fixtureUri('docs', 'specs', 'TS-0001-auth-service.md'))).replace(/TS-0001/g, 'TS-0950');
  text = text.replace('author: Ada Lovelace\n', '').replace('created: 2026-01-10\n', '').replace('status: APPROVED', 'status: approved');
  for (const [section, next] of [['Data Model', 'API Specification'], ['Testing Strategy', 'Deployment & Operations']]) {
    text = text.slice(0, text.indexOf(`## ${section}\n`)) + text.slice(text.indexOf(`## ${next}\n`));
  }
  return text;
}

interface Offered {
  readonly code: string;
  readonly message: string;
  readonly fixes: string[];
}

/** Every techspec diagnostic of the document with the titles of the quick fixes offered for it, asked at its range. */
async function fixesPerDiagnostic(uri: vscode.Uri): Promise<Offered[]> {
  const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'techspec');
  const result: Offered[] = [];
  for (const diagnostic of diagnostics) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    for (const action of actions) {
      assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `"${action.title}" offered as ${action.kind?.value} where quick fixes were asked`);
      assert.equal(action.diagnostics?.length, 1, `"${action.title}" is not tied to one diagnostic`);
    }
    const fixes = actions.filter((action) => action.diagnostics?.[0]?.message === diagnostic.message).map((action) => action.title);
    result.push({ code: String(diagnostic.code), message: diagnostic.message, fixes });
  }
  return result.sort((a, b) => a.message.localeCompare(b.message));
}

describe('Quick fixes, one per diagnostic', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await activateExtension();
    await vscode.workspace.getConfiguration('techSpec').update('author', 'Fixture Author', vscode.ConfigurationTarget.Workspace);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: await brokenCopy() });
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
    assert.deepEqual(offered, [
      { code: 'TS004', message: 'Missing front-matter key "author".', fixes: ['Add "author" to the front matter'] },
      { code: 'TS004', message: 'Missing front-matter key "created".', fixes: ['Add "created" to the front matter'] },
      { code: 'TS020', message: 'Missing section "## Data Model".', fixes: ['Insert section "Data Model" from the template'] },
      { code: 'TS020', message: 'Missing section "## Testing Strategy".', fixes: ['Insert section "Testing Strategy" from the template'] },
      { code: 'TS006', message: 'Unknown status "approved": did you mean "APPROVED"?', fixes: ['Change status to APPROVED'] },
    ].sort((a, b) => a.message.localeCompare(b.message)));
  });

  it('applies the fix of the diagnostic picked, not of another on the same range', async () => {
    const uri = editor.document.uri;
    const created = vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnostic.message === 'Missing front-matter key "created".');
    assert.ok(created);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, created.range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((candidate) => candidate.diagnostics?.[0]?.message === created.message);
    assert.ok(action?.command);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? [])), true);
    const frontMatterEnd = before.indexOf('\n---\n', 4) + 1;
    const today = editor.document.getText().slice(frontMatterEnd, frontMatterEnd + 'created: '.length + 10);
    assert.match(today, /^created: \d{4}-\d{2}-\d{2}$/);
    assert.equal(editor.document.getText(), before.slice(0, frontMatterEnd) + `${today}\n` + before.slice(frontMatterEnd));
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
