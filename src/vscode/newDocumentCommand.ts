import * as vscode from 'vscode';
import { Commands, MARKDOWN_LANGUAGE } from '../constants';
import type { TechSpecConfig } from '../core/config';
import { stringValue } from '../core/frontMatter';
import { formatId, parseId } from '../core/ids';
import { firstPlaceholder, formatLocalDate, renderTemplate, slugify, type AuthoringEnvironment } from '../core/template';
import { documentFileName, documentTypesOf, findType, isSpecType, pluralName, type DocumentType } from '../core/types';
import { toVsRange } from './convert';
import { describeAllocation } from './idAllocation';
import { createFileIfAbsent, type NewSpecArgs } from './newSpecCommand';
import { exists, isInsideFolder, resolveInsideFolder } from './paths';
import type { Services } from './services';
import { TemplateError } from './templateSource';

/** `techSpec.newDocument`: New Tech Spec's arguments, and the type (prefix or name) of the document. */
export interface NewDocumentArgs extends NewSpecArgs {
  type?: string;
}

const MAX_ID_ATTEMPTS = 1000;

/**
 * New Document…: asks for the type first (unless given), then creates a document of that type
 * from its template with its next id, never overwriting. A tech spec goes through New Tech Spec
 * itself, so its contract stays the one place that creates specs.
 */
export function registerNewDocumentCommand(services: Services, environment?: (config: TechSpecConfig, folder: vscode.Uri) => AuthoringEnvironment): vscode.Disposable {
  const creator = new DocumentCreator(services, environment ?? ((config, folder) => services.authors.environment(config.author, folder)));
  return vscode.commands.registerCommand(Commands.newDocument, (args?: NewDocumentArgs) => creator.run(typeof args === 'object' && args !== null ? args : {}));
}

