import type { IDisposable } from '../util/dispose';

/**
 * The index's only window on the workspace: list the spec files, read one, stat one, watch for
 * changes. The shapes are structural (like vscode-markdown-languageservice's IWorkspace), so the
 * editor implements them over `vscode.workspace`, a browser build over `workspace.fs`, and tests
 * in memory. Uris are strings, as `Uri.toString()` gives them.
 */
export interface SpecFileSource {
  /** Every Markdown file that the glob matches and the exclusions leave, in any order. */
  findFiles(query: FileQuery, token: CancellationLike): Promise<readonly string[]>;
  /** Markdown files under one folder (a folder moved in or checked out), with the same query. */
  findFilesIn(folder: string, query: FileQuery, token: CancellationLike): Promise<readonly string[]>;
  stat(uri: string): Promise<SourceStat | undefined>;
  /** What the user sees: an open editor's text wins over the bytes on disk. Undefined when gone. */
  read(uri: string, maxSize: number): Promise<SourceContent | undefined>;
  /** The path of a uri relative to its workspace folder, or undefined when it is in none. */
  relativePath(uri: string): string | undefined;
  /** Files and folders created, changed or deleted, editors edited, opened or closed, workspace folders changed. */
  watch(listener: (change: SourceChange) => void): IDisposable;
}

export interface FileQuery {
  readonly include: string;
  readonly exclude: readonly string[];
}

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export interface SourceStat {
  readonly size: number;
  readonly isDirectory: boolean;
}

export type SourceContent =
  /** An open editor's text. */
  | { readonly kind: 'text'; readonly text: string; readonly realUri?: string }
  /** The file's bytes on disk; `realUri` names the file behind a symbolic link. */
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly size: number; readonly realUri?: string }
  /** Over the size limit: not read. */
  | { readonly kind: 'tooLarge'; readonly size: number; readonly realUri?: string };

export type SourceChange =
  | { readonly kind: 'created' | 'changed' | 'deleted'; readonly uri: string }
  /** A folder that appeared or went as a whole may be reported once, not file by file. */
  | { readonly kind: 'folderCreated' | 'folderDeleted'; readonly uri: string }
  /** Workspace folders were added or removed: everything is listed again. */
  | { readonly kind: 'foldersChanged' };
