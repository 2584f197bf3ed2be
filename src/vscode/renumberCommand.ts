import * as vscode from 'vscode';
import { Commands, MARKDOWN_LANGUAGE } from '../constants';
import { stringValue } from '../core/frontMatter';
import { nextFreeId, parseId } from '../core/ids';
import type { Allocation } from '../core/ids/branchIds';
import { targetRefusal } from '../core/ids/rename';
import { idRenameEdit } from './idRenameEdit';
import type { Services } from './services';

/** The public contract of `techSpec.renumberId`: the spec to renumber (default: the active editor's) and its new id (default: the next free one). */
export interface RenumberArgs {
  uri?: string | vscode.Uri;
  newId?: string;
}

/**
 * Renumbers one spec: its id field, its title heading and its file name, as one undoable edit.
 * References elsewhere are left alone: with a duplicate id they may mean either document.
 * Returns the spec's new id and URI, or undefined when nothing was changed.
 */
export function registerRenumberCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.renumberId, async (args?: RenumberArgs) => {
    const given = args?.uri;
    const uri = typeof given === 'string' ? vscode.Uri.parse(given) : given ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) return fail('open a spec first; Renumber works on the spec in the active editor.');
    const document = await vscode.workspace.openTextDocument(uri);
    const oldId = stringValue(services.parseCache.get(document).frontMatter.data, 'tech_spec_id');
    if (!oldId || !parseId(oldId)) return fail(`${vscode.workspace.asRelativePath(uri)} has no tech_spec_id to renumber.`);
    await services.index.ready();
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const config = services.configuration.forFolder(folder);
    const newId = args?.newId ?? (await nextSpecId(services, folder)).id;
    const refusal = targetRefusal(oldId, newId, services.index.model, config, (owner) => vscode.workspace.asRelativePath(vscode.Uri.parse(owner)));
    if (refusal) return fail(refusal);
    try {
      const result = await idRenameEdit(services, { oldId, newId, owner: uri, scope: 'owner' });
      if (!result || !(await vscode.workspace.applyEdit(result.edit))) return fail(`could not renumber ${oldId}.`);
      return { id: newId, uri: result.plan.fileRename ? vscode.Uri.parse(result.plan.fileRename.to) : uri };
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  });
}

/** The quick fix for a duplicate id (TS012): the same renumbering, for this file only. */
export async function renumberAction(services: Services, document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction | undefined> {
  const oldId = stringValue(services.parseCache.get(document).frontMatter.data, 'tech_spec_id');
  if (!oldId) return undefined;
  const { id } = await nextSpecId(services, vscode.workspace.getWorkspaceFolder(document.uri));
  const action = new vscode.CodeAction(`Renumber to ${id} (this file only; references to ${oldId} elsewhere are left as they are)`, vscode.CodeActionKind.QuickFix);
  action.command = { command: Commands.renumberId, title: action.title, arguments: [{ uri: document.uri.toString(), newId: id }] };
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

/** The next free spec id: the index, open editors and, where allowed, other branches. */
async function nextSpecId(services: Services, folder: vscode.WorkspaceFolder | undefined): Promise<Allocation> {
  await services.index.ready();
  const config = services.configuration.forFolder(folder);
  const ids = services.index.model.knownIds(config.idPrefix);
  for (const document of vscode.workspace.textDocuments) {
    if (document.languageId !== MARKDOWN_LANGUAGE) continue;
    const id = stringValue(services.parseCache.get(document).frontMatter.data, 'tech_spec_id');
    if (id) ids.push(id);
  }
  const anyFolder = folder ?? vscode.workspace.workspaceFolders?.[0];
  return anyFolder ? services.ids.allocate(anyFolder, config, ids) : { id: nextFreeId(ids, config.idPrefix, config.idDigits) };
}

function fail(message: string): undefined {
  void vscode.window.showErrorMessage(`Tech Spec: ${message}`);
  return undefined;
}
