import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/**
 * A new unsaved document holding `content`. In the browser host, the name of an untitled document that a test just
 * closed (Untitled-3) is given out again before the extension host has dropped the old document, and
 * openTextDocument can hand back that old one: ask again until the document holds the text asked for.
 */
export async function openUntitled(content: string, language = 'markdown'): Promise<vscode.TextDocument> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const document = await vscode.workspace.openTextDocument({ language, content });
    if (!document.isClosed && document.getText() === content) return document;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail('openTextDocument kept giving back an old untitled document');
}
