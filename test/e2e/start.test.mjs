// `npm run test:e2e`: `npm start` as a user meets it. Starts scripts/start.mjs in its own process group, opens the URL
// it prints in a fresh headless Chromium, finds the sample specs in the Tech Specs view, then presses "Ctrl+C" (SIGINT
// to the group, as a terminal does) and checks that nothing is left: no process, no listener, no temp folder.
// Linux only (reads /proc). Run with: mocha --no-config --timeout 180000 test/e2e/start.test.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort } from '../../scripts/host/host.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromiumPath = process.env.TECHSPEC_CHROMIUM || '/usr/bin/chromium';
const URL_TIMEOUT = 150_000; // build + server start; the first start after `npm ci` may also install code-server
const UI_TIMEOUT = 90_000; // workbench load + extension activation + index, on a slow machine
const STOP_TIMEOUT = 30_000;

// ---------------------------------------------------------------------------------------------------------------
// Processes, from /proc

/** Every process: pid, state, parent, group, start time (to tell a reused pid apart) and command line. */
function processes() {
  const list = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime
      // cstime priority nice num_threads itrealvalue starttime …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      list.push({ pid: Number(name), state: fields[0], ppid: Number(fields[1]), pgid: Number(fields[2]), start: fields[19], cmdline });
    } catch {
      // The process ended while we read it.
    }
  }
  return list;
}

/** The processes of the start script: its descendants, and every member of their process groups. */
function processesOf(rootPid) {
  const all = processes();
  const family = new Map();
  const add = (p) => family.set(p.pid, p);
  const root = all.find((p) => p.pid === rootPid);
  if (root) add(root);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (!family.has(p.pid) && family.has(p.ppid)) { add(p); grew = true; }
    }
  }
  const groups = new Set([...family.values()].map((p) => p.pgid));
  for (const p of all) if (groups.has(p.pgid)) add(p);
  return [...family.values()];
}

/** Still running: same pid and start time, and not a zombie waiting to be reaped. */
function alive(recorded) {
  const now = new Map(processes().map((p) => [p.pid, p]));
  return recorded.filter((p) => {
    const current = now.get(p.pid);
    return current && current.start === p.start && current.state !== 'Z';
  });
}

