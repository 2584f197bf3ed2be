import * as vscode from 'vscode';
import { Commands, ContextKeys, DIAGNOSTIC_SOURCE, EXTENSION_ID, WALKTHROUGH_ID } from '../constants';
import { runOnce } from '../core/firstRun';
import { idFromFileName } from '../core/ids';
import type { Services } from './services';

const SHOWN_KEY = 'techSpec.walkthroughShown';

/**
 * The Getting Started walkthrough: its own command, shown once for a user who has never seen it,
 * and context keys that tick its steps whatever route the user took (a spec file created by the
 * command or the CLI, the checks having run).
 */
export function registerWalkthrough(context: vscode.ExtensionContext, services: Services): vscode.Disposable {
  const open = () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false);
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand(Commands.openWalkthrough, async () => {
      await open();
      return true;
    }),
  ];
  // Off the activation path: reading the memento is all that happens before activate() returns.
  const wantsWalkthrough = vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true);
  if (wantsWalkthrough && context.extensionMode !== vscode.ExtensionMode.Test && !context.globalState.get<boolean>(SHOWN_KEY)) {
    setTimeout(() => void runOnce(context.globalState, SHOWN_KEY, open).catch((error: unknown) => services.log.warn(`could not open the walkthrough: ${String(error)}`)), 0);
  }
  disposables.push(watchSpecCreation(services), watchChecks());
  return vscode.Disposable.from(...disposables);
}

/** A spec file appearing, by New Tech Spec, the CLI or a copy, ticks "Create a spec". */
function watchSpecCreation(services: Services): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.md', false, true, true);
  const subscription = watcher.onDidCreate((uri) => {
    const prefix = services.configuration.forFolder(vscode.workspace.getWorkspaceFolder(uri)).idPrefix;
    if (idFromFileName(uri.path, [prefix])) {
      void vscode.commands.executeCommand('setContext', ContextKeys.specCreated, true);
      subscription.dispose();
    }
  });
  return vscode.Disposable.from(subscription, watcher);
}

/** The checks reporting on a file ticks "Check specs". */
function watchChecks(): vscode.Disposable {
  const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
    const ran = event.uris.some((uri) => vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE));
    if (ran) {
      void vscode.commands.executeCommand('setContext', ContextKeys.checksRan, true);
      subscription.dispose();
    }
  });
  return subscription;
}
