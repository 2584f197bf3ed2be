import * as vscode from 'vscode';
import { MARKDOWN_LANGUAGE } from '../constants';
import { completionContext, completionEntries, type CompletionData } from '../core/frontMatterCompletion';
import { nextFreeId } from '../core/ids';
import { formatLocalDate } from '../core/template';
import { documentTypesOf, isSpecType, referenceFieldPrefix, resolveDocumentType, typeByPrefix } from '../core/types';
import { fromVsPosition, toVsRange } from './convert';
import type { Services } from './services';

export const FRONT_MATTER_TRIGGER_CHARACTERS = [':', ' '];

/** IntelliSense inside a Markdown file's front matter: keys, statuses, dates and known ids. */
export function registerFrontMatterCompletion(services: Services): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(document, position, token) {
      const context = completionContext(services.parseCache.get(document), fromVsPosition(position));
      if (!context) return undefined;
      const data = await gatherData(services, document, context.kind === 'value' ? context.key : undefined);
      if (token.isCancellationRequested) return undefined;
      return completionEntries(context, data).map((entry) => {
        const item = new vscode.CompletionItem(
          { label: entry.label, description: entry.detail },
          entry.kind === 'key' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.Value,
        );
        item.insertText = entry.insertText;
        item.range = toVsRange(entry.range);
        item.sortText = entry.sortText;
        item.detail = entry.detail;
        // Plain text: titles come from other files.
        if (entry.documentation) item.documentation = entry.documentation;
        if (entry.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
        return item;
      });
    },
  };
  return vscode.languages.registerCompletionItemProvider({ language: MARKDOWN_LANGUAGE }, provider, ...FRONT_MATTER_TRIGGER_CHARACTERS);
}

/** Collects only what the key at hand needs: the index for ids, git for the author. */
async function gatherData(services: Services, document: vscode.TextDocument, key: string | undefined): Promise<CompletionData> {
  // Statuses, id format and author may differ per folder in a multi-root workspace.
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const config = services.configuration.forFolder(folder);
  const needsSpecs = key === 'supersedes' || key === 'superseded_by';
  const types = documentTypesOf(config);
  const own = resolveDocumentType(services.parseCache.get(document).frontMatter.data, vscode.workspace.asRelativePath(document.uri, false), types, config.idFields, config.matchFileNames);
  const referenced = key === undefined ? undefined : typeByPrefix(types, referenceFieldPrefix(types, own?.type, key));
  const needsIndex = key === 'decision_ref' || key === 'related_prd' || key === 'tech_spec_id' || referenced !== undefined || needsSpecs;
  if (needsIndex) await services.index.ready();
  const model = services.index.model;
  const describe = (prefix: string) =>
    model
      .knownIds(prefix)
      .sort()
      .map((id) => {
        const owner = model.owner(id);
        return { id, title: owner?.title, status: owner?.status };
      });
  return {
    // A document of another type completes its own type's statuses.
    statuses: own && !isSpecType(own.type) ? own.type.statuses : config.statuses,
    today: formatLocalDate(new Date()),
    nextId: key === 'tech_spec_id' ? nextFreeId(model.knownIds(config.idPrefix).filter((id) => model.owners(id).some((owner) => owner.uri !== document.uri.toString())), config.idPrefix, config.idDigits) : '',
    author: key === 'author' ? await services.authors.author(config.author, folder?.uri) : undefined,
    rfcs: key === 'decision_ref' ? describe('RFC') : [],
    prds: key === 'related_prd' ? describe('PRD') : [],
    // Other specs: a spec does not supersede itself.
    specs: needsSpecs ? describe(config.idPrefix).filter((spec) => !model.owners(spec.id).some((owner) => owner.uri === document.uri.toString())) : [],
    // Ids of the right type: owned by a document of that type, not merely spelled with its prefix.
    reference:
      key !== undefined && referenced
        ? { key, typeName: referenced.name, documents: describe(referenced.prefix).filter((doc) => model.owners(doc.id).some((owner) => owner.documentType === referenced.prefix)) }
        : undefined,
  };
}
