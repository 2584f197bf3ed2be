import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors } from './helpers';

const snippetsPath = path.resolve(__dirname, '../../../snippets/tech-spec.code-snippets');
const snippets = JSON.parse(fs.readFileSync(snippetsPath, 'utf8')) as Record<string, { prefix: string; body: string[] }>;

/** The literal text before the first tab stop or variable of a body line. */
function literalStart(line: string): string {
  const cut = line.search(/\$[\d{A-Z_]/);
  return (cut >= 0 ? line.slice(0, cut) : line).replace(/\\([$}\\])/g, '$1');
}

describe('Section snippets', () => {
  before(async () => {
    await activateExtension();
  });
  after(closeAllEditors);

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix} expands in a Markdown editor`, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      const editor = await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
      const text = editor.document.getText();
      assert.ok(text.length > 0, `${name} inserted nothing`);
      assert.ok(!text.includes('${'), `${name} left snippet syntax behind`);
      const first = snippet.body.find((line) => literalStart(line).trim() !== '');
      assert.ok(first !== undefined);
      assert.ok(text.includes(literalStart(first).trim()), `${name}: "${literalStart(first)}" not in the expansion`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }
});
