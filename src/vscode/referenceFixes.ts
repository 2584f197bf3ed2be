import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, MARKDOWN_LANGUAGE } from '../constants';
import { parseId } from '../core/ids';
import { closestIds, idFieldFor, stubDocument, stubFileName } from '../core/referenceFixes';
import { exists, isInsideFolder, resolveInsideFolder } from './paths';
import type { Services } from './services';

/** `techSpec.createReferencedDocument`: `{ id, folder?, title?, from?, open? }`; returns the new file's Uri. */
export interface CreateReferencedArgs {
  id?: string;
  /** Relative to the workspace folder, or a Uri inside it; else techSpec.documentFolders, else asked. */
  folder?: string | vscode.Uri;
  title?: string;
  /** The document that cites the id: picks the workspace folder. */
  from?: string | vscode.Uri;
  open?: boolean;
}

const UNKNOWN_REFERENCE = 'TS030';

/** Quick fixes for an unknown reference (TS030): the closest known ids of its prefix, and "Create RFC-0999…". */
export function registerReferenceFixes(services: Services): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context, token) {
      const unknown = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === UNKNOWN_REFERENCE);
      if (unknown.length === 0) return undefined;
      await services.index.ready();
      if (token.isCancellationRequested) return undefined;
      return unknown.flatMap((diagnostic) => actionsFor(services, document, diagnostic));
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider({ language: MARKDOWN_LANGUAGE }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(Commands.createReferencedDocument, (args?: CreateReferencedArgs) => createReferenced(services, args ?? {})),
  );
}

function actionsFor(services: Services, document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const id = document.getText(diagnostic.range);
  const parsed = parseId(id);
  if (!parsed) return [];
  const model = services.index.model;
  const known = model.knownIds(parsed.prefix).map((known) => ({ id: known, title: model.owner(known)?.title }));
  const actions = closestIds(id, known, document.lineAt(diagnostic.range.start.line).text).map((candidate) => {
    const action = new vscode.CodeAction(`Change to ${candidate.id}${candidate.title ? ` (${candidate.title})` : ''}`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, diagnostic.range, candidate.id);
    action.diagnostics = [diagnostic];
    return action;
  });
  const create = new vscode.CodeAction(`Create ${id}…`, vscode.CodeActionKind.QuickFix);
  create.command = { command: Commands.createReferencedDocument, title: `Create ${id}…`, arguments: [{ id, from: document.uri.toString() } satisfies CreateReferencedArgs] };
  create.diagnostics = [diagnostic];
  return [...actions, create];
}

/** Writes a stub document that owns the id, in the prefix's folder; never over an existing file. */
async function createReferenced(services: Services, args: CreateReferencedArgs): Promise<vscode.Uri | undefined> {
  const id = args.id?.trim() ?? (await vscode.window.showInputBox({ title: 'Create Document for an Id', prompt: 'Id of the new document, e.g. RFC-0012', ignoreFocusOut: true }))?.trim();
  const parsed = id ? parseId(id) : undefined;
  if (!id || !parsed) {
    if (id) void vscode.window.showErrorMessage(`Tech Spec: "${id}" is not an id like RFC-0012; nothing was created.`);
    return undefined;
  }
  const from = typeof args.from === 'string' ? vscode.Uri.parse(args.from) : args.from;
  const workspaceFolder = (from && vscode.workspace.getWorkspaceFolder(from)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!workspaceFolder) {
    void vscode.window.showErrorMessage('Tech Spec: open a folder first; documents are created inside a workspace folder.');
    return undefined;
  }
  const config = services.configuration.forFolder(workspaceFolder);
  const folder = await folderFor(services, workspaceFolder, parsed.prefix, args.folder ?? config.documentFolders[parsed.prefix] ?? (parsed.prefix === config.idPrefix ? config.specsFolder : undefined));
  if (!folder) return undefined;
  const uri = vscode.Uri.joinPath(folder, stubFileName(id, args.title ?? ''));
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(`Tech Spec: ${vscode.workspace.asRelativePath(uri)} already exists; nothing was overwritten.`);
    return undefined;
  }
  const text = stubDocument(id, idFieldFor(parsed.prefix, config.idFields, config.idPrefix), args.title ?? '', config.statuses[0] ?? 'DRAFT');
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await services.index.refreshFile(uri);
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/** The folder given or configured, inside the workspace folder; else asks, offering where that prefix's documents are. */
async function folderFor(services: Services, workspaceFolder: vscode.WorkspaceFolder, prefix: string, given: string | vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given !== undefined) {
    const uri = typeof given === 'string' ? resolveInsideFolder(workspaceFolder, given) : given;
    if (!uri || !isInsideFolder(workspaceFolder, uri)) {
      void vscode.window.showErrorMessage(`Tech Spec: the folder "${String(given)}" is not inside the workspace folder; nothing was created.`);
      return undefined;
    }
    return uri;
  }
  const model = services.index.model;
  const used = new Set<string>();
  for (const id of model.knownIds(prefix)) {
    for (const owner of model.owners(id)) {
      const parent = vscode.Uri.joinPath(vscode.Uri.parse(owner.uri), '..');
      if (isInsideFolder(workspaceFolder, parent)) used.add(vscode.workspace.asRelativePath(parent, false));
    }
  }
  const items: Array<vscode.QuickPickItem & { path?: string }> = [...used].sort().map((path) => ({ label: path, description: `where ${prefix} documents are`, path }));
  const fallback = `docs/${prefix.toLowerCase()}s`;
  if (!used.has(fallback)) items.push({ label: fallback, description: 'new folder', path: fallback });
  items.push({ label: 'Choose a folder…' });
  const picked = await vscode.window.showQuickPick(items, { title: `Create ${prefix} document`, placeHolder: `Folder for the new ${prefix} document (set techSpec.documentFolders to skip this)`, ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.path !== undefined) return resolveInsideFolder(workspaceFolder, picked.path);
  const [chosen] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: workspaceFolder.uri, openLabel: 'Create here' })) ?? [];
  return chosen && isInsideFolder(workspaceFolder, chosen) ? chosen : undefined;
}
