// The spec index file of a workspace folder, as the live index says it should read.
import * as vscode from 'vscode';
import { decodeText } from '../core/encoding';
import { renderIndexTable, spliceIndex, type SplicedIndex } from '../core/render/specIndexTable';
import { minimalReplacement } from '../core/render/textDiff';
import { isInsideFolder, resolveInsideFolder } from './paths';
import type { Services } from './services';

export interface IndexFileState {
  readonly folder: vscode.WorkspaceFolder;
  readonly uri: vscode.Uri;
  /** The file's text, as open in an editor or on disk; undefined when there is no such file. */
  readonly current: string | undefined;
  readonly table: string;
  /** The file with an up-to-date table; throws IndexMarkerError for broken markers. */
  readonly spliced: SplicedIndex;
}

export function indexFileUri(services: Services, folder: vscode.WorkspaceFolder): vscode.Uri | undefined {
  return resolveInsideFolder(folder, services.configuration.forFolder(folder).indexFile);
}

/** Reads the index file and splices in the table of the folder's specs. The index must be built. */
export async function indexFileState(services: Services, folder: vscode.WorkspaceFolder): Promise<IndexFileState | undefined> {
  const uri = indexFileUri(services, folder);
  if (!uri) return undefined;
  const current = await services.index.readText(uri);
  const table = tableFor(services, folder, uri);
  return { folder, uri, current, table, spliced: spliceIndex(current, table) };
}

function tableFor(services: Services, folder: vscode.WorkspaceFolder, indexUri: vscode.Uri): string {
  const config = services.configuration.forFolder(folder);
  const model = services.index.model;
  const pathOf = (uri: string) => {
    const parsed = vscode.Uri.parse(uri);
    return isInsideFolder(folder, parsed) ? vscode.workspace.asRelativePath(parsed, false) : undefined;
  };
  const specs = model.specs().filter((spec) => pathOf(spec.uri) !== undefined);
  return renderIndexTable(specs, {
    statuses: config.statuses,
    prefixes: config.referencePrefixes,
    indexPath: vscode.workspace.asRelativePath(indexUri, false),
    pathOf,
    owner: (id) => model.owner(id),
  });
}

/**
 * An undoable edit that brings the file up to date: a new file when there is none, else one
 * replacement in the open document (text outside the markers is never part of it).
 */
export function indexEdit(state: IndexFileState, document: vscode.TextDocument | undefined): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  if (!document) {
    edit.createFile(state.uri, { ignoreIfExists: false });
    edit.insert(state.uri, new vscode.Position(0, 0), state.spliced.text);
    return edit;
  }
  const text = document.getText();
  const change = minimalReplacement(text, spliceIndex(text, state.table).text);
  edit.replace(state.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text);
  return edit;
}

/**
 * Writes the update to a file that no editor has open: the file's own bytes are spliced, so a
 * byte order mark and everything outside the markers stay as they were. False when the file is
 * not clean UTF-8 (it is then left alone).
 */
export async function writeIndexFile(state: IndexFileState): Promise<boolean> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await vscode.workspace.fs.readFile(state.uri);
  } catch {
    bytes = undefined;
  }
  let bom = '';
  let text: string | undefined;
  if (bytes) {
    const decoded = decodeText(bytes);
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    if (!decoded.ok || decoded.warning || utf16) return false;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom = '\uFEFF';
    text = decoded.text;
  }
  await vscode.workspace.fs.writeFile(state.uri, new TextEncoder().encode(bom + spliceIndex(text, state.table).text));
  return true;
}
