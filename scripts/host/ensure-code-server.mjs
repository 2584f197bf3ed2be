// Installs the pinned code-servers (each a full VS Code server + web workbench) into .vscode-test/.
// They live in their own package.json files so the project's `npm ci` stays small and needs no native builds.
// Usage: `npm run host:install [-- --vscode 1.100.3|1.139.1|all] [--force] [--dir <folder>]`, or
// `import { ensureCodeServer }`. `--dir` (one version) installs into another folder, to try an install without
// touching the shared one.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const testRoot = path.join(repoRoot, '.vscode-test');

/**
 * The VS Code versions the host suites run on: the minimum that engines.vscode claims, and the newest code-server on
 * npm. 4.100.3 is VS Code 1.100.3, the last release that runs on Node 20; newer ones need Node 24, which the npm
 * package node-<platform>-<arch> provides. 1.100.3 runs code-server's own CLI; 1.139.1 honours the URL payload
 * (extension under development, tests) only with --enable-smoke-test-driver, which only the bare server accepts.
 */
export const HOSTS = {
  '1.100.3': { vscode: '1.100.3', codeServer: '4.100.3', folder: 'code-server', node: undefined, launcher: 'code-server' },
  '1.139.1': { vscode: '1.139.1', codeServer: '4.139.1', folder: 'code-server-4.139.1', node: '24.22.3', launcher: 'server-main' },
};
export const VSCODE_VERSIONS = Object.keys(HOSTS);
export const DEFAULT_VSCODE = '1.100.3';

/** Paths of one host install (in `dir`, by default its folder in .vscode-test/); throws for a version not in HOSTS. */
export function hostInfo(vscodeVersion = DEFAULT_VSCODE, dir = undefined) {
  const host = HOSTS[vscodeVersion];
  if (!host) throw new Error(`unknown VS Code version ${vscodeVersion}; known: ${VSCODE_VERSIONS.join(', ')}`);
  dir ??= path.join(testRoot, host.folder);
  const nodeDir = host.node ? path.join(dir, 'node', 'node_modules', nodePackageName()) : undefined;
  return {
    ...host,
    dir,
    entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    serverMain: path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
    // The Node that runs the server (and so the extension host): this one for Node 20, the npm package otherwise.
    nodeDir,
    nodePath: nodeDir ? path.join(nodeDir, 'bin', 'node') : process.execPath,
    marker: path.join(dir, '.installed.json'),
  };
}

function nodePackageName() {
  return `node-${process.platform}-${process.arch}`;
}

// Kept for the scripts that know only the default host.
export const CODE_SERVER_VERSION = HOSTS[DEFAULT_VSCODE].codeServer;
export const codeServerDir = hostInfo().dir;
export const codeServerEntry = hostInfo().entry;
export const chromiumPath = process.env.TECHSPEC_CHROMIUM || '/usr/bin/chromium';

// The ripgrep archive name that @vscode/ripgrep (pinned inside code-server 4.100.3) looks for in its cache.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_ASSET_VERSION = 'v13.0.0-10';

// Native modules are built against the Node that runs the server, so a Node ABI change means a reinstall.
function wantedMarker(info) {
  return info.node
    ? { codeServer: info.codeServer, node: info.node, arch: process.arch }
    : { codeServer: info.codeServer, nodeAbi: process.versions.modules, arch: process.arch };
}

export function isCodeServerInstalled(vscodeVersion = DEFAULT_VSCODE, dir = undefined) {
  const info = hostInfo(vscodeVersion, dir);
  try {
    const marker = JSON.parse(fs.readFileSync(info.marker, 'utf8'));
    const wanted = wantedMarker(info);
    return Object.keys(wanted).every((k) => marker[k] === wanted[k]) && fs.existsSync(info.entry) && fs.existsSync(info.nodePath);
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

function quietNpmEnv(extra) {
  return {
    ...process.env,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
    ...extra,
  };
}

function writePackageJson(dir, name, dependencies, allowScripts) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name,
    private: true,
    description: 'Installed by scripts/host/ensure-code-server.mjs for the tests in a real VS Code host.',
    dependencies,
    ...(allowScripts ? { allowScripts } : {}),
  }, null, 2) + '\n');
}

// code-server 4.100.3 on the system's Node 20, with the workarounds that its install needs offline and as root.
async function installOnNode20(info, tmpDir, log) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new Error(`code-server ${info.codeServer} needs Node 20, this is ${process.version}`);
  seedRipgrepCache(tmpDir, log);
  const nodeHeaders = fs.existsSync('/usr/include/node/node.h');
  if (!nodeHeaders) log('/usr/include/node/node.h not found: node-gyp may try to download headers');
  const env = quietNpmEnv({
    TMPDIR: tmpDir,
    // node-gyp must not fetch Node headers from nodejs.org; Debian's nodejs ships them under /usr/include/node.
    ...(nodeHeaders ? { npm_config_nodedir: '/usr' } : {}),
    // code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true. npm 7+
    // dropped that setting (scripts always run as the user) and warns about it in the environment,
    // so only the scripts' shell gets it; see scriptShell().
    ...(process.getuid?.() === 0 ? { npm_config_script_shell: scriptShell(tmpDir) } : {}),
    // node-pty's install runs `npx node-gyp`, which is cancelled when npm's `yes` is false.
    npm_config_yes: 'true',
  });
  await run('npm', ['install', '--no-save', '--loglevel=warn'], { cwd: info.dir, env });
}

