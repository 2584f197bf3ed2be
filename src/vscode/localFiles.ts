import type * as vscode from 'vscode';

/**
 * Fast, direct reads of files on the extension host's own disk. Only the Node host has them (src/vscode/node/); in the
 * browser every read goes through `vscode.workspace.fs`.
 */
export interface LocalFiles {
  /** Whether this uri is a file that these reads reach. */
  handles(uri: vscode.Uri): boolean;
  statSync(uri: vscode.Uri): { readonly size: number; readonly isDirectory: boolean };
  readSync(uri: vscode.Uri): Uint8Array;
  stat(uri: vscode.Uri): Promise<{ readonly size: number; readonly isDirectory: boolean }>;
  read(uri: vscode.Uri): Promise<Uint8Array>;
}
