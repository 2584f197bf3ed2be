import type { TechSpecConfig } from '../config';
import { decodeText, formatBytes } from '../encoding';
import { parseDocumentText, type ParsedDocument } from '../parse';
import { SpecIndex } from '../specIndex';
import { skippedSummary } from '../summary';
import { KeyedDebouncer } from '../util/debounce';
import { Disposable, type IDisposable } from '../util/dispose';
import { Emitter, type Event } from '../util/event';
import { Limiter } from '../util/limiter';
import { silentLogger, type Logger } from '../util/log';
import { realTimers, TimeSlicer, type Timers } from '../util/timers';
import type { CancellationLike, SourceChange, SourceContent, SpecFileSource } from './fileSource';
import { SpecFilter } from './specFilter';

export type CoordinatorConfig = Pick<
  TechSpecConfig,
  'specGlob' | 'exclude' | 'templatePath' | 'maxFileSize' | 'referencePrefixes' | 'idFields' | 'matchFileNames' | 'idPrefix' | 'checklistSection'
>;

export interface CoordinatorOptions {
  readonly log?: Logger;
  readonly timers?: Timers;
  /** Quiet time before a changed file is re-read. */
  readonly debounceMs?: number;
  /** Changes are announced at most this often. */
  readonly notifyMs?: number;
  /** The longest the build holds the thread before it yields. */
  readonly sliceMs?: number;
  /** Reads in flight at once during a build. */
  readonly concurrency?: number;
}

/** A cancellation token as callers pass it; `vscode.CancellationToken` fits. */
export interface ReadyToken extends CancellationLike {
  onCancellationRequested?(listener: () => void): IDisposable;
}

export interface BuildReport {
  /** Files the search listed. */
  readonly files: number;
  /** Of them, files not parsed (too large, binary). */
  readonly skipped: number;
  readonly specs: number;
  readonly searchMs: number;
  readonly readMs: number;
}

/** A document parsed for the index; the parse is only lent for the listener's call. */
export interface ParsedFile {
  readonly uri: string;
  readonly parsed: ParsedDocument;
}

interface Build {
  readonly generation: number;
  readonly token: { isCancellationRequested: boolean };
  readonly done: Promise<void>;
}

/**
 * Keeps the SpecIndex model in step with the workspace as a SpecFileSource shows it: builds it on
 * first need, then refreshes file by file on change events (debounced per uri). Races are closed by
 * a build generation (a settings change or dispose drops a running build's results) and by a
 * per-file read ticket (an older read never lands over a newer read or a delete).
 */
export class IndexCoordinator extends Disposable {
  readonly model: SpecIndex;
  private readonly changeEmitter = this._register(new Emitter<void>());
  /** Fires after changes, coalesced. */
  readonly onDidChange: Event<void> = this.changeEmitter.event;
  private readonly buildEmitter = this._register(new Emitter<BuildReport>());
  /** Fires when a build completes, with what it found. */
  readonly onDidBuild: Event<BuildReport> = this.buildEmitter.event;
  private readonly parseEmitter = this._register(new Emitter<ParsedFile>());
  /** Fires as each readable file is parsed, so other features can use the same parse. */
  readonly onDidParse: Event<ParsedFile> = this.parseEmitter.event;

  private config: CoordinatorConfig;
  private configKey: string;
  private filter: SpecFilter;
  private readonly log: Logger;
  private readonly timers: Timers;
  private readonly options: CoordinatorOptions;
  private readonly updates: KeyedDebouncer<string>;
  private readonly notifier: KeyedDebouncer<'change'>;
  private generation = 0;
  private current: Build | undefined;
  private built = false;
  /** Set once something asked for the index: from then on it is kept current. */
  private wanted = false;
  private watcher: IDisposable | undefined;
  private ticketCounter = 0;
  /** The newest read of each file in flight; a read that is not the newest is dropped. */
  private readonly tickets = new Map<string, number>();
  /** A uri reached through a symbolic link → the uri of the file it points to, when that file is indexed. */
  private readonly aliases = new Map<string, string>();
  private readonly deletedFolders = new Set<string>();
  /** How the last complete build went. */
  lastBuild: BuildReport | undefined;

