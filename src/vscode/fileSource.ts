import * as vscode from 'vscode';
import { Disposable, type IDisposable } from '../core/util/dispose';
import type { FileQuery, SourceChange, SourceContent, SourceStat, SpecFileSource } from '../core/workspace/fileSource';
import { MARKDOWN_LANGUAGE } from '../constants';
import type { LocalFiles } from './localFiles';

const MARKDOWN_FILES = '**/*.{md,markdown}';
const MARKDOWN_PATH = /\.(md|markdown)$/i;

/**
 * The index's file source in the editor: findFiles for the search, a file system watcher and the
 * text document events for changes, open editors' text over disk, and workspace.fs for reads
 * (Node's fs for local files, where the host passes it: never in the browser).
 */
export class VscodeFileSource implements SpecFileSource {
  /** Set to false to read local files through workspace.fs too (the host benchmark compares). */
  useLocalFiles = true;

  constructor(private readonly localFiles?: LocalFiles) {}

  async findFiles(query: FileQuery): Promise<readonly string[]> {
    const uris = await vscode.workspace.findFiles(query.include, excludePattern(query.exclude));
    return uris.map((uri) => uri.toString());
  }

  async findFilesIn(folder: string, query: FileQuery): Promise<readonly string[]> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(folder), MARKDOWN_FILES), excludePattern(query.exclude));
    return uris.map((uri) => uri.toString());
  }

  async stat(uri: string): Promise<SourceStat | undefined> {
    const target = vscode.Uri.parse(uri);
    const local = this.local(target);
    if (local) return local.stat(target);
    try {
      const stat = await vscode.workspace.fs.stat(target);
      return { size: stat.size, isDirectory: (stat.type & vscode.FileType.Directory) !== 0 };
    } catch {
      return undefined;
    }
  }

  async read(uri: string, maxSize: number): Promise<SourceContent | undefined> {
    const target = vscode.Uri.parse(uri);
    const local = this.local(target);
    const open = editorDocument(uri);
    if (open) return { kind: 'text', text: open.getText(), realUri: local?.realUri(target) };
    if (local) return local.read(target, maxSize);
    try {
      const stat = await vscode.workspace.fs.stat(target);
      if (stat.type & vscode.FileType.Directory) return undefined;
      if (stat.size > maxSize) return { kind: 'tooLarge', size: stat.size };
      const bytes = await vscode.workspace.fs.readFile(target);
      return { kind: 'bytes', bytes, size: bytes.length };
    } catch {
      return undefined;
    }
  }

  relativePath(uri: string): string | undefined {
    return relativePathOf(vscode.Uri.parse(uri));
  }

  watch(listener: (change: SourceChange) => void): IDisposable {
    return new SourceWatcher(listener);
  }

  private local(uri: vscode.Uri) {
    return this.useLocalFiles && this.localFiles?.handles(uri) ? this.localFiles : undefined;
  }
}

/** The path of a uri inside its workspace folder, or undefined outside every folder (and for `git:` and other mirrors). */
export function relativePathOf(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const base = folder.uri.path.replace(/\/+$/, '');
  if (!uri.path.startsWith(`${base}/`)) return undefined;
  return uri.path.slice(base.length + 1);
}

/**
 * An editor's text, which wins over the disk: a document that is unsaved or shown in a tab. VS Code keeps a closed
 * editor's document in `textDocuments` for minutes; its text would keep a deleted file in the index.
 */
function editorDocument(uri: string): vscode.TextDocument | undefined {
  const document = vscode.workspace.textDocuments.find((candidate) => !candidate.isClosed && candidate.uri.toString() === uri);
  return document && (document.isDirty || isInTab(uri)) ? document : undefined;
}

function isInTab(uri: string): boolean {
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some(({ input }) => (input instanceof vscode.TabInputText && input.uri.toString() === uri) || (input instanceof vscode.TabInputTextDiff && input.modified.toString() === uri)),
  );
}

function excludePattern(exclude: readonly string[]): string | undefined {
  return exclude.length > 0 ? `{${exclude.join(',')}}` : undefined;
}

/** Turns watcher and editor events into SourceChanges. */
class SourceWatcher extends Disposable {
  constructor(private readonly listener: (change: SourceChange) => void) {
    super();
    const files = this._register(vscode.workspace.createFileSystemWatcher(MARKDOWN_FILES));
    // Folders created or deleted as a whole may be reported once, not file by file.
    const folders = this._register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    const file = (kind: 'created' | 'changed' | 'deleted') => (uri: vscode.Uri) => this.listener({ kind, uri: uri.toString() });
    const folder = (kind: 'folderCreated' | 'folderDeleted') => (uri: vscode.Uri) => {
      if (!MARKDOWN_PATH.test(uri.path)) this.listener({ kind, uri: uri.toString() });
    };
    const document = (target: vscode.TextDocument) => {
      if (target.languageId === MARKDOWN_LANGUAGE && target.uri.scheme !== 'untitled') this.listener({ kind: 'changed', uri: target.uri.toString() });
    };
    this._register(files.onDidCreate(file('created')));
    this._register(files.onDidChange(file('changed')));
    this._register(files.onDidDelete(file('deleted')));
    this._register(folders.onDidCreate(folder('folderCreated')));
    this._register(folders.onDidDelete(folder('folderDeleted')));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && document(event.document)));
    this._register(vscode.workspace.onDidOpenTextDocument(document));
    // A closed editor may have held unsaved text: go back to what is on disk.
    this._register(vscode.workspace.onDidCloseTextDocument(document));
    this._register(
      vscode.workspace.onDidRenameFiles((event) => {
        for (const renamed of event.files) {
          this.listener({ kind: 'deleted', uri: renamed.oldUri.toString() });
          this.listener({ kind: 'created', uri: renamed.newUri.toString() });
        }
      }),
    );
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.listener({ kind: 'foldersChanged' })));
  }
}
