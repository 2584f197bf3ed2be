import * as vscode from 'vscode';
import { Commands, MARKDOWN_LANGUAGE, STATUS_BAR_ITEM_ID } from '../constants';
import { specStatusText } from '../core/lifecycle/lenses';
import type { Services } from './services';

/** The active spec at a glance, `TS-0042 · IN_REVIEW · 4/9`; a click runs Set Status. Hidden for other files. */
export function registerSpecStatusBar(services: Services): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 100);
  item.name = 'Tech Spec';
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const config = document && services.configuration.forFolder(vscode.workspace.getWorkspaceFolder(document.uri));
    const text = document && document.languageId === MARKDOWN_LANGUAGE ? specStatusText(services.parseCache.get(document), config?.checklistSection) : undefined;
    if (!document || text === undefined) {
      item.hide();
      return;
    }
    item.text = text;
    item.tooltip = 'Tech Spec: id, status and checklist progress. Click to set the status.';
    item.command = { title: 'Set Status…', command: Commands.setStatus, arguments: [{ uri: document.uri }] };
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((event) => event.document === vscode.window.activeTextEditor?.document && update()),
    services.configuration.onDidChange(update),
  );
}
