// Runs the extension in a real VS Code extension host without downloading VS Code or Electron:
// code-server (npm) serves VS Code 1.100.3, Debian's Chromium opens the workbench, and the
// workbench starts the server-side Node.js extension host with our extension under development.
// Used by the integration tests (test-host.mjs) and reusable for `npm start`, screenshots and benchmarks.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { chromium } from 'playwright-core';
import { chromiumPath, DEFAULT_VSCODE, hostInfo, isCodeServerInstalled, repoRoot } from './ensure-code-server.mjs';

export const logsRoot = path.join(repoRoot, '.vscode-test', 'logs');
// What each launcher prints once it serves the workbench.
const READY_LINES = { 'code-server': 'HTTP server listening on', 'server-main': 'Extension host agent listening on' };
const DEFAULT_TIMEOUT_S = 600;
const PAGE_LOAD_TIMEOUT_MS = 180_000;
const MAX_BUFFERED_LINES = 5000;
const KEPT_LOG_DIRS = 20;

// Quiet, offline, deterministic workbench. Tests that need more pass `settings`.
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'security.workspace.trust.enabled': false,
  // The browser workbench saves dirty editors after a delay by default (1.139 in this harness): tests that type, revert
  // or undo need them kept.
  'files.autoSave': 'off',
  // 1.139 opens the Chat view and its agent host at start: noise and load that the tests do not use.
  'chat.disableAIFeatures': true,
};

// Trust on, no prompt: a folder opened for the first time stays in Restricted Mode.
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

const defaultLog = (message) => console.error(`[host] ${message}`);

/** Overall timeout for a run, from TECHSPEC_HOST_TIMEOUT (seconds); default 10 minutes. */
export function hostTimeoutMs() {
  const seconds = Number(process.env.TECHSPEC_HOST_TIMEOUT);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TIMEOUT_S) * 1000;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Unix socket paths are limited to ~100 chars, so keep the private TMPDIR short.
function makeTempBase(prefix) {
  const parent = os.tmpdir().length <= 40 ? os.tmpdir() : '/tmp';
  return fs.mkdtempSync(path.join(parent, prefix));
}

