// Set Status with no argument: the quick pick of the allowed next statuses on the active spec, answered through
// VS Code's quick-open commands. What each pick lists (labels, ready or "N problems") is unit-tested in
// test/unit/lifecycleNextStatuses.test.ts; here the picks are answered and the spec's text and the result checked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { formatLocalDate } from '../../src/core/template';
import { removeSection } from '../unit/lintFixtures';
import { activateExtension, closeAllEditors, waitFor } from './helpers';
import { ACCEPT, answerQuickInputs, CLOSE } from './quickInput';
import { revertAndClose, specIn, type SetStatusResult } from './lifecycleSupport';
import { openUntitled } from './untitled';

/** An unsaved spec in the active editor, once the extension host knows it is the active one. */
async function openActive(content: string): Promise<vscode.TextEditor> {
  const document = await openUntitled(content);
  const editor = await vscode.window.showTextDocument(document);
  await waitFor(() => vscode.window.activeTextEditor?.document === document, (active) => active, 'the spec to be the active editor');
  return editor;
}

function moved(text: string, from: string, to: string): string {
  return text.replace(`status: ${from}\n`, `status: ${to}\n`).replace('last_updated: 2026-05-20\n', `last_updated: ${formatLocalDate(new Date())}\n`);
}

/** Set Status as the palette runs it: no argument, on the active editor; not awaited, so its picks can be answered. */
function setStatusOnActiveEditor(): Thenable<SetStatusResult | undefined> {
  return vscode.commands.executeCommand<SetStatusResult | undefined>(Commands.setStatus);
}

describe('Lifecycle: the Set Status quick pick on the active spec', function () {
  this.timeout(120_000);

  before(async () => {
    await activateExtension();
  });
  after(closeAllEditors);

  it('picking a ready status sets status and last_updated, and returns the result', async () => {
    const text = specIn('DRAFT', 'TS-0970');
    const editor = await openActive(text);
    const result = await answerQuickInputs(setStatusOnActiveEditor(), ACCEPT);
    assert.deepEqual(result, { applied: true, status: 'IN_REVIEW', problems: [] });
    assert.equal(editor.document.getText(), moved(text, 'DRAFT', 'IN_REVIEW'));
    await revertAndClose(editor);
  });

  it('picking a status that is not ready asks first; "Set anyway" applies it with its problems', async () => {
    const text = removeSection(specIn('DRAFT', 'TS-0971'), 'Data Model');
    const editor = await openActive(text);
    // The first accept picks IN_REVIEW (1 problem); the next answers the question that follows with its first choice, Set anyway.
    const result = await answerQuickInputs(setStatusOnActiveEditor(), ACCEPT);
    assert.deepEqual(result, { applied: true, status: 'IN_REVIEW', problems: ['Missing section "## Data Model".'] });
    assert.equal(editor.document.getText(), moved(text, 'DRAFT', 'IN_REVIEW'));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text, 'one undo reverts both keys');
    await revertAndClose(editor);
  });

  it('with techSpec.lifecycle.strict on, a status that is not ready is refused with its problems, and nothing changes', async () => {
    const settings = vscode.workspace.getConfiguration('techSpec');
    await settings.update('lifecycle.strict', true, vscode.ConfigurationTarget.Workspace);
    const text = removeSection(specIn('DRAFT', 'TS-0972'), 'Data Model');
    const editor = await openActive(text);
    try {
      const result = await answerQuickInputs(setStatusOnActiveEditor(), ACCEPT);
      assert.deepEqual(result, { applied: false, status: 'DRAFT', problems: ['Missing section "## Data Model".'] });
      assert.equal(editor.document.getText(), text);
    } finally {
      await settings.update('lifecycle.strict', undefined, vscode.ConfigurationTarget.Workspace);
      await revertAndClose(editor);
    }
  });

  it('Escape on the pick changes nothing and returns undefined', async () => {
    const text = specIn('DRAFT', 'TS-0973');
    const editor = await openActive(text);
    const result = await answerQuickInputs(setStatusOnActiveEditor(), CLOSE);
    assert.equal(result, undefined);
    assert.equal(editor.document.getText(), text);
    await revertAndClose(editor);
  });

  // The status bar item and the status lens both run Set Status with { uri } and no status. VS Code has no API to
  // read a status bar item; the lens carries the same command, so it is run here as a click would run it.
  it('the status lens (and status bar) command picks for its own spec, not the active editor', async () => {
    const text = specIn('DRAFT', 'TS-0975');
    const spec = await openUntitled(text);
    const other = await openActive(specIn('DRAFT', 'TS-0976'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', spec.uri, 100);
    const status = lenses.filter((lens) => lens.command?.command === Commands.setStatus).map((lens) => lens.command!);
    assert.deepEqual(status.map((command) => [command.title, command.arguments?.length, command.arguments?.[0].uri?.toString(), command.arguments?.[0].status]), [
      ['Set status… (IN_REVIEW)', 1, spec.uri.toString(), undefined],
    ]);
    const result = await answerQuickInputs(vscode.commands.executeCommand<SetStatusResult>(status[0].command, ...status[0].arguments!), ACCEPT);
    assert.deepEqual(result, { applied: true, status: 'IN_REVIEW', problems: [] });
    assert.equal(spec.getText(), moved(text, 'DRAFT', 'IN_REVIEW'));
    assert.equal(other.document.getText(), specIn('DRAFT', 'TS-0976'), 'the active editor is left alone');
    assert.equal(vscode.window.activeTextEditor?.document, other.document);
    await revertAndClose(other);
    await revertAndClose(await vscode.window.showTextDocument(spec));
  });

  it('a status the lifecycle leads nowhere from shows no pick and says so in the result', async () => {
    const text = specIn('SUPERSEDED', 'TS-0974');
    const editor = await openActive(text);
    // Closed if a pick showed after all, so that a failure says so instead of waiting for an answer.
    const result = await answerQuickInputs(setStatusOnActiveEditor(), CLOSE);
    assert.deepEqual(result, { applied: false, status: 'SUPERSEDED', problems: ['The lifecycle lets SUPERSEDED move nowhere.'] });
    assert.equal(editor.document.getText(), text);
    await revertAndClose(editor);
  });
});
