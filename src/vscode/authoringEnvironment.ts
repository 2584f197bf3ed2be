import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { AuthoringEnvironment } from '../core/template';

const GIT_TIMEOUT_MS = 3000;

/** git's user.name for a folder, or undefined when git is missing, slow or unset. */
export function gitUserName(folder: vscode.Uri | undefined): Promise<string | undefined> {
  if (!folder || folder.scheme !== 'file') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: folder.fsPath, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

/** The real clock and author: `techSpec.author`, else git's user.name, else the OS user. */
export function createAuthoringEnvironment(configuredAuthor: string, folder: vscode.Uri | undefined): AuthoringEnvironment {
  return {
    today: () => new Date(),
    author: async () => configuredAuthor.trim() || (await gitUserName(folder)) || osUserName(),
  };
}

/**
 * The author for completions and quick fixes, which VS Code asks for on many keystrokes: git is
 * asked at most once a minute per folder, not each time.
 */
export class AuthorLookup {
  private readonly cache = new Map<string, { readonly at: number; readonly author: Promise<string> }>();

  author(configuredAuthor: string, folder: vscode.Uri | undefined): Promise<string> {
    const key = `${folder?.toString() ?? ''}\n${configuredAuthor}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < AUTHOR_CACHE_MS) return cached.author;
    const author = createAuthoringEnvironment(configuredAuthor, folder).author();
    this.cache.set(key, { at: Date.now(), author });
    return author;
  }
}

const AUTHOR_CACHE_MS = 60_000;
