import * as vscode from 'vscode';
import { Commands, CONFIG_SECTION, ContextKeys, Settings, TreeItemContexts, Views } from '../constants';
import { TreeHold } from '../core/treeHold';
import { buildFolderGroups, buildHeadingTree, buildStatusGroups, type FolderNode, type GroupNode, type HeadingNode, type SpecNode } from '../core/treeModel';
import type { Services } from './services';

export type SpecTreeNode = FolderNode | GroupNode | SpecNode | HeadingNode;

const REFRESH_DELAY_MS = 100;

const STATUS_ICONS: Readonly<Record<string, string>> = {
  DRAFT: 'edit',
  IN_REVIEW: 'eye',
  APPROVED: 'verified',
  IMPLEMENTED: 'pass',
  SUPERSEDED: 'arrow-swap',
  DEPRECATED: 'archive',
};

/** The Tech Specs view: status → spec → table of contents. The model comes from core. */
export class SpecTreeProvider implements vscode.TreeDataProvider<SpecTreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SpecTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: Array<FolderNode | GroupNode> | undefined;
  private readonly parents = new Map<string, SpecTreeNode | undefined>();
  private readonly specNodes = new Map<string, SpecNode>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;
  /** Keeps a spec in its place while its unsaved front matter cannot be read. */
  private readonly hold = new TreeHold();
  /** Refreshes fired, for tests that check bursts are coalesced. */
  refreshCount = 0;

  constructor(private readonly services: Services) {
    this.subscription = services.index.onDidChange(() => this.scheduleRefresh());
  }

  /** Coalesces bursts of index changes into one tree refresh. */
  scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  refresh(): void {
    this.roots = undefined;
    this.refreshCount++;
    this.emitter.fire(undefined);
  }

  /** The top of the tree, building the index on first call. Tests read the model through this. */
  async model(): Promise<Array<FolderNode | GroupNode>> {
    await this.services.index.ready();
    if (!this.roots) this.rebuild();
    return this.roots ?? [];
  }

  private rebuild(): void {
    const config = this.services.configuration.config;
    const dirty = new Set(vscode.workspace.textDocuments.filter((document) => document.isDirty).map((document) => document.uri.toString()));
    const summaries = this.hold.view(this.services.index.model.all(), (uri) => dirty.has(uri));
    const folders = vscode.workspace.workspaceFolders ?? [];
    const options = {
      statuses: config.statuses,
      relativePath: (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), folders.length > 1),
      folderOf: (uri: string) => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))?.name ?? '',
    };
    const byFolder = config.groupByFolder && folders.length > 1;
    void vscode.commands.executeCommand('setContext', ContextKeys.groupByFolder, config.groupByFolder);
    this.roots = byFolder ? buildFolderGroups(summaries, options) : buildStatusGroups(summaries, options);
    this.parents.clear();
    this.specNodes.clear();
    for (const root of this.roots) {
      this.parents.set(root.key, undefined);
      const groups = root.kind === 'folder' ? root.groups : [root];
      for (const group of groups) {
        if (root.kind === 'folder') this.parents.set(group.key, root);
        for (const spec of group.specs) {
          this.parents.set(spec.key, group);
          this.specNodes.set(spec.uri, spec);
        }
      }
    }
  }

  async getChildren(element?: SpecTreeNode): Promise<SpecTreeNode[]> {
    if (!element) {
      return vscode.window.withProgress({ location: { viewId: Views.specs } }, () => this.model());
    }
    switch (element.kind) {
      case 'folder':
        return [...element.groups];
      case 'group':
        return [...element.specs];
      case 'spec': {
        const summary = this.services.index.model.get(element.uri);
        if (!summary) return [];
        const headings = buildHeadingTree(summary);
        this.rememberHeadings(headings, element);
        return headings;
      }
      case 'heading':
        return [...element.children];
    }
  }

  private rememberHeadings(nodes: readonly HeadingNode[], parent: SpecTreeNode): void {
    for (const node of nodes) {
      this.parents.set(node.key, parent);
      this.rememberHeadings(node.children, node);
    }
  }

  getParent(element: SpecTreeNode): SpecTreeNode | undefined {
    return this.parents.get(element.key);
  }

  getTreeItem(element: SpecTreeNode): vscode.TreeItem {
    switch (element.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.key;
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.contextValue = 'techSpec.folder';
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.key;
        item.description = element.description;
        item.iconPath = new vscode.ThemeIcon(element.category === 'unreadable' ? 'warning' : 'folder');
        item.contextValue = `techSpec.group.${element.category}`;
        item.tooltip = element.category === 'other' ? 'Specs whose status is not one of techSpec.statuses' : undefined;
        return item;
      }
      case 'spec': {
        const readable = element.id !== '';
        const item = new vscode.TreeItem(element.label, readable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = element.key;
        item.description = element.description;
        // A plain string: file content never becomes Markdown here.
        item.tooltip = element.tooltip;
        item.resourceUri = vscode.Uri.parse(element.uri);
        item.iconPath = new vscode.ThemeIcon(readable ? (STATUS_ICONS[element.status] ?? 'question') : 'warning');
        item.contextValue = readable ? TreeItemContexts.spec : TreeItemContexts.unreadable;
        item.command = { command: 'vscode.open', title: 'Open Spec', arguments: [item.resourceUri] };
        return item;
      }
      case 'heading': {
        const state = element.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
        const item = new vscode.TreeItem(element.entry.text || '(empty heading)', state);
        item.id = element.key;
        item.iconPath = new vscode.ThemeIcon('symbol-string');
        item.contextValue = 'techSpec.heading';
        item.command = { command: Commands.revealHeading, title: 'Go to Heading', arguments: [element.uri, element.entry.line] };
        return item;
      }
    }
  }

  specNodeFor(uri: string): SpecNode | undefined {
    return this.specNodes.get(uri);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** Registers the view, its title-bar commands and editor following. */
export function registerSpecTree(services: Services, provider: SpecTreeProvider): vscode.Disposable {
  const view = vscode.window.createTreeView(Views.specs, { treeDataProvider: provider, showCollapseAll: true });
  const reveal = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || !view.visible || !services.configuration.config.followActiveEditor) return;
    await services.index.ready();
    await provider.model();
    const node = provider.specNodeFor(editor.document.uri.toString());
    if (node) await view.reveal(node, { select: true, focus: false, expand: false });
  };
  return vscode.Disposable.from(
    provider,
    view,
    vscode.commands.registerCommand(Commands.refresh, async () => {
      provider.refresh();
      await provider.model();
    }),
    vscode.commands.registerCommand(Commands.revealHeading, async (uri: string | vscode.Uri, line: number) => {
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
      const editor = await vscode.window.showTextDocument(target, { preserveFocus: false });
      const position = new vscode.Position(Math.max(0, line), 0);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    }),
    vscode.commands.registerCommand(Commands.toggleGroupByFolder, async () => {
      const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
      await section.update(Settings.groupByFolder, !services.configuration.config.groupByFolder, vscode.ConfigurationTarget.Workspace);
    }),
    services.configuration.onDidChange(() => provider.scheduleRefresh()),
    // Saving unreadable text ends the hold on its last good place; the index itself sees no change.
    vscode.workspace.onDidSaveTextDocument((document) => provider.specNodeFor(document.uri.toString())?.editing && provider.scheduleRefresh()),
    vscode.window.onDidChangeActiveTextEditor((editor) => void reveal(editor).catch(() => undefined)),
    view.onDidChangeVisibility((event) => event.visible && void reveal(vscode.window.activeTextEditor).catch(() => undefined)),
  );
}
