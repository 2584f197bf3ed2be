import picomatch from 'picomatch';
import type { IDisposable } from '../util/dispose';
import { Emitter } from '../util/event';
import type { CancellationLike, FileQuery, SourceChange, SourceContent, SourceStat, SpecFileSource } from './fileSource';

interface MemoryFile {
  bytes: Uint8Array;
  /** Set for a symbolic link: the uri it points to. */
  linkTo?: string;
}

/**
 * A SpecFileSource held in memory, for tests: files by uri under one or more roots, open editor
 * texts, and hooks that hold a read or a search until the test lets it go, so races can be staged.
 */
export class MemoryFileSource implements SpecFileSource {
  private readonly files = new Map<string, MemoryFile>();
  private readonly editors = new Map<string, string>();
  private readonly changes = new Emitter<SourceChange>();
  private roots: string[];
  /** Called before a read resolves; a test may return a promise to hold it. */
  beforeRead: (uri: string) => Promise<void> | void = () => undefined;
  /** Called after the search has taken its snapshot, before it returns. */
  beforeSearchReturns: () => Promise<void> | void = () => undefined;
  /** Every uri read, in order: tests check what was (not) read. */
  readonly reads: string[] = [];
  /** Every folder searched, in order. */
  readonly searchedFolders: string[] = [];

  constructor(roots: readonly string[] = ['file:///w']) {
    this.roots = [...roots];
  }

  // The test's side: change the workspace, with or without telling the watcher.

  write(uri: string, text: string, notify = true): void {
    const existed = this.files.has(uri);
    this.files.set(uri, { bytes: new TextEncoder().encode(text) });
    if (notify) this.changes.fire({ kind: existed ? 'changed' : 'created', uri });
  }

  writeBytes(uri: string, bytes: Uint8Array, notify = true): void {
    const existed = this.files.has(uri);
    this.files.set(uri, { bytes });
    if (notify) this.changes.fire({ kind: existed ? 'changed' : 'created', uri });
  }

  link(uri: string, target: string, notify = true): void {
    this.files.set(uri, { bytes: new Uint8Array(), linkTo: target });
    if (notify) this.changes.fire({ kind: 'created', uri });
  }

  delete(uri: string, notify = true): void {
    this.files.delete(uri);
    if (notify) this.changes.fire({ kind: 'deleted', uri });
  }

  /** Deletes a folder and reports it once, as a recursive delete does. */
  deleteFolder(folder: string): void {
    for (const uri of [...this.files.keys()]) if (uri.startsWith(`${folder}/`)) this.files.delete(uri);
    this.changes.fire({ kind: 'folderDeleted', uri: folder });
  }

  openEditor(uri: string, text: string): void {
    this.editors.set(uri, text);
    this.changes.fire({ kind: 'changed', uri });
  }

  closeEditor(uri: string): void {
    this.editors.delete(uri);
    this.changes.fire({ kind: 'changed', uri });
  }

  setRoots(roots: readonly string[]): void {
    this.roots = [...roots];
    this.changes.fire({ kind: 'foldersChanged' });
  }

  fire(change: SourceChange): void {
    this.changes.fire(change);
  }

  // The port.

  async findFiles(query: FileQuery, token: CancellationLike): Promise<readonly string[]> {
    const found = this.list(this.roots, query);
    await this.beforeSearchReturns();
    return token.isCancellationRequested ? [] : found;
  }

  async findFilesIn(folder: string, query: FileQuery): Promise<readonly string[]> {
    this.searchedFolders.push(folder);
    return this.list([folder], query);
  }

  async stat(uri: string): Promise<SourceStat | undefined> {
    const file = this.resolve(uri);
    if (file) return { size: file.bytes.length, isDirectory: false };
    const prefix = `${uri}/`;
    for (const key of this.files.keys()) if (key.startsWith(prefix)) return { size: 0, isDirectory: true };
    return undefined;
  }

  async read(uri: string, maxSize: number): Promise<SourceContent | undefined> {
    this.reads.push(uri);
    const editor = this.editors.get(uri);
    const realUri = this.files.get(uri)?.linkTo;
    // The snapshot is taken when the read starts, as a real read would.
    const file = this.resolve(uri);
    await this.beforeRead(uri);
    if (editor !== undefined) return { kind: 'text', text: editor, realUri };
    if (!file) return undefined;
    if (file.bytes.length > maxSize) return { kind: 'tooLarge', size: file.bytes.length, realUri };
    return { kind: 'bytes', bytes: file.bytes, size: file.bytes.length, realUri };
  }

  relativePath(uri: string): string | undefined {
    const root = this.roots.find((candidate) => uri.startsWith(`${candidate}/`));
    return root === undefined ? undefined : uri.slice(root.length + 1);
  }

  watch(listener: (change: SourceChange) => void): IDisposable {
    return this.changes.event(listener);
  }

  private resolve(uri: string): MemoryFile | undefined {
    const file = this.files.get(uri);
    return file?.linkTo !== undefined ? this.files.get(file.linkTo) : file;
  }

  private list(folders: readonly string[], query: FileQuery): string[] {
    const include = picomatch(query.include, { windows: false, dot: false });
    const exclude = query.exclude.length > 0 ? picomatch([...query.exclude], { windows: false, dot: true }) : () => false;
    const found: string[] = [];
    for (const uri of this.files.keys()) {
      if (!folders.some((folder) => uri.startsWith(`${folder}/`))) continue;
      const relative = this.relativePath(uri);
      if (relative !== undefined && include(relative) && !exclude(relative)) found.push(uri);
    }
    return found;
  }
}
