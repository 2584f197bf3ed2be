// The quick fix for a stale spec index: the same edit as Tech Spec: Update Spec Index.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, MARKDOWN_LANGUAGE } from '../constants';
import type { Services } from './services';
import { indexEdit, indexFileState } from './specIndexFile';
import { INDEX_STALE_CODE } from './specIndexDiagnostics';

export function registerSpecIndexQuickFix(services: Services): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context, token) {
      const stale = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === INDEX_STALE_CODE);
      const folder = vscode.workspace.getWorkspaceFolder(document.uri);
      if (stale.length === 0 || !folder) return undefined;
      await services.index.ready(token);
      if (token.isCancellationRequested) return undefined;
      const state = await indexFileState(services, folder);
      if (token.isCancellationRequested || !state || state.uri.toString() !== document.uri.toString()) return undefined;
      const action = new vscode.CodeAction('Update the spec index', vscode.CodeActionKind.QuickFix);
      action.edit = indexEdit(state, document);
      action.diagnostics = stale;
      action.isPreferred = true;
      return [action];
    },
  };
  return vscode.languages.registerCodeActionsProvider({ language: MARKDOWN_LANGUAGE }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