async function waitFor(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isListening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

// ---------------------------------------------------------------------------------------------------------------

describe('npm start', function () {
  let port;
  let start;
  let output = '';
  let startExit;
  let url;
  let family = [];
  let context;
  let userDataDir;

  const tail = () => `\n--- start.mjs output ---\n${output.split('\n').slice(-40).join('\n')}`;

  before(async function () {
    port = await freePort();
    start = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs'), '--port', String(port)], {
      cwd: repoRoot,
      detached: true, // its own process group, like a job in a terminal
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TECHSPEC_HOST_VERBOSE: '' },
    });
    startExit = new Promise((resolve) => start.once('exit', (code, signal) => resolve({ code, signal })));
    const collect = (chunk) => { output += chunk.toString(); };
    start.stdout.on('data', collect);
    start.stderr.on('data', collect);
    url = await waitFor(() => {
      if (start.exitCode !== null || start.signalCode !== null) throw new Error(`start.mjs exited early (${start.signalCode ?? start.exitCode})`);
      return output.match(/^Open (http:\/\/\S+)$/m)?.[1];
    }, URL_TIMEOUT, 'the "Open http://…" line').catch((error) => { throw new Error(`${error.message}${tail()}`); });
  });

  after(async function () {
    // Whatever happened, leave nothing behind.
    await context?.close().catch(() => undefined);
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 });
    if (start && start.exitCode === null && start.signalCode === null) {
      // A test failed before Ctrl+C: stop it the polite way first, so that it ends code-server's group too.
      family = [...family, ...processesOf(start.pid)];
      process.kill(-start.pid, 'SIGINT');
      await waitFor(() => start.exitCode !== null || start.signalCode !== null, STOP_TIMEOUT, 'start.mjs to exit').catch(() => killGroup(start.pid));
    }
    for (const p of alive(family)) killGroup(p.pgid);
  });

  it('prints a URL on 127.0.0.1 with a fresh copy of the samples and the extension in the payload', function () {
    const parsed = new URL(url);
    assert.equal(parsed.host, `127.0.0.1:${port}`);
    const folder = parsed.searchParams.get('folder');
    assert.ok(folder, 'the URL names a folder');
    assert.notEqual(path.resolve(folder), path.join(repoRoot, 'samples', 'workspace'), 'a copy, not the samples themselves');
    assert.ok(fs.existsSync(path.join(folder, 'docs', 'specs', 'TS-0001-access-token-service.md')), `${folder} holds the sample specs`);
    const payload = new Map(JSON.parse(parsed.searchParams.get('payload')));
    assert.equal(payload.get('extensionDevelopmentPath'), `vscode-remote://127.0.0.1:${port}${repoRoot.split('/').map(encodeURIComponent).join('/')}`);
    assert.equal(payload.has('extensionTestsPath'), false, 'no tests: a normal development window');
  });

  it('opens a workbench whose Tech Specs view lists the sample specs', async function () {
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'techspec-e2e-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: UI_TIMEOUT });
    const item = page.locator('.activitybar a.action-label[aria-label^="Tech Specs"]');
    await item.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await item.click();
    const view = page.locator('.part.sidebar');
    for (const label of ['TS-0001 · Access Token Service', 'TS-0003 · Order Event Outbox', 'TS-0006 · Magic Link Email', 'TS-0008 · Audit Log Ingestion']) {
      await view.locator('.monaco-list-row', { hasText: label }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    }
    for (const group of ['Draft', 'In review', 'Approved', 'Implemented', 'Superseded', 'Deprecated']) {
      await view.locator('.monaco-list-row', { hasText: group }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    }
    await context.close();
    context = undefined;
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 });
    userDataDir = undefined;
  });

  it('stops every process and removes its temporary folders on Ctrl+C', async function () {
    const folder = new URL(url).searchParams.get('folder');
    const workspaceCopy = path.dirname(folder); // techspec-sample-XXXXXX
    family = processesOf(start.pid);
    const server = family.find((p) => p.cmdline.includes('code-server') && p.cmdline.includes(`127.0.0.1:${port}`));
    assert.ok(server, `a code-server process for port ${port} is among ${family.map((p) => p.cmdline.slice(0, 80)).join('; ')}`);
    const hostBase = server.cmdline.match(/--config (\S+)\/config\.yaml/)?.[1];
    assert.ok(hostBase && fs.existsSync(hostBase), 'the server runs with a throwaway state folder');
    assert.ok(family.length >= 3, `start.mjs, code-server and its children (${family.length} processes)`);

    process.kill(-start.pid, 'SIGINT'); // what Ctrl+C does: the signal goes to the terminal's foreground group
    await waitFor(() => start.exitCode !== null || start.signalCode !== null, STOP_TIMEOUT, 'start.mjs to exit after SIGINT')
      .catch((error) => { throw new Error(`${error.message}${tail()}`); });
    const exit = await startExit;
    assert.equal(exit.code, 130, `exit code 130 after SIGINT${tail()}`);
    assert.match(output, /SIGINT: stopping/);

    // The server's group gets SIGKILL before start.mjs exits, but the kernel may take a moment to reap.
    await waitFor(() => alive(family).length === 0, 10_000, 'the processes to end').catch(() => undefined);
    assert.deepEqual(alive(family).map((p) => `${p.pid} ${p.cmdline}`), [], 'no process of npm start is left');
    const mentioningPort = processes().filter((p) => p.state !== 'Z' && p.cmdline.includes('code-server') && p.cmdline.includes(String(port)));
    assert.deepEqual(mentioningPort.map((p) => `${p.pid} ${p.cmdline}`), [], `no code-server process for port ${port}`);
    assert.equal(await isListening(port), false, `nothing listens on 127.0.0.1:${port}`);
    assert.equal(fs.existsSync(workspaceCopy), false, `the workspace copy ${workspaceCopy} is removed`);
    assert.equal(fs.existsSync(hostBase), false, `the server's state folder ${hostBase} is removed`);
  });
});
