import * as vscode from 'vscode';
import { CONFIG_SECTION, RESOURCE_SCOPED_SETTINGS, Settings } from '../constants';
import { resolveConfig, type TechSpecConfig } from '../core/config';

/**
 * Reads `techSpec.*` into a typed plain object; invalid values fall back to defaults. Resource-scoped settings are
 * read for `scope` (or for any resource), window-scoped ones without one: a window-scoped setting has one value per
 * window anyway.
 */
export function readConfig(scope?: vscode.ConfigurationScope): TechSpecConfig {
  const windowSection = vscode.workspace.getConfiguration(CONFIG_SECTION);
  // `null` asks for the value that applies to any resource; VS Code warns when a resource-scoped read names none.
  const resourceSection = vscode.workspace.getConfiguration(CONFIG_SECTION, scope ?? null);
  const raw: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(Settings)) {
    raw[key] = (RESOURCE_SCOPED_SETTINGS.has(setting) ? resourceSection : windowSection).get(setting);
  }
  return resolveConfig(raw);
}

/** Holds the current configuration and tells listeners when `techSpec.*` changes. */
export class ConfigurationService implements vscode.Disposable {
  private current = readConfig();
  private readonly emitter = new vscode.EventEmitter<TechSpecConfig>();
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(CONFIG_SECTION)) return;
    this.current = readConfig();
    this.emitter.fire(this.current);
  });

  readonly onDidChange = this.emitter.event;

  get config(): TechSpecConfig {
    return this.current;
  }

  /** Resource-scoped settings (specsFolder, templatePath) can differ per workspace folder. */
  forFolder(folder: vscode.WorkspaceFolder | undefined): TechSpecConfig {
    return folder ? readConfig(folder.uri) : this.current;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
