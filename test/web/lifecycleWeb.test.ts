// What the lifecycle needs from the host, in the browser: no git, no Node. The commands' argument contracts, the
// quick pick and Supersede run here through the same integration tests as in the Node host (see index.ts); this file
// covers what differs: Approve with no approver known, and the lenses of a spec that no document cites (the Node
// suite's lens test counts the citations of a fixture spec, which documents other browser tests leave in the index
// change: see the report of the lifetests branch).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contentDigest } from '../../src/core/lifecycle/approvals';
import { activateExtension, waitFor } from '../integration/helpers';
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

  it('executeCodeLensProvider gives every lens of a spec, with their titles', async () => {
    const body = ['', '# TS-0994: Web Lenses', '', '## Implementation Checklist', '', '- [x] a', '- [x] b', '- [ ] c', ''].join('\n');
    const content = [
      '---',
      'tech_spec_id: TS-0994',
      'status: APPROVED',
      'decision_ref: RFC-0007',
      'related_prd: PRD-0404',
      'approvals:',
      '  - by: Ada',
      '    date: 2026-11-20',
      `    digest: ${contentDigest(`---\n---${body}`)}`,
      '---',
    ].join('\n') + body;
    const document = await openUntitled(content);
    await vscode.window.showTextDocument(document);
    const lenses = await waitFor(
      async () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100),
      (found) => (found ?? []).filter((lens) => lens.command?.title).length >= 6,
      'the lenses',
      60_000,
    );
    const titled = lenses.filter((lens) => lens.command?.title);
    assert.deepEqual(
      titled.map((lens) => [lens.range.start.line, lens.command!.title]),
      [
        [1, 'Referenced by 0'],
        [2, 'Set status… (IMPLEMENTED, SUPERSEDED, DEPRECATED)'],
        [3, 'RFC-0007 · ACCEPTED · 2025-12-01'],
        [4, 'PRD-0404 · not found'],
        [5, '1 current · 0 stale'],
        [12, '2/3 done'],
      ],
    );
    assert.deepEqual(titled.map((lens) => lens.command!.command !== ''), [true, true, true, false, false, false], 'which lenses do something');
    assert.equal(titled[1].command!.command, 'techSpec.setStatus');
    assert.equal(titled[0].command!.command, 'editor.action.findReferences');
  });
});
