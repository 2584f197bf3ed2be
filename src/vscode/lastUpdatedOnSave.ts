// techSpec.lastUpdated.onSave: a save that changed a spec's body sets its last_updated to today, in that same save.
import * as vscode from 'vscode';
import type { TechSpecConfig } from '../core/config';
import { decodeText } from '../core/encoding';
import { bodyFingerprint, lastUpdatedStamp } from '../core/lifecycle/lastUpdatedOnSave';
import { formatLocalDate } from '../core/template';
import { checkedTypeOf } from '../core/types';
import { Disposable } from '../core/util/dispose';
import type { Services } from './services';

/** `clock` is the real one but for tests of the adapter; the date is the local day, as New Tech Spec writes it. */
export function registerLastUpdatedOnSave(services: Services, clock: () => Date = () => new Date()): vscode.Disposable {
  return new LastUpdatedOnSave(services, clock);
}

/**
 * Remembers each open spec's body as last saved, and gives a save whose body differs the
 * `last_updated` edit. Every save reason counts: a manual save, and auto-save after a delay or on
 * focus change, all write the user's content to disk; the stamp changes one value of the front
 * matter, at most once a day per spec, so it does not fight with typing.
 *
 * The save itself does no I/O: VS Code aborts the extensions' save participants after 1.75 s, and
 * stops calling a listener that is late or fails three times. Reading the file is done beforehand, where the open text is not the saved one: a
 * document opened with unsaved changes (restored from a backup), and one whose text changed while
 * it was clean (a reload after `git pull`, or the user's first edit: the host says dirty only after).
 */
class LastUpdatedOnSave extends Disposable {
  /** uri → bodyFingerprint of the text as last saved. */
  private readonly saved = new Map<string, string>();
  /** uri → count of what was remembered: a read of the disk lands only if nothing newer did. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly services: Services,
    private readonly clock: () => Date,
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.remember(document)));
    this._register(vscode.workspace.onDidSaveTextDocument((document) => this.remember(document)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && !event.document.isDirty && this.rememberDisk(event.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())));
    this._register(vscode.workspace.onWillSaveTextDocument((event) => this.onWillSave(event)));
    for (const document of vscode.workspace.textDocuments) this.remember(document);
  }

  private remember(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.nextGeneration(key);
    if (!this.applies(document)) this.forget(key);
    else if (document.isDirty) this.rememberDisk(document);
    else this.saved.set(key, bodyFingerprint(document.getText()));
  }

  /** The body as saved on disk, read in the background; until then the last one remembered stands. */
  private rememberDisk(document: vscode.TextDocument): void {
    if (!this.applies(document)) return;
    const key = document.uri.toString();
    const generation = this.nextGeneration(key);
    vscode.workspace.fs.readFile(document.uri).then(
      (bytes) => {
        const decoded = decodeText(bytes);
        if (decoded.ok && this.generations.get(key) === generation && !document.isClosed && !this.isDisposed) this.saved.set(key, bodyFingerprint(decoded.text));
      },
      (error: unknown) => this.services.log.trace(`last_updated on save: could not read ${vscode.workspace.asRelativePath(document.uri)}: ${String(error)}`),
    );
  }

  private nextGeneration(key: string): number {
    const next = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, next);
    return next;
  }

  private forget(key: string): void {
    this.saved.delete(key);
    this.generations.delete(key);
  }

  private onWillSave(event: vscode.TextDocumentWillSaveEvent): void {
    const { document } = event;
    const mode = this.configFor(document).lastUpdatedOnSave;
    if (mode === 'off' || !this.applies(document) || !this.isChecked(document)) return;
    const today = formatLocalDate(this.clock());
    const stamp = lastUpdatedStamp({ mode, savedFingerprint: this.saved.get(document.uri.toString()), text: document.getText(), today });
    if (stamp.kind !== 'stamp') return;
    const range = new vscode.Range(document.positionAt(stamp.edit.start), document.positionAt(stamp.edit.end));
    // waitUntil must be called while the event is being handled: the edit is ready, so it is.
    event.waitUntil(Promise.resolve([vscode.TextEdit.replace(range, stamp.edit.newText)]));
    this.services.log.trace(`${vscode.workspace.asRelativePath(document.uri)}: last_updated ${stamp.from || '(empty)'} → ${today} on save`);
  }

  /** Markdown the index tracks (spec glob, not excluded, not the template), not too large to read. */
  private applies(document: vscode.TextDocument): boolean {
    if (!this.services.index.tracks(document)) return false;
    return document.getText().length <= this.configFor(document).maxFileSize;
  }

  /** A spec, or a document of a type that is checked: the files whose front matter the extension keeps. */
  private isChecked(document: vscode.TextDocument): boolean {
    const relative = vscode.workspace.asRelativePath(document.uri, false);
    return checkedTypeOf(relative, this.services.parseCache.get(document), this.configFor(document)) !== undefined;
  }

  private configFor(document: vscode.TextDocument): TechSpecConfig {
    return this.services.configuration.forFolder(vscode.workspace.getWorkspaceFolder(document.uri));
  }
}
