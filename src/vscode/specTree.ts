import * as vscode from 'vscode';
import { Commands, CONFIG_SECTION, ContextKeys, Settings, TreeItemContexts, Views } from '../constants';
import { TreeHold } from '../core/treeHold';
import { buildFolderGroups, buildHeadingTree, buildStatusGroups, updateStatusGroups, type FolderNode, type GroupNode, type HeadingNode, type SpecNode } from '../core/treeModel';
import { KeyedDebouncer } from '../core/util/debounce';
import { buildTypeRoots, treeLayout, typeGroups, type TypeNode } from '../core/types';
import type { Services } from './services';

export type SpecTreeNode = TypeNode | FolderNode | GroupNode | SpecNode | HeadingNode;
type RootNode = TypeNode | FolderNode | GroupNode;

const REFRESH_DELAY_MS = 100;
/** Past this many changed files, showing the tree again costs less than patching it. */
const MAX_INCREMENTAL_CHANGES = 2000;

const STATUS_ICONS: Readonly<Record<string, string>> = {
  DRAFT: 'edit',
  IN_REVIEW: 'eye',
  APPROVED: 'verified',
  IMPLEMENTED: 'pass',
  SUPERSEDED: 'arrow-swap',
  DEPRECATED: 'archive',
  // The shipped RFC, PRD and ADR statuses.
  PROPOSED: 'edit',
  ACCEPTED: 'verified',
  REJECTED: 'close',
  WITHDRAWN: 'archive',
  SHIPPED: 'pass',
};

/**
 * The Tech Specs view: status → spec → table of contents. The model comes from core. After the
 * first render, a change refreshes only the groups whose rows changed (and an expanded spec whose
 * headings changed); the whole tree only when groups appear or go.
 */
