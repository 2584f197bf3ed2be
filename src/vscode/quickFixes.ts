import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_CODE_ACTION_KIND, MARKDOWN_LANGUAGE } from '../constants';
import { findingFor, fixFor, type Finding, type Fix, type FixContext } from '../core/lint';
import type { TechSpecConfig } from '../core/config';
import { parseFrontMatter } from '../core/frontMatter';
import { nextFreeId } from '../core/ids';
import { formatLocalDate } from '../core/template';
import { fromVsRange, toVsRange } from './convert';
import type { SpecDiagnostics } from './diagnostics';
import { reapproveAction } from './approveCommand';
import { renumberAction } from './renumberCommand';
import { checkedTypeOf, isSpecType } from '../core/types';
import type { Services } from './services';

/** Fix All is a source action (Source Action…, `editor.codeActionsOnSave`), never a light bulb. */
export const FIX_ALL_KIND = vscode.CodeActionKind.Empty.append(FIX_ALL_CODE_ACTION_KIND);

/** What `techSpec.fixAll` accepts: a Uri, a uri string, or an object with one (a tree item, `{ uri }`). */
export type FixAllTarget = vscode.Uri | string | { readonly uri: vscode.Uri | string } | undefined;

/** Quick fixes for the spec checks, one per diagnostic, and a Fix All that applies every safe one as a single edit. */
export function registerQuickFixes(services: Services, diagnostics: SpecDiagnostics): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context, token) {
      // Read once: every action offered is for this text, and none if it moves meanwhile.
      const version = document.version;
      const wantsQuickFix = wants(context.only, vscode.CodeActionKind.QuickFix);
      const wantsFixAll = context.only !== undefined && wants(context.only, FIX_ALL_KIND);
      const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
      if (!wantsFixAll && (!wantsQuickFix || ours.length === 0)) return undefined;
      const findings = await diagnostics.findingsFor(document);
      if (token.isCancellationRequested || document.version !== version || findings.length === 0) return undefined;
      const fixContext = await fixContextFor(services, document, findings);
      if (token.isCancellationRequested || document.version !== version) return undefined;
      const actions: vscode.CodeAction[] = [];
      if (wantsQuickFix) {
        for (const diagnostic of ours) {
          const finding = findingFor(findings, { code: codeOf(diagnostic), message: diagnostic.message, range: fromVsRange(diagnostic.range) });
          if (finding?.fix?.kind === 'renumberId') {
            // Renumbering also renames the file: a command, not the text-only fix.
            const renumber = await renumberAction(services, document, diagnostic);
            if (token.isCancellationRequested) return undefined;
            if (renumber) actions.push(renumber);
            continue;
          }
          if (finding?.fix?.kind === 'removeStaleApprovals' || finding?.fix?.kind === 'reapprove') actions.push(reapproveAction(document, diagnostic));
          const fix = finding && fixFor(finding, fixContext);
          if (!fix) continue;
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.command = applyFixCommand(document.uri, version, [fix]);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
        }
      }
      if (wantsFixAll) {
        const fixable = fixesFor(findings, fixContext);
        if (fixable.length > 0) {
          const action = new vscode.CodeAction(`Fix all Tech Spec problems in this file (${fixable.length})`, FIX_ALL_KIND);
          action.command = applyFixCommand(document.uri, version, fixable);
          actions.push(action);
        }
      }
      return document.version === version ? actions : undefined;
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider({ language: MARKDOWN_LANGUAGE }, provider, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
    }),
    vscode.commands.registerCommand(Commands.fixAll, (target?: FixAllTarget) => fixAll(services, diagnostics, target)),
    vscode.commands.registerCommand(Commands.applyFix, (uri: string, version: number, fixes: readonly Fix[]) => applyIfCurrent(uri, version, fixes)),
  );
}

function wants(only: vscode.CodeActionKind | undefined, kind: vscode.CodeActionKind): boolean {
  return !only || only.contains(kind) || kind.contains(only);
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/** Fix All from the palette (the active editor) or the view (a spec's item): true when an edit was applied. */
async function fixAll(services: Services, diagnostics: SpecDiagnostics, target: FixAllTarget): Promise<boolean> {
  const uri = targetUri(target);
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) return false;
  const version = document.version;
  const findings = await diagnostics.findingsFor(document);
  const fixes = document.version === version ? fixesFor(findings, await fixContextFor(services, document, findings)) : [];
  if (document.version !== version) {
    void vscode.window.showWarningMessage('Tech Spec: the file changed while the fixes were computed; nothing was applied. Run Fix All again.');
    return false;
  }
  if (fixes.length === 0) {
    void vscode.window.showInformationMessage('Tech Spec: nothing to fix automatically in this file.');
    return false;
  }
  return applyIfCurrent(document.uri.toString(), version, fixes);
}

