import * as vscode from 'vscode';

/**
 * Resolves a setting's path against a workspace folder, refusing anything that leaves it
 * (`../../etc`, absolute paths elsewhere): settings come from the workspace, which may be untrusted.
 */
export function resolveInsideFolder(folder: vscode.WorkspaceFolder, relativePath: string): vscode.Uri | undefined {
  const cleaned = relativePath.replace(/\\/g, '/').trim();
  if (cleaned === '' || cleaned.startsWith('/') || /^[A-Za-z]:/.test(cleaned)) return undefined;
  const segments: string[] = [];
  for (const segment of cleaned.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.length === 0 ? folder.uri : vscode.Uri.joinPath(folder.uri, ...segments);
}

export function isInsideFolder(folder: vscode.WorkspaceFolder, uri: vscode.Uri): boolean {
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority) return false;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path === folder.uri.path || uri.path.startsWith(base);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
