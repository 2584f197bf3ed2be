import * as vscode from 'vscode';
import { ParseCache } from '../core/parse';
import { AuthorLookup, type SystemAuthor } from './authoringEnvironment';
import { ConfigurationService } from './configuration';
import { SpecDiagnostics } from './diagnostics';
import { registerFrontMatterCompletion } from './frontMatterCompletion';
import type { LocalFiles } from './localFiles';
import { createLogChannel } from './log';
import { registerNewSpecCommand } from './newSpecCommand';
import { registerQuickFixes } from './quickFixes';
import { registerReferenceFeatures } from './references';
import type { Services } from './services';
import { registerSpecTree, SpecTreeProvider } from './specTree';
import { registerSuggestTrigger } from './suggestTrigger';
import { TemplateSource } from './templateSource';
import { WorkspaceIndex } from './workspaceIndex';

/** What activate() returns: a small surface for tests and other extensions. */
export interface TechSpecApi {
  readonly index: WorkspaceIndex;
  readonly tree: SpecTreeProvider;
  readonly diagnostics: SpecDiagnostics;
  /** Milliseconds spent evaluating this bundle and in activate(); read by the host benchmark. */
  readonly activationTiming: { readonly moduleMs: number; readonly activateMs: number };
}

/** What differs between the Node extension host and the browser's; each entry point passes its own. */
export interface HostPlatform {
  readonly systemAuthor: SystemAuthor;
  /** Direct reads of the host's disk (Node only); without them every read goes through workspace.fs. */
  readonly localFiles?: LocalFiles;
}

// activate() only composes: no file I/O and no workspace scan here. The index builds on first need.
export function activateWith(context: vscode.ExtensionContext, platform: HostPlatform, moduleMs: number): TechSpecApi {
  const activateStart = performance.now();
  const log = createLogChannel();
  const configuration = new ConfigurationService();
  const index = new WorkspaceIndex(configuration, platform.localFiles);
  const parseCache = new ParseCache();
  const templates = new TemplateSource(context.extensionUri);
  const authors = new AuthorLookup(platform.systemAuthor, log);
  const services: Services = { extensionUri: context.extensionUri, configuration, index, parseCache, templates, authors, log };
  const tree = new SpecTreeProvider(services);
  const diagnostics = new SpecDiagnostics(services);

  context.subscriptions.push(
    log,
    configuration,
    index,
    vscode.workspace.onDidCloseTextDocument((document) => parseCache.evict(document.uri)),
    registerNewSpecCommand(services),
    registerFrontMatterCompletion(services),
    registerSuggestTrigger(services),
    registerSpecTree(services, tree),
    registerReferenceFeatures(services),
    templates,
    diagnostics,
    registerQuickFixes(services, diagnostics),
  );
  return { index, tree, diagnostics, activationTiming: { moduleMs, activateMs: performance.now() - activateStart } };
}
