// Runs the real `techspec` bin (dist/cli.js) in temp folders: shared by the CLI's unit tests.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './fixtures';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const CLI_TODAY = '2026-06-01';

let built = false;

/** Bundles dist/cli.js (once per test run), so that a CLI test run alone runs today's code; fails the hook when the build fails. */
export function buildCli(): void {
  if (built) return;
  const build = spawnSync(process.execPath, [path.join('scripts', 'build.mjs')], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  built = true;
}

export function runCli(cli: string, cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): CliResult {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TECHSPEC_TODAY: CLI_TODAY, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, ...env },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Temp folders made by makeFolder, removed by removeFolders (call it in `after`). */
const temps: string[] = [];

/** A folder in the temp dir with these files (text or bytes). */
export function makeFolder(files: Readonly<Record<string, string | Uint8Array>>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'techspec-cli-'));
  temps.push(root);
  writeFiles(root, files);
  return root;
}

/** Writes these files (text or bytes) under root, making their folders. */
export function writeFiles(root: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

export function removeFolders(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
