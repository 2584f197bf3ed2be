import * as vscode from 'vscode';
import { Commands, MARKDOWN_LANGUAGE } from '../constants';
import { specLenses, type LensFacts, type SpecLens } from '../core/lifecycle/lenses';
import type { SpecIndex } from '../core/specIndex';
import type { Services } from './services';

/**
 * Code lenses on a spec (setting `techSpec.codeLens.enabled`): who cites it, the state of the
 * documents it builds on, where its status may go, checklist progress and approvals. The titles
 * come from src/core/lifecycle/lenses, which makes file text safe for them.
 */
export function registerCodeLenses(services: Services): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(document, token) {
      const config = services.configuration.forFolder(vscode.workspace.getWorkspaceFolder(document.uri));
      if (!config.codeLensEnabled) return [];
      const parsed = services.parseCache.get(document);
      if (!parsed.frontMatter.data || !Object.prototype.hasOwnProperty.call(parsed.frontMatter.data, 'tech_spec_id')) return [];
      await services.index.ready(token);
      if (token.isCancellationRequested) return [];
      const self = document.uri.scheme === 'untitled' ? document.uri.toString() : services.index.canonicalUri(document.uri);
      const lenses = specLenses(parsed, lensFacts(services.index.model, self), { transitions: config.lifecycle.transitions, checklistSection: config.checklistSection });
      return lenses.map((lens) => toCodeLens(lens, document));
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider({ language: MARKDOWN_LANGUAGE }, provider),
    services.configuration.onDidChange(() => changed.fire()),
    services.index.onDidChange(() => changed.fire()),
  );
}

function lensFacts(index: SpecIndex, self: string): LensFacts {
  return {
    citingCount: (id) => index.citing(id).filter((summary) => summary.uri !== self && !summary.ownedIds.includes(id)).length,
    document: (id) => index.owner(id),
  };
}

function toCodeLens(lens: SpecLens, document: vscode.TextDocument): vscode.CodeLens {
  const range = new vscode.Range(lens.line, 0, lens.line, 0);
  switch (lens.kind) {
    case 'references':
      // VS Code's own command: the peek view of the references, from the id's position.
      return new vscode.CodeLens(range, { title: lens.title, command: 'editor.action.findReferences', arguments: [document.uri, new vscode.Position(lens.line, lens.character)] });
    case 'linked':
      return new vscode.CodeLens(range, lens.uri ? { title: lens.title, command: 'vscode.open', arguments: [vscode.Uri.parse(lens.uri)] } : { title: lens.title, command: '' });
    case 'status':
      return new vscode.CodeLens(range, { title: lens.title, command: Commands.setStatus, arguments: [{ uri: document.uri }] });
    case 'checklist':
    case 'approvals':
      return new vscode.CodeLens(range, { title: lens.title, command: '' });
  }
}
