import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, MARKDOWN_LANGUAGE } from '../constants';
import type { TechSpecConfig } from '../core/config';
import { stringValue } from '../core/frontMatter';
import { lintWithIndex, type Finding, type TemplateModel } from '../core/lint';
import { checkedTypeOf, isSpecType, lintConfigFor, type DocumentType } from '../core/types';
import { parseDocumentText, type ParsedDocument } from '../core/parse';
import type { IndexChange } from '../core/specIndex';
import { formatLocalDate } from '../core/template';
import { detach } from '../core/text';
import { KeyedDebouncer } from '../core/util/debounce';
import { Disposable } from '../core/util/dispose';
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
 * The spec checks in the Problems view, for documents the index tracks only (not `git:` mirrors,
 * not the template, not output): open specs as the user types (debounced per document), and with
 * `techSpec.diagnostics.scope: workspace`, every spec, checked with the parse the index makes as it
 * reads each file (no parsed copy of the workspace is kept). Findings that depend on other files
 * (unknown references, duplicate ids) are checked again when the owners of their ids change.
 */
export class SpecDiagnostics extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
  /** Findings of open documents, with the version they were made for: code actions read them. */
  private readonly findings = new Map<string, { version: number | undefined; findings: Finding[] }>();
  private readonly debouncer = this._register(new KeyedDebouncer<string>(LINT_DEBOUNCE_MS));
  /** Id → uris of checked documents whose findings depend on who owns that id. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly dependencies = new Map<string, readonly string[]>();
  /** Template models already loaded, by folder, so a lent parse is checked at once. */
  private readonly templates = new Map<string, TemplateModel>();
  private rulesKey: string;

  constructor(private readonly services: Services) {
    super();
    this.rulesKey = rulesKey(services.configuration.config);
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && this.schedule(event.document)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.findings.delete(document.uri.toString());
        // In workspace scope the index reads the file from disk again and it is checked then.
        if (this.scope() === 'open') this.forget(document.uri);
      }),
    );
    this._register(
      services.configuration.onDidChange((config) => {
        const key = rulesKey(config);
        if (key === this.rulesKey) return;
        this.rulesKey = key;
        services.templates.clear();
        this.templates.clear();
        this.relintAll();
      }),
    );
    this._register(vscode.workspace.onDidSaveTextDocument(() => this.templates.clear()));
    this._register(services.index.onDidParse(({ uri, parsed }) => this.onIndexParse(uri, parsed)));
    this._register(services.index.model.onDidChange((change) => this.onIndexChange(change)));
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

  /** Re-lints everything in scope: after a change of rules, or when the scope widens. */
  relintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
    if (this.scope() === 'workspace') {
      // The index reads every file again and lends each parse to onIndexParse.
      const index = this.services.index;
      const pass = index.isBuilt ? index.refresh() : index.ready();
      void pass.catch((error: unknown) => this.services.log.error(`checking the workspace failed: ${errorText(error)}`));
    } else {
      const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
      this.collection.forEach((uri) => {
        if (!open.has(uri.toString())) this.forget(uri);
      });
    }
  }

  private schedule(document: vscode.TextDocument): void {
    if (!this.checks(document)) return;
    this.scheduleUri(document.uri);
  }

  private scheduleUri(uri: vscode.Uri): void {
    const key = uri.toString();
    this.debouncer.trigger(key, () => {
      void this.lint(uri).catch((error: unknown) => this.services.log.error(`checks failed for ${key}: ${errorText(error)}`));
    });
  }

  /** Workspace scope: checks a closed file with the parse the index just made of it. */
  private onIndexParse(uri: string, parsed: ParsedDocument): void {
    if (this.scope() !== 'workspace' || this.isOpen(uri)) return;
    const target = vscode.Uri.parse(uri);
    const folder = vscode.workspace.getWorkspaceFolder(target);
    const type = checkedTypeOf(vscode.workspace.asRelativePath(target, false), parsed, this.services.configuration.forFolder(folder));
    if (!type) return this.forget(target);
    const template = isSpecType(type) ? this.templates.get(folder?.uri.toString() ?? '') : undefined;
    if (!isSpecType(type)) {
      // Another type's template is read per type: check it through the full path.
      this.scheduleUri(target);
      return;
    }
    if (template) {
      this.report(target, parsed, template, undefined);
      return;
    }
    // The template is still loading (the first files of the first build): check these again once it is there.
    void this.templateFor(target).then(() => this.scheduleUri(target), (error: unknown) => this.services.log.error(`could not load the template: ${errorText(error)}`));
  }

  /** The owners of some ids changed: check again the documents whose findings depend on them. */
  private onIndexChange(change: IndexChange): void {
    if (this.scope() === 'workspace') for (const uri of change.removed) if (!this.isOpen(uri)) this.forget(vscode.Uri.parse(uri));
    const affected = new Set<string>();
    for (const id of change.ids) for (const uri of this.dependents.get(id) ?? []) affected.add(uri);
    for (const uri of affected) {
      if (change.upserted.includes(uri)) continue;
      if (this.isOpen(uri)) this.scheduleUri(vscode.Uri.parse(uri));
      // A closed file: the index reads and parses it again, and lends the parse to onIndexParse.
      else if (this.scope() === 'workspace') this.debouncer.trigger(uri, () => void this.services.index.refreshFile(vscode.Uri.parse(uri)));
    }
  }

  /** Specs the index tracks, and new untitled Markdown (a spec before its first save); no mirrors, no template. */
  private checks(document: vscode.TextDocument): boolean {
    if (document.uri.scheme === 'untitled') return document.languageId === MARKDOWN_LANGUAGE;
    return this.services.index.tracks(document);
  }

  /** Lints one file now: open editor text first, else disk (workspace scope). Tests call this through the API. */
  async lint(uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
    if (document ? !this.checks(document) : !this.services.index.coordinator.tracks(key)) {
      this.forget(uri);
      return [];
    }
    let parsed: ParsedDocument | undefined;
    if (document) {
      parsed = this.services.parseCache.get(document);
    } else if (this.scope() === 'workspace') {
      const text = await this.services.index.readText(uri);
      parsed = text === undefined ? undefined : parseDocumentText(text);
    }
    if (!parsed) {
      this.forget(uri);
      return [];
    }
    const version = document?.version;
    await this.services.index.ready();
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const type = checkedTypeOf(vscode.workspace.asRelativePath(uri, false), parsed, this.services.configuration.forFolder(folder));
    if (!type) {
      this.forget(uri);
      return [];
    }
    const template = isSpecType(type) ? await this.templateFor(uri) : await this.services.templates.typeModel(folder, this.services.configuration.forFolder(folder), type);
    // The text may have moved on while we waited: a newer run will report for it.
    if (document && document.version !== version) return this.collection.get(uri) ?? [];
    if (!template) {
      this.forget(uri);
      return [];
    }
    return this.report(uri, parsed, template, document);
  }

  private async templateFor(uri: vscode.Uri): Promise<TemplateModel> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const config = this.services.configuration.forFolder(folder);
    const template = await this.services.templates.model(folder, config);
    this.templates.set(folder?.uri.toString() ?? '', template);
    return template;
  }

  /** Checks a parse and shows the result; keeps findings only for open documents. */
  private report(uri: vscode.Uri, parsed: ParsedDocument, template: TemplateModel, document: vscode.TextDocument | undefined): readonly vscode.Diagnostic[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const config = this.services.configuration.forFolder(folder);
    const type: DocumentType | undefined = checkedTypeOf(vscode.workspace.asRelativePath(uri, false), parsed, config);
    if (!type) {
      this.forget(uri);
      return [];
    }
    const key = uri.toString();
    // A file reached through a symbolic link is checked as the file it points to: no duplicate of itself.
    const indexKey = this.services.index.canonicalUri(uri);
    const findings = lintWithIndex(indexKey, parsed, template, lintConfigFor(config, type), this.services.index.model, formatLocalDate(new Date()));
    this.remember(key, dependencyIds(parsed, config, type.idField));
    if (document) this.findings.set(key, { version: document.version, findings });
    const diagnostics = toDiagnostics(findings, document ? undefined : this.services.index.model.get(indexKey)?.warning);
    this.collection.set(uri, diagnostics);
    return diagnostics;
  }

  private remember(uri: string, ids: readonly string[]): void {
    for (const id of this.dependencies.get(uri) ?? []) {
      const set = this.dependents.get(id);
      set?.delete(uri);
      if (set?.size === 0) this.dependents.delete(id);
    }
    this.dependencies.set(uri, ids);
    for (const id of ids) {
      let set = this.dependents.get(id);
      if (!set) this.dependents.set(id, (set = new Set()));
      set.add(uri);
    }
  }

  private isOpen(uri: string): boolean {
    return vscode.workspace.textDocuments.some((document) => !document.isClosed && document.uri.toString() === uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.collection.delete(uri);
    this.findings.delete(key);
    this.remember(key, []);
    this.dependencies.delete(key);
  }
}

