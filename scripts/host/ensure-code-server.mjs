// Installs the pinned code-server (= a full VS Code server + web workbench) into .vscode-test/code-server.
// It lives in its own package.json so the project's `npm ci` stays small and needs no native builds.
// Usage: `npm run host:install` (add `--force` to reinstall), or `import { ensureCodeServer }`.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// 4.100.3 is VS Code 1.100.3, the last release that runs on Node 20 (our engines.vscode floor is 1.100).
export const CODE_SERVER_VERSION = '4.100.3';
// The ripgrep archive name that @vscode/ripgrep (pinned inside code-server) looks for in its cache.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_ASSET_VERSION = 'v13.0.0-10';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const markerOf = (dir) => path.join(dir, '.installed.json');
const entryOf = (dir) => path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const codeServerDir = path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerEntry = entryOf(codeServerDir);
export const chromiumPath = process.env.TECHSPEC_CHROMIUM || '/usr/bin/chromium';

// Native modules are built against the running Node, so a Node ABI change means a reinstall.
function wantedMarker() {
  return { codeServer: CODE_SERVER_VERSION, nodeAbi: process.versions.modules, arch: process.arch };
}

export function isCodeServerInstalled(dir = codeServerDir) {
  try {
    const marker = JSON.parse(fs.readFileSync(markerOf(dir), 'utf8'));
    const wanted = wantedMarker();
    return Object.keys(wanted).every((k) => marker[k] === wanted[k]) && fs.existsSync(entryOf(dir));
  } catch {
    return false;
  }
}

const defaultLog = (message) => console.log(`[host:install] ${message}`);

export function checkChromium(log = defaultLog) {
  if (fs.existsSync(chromiumPath)) return true;
  const hint = process.getuid?.() === 0
    ? 'run: apt-get update && apt-get install -y chromium   (.ci/run does this)'
    : 'ask an administrator to install the Debian package "chromium", or set TECHSPEC_CHROMIUM';
  log(`${chromiumPath} is missing: ${hint}`);
  return false;
}

function ripgrepTarget() {
  const targets = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
  return process.platform === 'linux' ? targets[process.arch] : undefined;
}

// @vscode/ripgrep downloads rg from GitHub, which is unreachable here. It first looks in
// $TMPDIR/vscode-ripgrep-cache-<ver>/, so we pre-seed that cache with Debian's rg (same 13.0.0).
function seedRipgrepCache(tmpDir, log) {
  const rg = process.env.TECHSPEC_RG || '/usr/bin/rg';
  const target = ripgrepTarget();
  if (!target || !fs.existsSync(rg)) {
    log(`no ${rg} to seed the ripgrep cache; @vscode/ripgrep will try to download it`);
    return;
  }
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const stage = path.join(tmpDir, 'rg-stage');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_ASSET_VERSION}-${target}.tar.gz`);
  execFileSync('tar', ['-czf', archive, '-C', stage, 'rg']);
}

/**
 * A shell for npm's lifecycle scripts that sets npm_config_unsafe_perm=true for them alone: the
 * check in code-server's postinstall is satisfied, and npm itself never sees a setting it no
 * longer knows (`npm warn Unknown env config "unsafe-perm"`).
 */
function scriptShell(tmpDir) {
  const shell = path.join(tmpDir, 'script-shell.sh');
  fs.writeFileSync(shell, '#!/bin/sh\nnpm_config_unsafe_perm=true\nexport npm_config_unsafe_perm\nexec /bin/sh "$@"\n', { mode: 0o755 });
  return shell;
}

function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)));
  });
}

/** `dir` defaults to the shared .vscode-test/code-server; another folder lets an install be tried without touching it. */
export async function ensureCodeServer({ force = false, log = defaultLog, dir = codeServerDir } = {}) {
  checkChromium(log);
  if (!force && isCodeServerInstalled(dir)) {
    return { dir, entry: entryOf(dir), installed: false, seconds: 0 };
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20, this is ${process.version}`);

  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(repoRoot, dir)} (builds native modules, ~2 min)`);
  // A previous partial install is not worth repairing.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'techspec-code-server',
    private: true,
    description: 'The VS Code server that scripts/host runs the extension in. Installed by scripts/host/ensure-code-server.mjs.',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    // code-server's postinstall installs VS Code's own modules; argon2 is a native addon it loads at startup.
    allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
  }, null, 2) + '\n');

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsi-'));
  try {
    seedRipgrepCache(tmpDir, log);
    const nodeHeaders = fs.existsSync('/usr/include/node/node.h');
    const env = {
      ...process.env,
      TMPDIR: tmpDir,
      // node-gyp must not fetch Node headers from nodejs.org; Debian's nodejs ships them under /usr/include/node.
      ...(nodeHeaders ? { npm_config_nodedir: '/usr' } : {}),
      // code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true. npm 7+
      // dropped that setting (scripts always run as the user) and warns about it in the environment,
      // so only the scripts' shell gets it; see scriptShell().
      ...(process.getuid?.() === 0 ? { npm_config_script_shell: scriptShell(tmpDir) } : {}),
      // node-pty's install runs `npx node-gyp`, which is cancelled when npm's `yes` is false.
      npm_config_yes: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_progress: 'false',
    };
    if (!nodeHeaders) log('/usr/include/node/node.h not found: node-gyp may try to download headers');
    await run('npm', ['install', '--no-save', '--loglevel=warn'], { cwd: dir, env });
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  if (!fs.existsSync(entryOf(dir))) throw new Error(`install finished but ${entryOf(dir)} is missing`);
  fs.writeFileSync(markerOf(dir), JSON.stringify({ ...wantedMarker(), installedAt: new Date().toISOString() }, null, 2) + '\n');
  const seconds = (Date.now() - started) / 1000;
  log(`code-server ${CODE_SERVER_VERSION} installed in ${seconds.toFixed(1)} s`);
  return { dir, entry: entryOf(dir), installed: true, seconds };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const dirFlag = process.argv.indexOf('--dir');
    const dir = dirFlag > 0 && process.argv[dirFlag + 1] ? path.resolve(process.argv[dirFlag + 1]) : codeServerDir;
    const result = await ensureCodeServer({ force: process.argv.includes('--force'), dir });
    if (!result.installed) {
      defaultLog(`code-server ${CODE_SERVER_VERSION} already installed (${((Date.now() - started) / 1000).toFixed(1)} s check)`);
    }
    if (!checkChromium(() => {})) process.exitCode = 1;
  } catch (error) {
    console.error(`[host:install] ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
