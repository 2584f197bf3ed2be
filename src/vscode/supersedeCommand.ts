import * as vscode from 'vscode';
import { Commands } from '../constants';
import { getField } from '../core/frontMatter';
import { SUPERSEDES_KEY } from '../core/lifecycle/supersession';
import { changedSpan, supersededText, supersedeRefusal } from '../core/lifecycle/supersede';
import { parseDocumentText } from '../core/parse';
import type { SpecCreator } from './newSpecCommand';
import type { Services } from './services';

/** The argument contract of `techSpec.supersede`; a tree item's node (`{ uri: string }`) fits it too. */
export interface SupersedeArgs {
  readonly uri?: string | vscode.Uri;
  readonly title?: string;
  readonly open?: boolean;
}

/**
 * Supersede: a new spec through New Tech Spec's own path (next id, never an overwrite) with
 * `supersedes: <old>`, and the old spec SUPERSEDED with `superseded_by: <new>` and today's
 * `last_updated`, all in one WorkspaceEdit: one undo reverts both. Returns the new spec's Uri.
 */
export function registerSupersedeCommand(services: Services, creator: SpecCreator): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.supersede, (args?: SupersedeArgs) => supersede(services, creator, args ?? {}));
}

async function supersede(services: Services, creator: SpecCreator, args: SupersedeArgs): Promise<vscode.Uri | undefined> {
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : (args.uri ?? vscode.window.activeTextEditor?.document.uri);
  if (!uri) {
    void vscode.window.showErrorMessage('Tech Spec: open the spec to supersede, or pass { uri }.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const config = services.configuration.forFolder(folder);
  const refusal = supersedeRefusal(document.getText(), config.lifecycle.transitions) ?? (supersededText(document.getText(), 'TS-0', '2000-01-01') === undefined ? UNSAFE : undefined);
  const name = vscode.workspace.asRelativePath(uri);
  if (refusal) {
    void vscode.window.showWarningMessage(`Tech Spec: ${name} cannot be superseded: ${refusal}.`);
    services.log.info(`Supersede refused for ${name}: ${refusal}.`);
    return undefined;
  }
  const parsed = parseDocumentText(document.getText());
  const oldId = String(getField(parsed.frontMatter, 'tech_spec_id')?.value).trim();
  const text = (key: string) => {
    const value = getField(parsed.frontMatter, key)?.value;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const title = args.title?.trim() || (await askTitle(oldId, text('title')));
  if (!title) return undefined;
  const created = await creator.run(
    { title, folder: folder ? vscode.Uri.joinPath(uri, '..') : undefined, decisionRef: text('decision_ref'), relatedPrd: text('related_prd'), open: args.open },
    {
      frontMatter: { [SUPERSEDES_KEY]: oldId },
      alongside(edit, { id, today }) {
        // The old spec as it is now; an edit made while the title was asked is kept, not overwritten.
        const before = document.getText();
        const after = supersededText(before, id, today);
        // The creation fails as a whole: no new spec that the old one does not name.
        if (after === undefined) throw new Error(`${name} cannot be superseded: ${UNSAFE}.`);
        const span = changedSpan(before, after);
        edit.replace(uri, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)), span.newText);
      },
    },
  );
  if (created) services.log.info(`${name} superseded by ${vscode.workspace.asRelativePath(created)}.`);
  return created;
}

const UNSAFE = 'its front matter cannot be edited safely (an anchor or alias, say)';

async function askTitle(oldId: string, oldTitle: string | undefined): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: `Supersede ${oldId}`,
    prompt: `Title of the spec that replaces ${oldId}`,
    value: oldTitle,
    ignoreFocusOut: true,
    validateInput: (input) => (input.trim() ? undefined : 'The title cannot be empty.'),
  });
  return value?.trim() || undefined;
}