export class SpecTreeProvider implements vscode.TreeDataProvider<SpecTreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SpecTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: RootNode[] | undefined;
  /** Built with document types (one type, or a root per type): refreshed whole, not patched. */
  private typed = false;
  private readonly parents = new Map<string, SpecTreeNode | undefined>();
  private readonly specNodes = new Map<string, SpecNode>();
  /** The group objects the view holds: refreshing one means firing that object. */
  private readonly shownGroups = new Map<string, GroupNode>();
  /** Specs whose headings the view asked for, with the outline it got. */
  private readonly expanded = new Map<string, { node: SpecNode; outline: string }>();
  /** Files changed since the last refresh. */
  private readonly dirty = new Set<string>();
  private readonly refreshes = new KeyedDebouncer<'tree'>(REFRESH_DELAY_MS, { maxDelayMs: REFRESH_DELAY_MS });
  private readonly subscriptions: Array<{ dispose(): void }>;
  /** Keeps a spec in its place while its unsaved front matter cannot be read. */
  private readonly hold = new TreeHold();

  constructor(private readonly services: Services) {
    this.subscriptions = [
      services.index.model.onDidChange((change) => {
        for (const uri of change.upserted) this.dirty.add(uri);
        for (const uri of change.removed) this.dirty.add(uri);
      }),
      services.index.onDidChange(() => this.scheduleRefresh()),
      // The document types shape the whole tree: a change of them shows it again from the model.
      services.configuration.onDidChange((config) => {
        const key = JSON.stringify([config.documentTypes, config.treeDocumentType]);
        if (key !== this.layoutKey) {
          this.layoutKey = key;
          this.refresh();
        }
      }),
    ];
    this.layoutKey = JSON.stringify([services.configuration.config.documentTypes, services.configuration.config.treeDocumentType]);
  }

  private layoutKey: string;

  /** Coalesces bursts of index changes into one tree update. */
  scheduleRefresh(): void {
    this.refreshes.trigger('tree', () => this.applyChanges());
  }

  /** Shows one file again: its text did not change, but how the tree holds it may have (it was saved). */
  refreshFile(uri: string): void {
    this.dirty.add(uri);
    this.scheduleRefresh();
  }

  /** Shows everything again, from the model. */
  refresh(): void {
    this.roots = undefined;
    this.dirty.clear();
    this.emitter.fire(undefined);
  }

  /** Refreshes only what the changed files change in the view. */
  private applyChanges(): void {
    const roots = this.roots;
    const byFolder = roots?.some((root) => root.kind === 'folder') ?? false;
    if (!roots || byFolder || this.typed || this.dirty.size > MAX_INCREMENTAL_CHANGES) {
      this.refresh();
      return;
    }
    const model = this.services.index.model;
    const isDirty = dirtyEditors();
    const changes = [...this.dirty].map((uri) => ({ uri, summary: this.hold.viewOne(uri, model.get(uri), isDirty) }));
    this.dirty.clear();
    const update = updateStatusGroups(roots as GroupNode[], changes, this.treeOptions());
    this.setRoots(update.groups);
    if (update.structural) {
      this.emitter.fire(undefined);
      return;
    }
    for (const key of update.changedGroups) {
      const shown = this.shownGroups.get(key);
      if (shown) this.emitter.fire(shown);
    }
    for (const uri of update.changedSpecs) {
      const expanded = this.expanded.get(uri);
      if (expanded && model.get(uri)?.outline !== expanded.outline) this.emitter.fire(expanded.node);
    }
  }

  /** The top of the tree, building the index on first call. Tests read the model through this. */
  async model(): Promise<RootNode[]> {
    await this.services.index.ready();
    if (!this.roots) this.rebuild();
    return this.roots ?? [];
  }

  private treeOptions() {
    const config = this.services.configuration.config;
    const folders = vscode.workspace.workspaceFolders ?? [];
    return {
      statuses: config.statuses,
      relativePath: (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), folders.length > 1),
      folderOf: (uri: string) => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))?.name ?? '',
      checklistSection: config.checklistSection,
    };
  }

  private rebuild(): void {
    const config = this.services.configuration.config;
    const summaries = this.hold.view(this.services.index.model.all(), dirtyEditors());
    const folders = vscode.workspace.workspaceFolders ?? [];
    const options = this.treeOptions();
    const byFolder = config.groupByFolder && folders.length > 1;
    void vscode.commands.executeCommand('setContext', ContextKeys.groupByFolder, config.groupByFolder);
    this.dirty.clear();
    const layout = treeLayout(config);
    this.typed = layout.kind !== 'specs';
    if (layout.kind === 'types') this.setRoots(buildTypeRoots(summaries, layout.types, options));
    else if (layout.kind === 'oneType') this.setRoots(typeGroups(summaries, layout.type, options));
    else this.setRoots(byFolder ? buildFolderGroups(summaries, options) : buildStatusGroups(summaries, options));
  }

  private setRoots(roots: RootNode[]): void {
    this.roots = roots;
    this.parents.clear();
    this.specNodes.clear();
    for (const root of roots) {
      this.parents.set(root.key, undefined);
      const groups = root.kind === 'group' ? [root] : root.groups;
      for (const group of groups) {
        if (root.kind !== 'group') this.parents.set(group.key, root);
        for (const spec of group.specs) {
          this.parents.set(spec.key, group);
          this.specNodes.set(spec.uri, spec);
        }
      }
    }
  }

  /** The current state of a group the view may hold an older object of. */
  private latest(group: GroupNode): GroupNode {
    const parent = this.parents.get(group.key);
    const siblings = parent?.kind === 'folder' || parent?.kind === 'type' ? parent.groups : (this.roots ?? []);
    return (siblings.find((candidate) => candidate.key === group.key) as GroupNode | undefined) ?? group;
  }

  async getChildren(element?: SpecTreeNode): Promise<SpecTreeNode[]> {
    if (!element) {
      const roots = await vscode.window.withProgress({ location: { viewId: Views.specs } }, () => this.model());
      this.shownGroups.clear();
      this.expanded.clear();
      for (const root of roots) if (root.kind === 'group') this.shownGroups.set(root.key, root);
      return roots;
    }
    switch (element.kind) {
      case 'folder':
      case 'type':
        return [...element.groups];
      case 'group':
        return [...this.latest(element).specs];
      case 'spec': {
        const summary = this.services.index.model.get(element.uri);
        if (!summary) return [];
        this.expanded.set(element.uri, { node: element, outline: summary.outline });
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
    const parent = this.parents.get(element.key);
    return parent?.kind === 'group' ? (this.shownGroups.get(parent.key) ?? parent) : parent;
  }

  getTreeItem(element: SpecTreeNode): vscode.TreeItem {
    switch (element.kind) {
      case 'type': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.key;
        item.description = element.description;
        item.iconPath = new vscode.ThemeIcon('files');
        item.contextValue = 'techSpec.type';
        return item;
      }
      case 'folder': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.key;
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.contextValue = 'techSpec.folder';
        return item;
      }
      case 'group': {
        element = this.latest(element);
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
    this.refreshes.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
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
    // Re-reads every file: a change the watcher missed (a network drive, a folder outside the watcher's reach) shows up.
    vscode.commands.registerCommand(Commands.refresh, async () => {
      await services.index.refresh();
      provider.refresh();
      return provider.model();
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
    vscode.workspace.onDidSaveTextDocument((document) => provider.specNodeFor(document.uri.toString())?.editing && provider.refreshFile(document.uri.toString())),
    vscode.window.onDidChangeActiveTextEditor((editor) => void reveal(editor).catch(() => undefined)),
    view.onDidChangeVisibility((event) => event.visible && void reveal(vscode.window.activeTextEditor).catch(() => undefined)),
  );
}

/** Whether an editor holds unsaved text for a uri, as of now. */
function dirtyEditors(): (uri: string) => boolean {
  const dirty = new Set(vscode.workspace.textDocuments.filter((document) => document.isDirty).map((document) => document.uri.toString()));
  return (uri) => dirty.has(uri);
}
