// A warning on the spec index file while its table is out of date (the quick fix is in specIndexQuickFix.ts).
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../constants';
import { INDEX_END, INDEX_START } from '../core/render/specIndexTable';
import { Disposable } from '../core/util/dispose';
import type { Services } from './services';
import { indexFileState, indexFileUri } from './specIndexFile';

export const INDEX_STALE_CODE = 'index-stale';
const CHECK_DELAY_MS = 300;

export class SpecIndexDiagnostics extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-index`));
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly checkedEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires after each check, so tests can wait for a result instead of a delay. */
  readonly onDidCheck = this.checkedEmitter.event;

  constructor(private readonly services: Services) {
    super();
    this._register(services.index.onDidChange(() => this.schedule()));
    this._register(services.configuration.onDidChange(() => this.schedule()));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.isIndexFile(event.document.uri) && this.schedule()));
    this._register(
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (!this.isIndexFile(document.uri)) return;
        // Opening the index file is a need for the index: build it, then check.
        void services.index.ready().then(() => this.schedule(), (error: unknown) => services.log.warn(`spec index check: ${String(error)}`));
      }),
    );
    this._register({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  private isIndexFile(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder !== undefined && indexFileUri(this.services, folder)?.toString() === uri.toString();
  }

  private schedule(): void {
    if (this.isDisposed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check().then(
        () => this.checkedEmitter.fire(),
        (error: unknown) => this.services.log.warn(`spec index check failed: ${String(error)}`),
      );
    }, CHECK_DELAY_MS);
  }

  private async check(): Promise<void> {
    if (!this.services.index.isBuilt) return;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = indexFileUri(this.services, folder);
      if (!uri) continue;
      let diagnostics: vscode.Diagnostic[] = [];
      try {
        const state = await indexFileState(this.services, folder);
        if (this.isDisposed) return;
        // A file without markers has not asked for an index; a missing file has nothing to mark.
        if (state?.current !== undefined && state.spliced.hadMarkers && state.spliced.changed) diagnostics = [staleDiagnostic(state.current)];
      } catch {
        // Broken markers: `Update Spec Index` says what is wrong when run; no warning here.
      }
      this.collection.set(uri, diagnostics);
    }
  }
}

function staleDiagnostic(text: string): vscode.Diagnostic {
  const lines = text.split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => line.includes(INDEX_START));
  const end = lines.findIndex((line, index) => index >= start && line.includes(INDEX_END));
  const range = new vscode.Range(start, 0, Math.max(start, end), lines[Math.max(start, end)]?.length ?? 0);
  const diagnostic = new vscode.Diagnostic(range, 'The spec index is out of date: run Tech Spec: Update Spec Index.', vscode.DiagnosticSeverity.Warning);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = INDEX_STALE_CODE;
  return diagnostic;
}
