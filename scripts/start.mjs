// `npm start`: try the extension in a real VS Code in your browser, in one command.
// Builds the extension, makes sure code-server is installed, starts it on 127.0.0.1 (no auth) with this repository as
// the extension under development, opens a fresh copy of samples/workspace (or --folder), and prints the URL to open.
// It does not launch a browser. Ctrl+C (or SIGTERM/SIGHUP) stops every process it started and removes its temporary
// folders; a second Ctrl+C while stopping kills what is left at once.
//
// --web runs the browser build (dist/web/extension.js) in the workbench's web worker extension host, as vscode.dev
// does; --vscode picks the VS Code version (1.100.3, the default, or 1.139.1).
//
// Usage: node scripts/start.mjs [--port N] [--folder PATH] [--web] [--vscode VERSION] [--verbose]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_VSCODE, ensureCodeServer, HOSTS, repoRoot, VSCODE_VERSIONS } from './host/ensure-code-server.mjs';
import { removeOnExit, startHost } from './host/host.mjs';
import { copySampleWorkspace } from './sample-workspace.mjs';

const log = (message) => console.error(`[start] ${message}`);
const USAGE = `usage: npm start -- [--port N] [--folder PATH] [--web] [--vscode ${VSCODE_VERSIONS.join('|')}] [--verbose]`;
const EXTENSION_ID = 'techspec.techspec';

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        folder: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        web: { type: 'boolean', default: false },
        vscode: { type: 'string', default: DEFAULT_VSCODE },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  let port;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be 1-65535, not "${values.port}"`);
  }
  let folder;
  if (values.folder !== undefined) {
    folder = path.resolve(values.folder.replace(/^~(?=$|\/)/, os.homedir()));
    if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--folder ${folder} is not a folder`);
  }
  if (!HOSTS[values.vscode]) throw new UsageError(`--vscode must be one of ${VSCODE_VERSIONS.join(', ')}, not "${values.vscode}"`);
  return { port, folder, verbose: values.verbose, web: values.web, vscode: values.vscode };
}

class UsageError extends Error {}

function build() {
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the build failed (${result.signal ?? `exit ${result.status}`})`);
  log(`built dist/extension.js and dist/web/extension.js in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A fresh copy of the sample workspace in a temp folder that is removed on every exit path. */
function copySamples() {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'techspec-sample-'));
  removeOnExit(parent);
  // The folder name is what the workbench shows as the workspace name.
  const workspace = path.join(parent, 'sample-workspace');
  return copySampleWorkspace(workspace);
}

async function main() {
  const options = parseOptions();
  const started = Date.now();
  // Until the host is up, a signal just exits: removeOnExit and host.mjs's exit hook clean up.
  let host;
  let stopping = false;
  const stop = (reason, code) => {
    if (!host) process.exit(code);
    if (stopping) {
      log(`${reason} again: killing what is left`);
      process.exit(code); // exit hooks SIGKILL the server's process group and remove the temp folders
    }
    stopping = true;
    log(`${reason}: stopping`);
    host.close().finally(() => {
      log('stopped; temporary folders removed');
      process.exit(code);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal, 128 + os.constants.signals[signal]));
  // `kill <npm's pid>` ends npm and its `sh -c` without passing the signal on, which would orphan us with the server
  // still running: stop when the parent that started us goes away.
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) stop('parent process exited', 1); }, 500).unref();

  build();
  await ensureCodeServer({ vscode: options.vscode, log });
  const workspace = options.folder ?? copySamples();
  host = await startHost({
    workspace,
    vscode: options.vscode,
    extensionDevelopmentPath: repoRoot,
    // The URL payload cannot move an extension with a `main` into the web worker host; this user setting can.
    settings: options.web ? { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : {},
    port: options.port,
    openBrowser: false,
    handleSignals: false,
    verbose: options.verbose || undefined,
    log,
  });
  log(`code-server listening on 127.0.0.1:${host.port} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (options.vscode !== DEFAULT_VSCODE) log(`VS Code ${options.vscode} (code-server ${HOSTS[options.vscode].codeServer})`);
  if (options.web) log('the extension runs its browser build (dist/web/extension.js) in the web worker extension host');
  log(`workspace: ${workspace}${options.folder ? '' : ' (a fresh copy of samples/workspace, removed on exit)'}`);
  // The one line on stdout: easy to pick up for scripts and tests.
  console.log(`Open ${host.url}`);
  log('Press Ctrl+C to stop.');

  const exit = await host.exited;
  if (stopping) return;
  log(`code-server stopped by itself: ${exit.reason}`);
  const dir = await host.saveLogs('start').catch(() => undefined);
  if (dir) log(`logs saved to ${path.relative(repoRoot, dir)}`);
  await host.close();
  process.exit(1);
}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(`[start] ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  log(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exit(1);
});
