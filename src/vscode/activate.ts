import * as vscode from 'vscode';
import { ParseCache } from '../core/parse';
import type { Logger } from '../core/util/log';
import { registerLanguageModelTools } from './agents/languageModelTools';
import { AuthorLookup, type SystemAuthor } from './authoringEnvironment';
import { ConfigurationService } from './configuration';
import { SpecDiagnostics } from './diagnostics';
import { registerFrontMatterCompletion } from './frontMatterCompletion';
import { IdAllocator, type BranchIdReader } from './idAllocation';
import type { LocalFiles } from './localFiles';
import { createLogChannel } from './log';
import { registerMarkdownPreview } from './markdownPreview';
import { createSpecCreator, registerNewSpecCommand } from './newSpecCommand';
import { registerSupersedeCommand } from './supersedeCommand';
import { registerNewDocumentCommand } from './newDocumentCommand';
import { registerCodeLenses } from './codeLenses';
import { registerFrontMatterKeyHover } from './frontMatterKeyHover';
import { registerSpecStatusBar } from './specStatusBar';
import { registerQuickFixes } from './quickFixes';
import { registerReferenceFixes } from './referenceFixes';
import { registerReferenceFeatures } from './references';
import { registerIdRenameProvider } from './renameProvider';
import { registerRenumberCommand } from './renumberCommand';
import { registerSetStatusCommand } from './setStatusCommand';
import { registerApproveCommand } from './approveCommand';
import { registerLastUpdatedOnSave } from './lastUpdatedOnSave';
import type { Services } from './services';
import { SpecIndexDiagnostics } from './specIndexDiagnostics';
import { registerSpecIndexOnSave } from './specIndexOnSave';
import { registerSpecIndexQuickFix } from './specIndexQuickFix';
import { registerSpecItemCommands } from './specItemCommands';
import { registerSpecTree, SpecTreeProvider } from './specTree';
import { registerSuggestTrigger } from './suggestTrigger';
import { TemplateSource } from './templateSource';
import { registerUpdateSpecIndexCommand } from './updateSpecIndexCommand';
import { registerWalkthrough } from './walkthrough';
import { WorkspaceIndex } from './workspaceIndex';

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

/** What differs between the Node extension host and the browser's; each entry point passes its own. */
export interface HostPlatform {
  readonly systemAuthor: SystemAuthor;
  /** Direct reads of the host's disk (Node only); without them every read goes through workspace.fs. */
  readonly localFiles?: LocalFiles;
  /** Ids taken on other git branches (Node only: git runs as a child process). */
  readonly branchIds?: BranchIdReader;
  /** Offers `techspec mcp` to VS Code's MCP support (Node only: VS Code starts the CLI as a Node process). */
  readonly registerMcpServers?: (services: Services) => vscode.Disposable;
  /** What this host cannot do, said once in the log at activation (the browser). */
  readonly limits?: string;
}

// activate() only composes: no file I/O and no workspace scan here. The index builds on first need.
export function activateWith(context: vscode.ExtensionContext, platform: HostPlatform, moduleMs: number): TechSpecApi {
  const activateStart = performance.now();
  const log = createLogChannel();
  const configuration = new ConfigurationService(log);
  const index = new WorkspaceIndex(configuration, log, platform.localFiles);
  const parseCache = new ParseCache();
  const templates = new TemplateSource(context.extensionUri);
  const authors = new AuthorLookup(platform.systemAuthor, log);
  const ids = new IdAllocator(log, platform.branchIds);
  const services: Services = { extensionUri: context.extensionUri, configuration, index, parseCache, templates, authors, log, ids };
  const tree = new SpecTreeProvider(services);
  const diagnostics = new SpecDiagnostics(services);
  const preview = registerMarkdownPreview(services);
  const creator = createSpecCreator(services);
  if (platform.limits) log.info(platform.limits);

  context.subscriptions.push(
    log,
    configuration,
    index,
    vscode.workspace.onDidCloseTextDocument((document) => parseCache.evict(document.uri)),
    registerNewSpecCommand(services, creator),
    registerSupersedeCommand(services, creator),
    registerNewDocumentCommand(services, creator),
    registerCodeLenses(services),
    registerFrontMatterKeyHover(services),
    registerSpecStatusBar(services),
    registerFrontMatterCompletion(services),
    registerSuggestTrigger(services),
    registerSpecTree(services, tree),
    registerSpecItemCommands(services),
    registerReferenceFeatures(services),
    templates,
    diagnostics,
    registerQuickFixes(services, diagnostics),
    registerLanguageModelTools(services),
    platform.registerMcpServers?.(services) ?? mcpSkipped(log),
    registerIdRenameProvider(services),
    registerRenumberCommand(services),
    registerSetStatusCommand(services),
    registerApproveCommand(services),
    preview,
    registerUpdateSpecIndexCommand(services),
    registerSpecIndexOnSave(services),
    registerLastUpdatedOnSave(services),
    new SpecIndexDiagnostics(services),
    registerSpecIndexQuickFix(services),
    registerReferenceFixes(services),
    registerWalkthrough(context, services),
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

/** Where no process can start (the browser), `techspec mcp` is not offered; the language model tools still are. */
function mcpSkipped(log: Logger): vscode.Disposable {
  log.info('MCP server definition skipped: this extension host cannot start `techspec mcp` (a Node process); the Tech Spec language model tools are registered instead');
  return new vscode.Disposable(() => undefined);
}
