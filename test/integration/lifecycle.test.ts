// The lifecycle commands through their argument contracts, on unsaved specs (so no other test's counts move).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contentDigest } from '../../src/core/lifecycle/approvals';
import { formatLocalDate } from '../../src/core/template';
import { removeSection } from '../unit/lintFixtures';
import { activateExtension, closeAllEditors, waitFor } from './helpers';
import { revertAndClose, specIn, type SetStatusResult } from './lifecycleSupport';
import { openUntitled } from './untitled';

async function openUnsaved(content: string): Promise<vscode.TextEditor> {
  const document = await openUntitled(content);
  return vscode.window.showTextDocument(document);
}

describe('Lifecycle: Set Status', () => {
  before(async () => {
    await activateExtension();
  });
  after(closeAllEditors);

  it('refuses a move the lifecycle does not allow, even forced, and changes nothing', async () => {
    const editor = await openUnsaved(specIn('DRAFT', 'TS-0960'));
    const before = editor.document.getText();
    const result = await vscode.commands.executeCommand<SetStatusResult>('techSpec.setStatus', { uri: editor.document.uri, status: 'APPROVED', force: true });
    assert.deepEqual(result, { applied: false, status: 'DRAFT', problems: ['The lifecycle does not allow DRAFT → APPROVED: it may move to IN_REVIEW.'] });
    assert.equal(editor.document.getText(), before);
    await revertAndClose(editor);
  });

  it('refuses a move whose guard fails, with its problems; force applies status and last_updated as one undoable edit', async () => {
    const text = removeSection(specIn('DRAFT', 'TS-0961'), 'Data Model');
    const editor = await openUnsaved(text);
    const uri = editor.document.uri.toString();
    const refused = await vscode.commands.executeCommand<SetStatusResult>('techSpec.setStatus', { uri, status: 'IN_REVIEW' });
    assert.deepEqual(refused, { applied: false, status: 'DRAFT', problems: ['Missing section "## Data Model".'] });
    assert.equal(editor.document.getText(), text);

    const forced = await vscode.commands.executeCommand<SetStatusResult>('techSpec.setStatus', { uri, status: 'IN_REVIEW', force: true });
    assert.deepEqual(forced, { applied: true, status: 'IN_REVIEW', problems: ['Missing section "## Data Model".'] });
    const today = formatLocalDate(new Date());
    assert.equal(editor.document.getText(), text.replace('status: DRAFT\n', 'status: IN_REVIEW\n').replace('last_updated: 2026-05-20\n', `last_updated: ${today}\n`));

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text, 'one undo reverts both keys');
    await revertAndClose(editor);
  });

  it('applies a ready move without force', async () => {
    const text = specIn('DRAFT', 'TS-0962');
    const editor = await openUnsaved(text);
    const result = await vscode.commands.executeCommand<SetStatusResult>('techSpec.setStatus', { uri: editor.document.uri, status: 'IN_REVIEW' });
    assert.deepEqual(result, { applied: true, status: 'IN_REVIEW', problems: [] });
    assert.match(editor.document.getText(), /^status: IN_REVIEW$/m);
    await revertAndClose(editor);
  });
});

describe('Lifecycle: recorded approvals', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await activateExtension();
    await vscode.workspace.getConfiguration('techSpec').update('author', 'Fixture Author', vscode.ConfigurationTarget.Workspace);
    editor = await openUnsaved(specIn('APPROVED', 'TS-0963'));
  });
  after(async () => {
    await revertAndClose(editor);
    await closeAllEditors();
    await vscode.workspace.getConfiguration('techSpec').update('author', undefined, vscode.ConfigurationTarget.Workspace);
  });

  const ours = (code: string) => vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'techspec' && diagnostic.code === code);

  async function fixTitles(diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  }

  it('marks an APPROVED spec without an approval, with Re-approve', async () => {
    const [missing] = await waitFor(() => ours('TS032'), (found) => found.length === 1, 'TS032 on the unapproved spec');
    assert.equal(missing.message, 'APPROVED without a current approval: no approval is recorded.');
    assert.deepEqual((await fixTitles(missing)).map((action) => action.title), ['Re-approve']);
  });

  it('records an approval, changes nothing else, then the body edit makes it stale with both fixes', async () => {
    const before = editor.document.getText();
    const today = formatLocalDate(new Date());
    const entry = await vscode.commands.executeCommand('techSpec.approve', { uri: editor.document.uri, by: 'Ana', role: 'tech lead' });
    assert.deepEqual(entry, { by: 'Ana', role: 'tech lead', date: today, digest: contentDigest(before) });
    const close = before.indexOf('\n---\n') + 1;
    assert.equal(editor.document.getText(), `${before.slice(0, close)}approvals:\n  - by: Ana\n    role: tech lead\n    date: ${today}\n    digest: ${contentDigest(before)}\n${before.slice(close)}`);
    await waitFor(() => ours('TS032'), (found) => found.length === 0, 'TS032 gone once approved');

    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((builder) => builder.insert(end, '\nA late change.\n')));
    const [stale] = await waitFor(() => ours('TS031'), (found) => found.length === 1, 'TS031 on the stale entry');
    assert.equal(stale.message, `Approval by Ana is stale: approved content changed since ${today}.`);
    assert.equal(stale.range.start.line, 10);
    const actions = await fixTitles(stale);
    assert.deepEqual(actions.map((action) => action.title), ['Remove stale approvals', 'Re-approve']);
    assert.equal(ours('TS032').length, 1, 'and the spec is APPROVED with no current approval again');

    // Re-approve records the configured author's approval of the content as it is now.
    const reapprove = actions.find((action) => action.title === 'Re-approve')!;
    await vscode.commands.executeCommand(reapprove.command!.command, ...(reapprove.command!.arguments ?? []));
    const digest = contentDigest(editor.document.getText());
    assert.ok(editor.document.getText().includes(`  - by: Fixture Author\n    date: ${today}\n    digest: ${digest}\n`), editor.document.getText());
    await waitFor(() => ours('TS032'), (found) => found.length === 0, 'TS032 gone after Re-approve');

    // Remove stale approvals drops Ana's entry only.
    const [stillStale] = await waitFor(() => ours('TS031'), (found) => found.length === 1, 'Ana still stale');
    const remove = (await fixTitles(stillStale)).find((action) => action.title === 'Remove stale approvals')!;
    await vscode.commands.executeCommand(remove.command!.command, ...(remove.command!.arguments ?? []));
    assert.ok(!editor.document.getText().includes('by: Ana'), editor.document.getText());
    assert.ok(editor.document.getText().includes(`approvals:\n  - by: Fixture Author\n    date: ${today}\n    digest: ${digest}\n---\n`));
    await waitFor(() => ours('TS031'), (found) => found.length === 0, 'no stale approval left');
  });

  it('the same person approving again replaces their entry', async () => {
    const first = await vscode.commands.executeCommand<{ digest: string }>('techSpec.approve', { uri: editor.document.uri });
    assert.equal(first.digest, contentDigest(editor.document.getText()));
    assert.equal(editor.document.getText().split('by: Fixture Author').length, 2, 'one entry per person');
  });
});