class DocumentCreator {
  /** Creations run one at a time, so two at once never pick the same id. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly services: Services,
    private readonly environmentFor: (config: TechSpecConfig, folder: vscode.Uri) => AuthoringEnvironment,
  ) {}

  async run(args: NewDocumentArgs): Promise<vscode.Uri | undefined> {
    const type = await this.pickType(args.type);
    if (!type) return undefined;
    // New Tech Spec takes the same arguments but the type: its contract stays as it is.
    if (isSpecType(type)) return vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.newSpec, withoutType(args));
    const workspaceFolder = await this.pickWorkspaceFolder(args.folder, type);
    if (!workspaceFolder) return undefined;
    const title = args.title?.trim() || (await this.askTitle(type));
    if (!title) return undefined;
    const created = this.queue.then(() => this.create(type, { ...args, title }, workspaceFolder));
    this.queue = created.catch(() => undefined);
    try {
      const uri = await created;
      if (args.open !== false) await this.open(uri, args.beside === true);
      return uri;
    } catch (error) {
      const message = error instanceof UserFacingError || error instanceof TemplateError ? error.message : `Tech Spec: could not create the ${type.name}: ${String(error)}`;
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  }

  private async pickType(wanted: string | undefined): Promise<DocumentType | undefined> {
    const types = documentTypesOf(this.services.configuration.config);
    if (wanted !== undefined) {
      const type = findType(types, String(wanted));
      if (!type) void vscode.window.showErrorMessage(`Tech Spec: no document type "${String(wanted)}"; the types are ${types.map((candidate) => candidate.prefix).join(', ')}.`);
      return type;
    }
    const items = types.map((type) => ({ label: type.name, description: `${type.prefix}-… in ${type.folder}`, type }));
    return (await vscode.window.showQuickPick(items, { title: 'New Document', placeHolder: 'Type of the new document', ignoreFocusOut: true }))?.type;
  }

  private async pickWorkspaceFolder(folder: NewDocumentArgs['folder'], type: DocumentType): Promise<vscode.WorkspaceFolder | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folder !== undefined) {
      const uri = typeof folder === 'string' ? uriFromString(folder) : folder;
      const found = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
      if (!found) void vscode.window.showErrorMessage(`Tech Spec: the folder "${String(folder)}" is not inside the workspace; nothing was created.`);
      return found;
    }
    if (folders.length === 0) void vscode.window.showErrorMessage(`Tech Spec: open a folder first; ${pluralName(type)} are created inside a workspace folder.`);
    if (folders.length <= 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: `Workspace folder for the new ${type.name}`, ignoreFocusOut: true });
  }

  private async askTitle(type: DocumentType): Promise<string | undefined> {
    const title = await vscode.window.showInputBox({
      title: `New ${type.name}`,
      prompt: `Title of the ${type.name}. Written to ${type.folder}/${documentFileName(type, `${type.prefix}-${'N'.repeat(type.idDigits)}`, '<slug>')}`,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : 'The title cannot be empty.'),
    });
    return title?.trim() || undefined;
  }

  private async create(type: DocumentType, args: NewDocumentArgs & { title: string }, workspaceFolder: vscode.WorkspaceFolder): Promise<vscode.Uri> {
    const config = this.services.configuration.forFolder(workspaceFolder);
    const targetFolder = this.targetFolder(args, workspaceFolder, type);
    const template = await this.services.templates.typeText(workspaceFolder, config, type);
    const environment = this.environmentFor(config, workspaceFolder.uri);
    const today = formatLocalDate(environment.today());
    const author = args.author?.trim() || (await environment.author());
    await this.services.index.ready();
    // The same allocation as New Tech Spec, with this type's prefix, digits and folder (for other branches' ids).
    const typeConfig: TechSpecConfig = { ...config, idPrefix: type.prefix, idDigits: type.idDigits, specsFolder: type.folder };
    const allocation = await this.services.ids.allocate(workspaceFolder, typeConfig, this.idsInUse(type));
    if (allocation.note) this.services.log.info(`New ${type.name}: ${describeAllocation(allocation)}`);
    await vscode.workspace.fs.createDirectory(targetFolder);
    let id = allocation.id;
    for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
      const uri = vscode.Uri.joinPath(targetFolder, documentFileName(type, id, slugify(args.title)));
      const status = args.status?.trim() || type.statuses[0] || 'DRAFT';
      const text = renderTemplate(template, { id, title: args.title, author, created: today, lastUpdated: today, status, idField: type.idField });
      if (await createFileIfAbsent(uri, new TextEncoder().encode(text))) {
        await this.services.index.refreshFile(uri);
        return uri;
      }
      if (!(await exists(uri))) throw new UserFacingError(`Tech Spec: could not create ${vscode.workspace.asRelativePath(uri)}.`);
      this.services.log.info(`New ${type.name}: ${vscode.workspace.asRelativePath(uri)} already exists; trying the next id.`);
      id = formatId(type.prefix, (parseId(id, [type.prefix])?.number ?? 0) + 1, type.idDigits);
    }
    throw new UserFacingError(`Tech Spec: no free file name for "${args.title}" in ${vscode.workspace.asRelativePath(targetFolder)}.`);
  }

  /** Ids of this type in the index and in every open editor, untitled ones too. */
  private idsInUse(type: DocumentType): string[] {
    const ids = this.services.index.model.knownIds(type.prefix);
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== MARKDOWN_LANGUAGE) continue;
      const id = stringValue(this.services.parseCache.get(document).frontMatter.data, type.idField);
      if (id) ids.push(id);
    }
    return ids;
  }

  private targetFolder(args: NewDocumentArgs, workspaceFolder: vscode.WorkspaceFolder, type: DocumentType): vscode.Uri {
    if (args.folder !== undefined) {
      const uri = typeof args.folder === 'string' ? uriFromString(args.folder) : args.folder;
      if (!uri || !isInsideFolder(workspaceFolder, uri)) throw new UserFacingError(`Tech Spec: the folder "${String(args.folder)}" is not inside the workspace.`);
      return uri;
    }
    const resolved = resolveInsideFolder(workspaceFolder, type.folder);
    if (!resolved) throw new UserFacingError(`Tech Spec: the ${type.name} folder "${type.folder}" points outside the workspace folder; use a path inside it.`);
    return resolved;
  }

  private async open(uri: vscode.Uri, beside: boolean): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, beside ? { viewColumn: vscode.ViewColumn.Beside } : undefined);
    const placeholder = firstPlaceholder(document.getText());
    if (placeholder) {
      const range = toVsRange(placeholder);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
}

function withoutType(args: NewDocumentArgs): NewSpecArgs {
  const specArgs: NewDocumentArgs = { ...args };
  delete specArgs.type;
  return specArgs;
}

function uriFromString(folder: string): vscode.Uri | undefined {
  if (/^[a-z][a-z0-9+.-]+:/i.test(folder) && !/^[A-Za-z]:[\\/]/.test(folder)) return vscode.Uri.parse(folder);
  if (folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder)) return vscode.Uri.file(folder);
  const first = vscode.workspace.workspaceFolders?.[0];
  return first ? resolveInsideFolder(first, folder) : undefined;
}

class UserFacingError extends Error {}
