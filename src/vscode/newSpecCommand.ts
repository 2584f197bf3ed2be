import * as vscode from 'vscode';
import { Commands, MARKDOWN_LANGUAGE } from '../constants';
import type { TechSpecConfig } from '../core/config';
import { setFrontMatterValue, stringValue } from '../core/frontMatter';
import { formatId, nextFreeId, parseId } from '../core/ids';
import type { Allocation } from '../core/ids/branchIds';
import { newSpecPreview } from '../core/newSpecPreview';
import { firstPlaceholder, formatLocalDate, renderTemplate, slugify, type AuthoringEnvironment } from '../core/template';
import { documentFileName, techSpecType, type DocumentType } from '../core/types';
import { describeAllocation } from './idAllocation';
import { toVsRange } from './convert';
import { exists, isInsideFolder, resolveInsideFolder } from './paths';
import type { Services } from './services';
import { TemplateError } from './templateSource';

/** The public contract of `techSpec.newSpec` (see DESIGN.md). */
export interface NewSpecArgs {
  title?: string;
  folder?: string | vscode.Uri;
  decisionRef?: string;
  relatedPrd?: string;
  author?: string;
  status?: string;
  open?: boolean;
  /** Open the new file beside the active editor (the walkthrough's button), not over it. */
  beside?: boolean;
}

const MAX_ID_ATTEMPTS = 1000;
/** How long a prompt waits for the id preview before it shows without it. */
const PREVIEW_WAIT_MS = 300;

function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

/**
 * What a caller other than the command adds to a creation (Supersede): front-matter keys of the new
 * spec, and edits of other files that go into the same WorkspaceEdit as the new file, so that one
 * undo reverts all of it. `alongside` runs again for each id tried, on a fresh edit.
 */
export interface SpecCreationExtras {
  readonly frontMatter?: Readonly<Record<string, string>>;
  alongside?(edit: vscode.WorkspaceEdit, created: { readonly id: string; readonly uri: vscode.Uri; readonly today: string }): void;
}

/** The one New Tech Spec path: the command and Supersede share it, so ids are allocated one creation at a time. */
export function createSpecCreator(services: Services, environment?: (config: TechSpecConfig, folder: vscode.Uri) => AuthoringEnvironment): SpecCreator {
  return new SpecCreator(services, environment ?? ((config, folder) => services.authors.environment(config.author, folder)));
}

export function registerNewSpecCommand(services: Services, creator: SpecCreator = createSpecCreator(services)): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.newSpec, (args?: NewSpecArgs) => creator.run(isArgs(args) ? args : {})),
    // From the Explorer's context menu: the argument is the folder's Uri.
    vscode.commands.registerCommand(Commands.newSpecHere, (folder?: vscode.Uri) => creator.run(folder instanceof vscode.Uri ? { folder } : {})),
  );
}

function isArgs(value: unknown): value is NewSpecArgs {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri);
}

/**
 * What a creation writes: a tech spec (New Tech Spec, Supersede) or a document of another type
 * (New Document). Every kind goes through the one queue, id allocation and no-overwrite create.
 */
export interface CreationKind {
  /** Prefix, digits, id field, default folder, file name and first status, from the folder's settings. */
  typeFor(config: TechSpecConfig): DocumentType;
  template(workspaceFolder: vscode.WorkspaceFolder, config: TechSpecConfig): Promise<string>;
  /** What messages call one and many: "spec", "specs". */
  readonly noun: string;
  readonly nouns: string;
  /** The setting to fix when the default folder points outside the workspace folder. */
  readonly folderSetting: string;
  /** Said after a creation that found no author. */
  readonly authorHint?: string;
}

