import * as vscode from 'vscode';
import { CONFIG_SECTION, RESOURCE_SCOPED_SETTINGS, Settings } from '../constants';
import { resolveConfigReport, type ConfigProblem, type TechSpecConfig } from '../core/config';
import { silentLogger, type Logger } from '../core/util/log';

/**
 * Reads `techSpec.*` into a typed plain object; invalid values fall back to defaults. Resource-scoped settings are
 * read for `scope` (or for any resource), window-scoped ones without one: a window-scoped setting has one value per
 * window anyway.
 */
export function readConfig(scope?: vscode.ConfigurationScope): TechSpecConfig {
  return readConfigReport(scope).config;
}

function readConfigReport(scope?: vscode.ConfigurationScope): { config: TechSpecConfig; problems: string[] } {
  const windowSection = vscode.workspace.getConfiguration(CONFIG_SECTION);
  // `null` asks for the value that applies to any resource; VS Code warns when a resource-scoped read names none.
  const resourceSection = vscode.workspace.getConfiguration(CONFIG_SECTION, scope ?? null);
  const raw: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(Settings)) {
    raw[key] = (RESOURCE_SCOPED_SETTINGS.has(setting) ? resourceSection : windowSection).get(setting);
  }
  const { config, problems } = resolveConfigReport(raw);
  return { config, problems: problems.map(describe) };
}

/** `techSpec.idPrefix: "1X" is not …`, the setting named as the Settings editor shows it. */
function describe(problem: ConfigProblem): string {
  const [key, ...entry] = problem.key.split('.');
  const setting = (Settings as Readonly<Record<string, string>>)[key] ?? key;
  return `${[`${CONFIG_SECTION}.${setting}`, ...entry].join('.')}: ${problem.message}`;
}

/**
 * Holds the current configuration and tells listeners when `techSpec.*` changes. A value it cannot
 * use is said once, as a warning and in the log, and the default applies.
 */
export class ConfigurationService implements vscode.Disposable {
  private current: TechSpecConfig;
  /** Problems already shown, so that each read (per folder, per request) does not repeat them. */
  private shown = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<TechSpecConfig>();
  private readonly subscription: vscode.Disposable;

  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: Logger = silentLogger) {
    this.current = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      this.current = this.read(undefined, true);
      this.emitter.fire(this.current);
    });
  }

  get config(): TechSpecConfig {
    return this.current;
  }

  /** The settings problems said so far and still present in the window's settings. */
  get problems(): readonly string[] {
    return [...this.shown];
  }

  /** Resource-scoped settings (specsFolder, templatePath) can differ per workspace folder. */
  forFolder(folder: vscode.WorkspaceFolder | undefined): TechSpecConfig {
    return folder ? this.read(folder.uri) : this.current;
  }

  private read(scope?: vscode.ConfigurationScope, changed = false): TechSpecConfig {
    const { config, problems } = readConfigReport(scope);
    // After a change, a problem that is gone may be said again if it comes back.
    if (changed) this.shown = new Set(problems.filter((problem) => this.shown.has(problem)));
    const fresh = problems.filter((problem) => !this.shown.has(problem));
    for (const problem of fresh) {
      this.shown.add(problem);
      this.log.warn(`setting ${problem}`);
    }
    if (fresh.length > 0) {
      const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more in the Tech Spec log)` : '';
      void vscode.window.showWarningMessage(`Tech Spec: ${fresh[0]}${more}`);
    }
    return config;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