function ringBuffer() {
  const lines = [];
  return {
    lines,
    push(line) {
      lines.push(line);
      if (lines.length > MAX_BUFFERED_LINES) lines.splice(0, lines.length - MAX_BUFFERED_LINES);
    },
  };
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Sync removal on any exit path (including a signal handler's process.exit) so no temp dir leaks.
const exitCleanups = new Set();
process.on('exit', () => { for (const cleanup of exitCleanups) cleanup(); });
export function removeOnExit(dir) {
  const cleanup = () => {
    exitCleanups.delete(cleanup);
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  exitCleanups.add(cleanup);
  return cleanup;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * The server's command line. code-server's CLI serves 1.100.3; newer releases honour the URL payload only with the
 * smoke-test driver on, which only VS Code's own server-main accepts (code-server's patches are in it all the same).
 */
function serverArgs(info, { port, config, dirs, restricted }) {
  const trust = restricted ? [] : ['--disable-workspace-trust'];
  if (info.launcher === 'server-main') {
    return [
      info.serverMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--server-data-dir', dirs.server,
      '--user-data-dir', dirs.user,
      '--extensions-dir', dirs.ext,
      '--disable-telemetry',
      '--disable-update-check',
      ...trust,
    ];
  }
  return [
    info.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', config,
    '--user-data-dir', dirs.user,
    '--extensions-dir', dirs.ext,
    '--disable-telemetry',
    '--disable-update-check',
    ...trust,
    '--ignore-last-opened',
  ];
}

/**
 * Starts code-server and opens the workbench in headless Chromium.
 * @param {object} options
 * @param {string} [options.vscode] which VS Code (a key of HOSTS in ensure-code-server.mjs); default 1.100.3
 * @param {string} [options.workspace] absolute folder, or .code-workspace file, to open
 * @param {string} [options.extensionDevelopmentPath] absolute path of the extension to load
 * @param {string} [options.extensionTestsPath] absolute path of a module exporting `run()`; turns on test mode
 * @param {Record<string,string>} [options.env] extra environment for the server, inherited by the extension host
 * @param {number} [options.port] default: a free port
 * @param {object} [options.settings] user settings merged over DEFAULT_SETTINGS
 * @param {boolean} [options.restricted] default false: workspace trust on and the folder left untrusted (Restricted Mode)
 * @param {boolean} [options.headless] default true
 * @param {boolean} [options.openBrowser] default true; false starts only the server (`npm start`): `url` is set and
 *   `page`/`browser` stay undefined, for a browser that someone else opens
 * @param {boolean} [options.handleSignals] default true: SIGINT/SIGTERM close the host and exit the process; pass
 *   false when the caller handles signals itself
 * @param {{width:number,height:number}} [options.viewport]
 * @param {boolean} [options.verbose] echo server output and browser console (default: TECHSPEC_HOST_VERBOSE=1)
 * @param {number} [options.startTimeoutMs] how long the server may take to listen
 * @param {(message: string) => void} [options.log]
 */
export async function startHost(options = {}) {
  const {
    vscode = DEFAULT_VSCODE,
    workspace,
    extensionDevelopmentPath,
    extensionTestsPath,
    env = {},
    settings = {},
    restricted = false,
    headless = true,
    openBrowser = true,
    handleSignals = true,
    viewport = { width: 1400, height: 900 },
    verbose = process.env.TECHSPEC_HOST_VERBOSE === '1',
    startTimeoutMs = 60_000,
    log = defaultLog,
  } = options;
  const info = hostInfo(vscode);
  if (!isCodeServerInstalled(vscode)) throw new Error(`code-server ${info.codeServer} is not installed: run \`npm run host:install -- --vscode ${vscode}\``);
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);

  const port = options.port ?? await freePort();
  const base = makeTempBase('tsh-');
  const removeBase = removeOnExit(base);
  const dirs = {
    base,
    home: path.join(base, 'home'),
    tmp: path.join(base, 'tmp'),
    run: path.join(base, 'run'),
    user: path.join(base, 'user'),
    ext: path.join(base, 'ext'),
    server: path.join(base, 'server'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.user, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(restricted ? RESTRICTED_SETTINGS : {}), ...settings }, null, 2));
  const config = path.join(base, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  // Both processes write config, logs and sockets under ~ and $TMPDIR: keep all of it in `base`.
  const isolatedEnv = {
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
    XDG_RUNTIME_DIR: dirs.run,
    TMPDIR: dirs.tmp,
  };
  const inherited = Object.fromEntries(Object.entries(process.env)
    // Variables of an enclosing VS Code (integrated terminal) would redirect the CLI and IPC.
    .filter(([key]) => !key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE'));
  const serverEnv = { ...inherited, ...isolatedEnv, ...env };

  const serverOutput = ringBuffer();
  const browserConsole = ringBuffer();
  let server;
  let browser;
  let closing;
  let exitInfo;
  let resolveExited;
  const exited = new Promise((resolve) => { resolveExited = resolve; });
  const finish = (info) => {
    if (exitInfo) return;
    exitInfo = info;
    resolveExited(info);
  };

  // Last resort if the harness dies without close(): never leave a server group behind.
  const onProcessExit = () => { if (server?.pid) killGroup(server.pid, 'SIGKILL'); };
  const onSignal = (signal) => {
    log(`received ${signal}, shutting down`);
    void close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('exit', onProcessExit);
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  /** Ends the browser and the server's whole process group, and removes the throwaway dirs. Idempotent. */
  function close() {
    closing ??= closeNow();
    return closing;
  }

  async function closeNow() {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (browser) await withTimeout(browser.close(), 10_000, 'browser.close timed out').catch((e) => log(e.message));
    if (server?.pid) {
      const serverGone = new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null
        ? resolve() : server.once('exit', resolve)));
      killGroup(server.pid, 'SIGTERM');
      await withTimeout(serverGone, 5_000, 'server ignored SIGTERM').catch((e) => log(e.message));
      // Children such as the extension host can outlive the server: end the whole group.
      killGroup(server.pid, 'SIGKILL');
    }
    process.off('exit', onProcessExit);
    removeBase();
  }

  async function saveLogs(label = 'failure') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dir = path.join(logsRoot, `${stamp}-${label}`);
    fs.mkdirSync(dir, { recursive: true });
    // Names start with an ISO time stamp, so sorting them sorts by age.
    for (const old of fs.readdirSync(logsRoot).sort().slice(0, -KEPT_LOG_DIRS)) {
      fs.rmSync(path.join(logsRoot, old), { recursive: true, force: true });
    }
    fs.writeFileSync(path.join(dir, 'server.log'), serverOutput.lines.join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'browser-console.log'), browserConsole.lines.join('\n') + '\n');
    for (const entry of exitInfo?.logs ?? []) {
      if (!entry || typeof entry.relativePath !== 'string') continue;
      const target = path.join(dir, 'workbench', path.normalize(entry.relativePath).replace(/^(\.\.[/\\])+/, ''));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, String(entry.contents ?? ''));
    }
    // Server-side logs, including the extension host's.
    const serverLogs = path.join(dirs.user, 'logs');
    if (fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(dir, 'server-logs'), { recursive: true });
    const page = hostHandle.page;
    if (page && !page.isClosed()) {
      await withTimeout(page.screenshot({ path: path.join(dir, 'workbench.png') }), 10_000, 'screenshot timed out')
        .catch(() => undefined);
    }
    return dir;
  }

  const hostHandle = {
    port, url: undefined, page: undefined, browser: undefined, exited, close, saveLogs, dirs, serverOutput, browserConsole,
    get closed() { return closing !== undefined; },
  };

  try {
    server = spawn(info.nodePath, serverArgs(info, { port, config, dirs, restricted }),
      { cwd: base, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

    const ready = new Promise((resolve, reject) => {
      const onData = (chunk) => {
        for (const line of chunk.toString().split(/\r?\n/)) {
          if (!line) continue;
          serverOutput.push(line);
          if (verbose) log(`server: ${line}`);
          if (line.includes(READY_LINES[info.launcher])) resolve();
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.once('error', reject);
      server.once('exit', (code, signal) => {
        const reason = closing ? 'the host was closed' : `code-server exited (${signal ?? `exit ${code}`})`;
        reject(new Error(`${reason} before listening:\n${serverOutput.lines.slice(-30).join('\n')}`));
        finish({ code: code || 1, logs: [], reason });
      });
    });
    await withTimeout(ready, startTimeoutMs, `code-server did not listen within ${startTimeoutMs / 1000} s`);

    // The payload names the extension (and tests) by vscode-remote URIs on this server, with the host:port that the
    // URL uses. The workbench parses them with URI.parse, so path segments are percent-encoded (spaces, #, %).
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [];
    if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    const query = new URLSearchParams();
    // A .code-workspace file opens as a multi-root workspace, where folders can be added without a reload.
    if (workspace) query.set(workspace.endsWith('.code-workspace') ? 'workspace' : 'folder', path.resolve(workspace));
    if (payload.length) query.set('payload', JSON.stringify(payload));
    hostHandle.url = `http://127.0.0.1:${port}/?${query}`;
    hostHandle.vscode = vscode;
    if (!openBrowser) return hostHandle;

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless,
      env: { ...inherited, ...isolatedEnv },
      // We handle signals ourselves so that the server is ended too.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    hostHandle.browser = browser;
    browser.on('disconnected', () => { if (!closing) finish({ code: 1, logs: [], reason: 'Chromium exited' }); });
    const page = await browser.newPage({ viewport });
    hostHandle.page = page;
    page.on('console', (message) => {
      const line = `[${message.type()}] ${message.text()}`;
      browserConsole.push(line);
      if (verbose) log(`browser: ${line}`);
    });
    page.on('pageerror', (error) => browserConsole.push(`[pageerror] ${error.stack ?? error.message}`));
    page.on('crash', () => finish({ code: 1, logs: [], reason: 'the workbench page crashed' }));
    // The workbench calls this when the extension host ends in test mode; it must exist before navigating.
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      finish({ code: typeof code === 'number' ? code : 1, logs: Array.isArray(logs) ? logs : [], reason: 'workbench exit' });
    });

    // The workbench page is large; on a busy machine its first load alone can take over a minute.
    await page.goto(hostHandle.url, { waitUntil: 'domcontentloaded', timeout: Math.max(startTimeoutMs, PAGE_LOAD_TIMEOUT_MS) });
    return hostHandle;
  } catch (error) {
    // Keep what we have for diagnosis, then clean up.
    await saveLogs('start-failure').then((dir) => log(`logs saved to ${path.relative(repoRoot, dir)}`)).catch(() => undefined);
    await close();
    throw error;
  }
}

/** Prints a file as it grows; returns a stop function that flushes the remainder. */
export function tailFile(file, write = (text) => process.stdout.write(text)) {
  let offset = 0;
  const buffer = Buffer.alloc(64 * 1024);
  // Reads can split a multi-byte character (✓); the decoder carries the partial bytes over.
  const decoder = new StringDecoder('utf8');
  const drain = () => {
    let fd;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return; // not created yet
    }
    try {
      let read;
      while ((read = fs.readSync(fd, buffer, 0, buffer.length, offset)) > 0) {
        offset += read;
        write(decoder.write(buffer.subarray(0, read)));
      }
    } finally {
      fs.closeSync(fd);
    }
  };
  const timer = setInterval(drain, 200);
  return () => {
    clearInterval(timer);
    drain();
  };
}

/**
 * Runs the tests module (`run()` inside the extension host) and resolves with its exit code.
 * Never hangs: the whole run is bounded by `timeoutMs`. Saves logs to .vscode-test/logs on failure.
 * The report that the tests append to $TECHSPEC_TEST_REPORT is streamed through `onReport`. Tests without Node (the
 * web worker host) learn the report file's path from `settings` when it is a function of that path.
 * `inspect(host, exit)`, if given, runs after the tests end and before the host's folders are removed.
 */
export async function runTestsInHost(options) {
  const {
    timeoutMs = hostTimeoutMs(),
    env = {},
    settings,
    onReport = (text) => process.stdout.write(text),
    inspect,
    log = defaultLog,
    ...hostOptions
  } = options;
  if (!hostOptions.extensionTestsPath) throw new Error('runTestsInHost needs extensionTestsPath');
  const started = Date.now();
  const reportDir = makeTempBase('tsr-');
  const removeReportDir = removeOnExit(reportDir);
  const reportFile = path.join(reportDir, 'report.txt');
  const stopTail = tailFile(reportFile, onReport);
  let host;
  let timer;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ code: 124, logs: [], reason: `timed out after ${timeoutMs / 1000} s` }), timeoutMs);
  });
  let result;
  try {
    const starting = startHost({
      ...hostOptions,
      env: { ...env, TECHSPEC_TEST_REPORT: reportFile },
      settings: typeof settings === 'function' ? settings(reportFile) : settings,
      log,
    });
    result = await Promise.race([
      starting.then((h) => { host = h; return Promise.race([h.exited, deadline]); }),
      deadline,
    ]);
    if (!host) starting.then((h) => h.close(), () => undefined); // started after the deadline
  } catch (error) {
    result = { code: 1, logs: [], reason: `host failed to start: ${error instanceof Error ? error.message : error}` };
  } finally {
    clearTimeout(timer);
  }
  try {
    stopTail();
    if (inspect && host && !host.closed) await inspect(host, result);
    if (result.code !== 0) {
      log(`run failed: ${result.reason} (exit ${result.code})`);
      // A host closed under us (Ctrl-C) has nothing left worth saving.
      if (host && !host.closed) log(`logs saved to ${path.relative(repoRoot, await host.saveLogs(result.code === 124 ? 'timeout' : 'failure'))}`);
    }
  } finally {
    await host?.close();
    removeReportDir();
  }
  return { code: result.code, reason: result.reason, seconds: (Date.now() - started) / 1000 };
}
