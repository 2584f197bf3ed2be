import * as vscode from 'vscode';
import { MARKDOWN_LANGUAGE } from '../constants';
import { sourceRefusal, targetRefusal } from '../core/ids/rename';
import { referenceAt } from '../core/referenceInfo';
import { fromVsPosition, toVsRange } from './convert';
import { idRenameEdit } from './idRenameEdit';
import type { Services } from './services';

/**
 * F2 on an id (the id field, the title heading, any reference): renames it across the workspace.
 * Positions that hold no id are left to other rename providers (the Markdown extension's headings).
 */
export function registerIdRenameProvider(services: Services): vscode.Disposable {
  const relativePath = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const idAt = (document: vscode.TextDocument, position: vscode.Position) => {
    const config = services.configuration.forFolder(vscode.workspace.getWorkspaceFolder(document.uri));
    return referenceAt(services.parseCache.get(document), fromVsPosition(position), config.referencePrefixes);
  };

  const provider: vscode.RenameProvider = {
    async prepareRename(document, position, token) {
      const reference = idAt(document, position);
      if (!reference) return undefined;
      await services.index.ready(token);
      if (token.isCancellationRequested) return undefined;
      const refusal = sourceRefusal(reference.id, services.index.model, relativePath);
      if (refusal) throw new Error(refusal);
      return { range: toVsRange(reference.range), placeholder: reference.id };
    },

    async provideRenameEdits(document, position, newName, token) {
      const reference = idAt(document, position);
      if (!reference) return undefined;
      await services.index.ready(token);
      if (token.isCancellationRequested) return undefined;
      const model = services.index.model;
      const config = services.configuration.forFolder(vscode.workspace.getWorkspaceFolder(document.uri));
      const refusal = sourceRefusal(reference.id, model, relativePath) ?? targetRefusal(reference.id, newName, model, config, relativePath);
      if (refusal) throw new Error(refusal);
      const owner = vscode.Uri.parse(model.owners(reference.id)[0].uri);
      const result = await idRenameEdit(services, { oldId: reference.id, newId: newName, owner, scope: 'workspace' }, token);
      if (token.isCancellationRequested) return undefined;
      return result?.edit;
    },
  };
  return vscode.languages.registerRenameProvider({ language: MARKDOWN_LANGUAGE }, provider);
}
