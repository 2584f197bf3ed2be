import * as vscode from 'vscode';
import { Settings, CONFIG_SECTION } from '../constants';
import type { AuthoringEnvironment } from '../core/template';
import { silentLogger, type Logger } from '../core/util/log';

/** The author that the machine knows, for when `techSpec.author` is empty. Each extension host has its own. */
export interface SystemAuthor {
  /** git's user.name, then the OS user (the Node host); undefined when none is known. Only asked in a trusted workspace. */
  find(folder: vscode.Uri | undefined): Promise<string | undefined>;
  /** Why this host never knows one (the browser): said once, with how to set the author instead. */
  readonly unavailable?: string;
}

/**
 * The author for New Tech Spec, completions and quick fixes: `techSpec.author`, else the system's. In Restricted Mode
 * only the setting counts (no process is started): the author is otherwise left empty. VS Code asks for completions
 * on many keystrokes, so the system is asked at most once a minute per folder, not each time.
 */
export class AuthorLookup {
  private readonly cache = new Map<string, { readonly at: number; readonly author: Promise<string> }>();
  private told = false;

  constructor(
    private readonly system: SystemAuthor,
    private readonly log: Logger = silentLogger,
  ) {}

  author(configuredAuthor: string, folder: vscode.Uri | undefined): Promise<string> {
    const configured = configuredAuthor.trim();
    if (configured) return Promise.resolve(configured);
    if (!vscode.workspace.isTrusted) return Promise.resolve('');
    const key = folder?.toString() ?? '';
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < AUTHOR_CACHE_MS) return cached.author;
    const author = this.system.find(folder).then((found) => found ?? this.none());
    this.cache.set(key, { at: Date.now(), author });
    return author;
  }

  /** Why no author is known when `author()` gives none: for a question that asks the user instead. */
  whyUnknown(): string {
    if (!vscode.workspace.isTrusted) return 'Restricted Mode does not ask git';
    return this.system.unavailable ?? 'neither git nor the OS gave a user name';
  }

  /** The real clock and this author. */
  environment(configuredAuthor: string, folder: vscode.Uri | undefined): AuthoringEnvironment {
    return { today: () => new Date(), author: () => this.author(configuredAuthor, folder) };
  }

  private none(): string {
    if (!this.told) {
      this.told = true;
      const why = this.whyUnknown();
      this.log.info(`No author for new specs and front matter: ${why}. Set ${CONFIG_SECTION}.${Settings.author} to fill it.`);
    }
    return '';
  }
}

const AUTHOR_CACHE_MS = 60_000;
