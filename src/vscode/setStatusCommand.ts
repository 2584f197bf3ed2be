import * as vscode from 'vscode';
import { Commands } from '../constants';
import { planStatusChange } from '../core/lifecycle/statusChange';
import { confirmChoices, nextStatuses, notReadyMessage, statusChoices, type NextStatus } from '../core/lifecycle/nextStatuses';
import { guardInputFor, targetUri } from './lifecycleInput';
import type { Services } from './services';

/** The public contract of `techSpec.setStatus`. Without `status`, a quick pick of the allowed next statuses. */
export interface SetStatusArgs {
  uri?: vscode.Uri | string;
  status?: string;
  /** Apply even when the guard's checks fail (not when `techSpec.lifecycle.strict` is on, nor for a move the lifecycle does not allow). */
  force?: boolean;
}

export interface SetStatusResult {
  readonly applied: boolean;
  /** The spec's status after the call: unchanged when refused. */
  readonly status: string;
  /** Why it was refused, or the guard's unmet checks, in plain words. */
  readonly problems: readonly string[];
}

/** Moves a spec along the lifecycle: `status` and `last_updated` in one undoable edit, when the guard allows it. */
export function registerSetStatusCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.setStatus, async (args?: SetStatusArgs): Promise<SetStatusResult | undefined> => {
    const uri = targetUri(args?.uri);
    if (!uri) {
      void vscode.window.showErrorMessage('Tech Spec: open a spec first; Set Status works on the spec in the active editor.');
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    if (args?.status !== undefined) return setStatus(services, document, args.status, args.force === true);
    return pickAndSet(services, document);
  });
}

/** Checks and, when allowed, applies one move. */
export async function setStatus(services: Services, document: vscode.TextDocument, target: string, force: boolean): Promise<SetStatusResult> {
  const version = document.version;
  const { input, config } = await guardInputFor(services, document);
  const plan = planStatusChange(input, config.lifecycle, target);
  const unchanged = { applied: false, status: plan.from, problems: plan.problems };
  if (!plan.allowed || !plan.edits) return unchanged;
  if (plan.problems.length > 0 && (!force || config.lifecycle.strict)) return unchanged;
  // The text moved while the guard ran: its offsets no longer fit.
  if (document.version !== version) return { ...unchanged, problems: [...plan.problems, 'The spec changed while its status was being set; try again.'] };
  const edit = new vscode.WorkspaceEdit();
  for (const change of plan.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return { ...unchanged, problems: [...plan.problems, 'The editor refused the edit.'] };
  services.log.info(`${vscode.workspace.asRelativePath(document.uri)}: status ${plan.from || '(none)'} → ${target}${plan.problems.length > 0 ? ` (forced past ${plan.problems.length} problem(s))` : ''}`);
  return { applied: true, status: target, problems: plan.problems };
}

interface StatusPick extends vscode.QuickPickItem {
  readonly choice: NextStatus;
}

interface ConfirmPick extends vscode.QuickPickItem {
  readonly force: boolean;
}

/**
 * The quick pick of allowed next statuses, each ready or with its count of problems; a pick with problems asks
 * first, in a second quick pick ("Set anyway" or keep), so that keys and commands answer it as they answer the first.
 */
async function pickAndSet(services: Services, document: vscode.TextDocument): Promise<SetStatusResult | undefined> {
  const { input, config } = await guardInputFor(services, document);
  const { from, next } = nextStatuses(input, config.lifecycle);
  if (next.length === 0) {
    void vscode.window.showInformationMessage(`Tech Spec: the lifecycle lets a ${from || 'spec without a status'} move nowhere.`);
    return { applied: false, status: from, problems: [`The lifecycle lets ${from || '(no status)'} move nowhere.`] };
  }
  const items: StatusPick[] = statusChoices(next).map((choice) => ({ label: choice.label, description: choice.description, detail: choice.detail, choice }));
  const picked = await vscode.window.showQuickPick(items, { title: `Set status (now ${from || 'none'})`, placeHolder: 'The statuses the lifecycle allows next' });
  if (!picked) return undefined;
  const refused = { applied: false, status: from, problems: picked.choice.problems };
  if (picked.choice.problems.length === 0) return setStatus(services, document, picked.choice.status, false);
  const confirm = confirmChoices(from, picked.choice, config.lifecycle.strict);
  if (!confirm) {
    void vscode.window.showWarningMessage(`Tech Spec: ${notReadyMessage(picked.choice, true)}`);
    return refused;
  }
  const answer = await vscode.window.showQuickPick<ConfirmPick>(
    confirm.map((choice) => ({ label: choice.label, description: choice.description, detail: choice.detail, force: choice.force })),
    { title: notReadyMessage(picked.choice, false), placeHolder: `Set ${picked.choice.status} despite the problems?` },
  );
  if (!answer?.force) return refused;
  return setStatus(services, document, picked.choice.status, true);
}
