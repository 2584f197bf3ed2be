// What the lifecycle needs from the host, in the browser: no git, no Node. The commands' argument contracts, the
// quick pick, the lenses and Supersede run here through the same integration tests as in the Node host (see index.ts);
// this file covers what differs: Approve with no approver known.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from '../integration/helpers';
import { answerQuickInputs, CLOSE } from '../integration/quickInput';
import { openUntitled } from '../integration/untitled';

describe('the lifecycle in the browser', () => {
  before(async () => {
    await activateExtension();
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Approve without `by` or techSpec.author asks who approves (the browser has no git); Escape records nothing, with no error', async () => {
    const content = '---\ntech_spec_id: TS-0991\ntitle: Web Approval\nstatus: APPROVED\n---\n\n# TS-0991: Web Approval\n\nBody.\n';
    const document = await openUntitled(content);
    await vscode.window.showTextDocument(document);
    assert.equal(vscode.workspace.getConfiguration('techSpec', document.uri).get('author'), '');
    const entry = await answerQuickInputs(vscode.commands.executeCommand('techSpec.approve', { uri: document.uri }), CLOSE);
    assert.equal(entry, undefined);
    assert.equal(document.getText(), content);
  });
});
