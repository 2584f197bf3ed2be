import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, MARKDOWN_LANGUAGE } from '../constants';
import { fixFor, type Finding, type Fix, type FixContext } from '../core/lint';
import type { TechSpecConfig } from '../core/config';
import { parseFrontMatter } from '../core/frontMatter';
import { nextFreeId } from '../core/ids';
import { formatLocalDate } from '../core/template';
import { toVsRange } from './convert';
import type { SpecDiagnostics } from './diagnostics';
import type { Services } from './services';

/** Quick fixes for the spec checks, and a Fix All that applies every safe one as a single edit. */
export function registerQuickFixes(services: Services, diagnostics: SpecDiagnostics): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context, token) {
      const findings = await diagnostics.findingsFor(document);
      if (token.isCancellationRequested || findings.length === 0) return undefined;
      const fixContext = await fixContextFor(services, document, findings);
      if (token.isCancellationRequested) return undefined;
      const actions: vscode.CodeAction[] = [];
      const wantsQuickFix = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(context.only);
      if (wantsQuickFix) {
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          const finding = findings.find((candidate) => candidate.code === diagnostic.code && toVsRange(candidate.range).isEqual(diagnostic.range));
          const fix = finding && fixFor(finding, fixContext);
          if (!fix) continue;
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.command = applyFixCommand(document, [fix]);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
        }
      }
      const fixable = fixesFor(findings, fixContext);
      const wantsFixAll = !context.only || context.only.contains(vscode.CodeActionKind.SourceFixAll) || vscode.CodeActionKind.SourceFixAll.contains(context.only);
      if (fixable.length > 1 && (wantsFixAll || wantsQuickFix)) {
        const kind = wantsFixAll && context.only ? vscode.CodeActionKind.SourceFixAll.append('techspec') : vscode.CodeActionKind.QuickFix;
        const action = new vscode.CodeAction(`Fix all Tech Spec problems in this file (${fixable.length})`, kind);
        action.command = applyFixCommand(document, fixable);
        actions.push(action);
      }
      return actions;
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider({ language: MARKDOWN_LANGUAGE }, provider, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.SourceFixAll.append('techspec')],
    }),
    vscode.commands.registerCommand(Commands.fixAll, async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) return false;
      const version = document.version;
      const findings = await diagnostics.findingsFor(document);
      const fixes = fixesFor(findings, await fixContextFor(services, document, findings));
      if (fixes.length === 0) {
        void vscode.window.showInformationMessage('Tech Spec: nothing to fix automatically in this file.');
        return false;
      }
      // The fixes were computed for one version of the text: if it moved meanwhile, drop them.
      if (document.version !== version) {
        void vscode.window.showWarningMessage('Tech Spec: the file changed while the fixes were computed; nothing was applied. Run Fix All again.');
        return false;
      }
      return vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, fixes));
    }),
    vscode.commands.registerCommand(Commands.applyFix, (uri: string, version: number, fixes: readonly Fix[]) => applyIfCurrent(uri, version, fixes)),
  );
}

/**
 * A code action carries a command rather than an edit: VS Code would apply an edit at its old
 * offsets even after the text moved, while the command checks the version first.
 */
function applyFixCommand(document: vscode.TextDocument, fixes: readonly Fix[]): vscode.Command {
  return { command: Commands.applyFix, title: fixes.length === 1 ? fixes[0]!.title : 'Fix all', arguments: [document.uri.toString(), document.version, fixes] };
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
  return {
    keyOrder: await templateKeyOrder(services, folder, config),
    author,
    parsed: services.parseCache.get(document),
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
