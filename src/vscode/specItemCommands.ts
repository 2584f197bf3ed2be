import * as vscode from 'vscode';
import { Commands } from '../constants';
import { parseId } from '../core/ids';
import type { Services } from './services';

/** What the commands take: a tree item's node, a Uri, or `{ uri, id? }` from tests and other extensions. */
type SpecTarget = vscode.Uri | { readonly uri: string | vscode.Uri; readonly id?: string } | undefined;

/** The spec item context menu of the Tech Specs view: Open, Reveal in Explorer, Copy Id. */
export function registerSpecItemCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.openSpec, async (target?: SpecTarget) => {
      const uri = uriOf(target);
      if (!uri) return undefined;
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }),
    vscode.commands.registerCommand(Commands.revealSpecInExplorer, async (target?: SpecTarget) => {
      const uri = uriOf(target);
      if (!uri) return undefined;
      await vscode.commands.executeCommand('revealInExplorer', uri);
      return uri;
    }),
    vscode.commands.registerCommand(Commands.copySpecId, async (target?: SpecTarget) => {
      const id = idOf(services, target);
      if (!id) {
        void vscode.window.showInformationMessage('Tech Spec: this item has no spec id to copy.');
        return undefined;
      }
      await vscode.env.clipboard.writeText(id);
      return id;
    }),
  );
}

function uriOf(target: SpecTarget): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (target && typeof target === 'object' && 'uri' in target) {
    return typeof target.uri === 'string' ? vscode.Uri.parse(target.uri) : target.uri instanceof vscode.Uri ? target.uri : undefined;
  }
  return vscode.window.activeTextEditor?.document.uri;
}

/** The node's id, else the one the index knows for the file. */
function idOf(services: Services, target: SpecTarget): string | undefined {
  const given = target && !(target instanceof vscode.Uri) && typeof target.id === 'string' ? target.id : undefined;
  if (given && parseId(given)) return given;
  const uri = uriOf(target);
  return uri ? services.index.model.get(uri.toString())?.id : undefined;
}
