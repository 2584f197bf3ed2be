// Runs git for Node hosts (the extension's Node build and the CLI). No `vscode` here: a browser
// build swaps this file for nothing, and the CLI shares it.
//
// Trust: the workspace picks the repository (`-C`), never the program. `git` comes from PATH, and
// the process starts in a neutral folder, so that a `git.exe` shipped in the workspace is never the
// one found. Options that could run workspace-configured programs are turned off.
import { spawn, spawnSync } from 'node:child_process';
import * as os from 'node:os';

export interface GitResult {
  readonly ok: boolean;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface GitOptions {
  readonly input?: string;
  readonly timeoutMs: number;
  /** stdout beyond this many bytes ends the process: the caller falls back. */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

function gitArgs(repo: string, args: readonly string[]): string[] {
  return ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', '--no-optional-locks', '--literal-pathspecs', '-C', repo, ...args];
}

function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
}

export function runGit(repo: string, args: readonly string[], options: GitOptions): Promise<GitResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const finish = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ok, stdout: Buffer.concat(chunks), stderr, timedOut });
    };
    const child = spawn('git', gitArgs(repo, args), { cwd: os.tmpdir(), env: gitEnv(), windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
      finish(false);
    }, Math.max(1, options.timeoutMs));
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > (options.maxBytes ?? DEFAULT_MAX_BYTES)) {
        child.kill();
        finish(false);
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      stderr += error.message;
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
    // A git that exits early closes stdin: ignore the EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

export function runGitSync(repo: string, args: readonly string[], options: GitOptions): GitResult {
  const result = spawnSync('git', gitArgs(repo, args), {
    cwd: os.tmpdir(),
    env: gitEnv(),
    windowsHide: true,
    input: options.input ?? '',
    timeout: options.timeoutMs,
    maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES,
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return {
    ok: !result.error && result.status === 0,
    stdout: result.stdout ?? Buffer.alloc(0),
    stderr: `${result.stderr?.toString('utf8') ?? ''}${result.error ? result.error.message : ''}`,
    timedOut,
  };
}