  constructor(
    private readonly source: SpecFileSource,
    config: CoordinatorConfig,
    options: CoordinatorOptions = {},
  ) {
    super();
    this.options = options;
    this.log = options.log ?? silentLogger;
    this.timers = options.timers ?? realTimers;
    this.config = config;
    this.configKey = indexKey(config);
    this.filter = new SpecFilter(config);
    this.model = new SpecIndex(config);
    this.updates = this._register(new KeyedDebouncer<string>(options.debounceMs ?? 150, { timers: this.timers }));
    const notifyMs = options.notifyMs ?? 30;
    this.notifier = this._register(new KeyedDebouncer<'change'>(notifyMs, { maxDelayMs: notifyMs, timers: this.timers }));
    this._register({ dispose: () => this.cancelBuild() });
  }

  get isBuilt(): boolean {
    return this.built;
  }

  /** Resolves once a build of the current settings is complete; builds on first call. */
  async ready(token?: ReadyToken): Promise<void> {
    while (!this.built && !this.isDisposed) {
      if (token?.isCancellationRequested) return;
      const build = (this.current ??= this.startBuild());
      await (token ? untilCancelled(build.done, token) : build.done);
    }
  }

  /** Re-reads everything from the source (the view's Refresh, workspace folders changed). */
  async refresh(): Promise<void> {
    if (this.isDisposed) return;
    this.cancelBuild();
    this.current = this.startBuild(true);
    await this.ready();
  }

  /** Applies new settings; a change to what the index holds drops the running build and starts again. */
  reconfigure(config: CoordinatorConfig): void {
    this.config = config;
    const key = indexKey(config);
    if (key === this.configKey || this.isDisposed) return;
    this.configKey = key;
    this.filter = new SpecFilter(config);
    this.cancelBuild();
    this.updates.cancelAll();
    this.aliases.clear();
    this.model.reconfigure(config);
    this.log.info('index settings changed: indexing again');
    if (this.wanted) this.current = this.startBuild();
    this.notify();
  }

  /** Whether a uri is one the index holds (by glob, exclusions and template), symlinks included. */
  tracks(uri: string): boolean {
    if (this.aliases.has(uri)) return true;
    const relative = this.source.relativePath(uri);
    return relative !== undefined && this.filter.matches(relative);
  }

  /** The uri under which the index keeps a file: the link's target when it is indexed itself. */
  canonicalUri(uri: string): string {
    return this.aliases.get(uri) ?? uri;
  }

  /** Queues a re-read of one file (debounced per uri). */
  schedule(uri: string): void {
    if (!this.active) return;
    this.updates.trigger(uri, () => {
      this.refreshFile(uri)
        .then((changed) => changed && this.notify())
        .catch((error: unknown) => this.log.error(`could not update ${uri}: ${errorText(error)}`));
    });
  }

  /**
   * Re-reads one file now: the editor's text, else disk; removes it when it is gone or no longer
   * matches. Resolves to whether the model changed.
   */
  async refreshFile(uri: string, generation = this.generation, beforeParse?: () => Promise<void>): Promise<boolean> {
    const ticket = ++this.ticketCounter;
    this.tickets.set(uri, ticket);
    if (!this.tracks(uri)) return this.forget(uri);
    let content: SourceContent | undefined;
    try {
      content = await this.source.read(uri, this.config.maxFileSize);
    } catch (error) {
      this.log.warn(`could not read ${this.describe(uri)}: ${errorText(error)}`);
    }
    if (beforeParse) await beforeParse();
    // A newer read, a delete, a settings change or dispose has the last word.
    if (this.tickets.get(uri) !== ticket || generation !== this.generation || this.isDisposed) return false;
    this.tickets.delete(uri);
    if (!content) return this.forget(uri);
    this.ingest(uri, content);
    return true;
  }

  private get active(): boolean {
    return !this.isDisposed && this.wanted;
  }

  private startBuild(sweep = false): Build {
    const generation = ++this.generation;
    const token = { isCancellationRequested: false };
    this.wanted = true;
    const done = this.build(generation, token, sweep).catch((error: unknown) => {
      if (this.current?.generation === generation) this.current = undefined;
      if (generation !== this.generation || token.isCancellationRequested) return;
      this.log.error(`indexing failed: ${errorText(error)}`);
      throw error;
    });
    return { generation, token, done };
  }

