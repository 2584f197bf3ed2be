import * as vscode from 'vscode';
import { MARKDOWN_LANGUAGE } from '../constants';
import { isInFrontMatter } from '../core/frontMatterScope';
import type { Services } from './services';

/**
 * Markdown turns quick suggestions off by default, which would hide key completion and the
 * `ts-` snippets. Rather than turning them on for all Markdown, open the suggest widget in
 * the two places where it helps: typing the first letter of a front-matter key, and `ts-` at
 * the start of a body line.
 */
export function registerSuggestTrigger(_services: Services): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((event) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== event.document || event.document.languageId !== MARKDOWN_LANGUAGE) return;
    if (event.contentChanges.length !== 1 || event.reason !== undefined) return;
    const change = event.contentChanges[0];
    if (change.text.length !== 1 || change.rangeLength !== 0) return;
    const line = change.range.start.line;
    const before = event.document.lineAt(line).text.slice(0, change.range.start.character + 1);
    // Only the front matter's bounds, never a full parse per keystroke (a 5 MB file took 217 ms).
    const inFrontMatter = isInFrontMatter((index) => event.document.lineAt(index).text, line);
    const startsKey = inFrontMatter && /^[A-Za-z_]$/.test(before);
    const startsSnippet = !inFrontMatter && /^\s*ts-$/.test(before);
    if (startsKey || startsSnippet) void vscode.commands.executeCommand('editor.action.triggerSuggest');
  });
}
