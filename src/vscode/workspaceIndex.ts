import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { TechSpecConfig } from '../core/config';
import { decodeText, formatBytes } from '../core/encoding';
import { SpecIndex } from '../core/specIndex';
import { skippedSummary } from '../core/summary';
import { MARKDOWN_LANGUAGE } from '../constants';
import type { ConfigurationService } from './configuration';
import type { LocalFiles } from './localFiles';

const UPDATE_DEBOUNCE_MS = 150;
const READ_CONCURRENCY = 16;
const LOCAL_BATCH = 64;

/**
 * The workspace's spec index, built on first need and then kept current file by file:
 * file watcher events and editor changes are debounced per URI, and open editor text wins over disk.
 */
export class WorkspaceIndex implements vscode.Disposable {
  readonly model: SpecIndex;
  private building: Promise<void> | undefined;
  private built = false;
  private watching = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private isExcluded: (path: string) => boolean;
  private isIncluded: (path: string) => boolean;
  /** How the last full build went: the host benchmark reports it. */
  lastBuild: { files: number; searchMs: number; readMs: number } | undefined;
  /** Times the index told listeners that it changed: tests count refreshes with it. */
  changeEvents = 0;

  /** Fires after changes, coalesced. */
  readonly onDidChange = this.emitter.event;

  private configKey: string;

  /** `local`: direct reads of this machine's disk, where the host has them (Node); otherwise workspace.fs only. */
  constructor(private readonly configuration: ConfigurationService, private readonly local?: LocalFiles) {
    this.model = new SpecIndex(configuration.config);
    this.configKey = indexKey(configuration.config);
    [this.isIncluded, this.isExcluded] = matchers(configuration.config);
    this.disposables.push(
      configuration.onDidChange((config) => {
        const key = indexKey(config);
        if (key === this.configKey) return;
        this.configKey = key;
        [this.isIncluded, this.isExcluded] = matchers(config);
        this.model.reconfigure(config);
        if (this.built || this.building) {
          this.built = false;
          this.building = undefined;
          void this.ready();
        }
      }),
    );
  }

  get isBuilt(): boolean {
    return this.built;
  }

  /** Builds the index on first call; later calls return at once. */
  ready(token?: vscode.CancellationToken): Promise<void> {
    if (this.built) return Promise.resolve();
    this.building ??= this.build().catch((error: unknown) => {
      this.building = undefined;
      throw error;
    });
    if (!token) return this.building;
    return Promise.race([
      this.building,
      new Promise<void>((resolve) => token.onCancellationRequested(() => resolve())),
    ]);
  }

