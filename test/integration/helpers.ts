import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import type { TechSpecApi } from '../../src/extension';
export { exists } from '../../src/vscode/paths';

export async function activateExtension(): Promise<TechSpecApi> {
  const extension = vscode.extensions.getExtension<TechSpecApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the host`);
  return extension.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri;
}

export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function readFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/**
 * Polls until a condition holds. Watchers and debounced updates are asynchronous; this waits
 * for their result and fails with the last value seen, rather than asserting any timing.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, accept: (value: T) => boolean, what: string, limitMs = 20000): Promise<T> {
  const deadline = Date.now() + limitMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) assert.fail(`gave up waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

export async function openMarkdown(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Flattens hover contents into the Markdown strings that the hover would render. */
export function hoverMarkdown(hovers: vscode.Hover[]): vscode.MarkdownString[] {
  return hovers.flatMap((hover) => hover.contents).filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
}
