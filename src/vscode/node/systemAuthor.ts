import { execFile } from 'node:child_process';
import * as os from 'node:os';
import type * as vscode from 'vscode';
import type { SystemAuthor } from '../authoringEnvironment';

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

function osUserName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return process.env.USER || process.env.USERNAME || undefined;
  }
}

/** In the Node host: git's user.name, else the OS user. */
export const nodeSystemAuthor: SystemAuthor = {
  find: async (folder) => (await gitUserName(folder)) || osUserName(),
};
