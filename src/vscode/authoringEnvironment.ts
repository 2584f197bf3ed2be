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