  private async build(): Promise<void> {
    const config = this.configuration.config;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Tech Spec: indexing specs' },
      async () => {
        const exclude = config.exclude.length > 0 ? `{${config.exclude.join(',')}}` : undefined;
        const searchStart = Date.now();
        const uris = await vscode.workspace.findFiles(config.specGlob, exclude);
        const readStart = Date.now();
        this.startWatching();
        const local = this.local;
        const direct = local ? uris.filter((uri) => local.handles(uri)) : [];
        const remote = local ? uris.filter((uri) => !local.handles(uri)) : uris;
        // Local files: small synchronous batches, yielding between them. For 10 KB files this is
        // several times faster than async reads, and each batch holds the host for milliseconds only.
        for (let i = 0; local && i < direct.length; i += LOCAL_BATCH) {
          for (const uri of direct.slice(i, i + LOCAL_BATCH)) this.refreshLocalFile(uri, local);
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        for (let i = 0; i < remote.length; i += READ_CONCURRENCY) {
          await Promise.all(remote.slice(i, i + READ_CONCURRENCY).map((uri) => this.refreshFile(uri)));
        }
        for (const document of vscode.workspace.textDocuments) {
          if (this.tracks(document)) this.model.upsert(document.uri.toString(), document.getText());
        }
        this.lastBuild = { files: uris.length, searchMs: readStart - searchStart, readMs: Date.now() - readStart };
      },
    );
    this.built = true;
    this.notify();
  }

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => this.schedule(uri)),
      // A folder deleted or created as a whole may be reported once, not file by file.
      folderWatcher.onDidDelete((uri) => this.forgetFolder(uri)),
      folderWatcher.onDidCreate((uri) => void this.scanFolder(uri)),
      folderWatcher,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.tracks(event.document)) this.schedule(event.document.uri);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.tracks(document) && this.schedule(document.uri)),
      // A closed editor may have held unsaved text: go back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((document) => this.tracks(document) && this.schedule(document.uri)),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const file of event.files) {
          this.schedule(file.oldUri);
          this.schedule(file.newUri);
        }
      }),
    );
  }

  /** Whether a document belongs in the index: Markdown, matched by the glob, not excluded. */
  tracks(document: vscode.TextDocument): boolean {
    if (document.languageId !== MARKDOWN_LANGUAGE) return false;
    if (document.uri.scheme === 'untitled') return false;
    return this.matchesUri(document.uri);
  }

  private matchesUri(uri: vscode.Uri): boolean {
    const relative = vscode.workspace.asRelativePath(uri, false);
    if (relative === uri.fsPath || relative === uri.toString()) return false;
    if (relative === this.templatePath) return false;
    return this.isIncluded(relative) && !this.isExcluded(relative);
  }

  /** The custom template is not a spec, though it looks like one. */
  private get templatePath(): string {
    return this.configuration.config.templatePath.replace(/\\/g, '/').replace(/^\.\//, '');
  }

  private schedule(uri: vscode.Uri): void {
    if (!this.built && !this.building) return;
    const key = uri.toString();
    const existing = this.pending.get(key);
    if (existing) clearTimeout(existing);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.refreshFile(uri).then(() => this.notify());
      }, UPDATE_DEBOUNCE_MS),
    );
  }

  /** Re-reads one file: open editor text first, then disk; removes it when it is gone or no longer matches. */
  async refreshFile(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (!this.matchesUri(uri)) {
      this.model.remove(key);
      return;
    }
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    if (open && !open.isClosed) {
      this.model.upsert(key, open.getText());
      return;
    }
    const maxSize = this.configuration.config.maxFileSize;
    try {
      const file = await this.readBounded(uri, maxSize);
      if (!file) return;
      if (file.bytes === undefined) {
        this.model.set(skippedSummary(key, `not parsed: ${formatBytes(file.size)} is over techSpec.maxFileSize (${formatBytes(maxSize)})`, file.size));
        return;
      }
      this.ingest(key, file.bytes, file.size);
    } catch {
      // Gone between the event and the read: a delete.
      this.model.remove(key);
    }
  }

  /** A file's bytes into the model: a summary, with a warning if the text was not clean UTF-8, or a skipped entry with the reason. */
  private ingest(key: string, bytes: Uint8Array, size: number): void {
    const decoded = decodeText(bytes);
    if (!decoded.ok) this.model.set(skippedSummary(key, `not parsed: ${decoded.reason}`, size));
    else this.model.upsert(key, decoded.text, undefined, decoded.warning);
  }

  /** Drops every entry under a deleted folder. */
  private forgetFolder(uri: vscode.Uri): void {
    if (!this.built && !this.building) return;
    const prefix = `${uri.toString()}/`;
    let removed = false;
    for (const summary of this.model.all()) {
      if (summary.uri.startsWith(prefix)) removed = this.model.remove(summary.uri) || removed;
    }
    if (removed) this.notify();
  }

  /** Reads the Markdown files of a folder that appeared (moved in, unpacked, checked out). */
  private async scanFolder(uri: vscode.Uri): Promise<void> {
    if (!this.built && !this.building) return;
    if (/\.(md|markdown)$/i.test(uri.path)) return;
    try {
      if (!(await this.stat(uri)).isDirectory) return;
    } catch {
      return;
    }
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.{md,markdown}'));
    for (const file of found) if (!this.model.has(file.toString())) this.schedule(file);
  }

  private refreshLocalFile(uri: vscode.Uri, local: LocalFiles): void {
    const key = uri.toString();
    if (!this.matchesUri(uri)) return;
    const maxSize = this.configuration.config.maxFileSize;
    try {
      const stat = local.statSync(uri);
      if (stat.isDirectory) return;
      if (stat.size > maxSize) {
        this.model.set(skippedSummary(key, `not parsed: ${formatBytes(stat.size)} is over techSpec.maxFileSize (${formatBytes(maxSize)})`, stat.size));
        return;
      }
      this.ingest(key, local.readSync(uri), stat.size);
    } catch {
      // Vanished since the search: the watcher will say so.
    }
  }

  private notify(): void {
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.changeEvents++;
      this.emitter.fire();
    }, 30);
  }

  /** Text of a file as the user sees it: the open editor's, else disk's. */
  async readText(uri: vscode.Uri): Promise<string | undefined> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    if (open) return open.getText();
    try {
      const file = await this.readBounded(uri, this.configuration.config.maxFileSize);
      if (!file?.bytes) return undefined;
      const decoded = decodeText(file.bytes);
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  /** A file on this machine's disk that the host can read directly (the Node host). */
  private isLocal(uri: vscode.Uri): boolean {
    return Boolean(this.local?.handles(uri));
  }

  private async stat(uri: vscode.Uri): Promise<{ size: number; isDirectory: boolean }> {
    if (this.local && this.isLocal(uri)) return this.local.stat(uri);
    const stat = await vscode.workspace.fs.stat(uri);
    return { size: stat.size, isDirectory: Boolean(stat.type & vscode.FileType.Directory) };
  }

  /** A file's bytes, or only its size when it is over the limit; undefined for a folder. */
  private async readBounded(uri: vscode.Uri, maxSize: number): Promise<{ size: number; bytes?: Uint8Array } | undefined> {
    const stat = await this.stat(uri);
    if (stat.isDirectory) return undefined;
    if (stat.size > maxSize) return { size: stat.size };
    const bytes = this.local && this.isLocal(uri) ? await this.local.read(uri) : await vscode.workspace.fs.readFile(uri);
    return { size: stat.size, bytes };
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.emitter.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The settings that change what the index holds; other settings leave it as it is. */
function indexKey(config: TechSpecConfig): string {
  const { specGlob, exclude, referencePrefixes, idFields, matchFileNames, idPrefix, maxFileSize, templatePath } = config;
  return JSON.stringify([specGlob, exclude, referencePrefixes, idFields, matchFileNames, idPrefix, maxFileSize, templatePath]);
}

// Paths here come from URIs and use `/` on every OS. Saying so also keeps picomatch from reading `navigator` to guess
// the platform, which VS Code 1.139's Node 24 extension host reports as a deprecated global.
const GLOB_OPTIONS = { windows: false } as const;

function matchers(config: TechSpecConfig): [(path: string) => boolean, (path: string) => boolean] {
  const include = picomatch(config.specGlob, { ...GLOB_OPTIONS, dot: false });
  const exclude = config.exclude.length > 0 ? picomatch([...config.exclude], { ...GLOB_OPTIONS, dot: true }) : () => false;
  return [include, exclude];
}
