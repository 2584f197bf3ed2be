// Serves the markdown-it plugin (src/core/render) to VS Code's Markdown preview, with the live index.
import * as vscode from 'vscode';
import { externalUrl } from '../core/referenceInfo';
import { relativeHref } from '../core/render/html';
import { techSpecPlugin } from '../core/render/previewPlugin';
import type { IdLink, SpecRenderData } from '../core/render/renderData';
import { parseId } from '../core/ids';
import type { Services } from './services';

const REFRESH_DELAY_MS = 200;

/** What activate() returns as `extendMarkdownIt`, and a Disposable for what it listens to. */
export interface MarkdownPreviewExtension extends vscode.Disposable {
  extendMarkdownIt<T>(md: T): T;
}

export function registerMarkdownPreview(services: Services): MarkdownPreviewExtension {
  let placeholders: ReadonlySet<string> = new Set();
  let rendered = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  // The preview renders synchronously: what is not ready yet (index, template) arrives later with a refresh.
  const refresh = () => {
    if (!rendered || refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, (error: unknown) => services.log.warn(`preview refresh failed: ${String(error)}`));
    }, REFRESH_DELAY_MS);
  };
  const loadPlaceholders = () => {
    const config = services.configuration.config;
    services.templates.model(vscode.workspace.workspaceFolders?.[0], config).then(
      (model) => {
        placeholders = model.placeholders;
        refresh();
      },
      (error: unknown) => services.log.warn(`preview: no template placeholders (${String(error)})`),
    );
  };
  let placeholdersLoaded = false;

  const data = (): SpecRenderData => {
    rendered = true;
    if (!placeholdersLoaded) {
      placeholdersLoaded = true;
      loadPlaceholders();
    }
    if (!services.index.isBuilt) void services.index.ready().then(refresh, (error: unknown) => services.log.warn(`preview: index failed (${String(error)})`));
    const config = services.configuration.config;
    return {
      statuses: config.statuses,
      prefixes: config.referencePrefixes,
      placeholders,
      link: (id, env) => linkFor(id, env, services),
    };
  };

  const subscriptions = [
    services.index.onDidChange(refresh),
    services.configuration.onDidChange(() => {
      placeholdersLoaded = false;
      refresh();
    }),
  ];
  return {
    extendMarkdownIt<T>(md: T): T {
      techSpecPlugin(md as Parameters<typeof techSpecPlugin>[0], { data });
      return md;
    },
    dispose() {
      if (refreshTimer) clearTimeout(refreshTimer);
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}

/** A link to the document that owns an id: relative to the previewed document, else to its workspace folder. */
function linkFor(id: string, env: unknown, services: Services): IdLink | undefined {
  const owner = services.index.model.owner(id);
  if (!owner) {
    const prefix = parseId(id)?.prefix;
    const url = prefix ? externalUrl(id, prefix, services.configuration.config.referenceUrls) : undefined;
    return url ? { href: url } : undefined;
  }
  const target = vscode.Uri.parse(owner.uri);
  const current = (env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument;
  const title = owner.title ? `${id}: ${owner.title}` : id;
  if (current && current.scheme === target.scheme && current.authority === target.authority) {
    return { href: relativeHref(current.path.slice(1), target.path.slice(1)), title };
  }
  const folder = vscode.workspace.getWorkspaceFolder(target);
  if (!folder) return undefined;
  // A path from the workspace folder's root: the preview resolves `/…` against it.
  return { href: `/${vscode.workspace.asRelativePath(target, false).split('/').map(encodeURIComponent).join('/')}`, title };
}