function targetUri(target: FixAllTarget): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string') return vscode.Uri.parse(target);
  if (target && typeof target === 'object' && 'uri' in target) return targetUri(target.uri);
  return undefined;
}

/**
 * A code action carries a command rather than an edit: VS Code would apply an edit at its old
 * offsets even after the text moved, while the command checks the version first.
 */
function applyFixCommand(uri: vscode.Uri, version: number, fixes: readonly Fix[]): vscode.Command {
  return { command: Commands.applyFix, title: fixes.length === 1 ? fixes[0]!.title : 'Fix all', arguments: [uri.toString(), version, fixes] };
}

/** Applies the fixes as one undoable edit if the document is still at the version they were made for. */
async function applyIfCurrent(uri: string, version: number, fixes: readonly Fix[]): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
  if (!document || document.version !== version) {
    void vscode.window.showWarningMessage('Tech Spec: the file changed after this fix was offered, so nothing was applied. Try the fix again.');
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, fixes));
}

async function fixContextFor(services: Services, document: vscode.TextDocument, findings: readonly Finding[]): Promise<FixContext> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const config = services.configuration.forFolder(folder);
  const wantsAuthor = findings.some((finding) => finding.fix?.kind === 'addKey' && finding.fix.key === 'author');
  const author = wantsAuthor ? await services.authors.author(config.author, folder?.uri) : undefined;
  await services.index.ready();
  const parsed = services.parseCache.get(document);
  // A document of another type is fixed from its own template, statuses and ids.
  const type = checkedTypeOf(vscode.workspace.asRelativePath(document.uri, false), parsed, config);
  if (type && !isSpecType(type)) {
    const template = await services.templates.typeModel(folder, config, type);
    const text = await services.templates.typeText(folder, config, type).catch(() => undefined);
    const keys = text === undefined ? [] : parseFrontMatter(text).fields.map((field) => field.key);
    if (template) {
      return {
        keyOrder: keys.length > 0 ? keys : undefined,
        author,
        parsed,
        template,
        today: formatLocalDate(new Date()),
        statuses: type.statuses,
        nextFreeId: nextFreeId(services.index.model.knownIds(type.prefix), type.prefix, type.idDigits),
      };
    }
  }
  return {
    keyOrder: await templateKeyOrder(services, folder, config),
    author,
    parsed,
    template: await services.templates.model(folder, config),
    today: formatLocalDate(new Date()),
    statuses: config.statuses,
    nextFreeId: nextFreeId(services.index.model.knownIds(config.idPrefix), config.idPrefix, config.idDigits),
  };
}

/** The template's front-matter keys in its order, so a missing key goes where the template puts it. */
async function templateKeyOrder(services: Services, folder: vscode.WorkspaceFolder | undefined, config: TechSpecConfig): Promise<string[] | undefined> {
  const text = await services.templates.text(folder, config).catch(() => undefined);
  const keys = text === undefined ? [] : parseFrontMatter(text).fields.map((field) => field.key);
  return keys.length > 0 ? keys : undefined;
}

/** Every fix whose edits do not overlap an earlier one's, so one edit applies them all. */
function fixesFor(findings: readonly Finding[], context: FixContext): Fix[] {
  const taken: vscode.Range[] = [];
  const fixes: Fix[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    // Approvals are records of people's decisions: dropping them is never part of fixing a file in bulk.
    if (finding.fix?.kind === 'removeStaleApprovals') continue;
    const fix = fixFor(finding, context);
    if (!fix || seen.has(fix.title)) continue;
    const ranges = fix.edits.map((edit) => toVsRange(edit.range));
    if (ranges.some((range) => taken.some((other) => !range.isEmpty && !other.isEmpty && range.intersection(other) !== undefined && !range.intersection(other)!.isEmpty))) continue;
    seen.add(fix.title);
    taken.push(...ranges);
    fixes.push(fix);
  }
  return fixes;
}

function toWorkspaceEdit(uri: vscode.Uri, fixes: readonly Fix[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const fix of fixes) for (const change of fix.edits) edit.replace(uri, toVsRange(change.range), change.newText);
  return edit;
}
