import * as vscode from 'vscode';
import { Commands, CONFIG_SECTION, Settings } from '../constants';
import { approvalEdit, type ApprovalEntry } from '../core/lifecycle/approve';
import { formatLocalDate } from '../core/template';
import { targetUri } from './lifecycleInput';
import type { Services } from './services';

/** The public contract of `techSpec.approve`: the spec (default: the active editor's), who approves and in which role. */
export interface ApproveArgs {
  uri?: vscode.Uri | string;
  /** Default: `techSpec.author`, then git's user.name (not in Restricted Mode), then a prompt. */
  by?: string;
  role?: string;
}

/** Records an approval of the spec's current content; returns the entry, or undefined when nothing was recorded. */
export function registerApproveCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.approve, async (args?: ApproveArgs): Promise<ApprovalEntry | undefined> => {
    const uri = targetUri(args?.uri);
    if (!uri) return fail('open a spec first; Approve works on the spec in the active editor.');
    const document = await vscode.workspace.openTextDocument(uri);
    const by = args?.by?.trim() || (await defaultApprover(services, uri));
    if (!by) return undefined;
    const version = document.version;
    const result = approvalEdit(document.getText(), { by, role: args?.role }, formatLocalDate(new Date()));
    if (!result) return fail(`could not record the approval in ${vscode.workspace.asRelativePath(uri)}: its front matter cannot be edited safely.`);
    if (document.version !== version) return fail('the spec changed while the approval was being recorded; try again.');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(result.edit.start), document.positionAt(result.edit.end)), result.edit.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return fail('the editor refused the edit.');
    services.log.info(`${vscode.workspace.asRelativePath(uri)}: approved by ${by} (${result.entry.digest})`);
    return result.entry;
  });
}

/** `techSpec.author`, then git's user.name or the OS user (never in Restricted Mode or the browser), then the user is asked. */
async function defaultApprover(services: Services, uri: vscode.Uri): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  // The same lookup as New Tech Spec's author: the setting, else (trusted, Node host) git's user.name or the OS user.
  const known = await services.authors.author(services.configuration.forFolder(folder).author, folder?.uri);
  if (known) return known;
  // Asked, not guessed: an approval records a person. Escape records nothing.
  const typed = await vscode.window.showInputBox({
    title: 'Approve',
    prompt: `Who approves this spec? No author is known (${services.authors.whyUnknown()}); set ${CONFIG_SECTION}.${Settings.author} to skip this question.`,
    placeHolder: 'Name',
    ignoreFocusOut: true,
  });
  return typed?.trim() || undefined;
}

/** "Re-approve": records the current user's approval of the content as it is now. */
export function reapproveAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction('Re-approve', vscode.CodeActionKind.QuickFix);
  action.command = { command: Commands.approve, title: action.title, arguments: [{ uri: document.uri.toString() }] };
  action.diagnostics = [diagnostic];
  return action;
}

function fail(message: string): undefined {
  void vscode.window.showErrorMessage(`Tech Spec: ${message}`);
  return undefined;
}
