import * as vscode from 'vscode';
import { ParseCache } from './core/parse';
import { ConfigurationService } from './vscode/configuration';
import { registerFrontMatterCompletion } from './vscode/frontMatterCompletion';
import { registerNewSpecCommand } from './vscode/newSpecCommand';
import { registerReferenceFeatures } from './vscode/references';
import { AuthorLookup } from './vscode/authoringEnvironment';
import type { Services } from './vscode/services';
import { registerSpecTree, SpecTreeProvider } from './vscode/specTree';
import { registerSpecItemCommands } from './vscode/specItemCommands';
import { registerReferenceFixes } from './vscode/referenceFixes';
import { registerWalkthrough } from './vscode/walkthrough';
import { registerSuggestTrigger } from './vscode/suggestTrigger';
import { SpecDiagnostics } from './vscode/diagnostics';
import { registerQuickFixes } from './vscode/quickFixes';
import { TemplateSource } from './vscode/templateSource';
import { WorkspaceIndex } from './vscode/workspaceIndex';
import { createLogChannel } from './vscode/log';
import { registerLanguageModelTools } from './vscode/agents/languageModelTools';
import { registerMcpServerDefinitions } from './vscode/agents/mcpServerDefinitions';
import { IdAllocator } from './vscode/idAllocation';
import { GitBranchIds } from './vscode/node/gitBranchIds';
import { registerIdRenameProvider } from './vscode/renameProvider';
import { registerRenumberCommand } from './vscode/renumberCommand';
import { registerMarkdownPreview } from './vscode/markdownPreview';
import { SpecIndexDiagnostics } from './vscode/specIndexDiagnostics';
import { registerSpecIndexOnSave } from './vscode/specIndexOnSave';
import { registerSpecIndexQuickFix } from './vscode/specIndexQuickFix';
import { registerUpdateSpecIndexCommand } from './vscode/updateSpecIndexCommand';
import { registerNewDocumentCommand } from './vscode/newDocumentCommand';

/** What activate() returns: a small surface for tests and other extensions. */
export interface TechSpecApi {
  readonly configuration: ConfigurationService;
  readonly index: WorkspaceIndex;
  readonly tree: SpecTreeProvider;
  readonly diagnostics: SpecDiagnostics;
  /** Milliseconds spent evaluating this bundle and in activate(); read by the host benchmark. */
  readonly activationTiming: { readonly moduleMs: number; readonly activateMs: number };
  /** VS Code's Markdown preview calls this (contributes.markdown.markdownItPlugins) to add the spec rendering. */
  extendMarkdownIt<T>(md: T): T;
}

// Set by the bundle's first line (scripts/build.mjs); absent when the sources run unbundled.
declare const __techSpecLoadStart: number | undefined;
const moduleMs = typeof __techSpecLoadStart === 'number' ? performance.now() - __techSpecLoadStart : 0;

// activate() only composes: no file I/O and no workspace scan here. The index builds on first need.
export function activate(context: vscode.ExtensionContext): TechSpecApi {
  const activateStart = performance.now();
  const log = createLogChannel();
  const configuration = new ConfigurationService(log);
  const index = new WorkspaceIndex(configuration, log);
  const parseCache = new ParseCache();
  const templates = new TemplateSource(context.extensionUri);
  const services: Services = { extensionUri: context.extensionUri, configuration, index, parseCache, templates, authors: new AuthorLookup(), log, ids: new IdAllocator(log, new GitBranchIds()) };
  const tree = new SpecTreeProvider(services);
  const diagnostics = new SpecDiagnostics(services);
  const preview = registerMarkdownPreview(services);

  context.subscriptions.push(
    log,
    configuration,
    index,
    vscode.workspace.onDidCloseTextDocument((document) => parseCache.evict(document.uri)),
    registerNewSpecCommand(services),
    registerFrontMatterCompletion(services),
    registerSuggestTrigger(services),
    registerSpecTree(services, tree),
    registerSpecItemCommands(services),
    registerReferenceFeatures(services),
    templates,
    diagnostics,
    registerQuickFixes(services, diagnostics),
    registerLanguageModelTools(services),
    registerMcpServerDefinitions(services),
    registerIdRenameProvider(services),
    registerRenumberCommand(services),
    preview,
    registerUpdateSpecIndexCommand(services),
    registerSpecIndexOnSave(services),
    new SpecIndexDiagnostics(services),
    registerSpecIndexQuickFix(services),
    registerReferenceFixes(services),
    registerWalkthrough(context, services),
    registerNewDocumentCommand(services),
  );
  return {
    configuration,
    index,
    tree,
    diagnostics,
    activationTiming: { moduleMs, activateMs: performance.now() - activateStart },
    extendMarkdownIt: (md) => preview.extendMarkdownIt(md),
  };
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
