// techSpec.index.updateOnSave: saving a spec refreshes the spec index file.
import * as vscode from 'vscode';
import type { Services } from './services';
import { indexFileUri } from './specIndexFile';
import { updateSpecIndex } from './updateSpecIndexCommand';

export function registerSpecIndexOnSave(services: Services): vscode.Disposable {
  return vscode.workspace.onDidSaveTextDocument(async (document) => {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder || !services.configuration.forFolder(folder).indexUpdateOnSave) return;
    if (document.uri.toString() === indexFileUri(services, folder)?.toString()) return;
    if (!services.index.tracks(document)) return;
    // The index takes the saved text in; its summary says whether this is a spec.
    services.index.model.upsert(document.uri.toString(), document.getText());
    if (!services.index.model.get(document.uri.toString())?.isSpec) return;
    try {
      await updateSpecIndex(services, { folder: folder.uri });
    } catch (error) {
      services.log.warn(`spec index not updated on save: ${String(error)}`);
    }
  });
}
