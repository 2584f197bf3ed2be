// Answers a command's quick pick through VS Code's public commands. The extension host cannot see whether a quick
// input is open, so the answer is repeated until the command settles: accepting or closing when nothing is open does
// nothing, and accepting a pick whose items have not arrived yet does nothing either (it takes the active item only).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const ACCEPT = 'workbench.action.acceptSelectedQuickOpenItem';
export const CLOSE = 'workbench.action.closeQuickOpen';

/**
 * Runs `answer` (ACCEPT takes each pick's first, active item; CLOSE is Escape) until `pending` settles, and returns
 * its value. Only the first item of each pick can be reached this way without racing the pick's opening.
 */
export async function answerQuickInputs<T>(pending: Thenable<T>, answer: typeof ACCEPT | typeof CLOSE, limitMs = 30_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => {
    settled = true;
  });
  const deadline = Date.now() + limitMs;
  while (!settled) {
    if (Date.now() > deadline) {
      await vscode.commands.executeCommand(CLOSE);
      assert.fail(`the command did not settle after ${limitMs} ms of ${answer}`);
    }
    await vscode.commands.executeCommand(answer);
    await Promise.race([result.then(() => undefined, () => undefined), new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  return result;
}
