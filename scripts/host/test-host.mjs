// `npm run test:host [-- --vscode 1.100.3|1.139.1|all]`: runs the integration suites with mocha inside a real VS Code
// extension host (see host.mjs), on each chosen VS Code version (default: all), and exits with the tests' exit code.
// Suites: `workspace`, `bad-input`, `custom-template`, `ids`, `multi-root` and `restricted` run in the server's Node
// extension host; `web` runs the browser build and a browser bundle of the tests in the web worker extension host, as
// on vscode.dev.
// After each green run, the host's own logs are checked for warnings that name this extension (a counted test).
// Env: TECHSPEC_TEST_SUITE (one suite by name), TECHSPEC_TEST_GREP (mocha grep), TECHSPEC_VSCODE (default for
//      --vscode), TECHSPEC_HOST_TIMEOUT (seconds, default 600), TECHSPEC_HOST_VERBOSE=1 (echo server and console).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWebTests, webTestsEntry } from './build-web-tests.mjs';
import { ensureCodeServer, parseVscodeArg, repoRoot } from './ensure-code-server.mjs';
import { removeOnExit, runTestsInHost } from './host.mjs';
import { hostLogWarnings } from './host-log.mjs';

const log = (message) => console.error(`[test:host] ${message}`);
const testsEntry = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
const extensionMain = path.join(repoRoot, 'dist', 'extension.js');
const extensionBrowser = path.join(repoRoot, 'dist', 'web', 'extension.js');
const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspace');
const EXTENSION_ID = 'techspec.techspec';

function runNode(args) {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
}

/**
 * Each suite runs in its own host on a fresh copy of its workspace. TECHSPEC_TEST_SUITE picks one
 * by name; otherwise all run, and the last line adds them up.
 */
const suites = [
  { name: 'workspace', fixture, tests: testsEntry },
  {
    name: 'bad-input',
    fixture: path.join(repoRoot, 'test', 'fixtures', 'bad'),
    tests: path.join(repoRoot, 'out', 'test', 'integrationBad', 'index.js'),
    // The large inputs (a 100,000-character heading, 50,000 headings, a file over 5 MB...) are generated, not committed.
    prepare: async (workspace) => {
      const { writeLargeBadInputs } = await import(pathToFileURL(path.join(repoRoot, 'out', 'test', 'support', 'badInputs.js')).href);
      writeLargeBadInputs(workspace);
    },
  },
  {
    name: 'custom-template',
    fixture: path.join(repoRoot, 'test', 'fixtures', 'customTemplate'),
    tests: path.join(repoRoot, 'out', 'test', 'integrationTemplate', 'index.js'),
  },
  {
    name: 'ids',
    fixture: path.join(repoRoot, 'test', 'fixtures', 'ids'),
    tests: path.join(repoRoot, 'out', 'test', 'integrationIds', 'index.js'),
    // A fixture cannot hold a nested .git: the copy becomes a repository whose branch feature-x adds TS-0013.
    prepare: (workspace) => makeIdsRepository(workspace),
  },
  {
    name: 'multi-root',
    fixture: path.join(repoRoot, 'test', 'fixtures', 'multiroot'),
    tests: path.join(repoRoot, 'out', 'test', 'integrationMultiRoot', 'index.js'),
    // Opened as a .code-workspace file: adding a folder to a single-folder window would reload it.
    open: 'multi.code-workspace',
  },
  {
    // Document types declared in the folder's settings: RFCs, a PRD and ADRs beside specs.
    name: 'types',
    fixture: path.join(repoRoot, 'test', 'fixtures', 'types'),
    tests: path.join(repoRoot, 'out', 'test', 'integrationTypes', 'index.js'),
  },
  {
    // Restricted Mode: trust on and this folder not trusted.
    name: 'restricted',
    fixture: path.join(repoRoot, 'test', 'fixtures', 'restricted'),
    tests: path.join(repoRoot, 'out', 'test', 'integrationRestricted', 'index.js'),
    restricted: true,
  },
  {
    name: 'web',
    fixture,
    tests: webTestsEntry,
    // The URL payload cannot pick the web worker host for an extension that also has a `main`; this user setting
    // can. The tests module then has to be a browser bundle, and it reads where to report from these settings.
    settings: (reportFile) => ({
      'remote.extensionKind': { [EXTENSION_ID]: ['web'] },
      'techSpecTest.reportFile': reportFile,
      ...(process.env.TECHSPEC_TEST_GREP ? { 'techSpecTest.grep': process.env.TECHSPEC_TEST_GREP } : {}),
    }),
  },
];

