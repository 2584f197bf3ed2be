// The browser entry point (package.json `browser`): the web worker extension host of vscode.dev, github.dev and of
// VS Code in a browser. No Node: every file is read through vscode.workspace.fs, the author comes from the setting
// only, no git runs (new ids count the workspace), and `techspec mcp` is not offered (the CLI needs Node).
import type * as vscode from 'vscode';
import { activateWith, type TechSpecApi } from './vscode/activate';
import { webSystemAuthor } from './vscode/web/systemAuthor';

export type { TechSpecApi } from './vscode/activate';

declare const __techSpecLoadStart: number | undefined;
const moduleMs = typeof __techSpecLoadStart === 'number' ? performance.now() - __techSpecLoadStart : 0;

const BROWSER_LIMITS =
  'Running in the browser: files are read through vscode.workspace.fs; the author comes from techSpec.author only; ids on other git branches are not counted; `techspec mcp` and the CLI need Node and are not offered here';

export function activate(context: vscode.ExtensionContext): TechSpecApi {
  return activateWith(context, { systemAuthor: webSystemAuthor, limits: BROWSER_LIMITS }, moduleMs);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
