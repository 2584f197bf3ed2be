import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, MARKDOWN_LANGUAGE } from '../constants';
import { isLintTarget, lintWithIndex, type Finding } from '../core/lint';
import { parseDocumentText, type ParsedDocument } from '../core/parse';
import { formatLocalDate } from '../core/template';
import { toVsRange } from './convert';
import type { Services } from './services';

/** The Problems view lists at most this many of one file's findings. */
const MAX_DIAGNOSTICS_PER_FILE = 1000;

const LINT_DEBOUNCE_MS = 250;

const SEVERITIES: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * The spec checks in the Problems view: open specs as the user types (debounced per document),
 * and with `techSpec.diagnostics.scope: workspace`, every spec the index knows.
 */
export class SpecDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** Findings by uri, with the document version they were made for: code actions read them. */
  private readonly findings = new Map<string, { version: number | undefined; findings: Finding[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
      vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.scope() === 'open') this.forget(document.uri);
      }),
      services.configuration.onDidChange(() => {
        services.templates.clear();
        this.relintAll();
      }),
      services.index.model.onDidChange((change) => {
        if (this.scope() !== 'workspace') return;
        for (const uri of change.upserted) this.scheduleUri(vscode.Uri.parse(uri));
        for (const uri of change.removed) this.forget(vscode.Uri.parse(uri));
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  private scope(): 'open' | 'workspace' {
    return this.services.configuration.config.diagnosticsScope;
  }

  /** Findings for the document's current version, linting now when the last run is stale. */
  async findingsFor(document: vscode.TextDocument): Promise<Finding[]> {
    const entry = this.findings.get(document.uri.toString());
    if (entry && entry.version === document.version) return entry.findings;
    await this.lint(document.uri);
    const fresh = this.findings.get(document.uri.toString());
    return fresh && fresh.version === document.version ? fresh.findings : [];
  }

  /** Re-lints everything in scope: after a settings change, or when the scope widens. */
  relintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
    if (this.scope() === 'workspace') {
      void this.services.index.ready().then(() => {
        for (const summary of this.services.index.model.all()) this.scheduleUri(vscode.Uri.parse(summary.uri));
      });
    } else {
      const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
      this.collection.forEach((uri) => {
        if (!open.has(uri.toString())) this.forget(uri);
      });
    }
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== MARKDOWN_LANGUAGE || document.uri.scheme === 'output') return;
    this.scheduleUri(document.uri);
  }

  private scheduleUri(uri: vscode.Uri): void {
    const key = uri.toString();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(uri).catch((error: unknown) => this.services.log.error(`checks failed for ${key}: ${errorText(error)}`));
      }, LINT_DEBOUNCE_MS),
    );
  }

  /** Lints one file now: open editor text first, else disk. Tests call this through the API. */
  async lint(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
    let parsed: ParsedDocument | undefined;
    if (document) {
      parsed = this.services.parseCache.get(document);
    } else if (this.scope() === 'workspace') {
      const text = await this.services.index.readText(uri);
      parsed = text === undefined ? undefined : parseDocumentText(text);
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const config = this.services.configuration.forFolder(folder);
    if (!parsed || !isLintTarget(vscode.workspace.asRelativePath(uri, false), parsed, config)) {
      this.forget(uri);
      return [];
    }
    const version = document?.version;
    await this.services.index.ready();
    const template = await this.services.templates.model(folder, config);
    // The text may have moved on while we waited: a newer run will report for it.
    if (document && document.version !== version) return this.collection.get(uri) ?? [];
    const findings = lintWithIndex(key, parsed, template, config, this.services.index.model, formatLocalDate(new Date()));
    this.findings.set(key, { version, findings });
    // Past a point, more squiggles help nobody and slow the Problems view: say how many are left out.
    const shown = findings.length > MAX_DIAGNOSTICS_PER_FILE ? findings.slice(0, MAX_DIAGNOSTICS_PER_FILE) : findings;
    const diagnostics = shown.map((finding) => {
      const diagnostic = new vscode.Diagnostic(toVsRange(finding.range), finding.message, SEVERITIES[finding.severity]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = finding.code;
      return diagnostic;
    });
    // Read from disk with invalid bytes replaced: say so, or a save from elsewhere could keep the U+FFFDs.
    const warning = document ? undefined : this.services.index.model.get(key)?.warning;
    if (warning) {
      const unclean = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `The file is ${warning}.`, vscode.DiagnosticSeverity.Information);
      unclean.source = DIAGNOSTIC_SOURCE;
      diagnostics.push(unclean);
    }
    if (shown.length < findings.length) {
      const more = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        `${findings.length - shown.length} more Tech Spec problems in this file are not shown; \`npx techspec lint\` lists them all.`,
        vscode.DiagnosticSeverity.Information,
      );
      more.source = DIAGNOSTIC_SOURCE;
      diagnostics.push(more);
    }
    this.collection.set(uri, diagnostics);
    return diagnostics;
  }

  private forget(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.findings.delete(uri.toString());
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
