import * as vscode from 'vscode';
import type { TechSpecConfig } from '../core/config';
import { decodeText } from '../core/encoding';
import { templateModelFor, type TemplateModel } from '../core/lint';
import { checkTemplate, creationTemplate, isSpecType, templateOptionsFor, type DocumentType, type TemplateLocation } from '../core/types';
import { resolveInsideFolder } from './paths';

export class TemplateError extends Error {}

/**
 * Reads the spec template: `techSpec.templatePath` inside the workspace folder, else the built-in
 * one. Results are cached per folder and dropped when settings or the template file change.
 */
export class TemplateSource implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<string>>();
  private readonly models = new Map<string, Promise<TemplateModel>>();
  private readonly watcher = vscode.workspace.onDidSaveTextDocument(() => this.clear());

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The template text; throws TemplateError with a message for the user. */
  text(folder: vscode.WorkspaceFolder | undefined, config: TechSpecConfig): Promise<string> {
    const key = `${folder?.uri.toString() ?? ''}|${config.templatePath}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.read(folder, config);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return pending;
  }

  /** The model the checks use; falls back to the built-in template when the custom one is unusable. */
  model(folder: vscode.WorkspaceFolder | undefined, config: TechSpecConfig): Promise<TemplateModel> {
    const key = `${folder?.uri.toString() ?? ''}|${config.templatePath}|${JSON.stringify([config.checklistSection, config.optionalSectionMarkers, config.optionalKeys])}`;
    let pending = this.models.get(key);
    if (!pending) {
      pending = this.text(folder, config)
        .catch(() => this.text(undefined, { ...config, templatePath: '' }))
        .then((text) => templateModelFor(text, config));
      this.models.set(key, pending);
    }
    return pending;
  }

  /** The template New Document renders for a type: the tech spec's as `text()` reads it, another type's file or shipped text. */
  typeText(folder: vscode.WorkspaceFolder | undefined, config: TechSpecConfig, type: DocumentType): Promise<string> {
    return this.located(folder, config, creationTemplate(type));
  }

  /**
   * The model a document of this type is checked against; undefined for a type without a template.
   * The tech spec type as today's settings give it is `model()` itself.
   */
  async typeModel(folder: vscode.WorkspaceFolder | undefined, config: TechSpecConfig, type: DocumentType): Promise<TemplateModel | undefined> {
    const location = checkTemplate(type);
    if (!location) return undefined;
    if (isSpecType(type) && (location.kind === 'seed' ? config.templatePath.trim() === '' : location.kind === 'file' && location.path === config.templatePath.trim())) return this.model(folder, config);
    const text = await this.located(folder, config, location).catch(() => this.located(undefined, config, creationTemplate({ ...type, template: '' })));
    return templateModelFor(text, templateOptionsFor(config, type));
  }

  private located(folder: vscode.WorkspaceFolder | undefined, config: TechSpecConfig, location: TemplateLocation): Promise<string> {
    switch (location.kind) {
      case 'text':
        return Promise.resolve(location.text);
      case 'seed':
        return this.text(folder, { ...config, templatePath: '' });
      case 'file':
        return this.text(folder, { ...config, templatePath: location.path });
    }
  }

  clear(): void {
    this.cache.clear();
    this.models.clear();
  }

  private async read(folder: vscode.WorkspaceFolder | undefined, config: TechSpecConfig): Promise<string> {
    let uri: vscode.Uri;
    const custom = config.templatePath.trim();
    if (custom) {
      const resolved = folder ? resolveInsideFolder(folder, custom) : undefined;
      if (!resolved) throw new TemplateError(`Tech Spec: techSpec.templatePath "${custom}" points outside the workspace folder; nothing was created.`);
      uri = resolved;
    } else {
      uri = vscode.Uri.joinPath(this.extensionUri, 'templates', 'tech-spec-template.md');
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      throw new TemplateError(`Tech Spec: the template "${custom || uri.fsPath}" could not be read; nothing was created. Check techSpec.templatePath.`);
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new TemplateError(`Tech Spec: the template "${custom}" is not a text file (${decoded.reason}); nothing was created.`);
    return decoded.text;
  }

  dispose(): void {
    this.watcher.dispose();
    this.clear();
  }
}