export class SpecCreator {
  /** Creations run one at a time, so two at once never pick the same id. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly specKind: CreationKind;

  constructor(
    private readonly services: Services,
    private readonly environmentFor: (config: TechSpecConfig, folder: vscode.Uri) => AuthoringEnvironment,
  ) {
    this.specKind = {
      typeFor: techSpecType,
      template: (workspaceFolder, config) => services.templates.text(workspaceFolder, config),
      noun: 'spec',
      nouns: 'specs',
      folderSetting: 'techSpec.specsFolder',
      authorHint: 'Set techSpec.author to fill it in new specs.',
    };
  }

  async run(args: NewSpecArgs, extras: SpecCreationExtras = {}): Promise<vscode.Uri | undefined> {
    const request = await this.complete(args);
    return request && this.schedule(request, this.specKind, extras);
  }

  /** New Document's path: the folder, then the title (asked only when missing), then the shared create. */
  async runKind(kind: CreationKind, args: NewSpecArgs, askTitle: () => Promise<string | undefined>): Promise<vscode.Uri | undefined> {
    const workspaceFolder = await this.workspaceFolderFor(args.folder, kind);
    if (!workspaceFolder) return undefined;
    const title = args.title?.trim() || (await askTitle())?.trim();
    return title ? this.schedule({ args: { ...args, title }, workspaceFolder }, kind, {}) : undefined;
  }

  private async schedule(request: Request, kind: CreationKind, extras: SpecCreationExtras): Promise<vscode.Uri | undefined> {
    const created = this.queue.then(() => this.create(request, kind, extras));
    this.queue = created.catch(() => undefined);
    try {
      const uri = await created;
      if (request.args.open !== false) await this.open(uri, request.args.beside === true);
      return uri;
    } catch (error) {
      const message = error instanceof UserFacingError || error instanceof TemplateError ? error.message : `Tech Spec: could not create the ${kind.noun}: ${String(error)}`;
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  }

  /** Prompts only for what the arguments leave out. */
  private async complete(args: NewSpecArgs): Promise<Request | undefined> {
    const workspaceFolder = await this.workspaceFolderFor(args.folder, this.specKind);
    if (!workspaceFolder) return undefined;
    let title = args.title?.trim();
    // The id the spec would get, with where its number comes from when a branch took the obvious
    // one: allocated once for every prompt, each of which waits for it a little.
    let allocation: Promise<Allocation | undefined> | undefined;
    const allocated = () => withinMs((allocation ??= this.allocateQuietly(workspaceFolder)), PREVIEW_WAIT_MS);
    const heading = async () => {
      const known = await allocated();
      return known && describeAllocation(known);
    };
    if (!title) {
      const known = await allocated();
      const shown = known && describeAllocation(known);
      const writes = await this.previewFor(args, workspaceFolder, known);
      title = (
        await vscode.window.showInputBox({
          title: shown ? `New Tech Spec: ${shown}` : 'New Tech Spec',
          prompt: `Title of the spec. Writes ${writes('')}`,
          placeHolder: 'e.g. Payment retries',
          ignoreFocusOut: true,
          // Says, as the user types, which id and file the title gives.
          validateInput: (value) =>
            value.trim() ? { message: writes(value), severity: vscode.InputBoxValidationSeverity.Info } : 'The title cannot be empty.',
        })
      )?.trim();
      if (!title) return undefined;
    }
    let decisionRef = args.decisionRef;
    let relatedPrd = args.relatedPrd;
    if (args.title === undefined) {
      if (decisionRef === undefined) {
        const picked = await this.pickReference('RFC', 'Decision RFC that this spec implements (optional)', 'This spec does not implement an RFC', await heading());
        if (picked === undefined) return undefined;
        decisionRef = picked;
      }
      if (relatedPrd === undefined) {
        const picked = await this.pickReference('PRD', 'Product requirements document this spec serves (optional)', 'No related PRD', await heading());
        if (picked === undefined) return undefined;
        relatedPrd = picked;
      }
    }
    return { args: { ...args, title, decisionRef: decisionRef || undefined, relatedPrd: relatedPrd || undefined }, workspaceFolder };
  }

  /** The workspace folder of the new document; says why when there is none. */
  private async workspaceFolderFor(folder: NewSpecArgs['folder'], kind: CreationKind): Promise<vscode.WorkspaceFolder | undefined> {
    const workspaceFolder = await this.pickWorkspaceFolder(folder, kind);
    if (!workspaceFolder) {
      if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showErrorMessage(`Tech Spec: open a folder first; ${kind.nouns} are created inside a workspace folder.`);
      else if (folder !== undefined) void vscode.window.showErrorMessage(`Tech Spec: the folder "${String(folder)}" is not inside the workspace; nothing was created.`);
    }
    return workspaceFolder;
  }

  private async pickWorkspaceFolder(folder: NewSpecArgs['folder'], kind: CreationKind): Promise<vscode.WorkspaceFolder | undefined> {
    if (folder !== undefined) {
      const uri = typeof folder === 'string' ? this.uriFromString(folder) : folder;
      return uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: `Workspace folder for the new ${kind.noun}`, ignoreFocusOut: true });
  }

