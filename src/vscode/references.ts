import * as vscode from 'vscode';
import { MARKDOWN_LANGUAGE } from '../constants';
import { describeReference, externalUrl, referenceAt, type ReferenceDescription } from '../core/referenceInfo';
import { parseDocumentText } from '../core/parse';
import { fromVsPosition, lineLocation, toVsRange } from './convert';
import type { Services } from './services';

const SELECTOR: vscode.DocumentSelector = { language: MARKDOWN_LANGUAGE };

/** Hover, go to definition, find all references and document links for RFC/PRD/TS ids. */
export function registerReferenceFeatures(services: Services): vscode.Disposable {
  const prefixes = () => services.configuration.config.referencePrefixes;
  const relativePath = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);

  const hover: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      const reference = referenceAt(services.parseCache.get(document), fromVsPosition(position), prefixes());
      if (!reference) return undefined;
      await services.index.ready(token);
      if (token.isCancellationRequested) return undefined;
      const description = describeReference(reference, services.index.model.owners(reference.id), {
        referenceUrls: services.configuration.config.referenceUrls,
        relativePath,
      });
      return new vscode.Hover(renderHover(description), toVsRange(reference.range));
    },
  };

  const definition: vscode.DefinitionProvider = {
    async provideDefinition(document, position, token) {
      const reference = referenceAt(services.parseCache.get(document), fromVsPosition(position), prefixes());
      if (!reference) return undefined;
      await services.index.ready(token);
      if (token.isCancellationRequested) return undefined;
      return services.index.model.owners(reference.id).map((owner) => lineLocation(owner.uri, owner.titleLine));
    },
  };

  const references: vscode.ReferenceProvider = {
    async provideReferences(document, position, _context, token) {
      const reference = referenceAt(services.parseCache.get(document), fromVsPosition(position), prefixes());
      if (!reference) return undefined;
      await services.index.ready(token);
      const locations: vscode.Location[] = [];
      for (const citing of services.index.model.citing(reference.id)) {
        if (token.isCancellationRequested) return undefined;
        const uri = vscode.Uri.parse(citing.uri);
        const open = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === citing.uri);
        const parsed = open ? services.parseCache.get(open) : await readParsed(services, uri);
        if (token.isCancellationRequested) return undefined;
        if (!parsed) continue;
        for (const found of parsed.references(prefixes())) {
          if (found.id === reference.id) locations.push(new vscode.Location(uri, toVsRange(found.range)));
        }
      }
      return locations;
    },
  };

  const links: vscode.DocumentLinkProvider = {
    async provideDocumentLinks(document, token) {
      const found = services.parseCache.get(document).references(prefixes());
      if (found.length === 0) return [];
      await services.index.ready(token);
      if (token.isCancellationRequested) return undefined;
      const result: vscode.DocumentLink[] = [];
      for (const reference of found) {
        const owner = services.index.model.owner(reference.id);
        if (owner && owner.uri === document.uri.toString()) continue;
        const target = owner
          ? vscode.Uri.parse(owner.uri).with({ fragment: `L${owner.titleLine + 1}` })
          : (() => {
              const url = externalUrl(reference.id, reference.prefix, services.configuration.config.referenceUrls);
              return url ? vscode.Uri.parse(url) : undefined;
            })();
        if (!target) continue;
        const link = new vscode.DocumentLink(toVsRange(reference.range), target);
        link.tooltip = owner ? `Open ${reference.id}${owner.title ? `: ${owner.title}` : ''}` : `Open ${reference.id}`;
        result.push(link);
      }
      return result;
    },
  };

  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(SELECTOR, hover),
    vscode.languages.registerDefinitionProvider(SELECTOR, definition),
    vscode.languages.registerReferenceProvider(SELECTOR, references),
    vscode.languages.registerDocumentLinkProvider(SELECTOR, links),
  );
}

async function readParsed(services: Services, uri: vscode.Uri) {
  const text = await services.index.readText(uri);
  return text === undefined ? undefined : parseDocumentText(text);
}

/**
 * Untrusted Markdown: no command links, no HTML, and every string from a file escaped, so a
 * hostile title renders as the characters it contains.
 */
export function renderHover(description: ReferenceDescription): vscode.MarkdownString {
  const parts: string[] = [`**${escapeMarkdown(description.id)}**`];
  if (description.title) parts.push(` · ${escapeMarkdown(description.title)}`);
  parts.push('\n\n');
  for (const [label, value] of description.fields) parts.push(`${label}: ${escapeMarkdown(value)}  \n`);
  if (description.abstract) parts.push(`\n${escapeMarkdown(description.abstract)}\n\n`);
  if (description.path) parts.push(`\n*${escapeMarkdown(description.path)}*\n\n`);
  // isWebUrl already refused anything but plain http(s) URLs without spaces or quotes.
  for (const link of description.links) parts.push(`[${escapeMarkdown(link.label)}](${link.url.replace(/[()]/g, encodeURIComponent)})  \n`);
  if (description.note) parts.push(`\n${escapeMarkdown(description.note)}`);
  const markdown = new vscode.MarkdownString(parts.join(''), false);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}

/** Backslash-escapes Markdown punctuation and turns <, > and & into entities: the text stays text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}
