import * as vscode from 'vscode';
import { decodeText } from '../core/encoding';
import { planIdRename, type IdRenamePlan, type RenameSource } from '../core/ids/rename';
import { parseDocumentText } from '../core/parse';
import { toVsRange } from './convert';
import { exists } from './paths';
import type { Services } from './services';

const READ_CONCURRENCY = 16;

export class RenameRefused extends Error {}

/**
 * The WorkspaceEdit that renames an id: the owner's file first (when its name starts with the id),
 * then every text edit. VS Code applies (and `executeDocumentRenameProvider` returns) file renames
 * before text edits, so the renamed file's own edits are addressed to its new URI.
 * `scope: 'owner'` renumbers the owner alone and leaves references elsewhere as they are.
 */
export async function idRenameEdit(
  services: Services,
  request: { oldId: string; newId: string; owner: vscode.Uri; scope: 'workspace' | 'owner' },
  token?: vscode.CancellationToken,
): Promise<{ edit: vscode.WorkspaceEdit; plan: IdRenamePlan } | undefined> {
  const config = services.configuration.forFolder(vscode.workspace.getWorkspaceFolder(request.owner));
  const uris = request.scope === 'owner' ? [request.owner.toString()] : workspaceUris(services, request.owner);
  const sources = await readSources(services, uris, request.oldId, token);
  if (!sources || token?.isCancellationRequested) return undefined;
  const plan = planIdRename(request.oldId, request.newId, request.owner.toString(), sources, config);
  const edit = new vscode.WorkspaceEdit();
  const renamedTo = plan.fileRename && vscode.Uri.parse(plan.fileRename.to);
  if (renamedTo) {
    if (await exists(renamedTo)) throw new RenameRefused(`${vscode.workspace.asRelativePath(renamedTo)} already exists, so ${request.oldId}'s file cannot take that name.`);
    edit.renameFile(request.owner, renamedTo, { overwrite: false });
  }
  for (const document of plan.documents) {
    const target = renamedTo && document.uri === request.owner.toString() ? renamedTo : vscode.Uri.parse(document.uri);
    for (const change of document.edits) edit.replace(target, toVsRange(change.range), change.newText);
  }
  return { edit, plan };
}

/** Every document the index knows, and the owner even if it does not (yet). */
function workspaceUris(services: Services, owner: vscode.Uri): string[] {
  const uris = services.index.model.all().map((summary) => summary.uri);
  if (!uris.includes(owner.toString())) uris.push(owner.toString());
  return uris;
}

/** Texts as the user sees them (open editors first), only of documents that mention the id at all. */
async function readSources(services: Services, uris: readonly string[], id: string, token?: vscode.CancellationToken): Promise<RenameSource[] | undefined> {
  const sources: RenameSource[] = [];
  const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  for (let i = 0; i < uris.length; i += READ_CONCURRENCY) {
    const batch = await Promise.all(
      uris.slice(i, i + READ_CONCURRENCY).map(async (uri): Promise<RenameSource | undefined> => {
        const document = open.get(uri);
        if (document) return document.getText().includes(id) ? { uri, parsed: services.parseCache.get(document) } : undefined;
        const text = await readCleanText(services, vscode.Uri.parse(uri));
        return text !== undefined && text.includes(id) ? { uri, parsed: parseDocumentText(text) } : undefined;
      }),
    );
    if (token?.isCancellationRequested) return undefined;
    for (const source of batch) if (source) sources.push(source);
  }
  return sources;
}

/** A file's text, unless it is not clean UTF-8: an edit through the editor would then lose its bytes on save. */
async function readCleanText(services: Services, uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > services.configuration.config.maxFileSize) return undefined;
    const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
    if (!decoded.ok || decoded.warning) {
      services.log.warn(`Rename: ${vscode.workspace.asRelativePath(uri)} is left as it is: ${decoded.ok ? decoded.warning : decoded.reason}.`);
      return undefined;
    }
    return decoded.text;
  } catch {
    return undefined;
  }
}
