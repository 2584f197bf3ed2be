import * as vscode from 'vscode';
import { CONFIG_SECTION, Settings } from '../constants';
import { resolveConfig, type TechSpecConfig } from '../core/config';

/** Reads `techSpec.*` into a typed plain object; invalid values fall back to defaults. */
export function readConfig(scope?: vscode.ConfigurationScope): TechSpecConfig {
  const section = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const raw: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(Settings)) raw[key] = section.get(setting);
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
