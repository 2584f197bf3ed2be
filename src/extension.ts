import * as vscode from 'vscode';
import { Commands } from './constants';

// activate() only composes: no file I/O and no workspace scan here.
export function activate(context: vscode.ExtensionContext) {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.refresh, () => undefined));
  return {};
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
