// Tech Spec: Update Spec Index, and its run on save (techSpec.index.updateOnSave).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { IndexMarkerError } from '../core/render/specIndexTable';
import type { Services } from './services';
import { indexEdit, indexFileState, writeIndexFile } from './specIndexFile';

export interface UpdateSpecIndexArgs {
  /** The workspace folder (or a file in it) whose index to update; default: the first folder. */
  readonly folder?: vscode.Uri | string;
  /** Save the index file after the edit; default: only when it had no unsaved changes before. */
  readonly save?: boolean;
}

export interface UpdateSpecIndexResult {
  readonly uri: vscode.Uri;
  readonly changed: boolean;
  /** Whether the file on disk holds the update (false: it is in the editor, unsaved). */
  readonly saved: boolean;
}

export function registerUpdateSpecIndexCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.updateSpecIndex, async (args?: UpdateSpecIndexArgs) => {
    try {
      return await updateSpecIndex(services, args ?? {});
    } catch (error) {
      const message = error instanceof IndexMarkerError ? `Tech Spec: ${error.message}.` : `Tech Spec: the spec index could not be updated: ${String(error)}`;
      void vscode.window.showErrorMessage(message);
      services.log.warn(message);
      return undefined;
    }
  });
}

export async function updateSpecIndex(services: Services, args: UpdateSpecIndexArgs): Promise<UpdateSpecIndexResult | undefined> {
  const folder = pickFolder(args.folder);
  if (!folder) {
    void vscode.window.showInformationMessage('Tech Spec: open a folder to keep a spec index.');
    return undefined;
  }
  await services.index.ready();
  const state = await indexFileState(services, folder);
  if (!state) throw new Error(`techSpec.index.file points outside ${folder.name}`);
  if (!state.spliced.changed) return { uri: state.uri, changed: false, saved: !(vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === state.uri.toString())?.isDirty ?? false) };
  const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === state.uri.toString());
  if (!open) {
    // No editor has it (or there is no file yet): write the file itself, as VS Code does for link updates in closed files.
    if (!(await writeIndexFile(state))) throw new Error(`${vscode.workspace.asRelativePath(state.uri)} is not clean UTF-8 text; it was left alone`);
    services.log.info(`spec index written: ${vscode.workspace.asRelativePath(state.uri)}`);
    return { uri: state.uri, changed: true, saved: true };
  }
  // In an editor: one undoable edit, saved unless the user had unsaved changes of their own.
  const document = open;
  const wasDirty = document.isDirty;
  if (!(await vscode.workspace.applyEdit(indexEdit(state, document)))) throw new Error('the edit was refused');
  const saved = (args.save ?? !wasDirty) && (await (await vscode.workspace.openTextDocument(state.uri)).save());
  services.log.info(`spec index updated${saved ? '' : ' (not saved)'}: ${vscode.workspace.asRelativePath(state.uri)}`);
  return { uri: state.uri, changed: true, saved };
}

function pickFolder(target: vscode.Uri | string | undefined): vscode.WorkspaceFolder | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (target === undefined) return folders[0];
  const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target;
  return vscode.workspace.getWorkspaceFolder(uri) ?? folders.find((folder) => folder.uri.toString() === uri.toString());
}
