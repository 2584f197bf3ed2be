import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { AuthoringEnvironment } from '../core/template';

const GIT_TIMEOUT_MS = 3000;
const GIT_EXTENSION_ID = 'vscode.git';

/** The few members of the built-in Git extension's API (git.d.ts, version 1) used here. */
interface GitApi {
  readonly git: { readonly path: string };
  getRepository(uri: vscode.Uri): { getConfig(key: string): Promise<string>; getGlobalConfig(key: string): Promise<string> } | null;
}
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/**
 * git's user.name for a folder, or undefined when git is missing, slow or unset, and always in
 * Restricted Mode, where no process is started. In a trusted workspace the built-in Git extension
 * is asked first (it runs the git the user configured, with the repository's own config); else git
 * runs from a neutral folder, so no `git` that the workspace ships can be the one found.
 */
export async function gitUserName(folder: vscode.Uri | undefined): Promise<string | undefined> {
  if (!vscode.workspace.isTrusted || !folder || folder.scheme !== 'file') return undefined;
  const api = gitApi();
  const repository = api?.getRepository(folder);
  if (repository) {
    const local = await repository.getConfig('user.name').catch(() => '');
    const name = local.trim() || (await repository.getGlobalConfig('user.name').catch(() => '')).trim();
    if (name) return name;
  }
  return globalGitUserName(api?.git.path);
}

/** The Git extension's API when it is already running: activating it for an author name would cost more than git itself. */
function gitApi(): GitApi | undefined {
  try {
    const extension = vscode.extensions.getExtension<GitExtension>(GIT_EXTENSION_ID);
    if (!extension?.isActive) return undefined;
    const exports = extension.exports;
    return exports?.enabled ? exports.getAPI(1) : undefined;
  } catch {
    return undefined;
  }
}

/** The user's global user.name, with the working directory outside any workspace. */
function globalGitUserName(gitPath: string | undefined): Promise<string | undefined> {
  // An absolute path only: a relative one would be looked up against the working directory.
  const program = gitPath && isAbsolute(gitPath) ? gitPath : 'git';
  return new Promise((resolve) => {
    execFile(program, ['config', '--global', 'user.name'], { cwd: os.tmpdir(), timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}

function isAbsolute(file: string): boolean {
  return file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file);
}

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

/**
 * The real clock and author: `techSpec.author`, else git's user.name, else the OS user. In
 * Restricted Mode only the setting counts: the author is otherwise left empty.
 */
export function createAuthoringEnvironment(configuredAuthor: string, folder: vscode.Uri | undefined): AuthoringEnvironment {
  return {
    today: () => new Date(),
    author: async () => {
      const configured = configuredAuthor.trim();
      if (configured || !vscode.workspace.isTrusted) return configured;
      return (await gitUserName(folder)) || osUserName();
    },
  };
}

/**
 * The author for completions and quick fixes, which VS Code asks for on many keystrokes: git is
 * asked at most once a minute per folder, not each time.
 */
export class AuthorLookup {
  private readonly cache = new Map<string, { readonly at: number; readonly author: Promise<string> }>();

  author(configuredAuthor: string, folder: vscode.Uri | undefined): Promise<string> {
    // Trust is part of the key: once granted, git is asked rather than the empty answer kept.
    const key = `${folder?.toString() ?? ''}\n${configuredAuthor}\n${vscode.workspace.isTrusted}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < AUTHOR_CACHE_MS) return cached.author;
    const author = createAuthoringEnvironment(configuredAuthor, folder).author();
    this.cache.set(key, { at: Date.now(), author });
    return author;
  }
}

const AUTHOR_CACHE_MS = 60_000;
