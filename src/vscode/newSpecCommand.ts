import * as vscode from 'vscode';
import { Commands, MARKDOWN_LANGUAGE } from '../constants';
import type { TechSpecConfig } from '../core/config';
import { setFrontMatterValue, stringValue } from '../core/frontMatter';
import { formatId, nextFreeId, parseId } from '../core/ids';
import { newSpecPreview } from '../core/newSpecPreview';
import { firstPlaceholder, formatLocalDate, renderTemplate, specFileName, type AuthoringEnvironment } from '../core/template';
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

export class SpecCreator {
  /** Creations run one at a time, so two at once never pick the same id. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly services: Services,
    private readonly environmentFor: (config: TechSpecConfig, folder: vscode.Uri) => AuthoringEnvironment,
  ) {}

  async run(args: NewSpecArgs, extras: SpecCreationExtras = {}): Promise<vscode.Uri | undefined> {
    const request = await this.complete(args);
    if (!request) return undefined;
    const created = this.queue.then(() => this.create(request, extras));
    this.queue = created.catch(() => undefined);
    try {
      const uri = await created;
      if (args.open !== false) await this.open(uri, args.beside === true);
      return uri;
    } catch (error) {
      const message = error instanceof UserFacingError || error instanceof TemplateError ? error.message : `Tech Spec: could not create the spec: ${String(error)}`;
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  }

  /** Prompts only for what the arguments leave out. */
  private async complete(args: NewSpecArgs): Promise<Request | undefined> {
    const workspaceFolder = await this.pickWorkspaceFolder(args.folder);
    if (!workspaceFolder) {
      if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showErrorMessage('Tech Spec: open a folder first; specs are created inside a workspace folder.');
      else if (args.folder !== undefined) void vscode.window.showErrorMessage(`Tech Spec: the folder "${String(args.folder)}" is not inside the workspace; nothing was created.`);
      return undefined;
    }
    let title = args.title?.trim();
    // Where the number comes from, when a branch took the obvious one: shown if known in time.
    let preview: Promise<string | undefined> | undefined;
    const heading = () => withinMs((preview ??= this.previewId(workspaceFolder)), PREVIEW_WAIT_MS);
    if (!title) {
      const shown = await heading();
      const writes = await this.previewFor(args, workspaceFolder);
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

  private async pickWorkspaceFolder(folder: NewSpecArgs['folder']): Promise<vscode.WorkspaceFolder | undefined> {
    if (folder !== undefined) {
      const uri = typeof folder === 'string' ? this.uriFromString(folder) : folder;
      return uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new spec', ignoreFocusOut: true });
  }

  private uriFromString(folder: string): vscode.Uri | undefined {
    if (/^[a-z][a-z0-9+.-]+:/i.test(folder) && !/^[A-Za-z]:[\\/]/.test(folder)) return vscode.Uri.parse(folder);
    if (folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder)) return vscode.Uri.file(folder);
    const first = vscode.workspace.workspaceFolders?.[0];
    return first ? resolveInsideFolder(first, folder) : undefined;
  }

  /** The id a new spec would get now, with its note; never rejects. */
  private async previewId(workspaceFolder: vscode.WorkspaceFolder): Promise<string | undefined> {
    try {
      await this.services.index.ready();
      const config = this.services.configuration.forFolder(workspaceFolder);
      return describeAllocation(await this.services.ids.allocate(workspaceFolder, config, this.idsInUse(config)));
    } catch {
      return undefined;
    }
  }

  /** `title → "TS-0009 → docs/specs/TS-0009-<slug>.md"` for the folder and id the spec would get now. */
  private async previewFor(args: NewSpecArgs, workspaceFolder: vscode.WorkspaceFolder): Promise<(title: string) => string> {
    const config = this.services.configuration.forFolder(workspaceFolder);
    await this.services.index.ready();
    // The branch-aware id when git answers in time, else the workspace's next free one.
    const allocated = await withinMs(this.services.ids.allocate(workspaceFolder, config, this.idsInUse(config)).catch(() => undefined), PREVIEW_WAIT_MS);
    const id = allocated?.id ?? nextFreeId(this.idsInUse(config), config.idPrefix, config.idDigits);
    let folder: string;
    try {
      folder = vscode.workspace.asRelativePath(this.targetFolder(args, workspaceFolder, config), false);
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

  private async create({ args, workspaceFolder }: Request, extras: SpecCreationExtras): Promise<vscode.Uri> {
    const config = this.services.configuration.forFolder(workspaceFolder);
    const targetFolder = this.targetFolder(args, workspaceFolder, config);
    const template = await this.services.templates.text(workspaceFolder, config);
    const environment = this.environmentFor(config, workspaceFolder.uri);
    const today = formatLocalDate(environment.today());
    const author = args.author?.trim() || (await environment.author());
    await this.services.index.ready();
    const allocation = await this.services.ids.allocate(workspaceFolder, config, this.idsInUse(config));
    if (allocation.note) this.services.log.info(`New Tech Spec: ${describeAllocation(allocation)}`);
    const title = args.title ?? '';

    await vscode.workspace.fs.createDirectory(targetFolder);
    let id = allocation.id;
    for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
      const uri = vscode.Uri.joinPath(targetFolder, specFileName(id, title));
      const rendered = renderTemplate(template, {
        id,
        title,
        author,
        created: today,
        lastUpdated: today,
        status: args.status?.trim() || config.statuses[0] || 'DRAFT',
        decisionRef: args.decisionRef,
        relatedPrd: args.relatedPrd,
      });
      const text = withKeys(rendered, extras.frontMatter ?? {});
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
      extras.alongside?.(edit, { id, uri, today });
      // The create itself is the check: it fails if the file exists, even one that another window,
      // the CLI or a git pull wrote after the ids were read. Then: the next id.
      if (await applyIfAbsent(edit)) {
        await this.services.index.refreshFile(uri);
        if (!author) void vscode.window.showInformationMessage(`Tech Spec: ${specFileName(id, title)} has no author. Set techSpec.author to fill it in new specs.`);
        return uri;
      }
      if (!(await exists(uri))) throw new UserFacingError(`Tech Spec: could not create ${vscode.workspace.asRelativePath(uri)}.`);
      this.services.log.info(`New Tech Spec: ${vscode.workspace.asRelativePath(uri)} already exists; trying the next id.`);
      const parsed = parseId(id, [config.idPrefix]);
      id = formatId(config.idPrefix, (parsed?.number ?? 0) + 1, config.idDigits);
    }
    throw new UserFacingError(`Tech Spec: no free file name for "${title}" in ${vscode.workspace.asRelativePath(targetFolder)}.`);
  }

  /** Ids in the index (files on disk, editor text winning) and in every open editor, untitled ones too. */
  private idsInUse(config: TechSpecConfig): string[] {
    const ids = this.services.index.model.knownIds(config.idPrefix);
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== MARKDOWN_LANGUAGE) continue;
      const id = stringValue(this.services.parseCache.get(document).frontMatter.data, 'tech_spec_id');
      if (id) ids.push(id);
    }
    return ids;
  }

  private targetFolder(args: NewSpecArgs, workspaceFolder: vscode.WorkspaceFolder, config: TechSpecConfig): vscode.Uri {
    if (args.folder !== undefined) {
      const uri = typeof args.folder === 'string' ? this.uriFromString(args.folder) : args.folder;
      if (!uri || !isInsideFolder(workspaceFolder, uri)) throw new UserFacingError(`Tech Spec: the folder "${String(args.folder)}" is not inside the workspace.`);
      return uri;
    }
    const resolved = resolveInsideFolder(workspaceFolder, config.specsFolder);
    if (!resolved) throw new UserFacingError(`Tech Spec: techSpec.specsFolder "${config.specsFolder}" points outside the workspace folder; use a path inside it.`);
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
/** Creates the file with this content unless a file is already there; false when one is. */
export async function createFileIfAbsent(uri: vscode.Uri, contents: Uint8Array): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents });
  return applyIfAbsent(edit);
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
