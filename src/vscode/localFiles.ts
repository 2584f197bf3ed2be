import type * as vscode from 'vscode';
import type { SourceContent, SourceStat } from '../core/workspace/fileSource';

/**
 * Direct reads of `file:` uris on the extension host's own disk. Only the Node host has them (src/vscode/node/); in the
 * browser every read goes through `vscode.workspace.fs`.
 */
export interface LocalFiles {
  handles(uri: vscode.Uri): boolean;
  stat(uri: vscode.Uri): Promise<SourceStat | undefined>;
  read(uri: vscode.Uri, maxSize: number): Promise<SourceContent | undefined>;
  /** The uri of the file behind symbolic links, when it differs. */
  realUri(uri: vscode.Uri): string | undefined;
}