/** Ids whose owners decide some findings: the ones cited (unknown reference) and the spec's own (duplicate id). */
function dependencyIds(parsed: ParsedDocument, config: TechSpecConfig, idField: string): string[] {
  const ids = new Set(parsed.references(config.referencePrefixes).map((reference) => reference.id));
  const own = stringValue(parsed.frontMatter.data, idField);
  if (own) ids.add(own.trim());
  return [...ids];
}

function toDiagnostics(findings: readonly Finding[], warning: string | undefined): vscode.Diagnostic[] {
  // Past a point, more squiggles help nobody and slow the Problems view: say how many are left out.
  const shown = findings.length > MAX_DIAGNOSTICS_PER_FILE ? findings.slice(0, MAX_DIAGNOSTICS_PER_FILE) : findings;
  const diagnostics = shown.map((finding) => {
    // A copy: a message built from a slice of the file would otherwise keep the whole file text alive.
    const diagnostic = new vscode.Diagnostic(toVsRange(finding.range), detach(finding.message), SEVERITIES[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = finding.code;
    return diagnostic;
  });
  // Read from disk with invalid bytes replaced: say so, or a save from elsewhere could keep the U+FFFDs.
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
  return diagnostics;
}

/** The settings that change what the checks report; others (the tree's, say) leave findings as they are. */
function rulesKey(config: TechSpecConfig): string {
  const { statuses, idPrefix, referencePrefixes, referenceUrls, rules, staleAfterDays, idFields, specsFolder, templatePath, diagnosticsScope, specGlob, exclude, matchFileNames, maxFileSize, documentTypes } = config;
  return JSON.stringify([statuses, idPrefix, referencePrefixes, referenceUrls, rules, staleAfterDays, idFields, specsFolder, templatePath, diagnosticsScope, specGlob, exclude, matchFileNames, maxFileSize, documentTypes]);
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
