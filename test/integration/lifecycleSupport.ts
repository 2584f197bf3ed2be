// What the lifecycle host tests share: Set Status's result shape, a filled-in spec in a status, an approvals block,
// and closing an unsaved spec without a save prompt.
import * as vscode from 'vscode';
import { withFrontMatter } from '../unit/lintFixtures';

/** The result `techSpec.setStatus` returns (its public contract). */
export interface SetStatusResult {
  applied: boolean;
  status: string;
  problems: string[];
}

/** The unit tests' filled-in spec (last_updated 2026-05-20) under an id of its own, in a status. */
export function specIn(status: string, id: string): string {
  return withFrontMatter({ status }).replace(/TS-0001/g, id);
}

/** An `approvals:` block with one current approval (Ada, of `currentDigest`) and one stale one (Bob). */
export function currentAndStaleApprovals(currentDigest: string): string[] {
  return [
    'approvals:',
    '  - by: Ada',
    '    date: 2026-11-20',
    `    digest: ${currentDigest}`,
    '  - by: Bob',
    '    date: 2026-11-19',
    '    digest: 000000000000',
  ];
}

export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