  private uriFromString(folder: string): vscode.Uri | undefined {
    if (/^[a-z][a-z0-9+.-]+:/i.test(folder) && !/^[A-Za-z]:[\\/]/.test(folder)) return vscode.Uri.parse(folder);
    if (folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder)) return vscode.Uri.file(folder);
    const first = vscode.workspace.workspaceFolders?.[0];
    return first ? resolveInsideFolder(first, folder) : undefined;
  }

  /** The id a new spec would get now, with its note; never rejects. */
  private async allocateQuietly(workspaceFolder: vscode.WorkspaceFolder): Promise<Allocation | undefined> {
    try {
      await this.services.index.ready();
      const config = this.services.configuration.forFolder(workspaceFolder);
      return await this.services.ids.allocate(workspaceFolder, config, this.idsInUse(techSpecType(config)));
    } catch {
      return undefined;
    }
  }

  /** `title → "TS-0009 → docs/specs/TS-0009-<slug>.md"` for the folder and id the spec would get now. */
  private async previewFor(args: NewSpecArgs, workspaceFolder: vscode.WorkspaceFolder, allocated: Allocation | undefined): Promise<(title: string) => string> {
    const config = this.services.configuration.forFolder(workspaceFolder);
    await this.services.index.ready();
    // The branch-aware id when git answered in time, else the workspace's next free one.
    const id = allocated?.id ?? nextFreeId(this.idsInUse(techSpecType(config)), config.idPrefix, config.idDigits);
    let folder: string;
    try {
      folder = vscode.workspace.asRelativePath(this.targetFolder(args, workspaceFolder, config, this.specKind), false);
    } catch {
      folder = config.specsFolder;
    }
    return (title) => newSpecPreview(id, folder, title);
  }

  /** A known id of a prefix, with titles; '' for "None", undefined when the user cancels. */
  private async pickReference(prefix: string, placeHolder: string, noneDescription: string, heading: string | undefined): Promise<string | undefined> {
    await this.services.index.ready();
    const model = this.services.index.model;
    const items: Array<vscode.QuickPickItem & { id: string }> = [{ label: 'None', description: noneDescription, id: '' }];
    for (const id of model.knownIds(prefix).sort()) {
      const owner = model.owner(id);
      items.push({ label: id, description: owner?.title ?? '', detail: owner?.status, id });
    }
    const picked = await vscode.window.showQuickPick(items, { title: heading ? `New Tech Spec: ${heading}` : 'New Tech Spec', placeHolder, ignoreFocusOut: true, matchOnDescription: true });
    return picked?.id;
  }

  private async create({ args, workspaceFolder }: Request, kind: CreationKind, extras: SpecCreationExtras): Promise<vscode.Uri> {
    const config = this.services.configuration.forFolder(workspaceFolder);
    const type = kind.typeFor(config);
    const targetFolder = this.targetFolder(args, workspaceFolder, config, kind);
    const template = await kind.template(workspaceFolder, config);
    const environment = this.environmentFor(config, workspaceFolder.uri);
    const today = formatLocalDate(environment.today());
    const author = args.author?.trim() || (await environment.author());
    await this.services.index.ready();
    // Allocated with the type's prefix, digits and folder (the folder says where other branches keep their ids).
    const typeConfig: TechSpecConfig = { ...config, idPrefix: type.prefix, idDigits: type.idDigits, specsFolder: type.folder };
    const allocation = await this.services.ids.allocate(workspaceFolder, typeConfig, this.idsInUse(type));
    if (allocation.note) this.services.log.info(`New ${type.name}: ${describeAllocation(allocation)}`);
    const title = args.title;
    const status = args.status?.trim() || type.statuses[0] || 'DRAFT';

    await vscode.workspace.fs.createDirectory(targetFolder);
    let id = allocation.id;
    for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
      const fileName = documentFileName(type, id, slugify(title));
      const uri = vscode.Uri.joinPath(targetFolder, fileName);
      const rendered = renderTemplate(template, {
        id,
        title,
        author,
        created: today,
        lastUpdated: today,
        status,
        decisionRef: args.decisionRef,
        relatedPrd: args.relatedPrd,
        idField: type.idField,
      });
      const text = withKeys(rendered, extras.frontMatter ?? {});
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
      extras.alongside?.(edit, { id, uri, today });
      // The create itself is the check: it fails if the file exists, even one that another window,
      // the CLI or a git pull wrote after the ids were read. Then: the next id.
      if (await applyIfAbsent(edit)) {
        await this.services.index.refreshFile(uri);
        if (!author && kind.authorHint) void vscode.window.showInformationMessage(`Tech Spec: ${fileName} has no author. ${kind.authorHint}`);
        return uri;
      }
      if (!(await exists(uri))) throw new UserFacingError(`Tech Spec: could not create ${vscode.workspace.asRelativePath(uri)}.`);
      this.services.log.info(`New ${type.name}: ${vscode.workspace.asRelativePath(uri)} already exists; trying the next id.`);
      id = formatId(type.prefix, (parseId(id, [type.prefix])?.number ?? 0) + 1, type.idDigits);
    }
    throw new UserFacingError(`Tech Spec: no free file name for "${title}" in ${vscode.workspace.asRelativePath(targetFolder)}.`);
  }

  /** Ids of the type in the index (files on disk, editor text winning) and in every open editor, untitled ones too. */
  private idsInUse(type: DocumentType): string[] {
    const ids = this.services.index.model.knownIds(type.prefix);
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== MARKDOWN_LANGUAGE) continue;
      const id = stringValue(this.services.parseCache.get(document).frontMatter.data, type.idField);
      if (id) ids.push(id);
    }
    return ids;
  }

  private targetFolder(args: NewSpecArgs, workspaceFolder: vscode.WorkspaceFolder, config: TechSpecConfig, kind: CreationKind): vscode.Uri {
    if (args.folder !== undefined) {
      const uri = typeof args.folder === 'string' ? this.uriFromString(args.folder) : args.folder;
      if (!uri || !isInsideFolder(workspaceFolder, uri)) throw new UserFacingError(`Tech Spec: the folder "${String(args.folder)}" is not inside the workspace.`);
      return uri;
    }
    const folder = kind.typeFor(config).folder;
    const resolved = resolveInsideFolder(workspaceFolder, folder);
    if (!resolved) throw new UserFacingError(`Tech Spec: ${kind.folderSetting} "${folder}" points outside the workspace folder; use a path inside it.`);
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

/** The rendered spec with extra front-matter keys, each through the verified key edit; a key it cannot set is left out. */
function withKeys(text: string, keys: Readonly<Record<string, string>>): string {
  let result = text;
  for (const [key, value] of Object.entries(keys)) result = setFrontMatterValue(result, key, value) ?? result;
  return result;
}

/** Applies an edit that creates a file (never over an existing one); false when the file is already there. */
async function applyIfAbsent(edit: vscode.WorkspaceEdit): Promise<boolean> {
  try {
    return await vscode.workspace.applyEdit(edit);
  } catch {
    return false;
  }
}

interface Request {
  readonly args: NewSpecArgs & { title: string };
  readonly workspaceFolder: vscode.WorkspaceFolder;
}

class UserFacingError extends Error {}