  private cancelBuild(): void {
    if (this.current) this.current.token.isCancellationRequested = true;
    this.current = undefined;
    this.built = false;
    this.generation++;
  }

  private async build(generation: number, token: { isCancellationRequested: boolean }, sweep: boolean): Promise<void> {
    const stale = () => token.isCancellationRequested || generation !== this.generation || this.isDisposed;
    this.log.info(`indexing the workspace (build ${generation}${sweep ? ', re-reading every file' : ''})`);
    // Watch first: a file created while the search runs is then reported, not lost.
    this.startWatching();
    const searchStart = this.timers.now();
    const uris = await this.source.findFiles({ include: this.config.specGlob, exclude: this.config.exclude }, token);
    if (stale()) return;
    const readStart = this.timers.now();
    const slicer = new TimeSlicer(this.timers, this.options.sliceMs ?? 12);
    await new Limiter(this.options.concurrency ?? 16).forEach(uris, async (uri) => {
      await slicer.maybeYield();
      if (stale()) return;
      // Reads finish together; yielding again before each parse keeps a burst of parses within one slice.
      await this.refreshFile(uri, generation, () => slicer.maybeYield());
    });
    if (stale()) return;
    if (sweep) this.sweep(new Set(uris));
    const report = this.report(uris.length, readStart - searchStart, this.timers.now() - readStart);
    this.lastBuild = report;
    this.built = true;
    this.current = undefined;
    this.log.info(`indexed ${report.files} files (${report.specs} specs, ${report.skipped} not parsed) in ${Math.round(report.searchMs + report.readMs)} ms: search ${Math.round(report.searchMs)} ms, read ${Math.round(report.readMs)} ms`);
    this.buildEmitter.fire(report);
    this.notify();
  }

  /** After a full re-read, drops what the search no longer lists (a removed workspace folder, say). */
  private sweep(listed: ReadonlySet<string>): void {
    const targets = new Set(this.aliases.values());
    for (const summary of this.model.all()) {
      if (!listed.has(summary.uri) && !targets.has(summary.uri)) this.forget(summary.uri);
    }
  }

  private report(files: number, searchMs: number, readMs: number): BuildReport {
    let skipped = 0;
    for (const summary of this.model.all()) if (summary.unreadable) skipped++;
    return { files, skipped, specs: this.model.specs().length, searchMs, readMs };
  }

  private startWatching(): void {
    if (this.watcher || this.isDisposed) return;
    this.watcher = this._register(this.source.watch((change) => this.onSourceChange(change)));
  }

  private onSourceChange(change: SourceChange): void {
    if (!this.active) return;
    switch (change.kind) {
      case 'created':
      case 'changed':
      case 'deleted':
        this.schedule(change.uri);
        break;
      case 'folderDeleted':
        this.folderDeleted(change.uri);
        break;
      case 'folderCreated':
        void this.scanFolder(change.uri).catch((error: unknown) => this.log.error(`could not scan ${change.uri}: ${errorText(error)}`));
        break;
      case 'foldersChanged':
        void this.refresh().catch((error: unknown) => this.log.error(`could not index the new workspace folders: ${errorText(error)}`));
        break;
    }
  }

  /** Collects deleted folders (every deleted path may be one) and drops what was under them in one pass. */
  private folderDeleted(folder: string): void {
    const relative = this.source.relativePath(folder);
    if (relative !== undefined && this.filter.excludesFolder(relative)) return;
    this.deletedFolders.add(folder.replace(/\/+$/, ''));
    this.updates.trigger(DELETED_FOLDERS, () => {
      const folders = new Set(this.deletedFolders);
      this.deletedFolders.clear();
      this.forgetFolders(folders);
    });
  }

  /** Drops every entry under the deleted folders: their files may not be reported one by one. */
  private forgetFolders(folders: ReadonlySet<string>): void {
    const under = (uri: string) => {
      for (let slash = uri.lastIndexOf('/'); slash > 0; slash = uri.lastIndexOf('/', slash - 1)) if (folders.has(uri.slice(0, slash))) return true;
      return false;
    };
    let removed = false;
    for (const summary of this.model.all()) {
      if (!under(summary.uri)) continue;
      this.updates.cancel(summary.uri);
      removed = this.forget(summary.uri) || removed;
    }
    for (const alias of [...this.aliases.keys()]) if (under(alias)) this.aliases.delete(alias);
    if (removed) this.notify();
  }