// Newer code-servers want a newer Node: install it from npm first, then run npm itself on it, because code-server's
// install checks the Node major version, and build native modules against its headers.
async function installOnPackagedNode(info, tmpDir, log) {
  const nodeFolder = path.join(info.dir, 'node');
  writePackageJson(nodeFolder, 'techspec-node', { [nodePackageName()]: info.node });
  await run('npm', ['install', '--no-save', '--loglevel=warn'], { cwd: nodeFolder, env: quietNpmEnv({ TMPDIR: tmpDir }) });
  if (!fs.existsSync(info.nodePath)) throw new Error(`${nodePackageName()}@${info.node} installed no ${info.nodePath}`);
  log(`Node ${info.node} installed; installing code-server ${info.codeServer} with it`);
  const env = withoutParentNpm(quietNpmEnv({
    TMPDIR: tmpDir,
    PATH: `${path.dirname(info.nodePath)}${path.delimiter}${process.env.PATH ?? ''}`,
    // A user .npmrc may point nodedir at Node 20's headers.
    npm_config_nodedir: info.nodeDir,
  }));
  await run('npm', ['install', '--no-save', '--loglevel=warn'], { cwd: info.dir, env });
}

/**
 * Under `npm run host:install` the outer npm (on Node 20) leaves its settings in the environment, among them
 * npm_config_user_agent ("npm/10 node/v20…"), which the inner npm takes as its own: code-server's postinstall reads
 * the Node version from it and refuses. Only the settings made here are kept.
 */
function withoutParentNpm(env) {
  const own = new Set(['npm_config_audit', 'npm_config_fund', 'npm_config_update_notifier', 'npm_config_progress', 'npm_config_nodedir']);
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key) || own.has(key)));
}

/** Installs one host unless it is installed already (or `force`); `dir` defaults to its shared folder in .vscode-test/. */
export async function ensureCodeServer({ vscode = DEFAULT_VSCODE, force = false, log = defaultLog, dir = undefined } = {}) {
  checkChromium(log);
  const info = hostInfo(vscode, dir);
  if (!force && isCodeServerInstalled(vscode, dir)) return { ...info, installed: false, seconds: 0 };

  const started = Date.now();
  log(`installing code-server ${info.codeServer} (VS Code ${info.vscode}) into ${path.relative(repoRoot, info.dir)} (builds native modules, 2-4 min)`);
  // A previous partial install is not worth repairing.
  fs.rmSync(info.dir, { recursive: true, force: true });
  // code-server's postinstall installs VS Code's own modules; argon2 is a native addon it loads at startup.
  writePackageJson(info.dir, `techspec-code-server-${info.codeServer}`, { 'code-server': info.codeServer },
    { [`code-server@${info.codeServer}`]: true, argon2: true });
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsi-'));
  try {
    await (info.node ? installOnPackagedNode(info, tmpDir, log) : installOnNode20(info, tmpDir, log));
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  if (!fs.existsSync(info.entry)) throw new Error(`install finished but ${info.entry} is missing`);
  fs.writeFileSync(info.marker, JSON.stringify({ ...wantedMarker(info), installedAt: new Date().toISOString() }, null, 2) + '\n');
  const seconds = (Date.now() - started) / 1000;
  log(`code-server ${info.codeServer} installed in ${seconds.toFixed(1)} s`);
  return { ...info, installed: true, seconds };
}

/** `--vscode 1.100.3|1.139.1|all` (default: `fallback`) as a list of versions. */
export function parseVscodeArg(argv, fallback = 'all') {
  const at = argv.findIndex((arg) => arg === '--vscode' || arg.startsWith('--vscode='));
  const value = at < 0 ? fallback : argv[at].includes('=') ? argv[at].slice('--vscode='.length) : argv[at + 1];
  if (value === 'all') return [...VSCODE_VERSIONS];
  if (!value || !HOSTS[value]) throw new Error(`--vscode wants one of ${[...VSCODE_VERSIONS, 'all'].join(', ')}, not ${value ?? 'nothing'}`);
  return [value];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const versions = parseVscodeArg(process.argv.slice(2));
    const dirFlag = process.argv.indexOf('--dir');
    const dir = dirFlag > 0 && process.argv[dirFlag + 1] ? path.resolve(process.argv[dirFlag + 1]) : undefined;
    if (dir && versions.length > 1) throw new Error('--dir installs one version: add --vscode 1.100.3 or --vscode 1.139.1');
    for (const vscode of versions) {
      const started = Date.now();
      const result = await ensureCodeServer({ vscode, force: process.argv.includes('--force'), dir });
      if (!result.installed) {
        defaultLog(`code-server ${result.codeServer} (VS Code ${vscode}) already installed (${((Date.now() - started) / 1000).toFixed(1)} s check)`);
      }
    }
    if (!checkChromium(() => {})) process.exitCode = 1;
  } catch (error) {
    console.error(`[host:install] ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
