import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { SystemAuthor } from '../authoringEnvironment';

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

function osUserName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return process.env.USER || process.env.USERNAME || undefined;
  }
}

/** In the Node host: git's user.name (the Git extension's, else the global one), else the OS user. */
export const nodeSystemAuthor: SystemAuthor = {
  find: async (folder) => (await gitUserName(folder)) || osUserName(),
};