  /** Reads the Markdown files of a folder that appeared (moved in, unpacked, checked out); excluded folders are never scanned. */
  private async scanFolder(folder: string): Promise<void> {
    const relative = this.source.relativePath(folder);
    if (relative === undefined || this.filter.excludesFolder(relative)) return;
    const stat = await this.source.stat(folder);
    if (!stat?.isDirectory || !this.active) return;
    const generation = this.generation;
    const found = await this.source.findFilesIn(folder, { include: this.config.specGlob, exclude: this.config.exclude }, { isCancellationRequested: false });
    if (generation !== this.generation) return;
    for (const uri of found) if (!this.model.has(this.canonicalUri(uri))) this.schedule(uri);
  }

  /** Removes a file and invalidates reads of it still in flight. */
  private forget(uri: string): boolean {
    this.tickets.set(uri, ++this.ticketCounter);
    this.tickets.delete(uri);
    const target = this.aliases.get(uri);
    if (target !== undefined) {
      // The link went; the file it points to stays.
      this.aliases.delete(uri);
      return false;
    }
    return this.model.remove(uri);
  }

  private ingest(uri: string, content: SourceContent): void {
    const key = this.keyFor(uri, content.realUri);
    if (key === undefined) return;
    if (content.kind === 'tooLarge') {
      this.skip(key, `${formatBytes(content.size)} is over techSpec.maxFileSize (${formatBytes(this.config.maxFileSize)})`, content.size);
      return;
    }
    let text: string;
    let warning: string | undefined;
    if (content.kind === 'text') text = content.text;
    else {
      const decoded = decodeText(content.bytes);
      if (!decoded.ok) {
        this.skip(key, decoded.reason, content.size);
        return;
      }
      text = decoded.text;
      warning = decoded.warning;
    }
    const parsed = parseDocumentText(text);
    this.model.upsert(key, text, parsed, warning);
    this.parseEmitter.fire({ uri: key, parsed });
  }

  /**
   * One document per real file: a uri reached through a symbolic link is keyed by its target when
   * the index holds the target itself; undefined when that target is already indexed.
   */
  private keyFor(uri: string, realUri: string | undefined): string | undefined {
    if (realUri === undefined || realUri === uri || !this.tracksReal(realUri)) {
      this.aliases.delete(uri);
      return uri;
    }
    this.aliases.set(uri, realUri);
    this.model.remove(uri);
    return this.model.has(realUri) ? undefined : realUri;
  }

  private tracksReal(uri: string): boolean {
    const relative = this.source.relativePath(uri);
    return relative !== undefined && this.filter.matches(relative);
  }

  private skip(uri: string, reason: string, size: number): void {
    this.log.info(`not parsed: ${this.describe(uri)}: ${reason}`);
    this.model.set(skippedSummary(uri, `not parsed: ${reason}`, size));
  }

  private describe(uri: string): string {
    return this.source.relativePath(uri) ?? uri;
  }

  private notify(): void {
    if (this.isDisposed) return;
    this.notifier.trigger('change', () => this.changeEmitter.fire());
  }
}

/** The debouncer key of deleted folders; never a uri. */
const DELETED_FOLDERS = '\u0000deleted folders';

/** The settings that change what the index holds; other settings leave it as it is. */
export function indexKey(config: CoordinatorConfig): string {
  const { specGlob, exclude, referencePrefixes, idFields, matchFileNames, idPrefix, maxFileSize, templatePath, checklistSection } = config;
  return JSON.stringify([specGlob, exclude, referencePrefixes, idFields, matchFileNames, idPrefix, maxFileSize, templatePath, checklistSection]);
}

function untilCancelled(promise: Promise<void>, token: ReadyToken): Promise<void> {
  if (!token.onCancellationRequested) return promise;
  let subscription: IDisposable | undefined;
  const cancelled = new Promise<void>((resolve) => {
    subscription = token.onCancellationRequested?.(() => resolve());
  });
  return Promise.race([promise, cancelled]).finally(() => subscription?.dispose());
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
