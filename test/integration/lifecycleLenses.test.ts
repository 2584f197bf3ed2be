// Lenses and the status bar's command, driven through public surfaces (Supersede: supersede.test.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { contentDigest } from '../../src/core/lifecycle/approvals';
import { activateExtension, closeAllEditors, readFile, waitFor } from './helpers';
import { currentAndStaleApprovals } from './lifecycleSupport';
import { openUntitled } from './untitled';

const LOADED_HOST_MS = 60_000;

/** Documents in the workspace, other than the owner, whose text cites the id: counted here from the files, not by the index. */
async function citingFiles(id: string, owner: string): Promise<number> {
  const files = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**');
  let count = 0;
  for (const file of files) {
    if (file.path.endsWith(owner)) continue;
    if (new RegExp(`\\b${id}\\b`).test(await readFile(file))) count++;
  }
  return count;
}

describe('lifecycle: code lenses, status bar command', function () {
  this.timeout(120_000);

  before(async () => {
    await activateExtension();
  });
  afterEach(closeAllEditors);

  it('executeCodeLensProvider gives every lens of a spec, with the titles of the issue', async () => {
    const body = ['', '# TS-0004: Lenses', '', '## Implementation Checklist', '', ...['a', 'b', 'c', 'd'].map((task) => `- [x] ${task}`), ...['e', 'f', 'g', 'h', 'i'].map((task) => `- [ ] ${task}`), ''].join('\n');
    const current = contentDigest(`---\ntitle: x\n---${body}`);
    const content = [
      '---',
      'tech_spec_id: TS-0004',
      'title: Lenses',
      'status: IN_REVIEW',
      'decision_ref: RFC-0007',
      'related_prd: PRD-0012',
      ...currentAndStaleApprovals(current),
      '---',
    ].join('\n') + body;
    const document = await openUntitled(content);
    await vscode.window.showTextDocument(document);
    const citing = await citingFiles('TS-0004', 'TS-0004-billing-export.md');
    const lenses = await waitFor(
      async () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100),
      // Documents that other tests just closed leave the index when their close arrives: wait for the count too.
      (found) => (found ?? []).filter((lens) => lens.command?.title).length >= 6 && (found ?? []).some((lens) => lens.command?.title === `Referenced by ${citing}`),
      'the lenses',
      LOADED_HOST_MS,
    );
    const ours = lenses.filter((lens) => lens.command?.title).map((lens) => [lens.range.start.line, lens.command!.title]);
    assert.deepEqual(ours, [
      [1, `Referenced by ${citing}`],
      [3, 'Set status… (DRAFT, APPROVED)'],
      [4, 'RFC-0007 · ACCEPTED · 2025-12-01'],
      [5, 'PRD-0012 · APPROVED · 2026-01-05'],
      [6, '1 current · 1 stale'],
      [16, '4/9 done'],
    ]);
    const status = lenses.find((lens) => lens.command?.title.startsWith('Set status'));
    assert.equal(status?.command?.command, Commands.setStatus);
    const references = lenses.find((lens) => lens.command?.title.startsWith('Referenced by'));
    assert.equal(references?.command?.command, 'editor.action.findReferences');
  });

  it('no lenses with techSpec.codeLens.enabled off', async () => {
    const document = await openUntitled('---\ntech_spec_id: TS-0004\nstatus: DRAFT\n---\n# x\n');
    const settings = vscode.workspace.getConfiguration('techSpec');
    await settings.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(
        async () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri),
        (found) => (found ?? []).length === 0,
        'no lenses',
      );
    } finally {
      await settings.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
