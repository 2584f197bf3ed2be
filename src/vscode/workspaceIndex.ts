import * as vscode from 'vscode';
import { decodeText } from '../core/encoding';
import type { SpecIndex } from '../core/specIndex';
import { Disposable } from '../core/util/dispose';
import type { Event } from '../core/util/event';
import type { Logger } from '../core/util/log';
import { IndexCoordinator, type BuildReport, type ParsedFile } from '../core/workspace/indexCoordinator';
import { MARKDOWN_LANGUAGE } from '../constants';
import type { ConfigurationService } from './configuration';
import { VscodeFileSource } from './fileSource';
import type { LocalFiles } from './localFiles';

/**
 * The workspace's spec index in the editor: the core IndexCoordinator over the editor's files
 * (VscodeFileSource), re-configured when `techSpec.*` changes, with a progress indicator while
 * the first build runs. The Node host passes direct disk reads (LocalFiles); the browser reads
 * everything through vscode.workspace.fs.
 */
export class WorkspaceIndex extends Disposable {
  readonly source: VscodeFileSource;
  readonly coordinator: IndexCoordinator;
  /** Fires after changes, coalesced. */
  readonly onDidChange: Event<void>;
  /** Fires as each readable file is parsed for the index. */
  readonly onDidParse: Event<ParsedFile>;
  /** Fires when a build completes. */
  readonly onDidBuild: Event<BuildReport>;

  constructor(
    private readonly configuration: ConfigurationService,
    log: Logger,
    localFiles?: LocalFiles,
  ) {
    super();
    this.source = new VscodeFileSource(localFiles);
    this.coordinator = this._register(new IndexCoordinator(this.source, configuration.config, { log }));
    this.onDidChange = this.coordinator.onDidChange;
    this.onDidParse = this.coordinator.onDidParse;
    this.onDidBuild = this.coordinator.onDidBuild;
    this._register(configuration.onDidChange((config) => this.coordinator.reconfigure(config)));
  }

  get model(): SpecIndex {
    return this.coordinator.model;
  }

  get isBuilt(): boolean {
    return this.coordinator.isBuilt;
  }

  /** How the last full build went: the host benchmark reports it. */
  get lastBuild(): BuildReport | undefined {
    return this.coordinator.lastBuild;
  }

  /** Builds the index on first call; resolves once the build for the current settings is complete. */
  ready(token?: vscode.CancellationToken): Promise<void> {
    if (this.coordinator.isBuilt) return Promise.resolve();
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Tech Spec: indexing specs' }, () => this.coordinator.ready(token)),
    );
  }

  /** Reads every file again (the view's Refresh). */
  async refresh(): Promise<void> {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Tech Spec: indexing specs' }, () => this.coordinator.refresh());
  }

  /** Re-reads one file now: open editor text first, then disk. */
  async refreshFile(uri: vscode.Uri): Promise<void> {
    await this.coordinator.refreshFile(uri.toString());
  }

  /** Whether a document belongs in the index: Markdown in a workspace folder, matched by the glob, not excluded, not the template. */
  tracks(document: vscode.TextDocument): boolean {
    return document.languageId === MARKDOWN_LANGUAGE && this.coordinator.tracks(document.uri.toString());
  }

  /** The uri under which the index keeps a document: the real file for one reached through a symbolic link. */
  canonicalUri(uri: vscode.Uri): string {
    return this.coordinator.canonicalUri(uri.toString());
  }

  /** Text of a file as the user sees it: the open editor's, else disk's. */
  async readText(uri: vscode.Uri): Promise<string | undefined> {
    const content = await this.source.read(uri.toString(), this.configuration.config.maxFileSize);
    if (!content || content.kind === 'tooLarge') return undefined;
    if (content.kind === 'text') return content.text;
    const decoded = decodeText(content.bytes);
    return decoded.ok ? decoded.text : undefined;
  }
}