function makeIdsRepository(workspace) {
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_NAME: 'Fixture Author',
    GIT_AUTHOR_EMAIL: 'fixture@example.org',
    GIT_COMMITTER_NAME: 'Fixture Author',
    GIT_COMMITTER_EMAIL: 'fixture@example.org',
  };
  const git = (...args) => {
    const result = spawnSync('git', args, { cwd: workspace, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  };
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'Fixture');
  git('checkout', '-qb', 'feature-x');
  fs.writeFileSync(path.join(workspace, 'docs', 'specs', 'TS-0013-taken-elsewhere.md'), '---\ntech_spec_id: TS-0013\ntitle: Taken elsewhere\n---\n\n# TS-0013: Taken elsewhere\n');
  git('add', '.');
  git('commit', '-qm', 'TS-0013 on another branch');
  git('checkout', '-q', 'main');
}

/** Adds `N passed, N failed[, N skipped]` lines of a report to the totals as they stream by. */
function countingReporter(totals) {
  let pending = '';
  return (text) => {
    process.stdout.write(text);
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const counts = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line.trim());
      if (counts) {
        totals.passed += Number(counts[1]);
        totals.failed += Number(counts[2]);
        totals.skipped += Number(counts[3] ?? 0);
      }
    }
  };
}

/** The counted test that follows a green run: the host logged no warning about this extension. */
function checkHostLog(host, result, totals) {
  const warnings = hostLogWarnings({ dirs: [host.dirs.base], logs: result.logs, extensionId: EXTENSION_ID, extensionPath: repoRoot });
  if (warnings.length === 0) {
    totals.passed++;
    process.stdout.write('  ✓ the host logged no warning about this extension\n');
    return 0;
  }
  totals.failed++;
  process.stdout.write(`  ✗ the host logged ${warnings.length} warning(s) about this extension:\n${warnings.map((line) => `      ${line}`).join('\n')}\n`);
  return 1;
}

async function runSuite(suite, vscode, totals) {
  const workspaceParent = fs.mkdtempSync(path.join(os.tmpdir(), 'tsw-'));
  const removeWorkspace = removeOnExit(workspaceParent);
  const workspace = path.join(workspaceParent, 'workspace');
  fs.cpSync(suite.fixture, workspace, { recursive: true });
  try {
    await suite.prepare?.(workspace);
    const env = {};
    if (process.env.TECHSPEC_TEST_GREP) env.TECHSPEC_TEST_GREP = process.env.TECHSPEC_TEST_GREP;
    log(`VS Code ${vscode}, suite ${suite.name}: ${path.relative(repoRoot, suite.fixture)}`);
    let logCode = 0;
    const result = await runTestsInHost({
      vscode,
      workspace: suite.open ? path.join(workspace, suite.open) : workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite.tests,
      restricted: suite.restricted,
      settings: suite.settings,
      env,
      log,
      onReport: countingReporter(totals),
      inspect: (host, exit) => {
        if (exit.code === 0) logCode = checkHostLog(host, exit, totals);
      },
    });
    const code = result.code || logCode;
    log(`VS Code ${vscode}, suite ${suite.name} ${code === 0 ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s`);
    return code;
  } finally {
    removeWorkspace();
  }
}

function chosenSuites() {
  const name = process.env.TECHSPEC_TEST_SUITE;
  const chosen = name ? suites.filter((suite) => suite.name === name) : suites;
  if (chosen.length === 0) throw new Error(`no suite named ${name}; suites: ${suites.map((suite) => suite.name).join(', ')}`);
  return chosen;
}

async function main() {
  const started = Date.now();
  const versions = parseVscodeArg(process.argv.slice(2), process.env.TECHSPEC_VSCODE || 'all');
  const chosen = chosenSuites();
  // `npm test` builds and compiles first; these only cover a bare `npm run test:host` on a fresh clone.
  if (!fs.existsSync(testsEntry)) {
    log('out/test/integration/index.js is missing: compiling tests');
    runNode([path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json']);
  }
  if (!fs.existsSync(extensionMain) || !fs.existsSync(extensionBrowser)) {
    log('dist/ is incomplete: building');
    runNode([path.join(repoRoot, 'scripts', 'build.mjs')]);
  }
  if (chosen.some((suite) => suite.tests === webTestsEntry)) await buildWebTests();
  for (const vscode of versions) await ensureCodeServer({ vscode, log });
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const timings = [];
  let code = 0;
  for (const vscode of versions) {
    const versionStarted = Date.now();
    for (const suite of chosen) {
      const suiteCode = await runSuite(suite, vscode, totals);
      if (suiteCode !== 0) code = suiteCode;
    }
    timings.push(`VS Code ${vscode} ${((Date.now() - versionStarted) / 1000).toFixed(1)} s`);
  }
  log(`${code === 0 ? 'passed' : 'FAILED'} (${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  // A failed host start counts as a failure even when it reported no tests.
  const failed = code !== 0 && totals.failed === 0 ? 1 : totals.failed;
  console.log(`\nintegration: ${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
  },
);
