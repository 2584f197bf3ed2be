// Node-only: reads files on this machine's disk with Node's fs. Only the Node entry point (src/extension.ts) passes
// it; the browser build has none, and everything then goes through vscode.workspace.fs.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LocalFiles } from '../localFiles';

/**
 * Through workspace.fs every call crosses to the workbench and back; bench:host measures both
 * ways ("index build through vscode.workspace.fs" row) and this path is kept for that difference.
 * Reads are synchronous on purpose: for 10 KB files they are several times faster than async
 * ones, and the coordinator yields by elapsed time between them.
 */
export const nodeLocalFiles: LocalFiles = {
  handles: (uri) => uri.scheme === 'file',
  async stat(uri) {
    try {
      const stat = fs.statSync(uri.fsPath);
      return { size: stat.size, isDirectory: stat.isDirectory() };
    } catch {
      return undefined;
    }
  },
  async read(uri, maxSize) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(uri.fsPath);
    } catch {
      return undefined;
    }
    if (stat.isDirectory()) return undefined;
    const realUri = this.realUri(uri);
    if (stat.size > maxSize) return { kind: 'tooLarge', size: stat.size, realUri };
    try {
      const bytes = fs.readFileSync(uri.fsPath);
      return { kind: 'bytes', bytes, size: bytes.length, realUri };
    } catch {
      return undefined;
    }
  },
  realUri(uri) {
    try {
      const real = fs.realpathSync.native(uri.fsPath);
      return real === uri.fsPath ? undefined : vscode.Uri.file(real).toString();
    } catch {
      return undefined;
    }
  },
};
