// The browser entry point (package.json `browser`): the web worker extension host of vscode.dev, github.dev and of
// VS Code in a browser. No Node: every file is read through vscode.workspace.fs, and the author comes from the
// setting only.
import type * as vscode from 'vscode';
import { activateWith, type TechSpecApi } from './vscode/activate';
import { webSystemAuthor } from './vscode/web/systemAuthor';

export type { TechSpecApi } from './vscode/activate';

declare const __techSpecLoadStart: number | undefined;
const moduleMs = typeof __techSpecLoadStart === 'number' ? performance.now() - __techSpecLoadStart : 0;

export function activate(context: vscode.ExtensionContext): TechSpecApi {
  return activateWith(context, { systemAuthor: webSystemAuthor }, moduleMs);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
