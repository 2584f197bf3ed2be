// `npm run test:host`: runs out/test/integration/**/*.test.js with mocha inside a real VS Code
// extension host (see host.mjs) and exits with the tests' exit code.
// Env: TECHSPEC_TEST_GREP (mocha grep), TECHSPEC_HOST_TIMEOUT (seconds, default 600),
//      TECHSPEC_HOST_VERBOSE=1 (echo server output and the workbench console).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCodeServer, repoRoot } from './ensure-code-server.mjs';
import { removeOnExit, runTestsInHost } from './host.mjs';

const log = (message) => console.error(`[test:host] ${message}`);
const testsEntry = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
const extensionMain = path.join(repoRoot, 'dist', 'extension.js');
const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspace');

function runNode(args) {
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
}

async function main() {
  const started = Date.now();
  // `npm test` builds and compiles first; these only cover a bare `npm run test:host` on a fresh clone.
  if (!fs.existsSync(testsEntry)) {
    log('out/test/integration/index.js is missing: compiling tests');
    runNode([path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json']);
  }
  if (!fs.existsSync(extensionMain)) {
    log('dist/extension.js is missing: building');
    runNode([path.join(repoRoot, 'scripts', 'build.mjs')]);
  }
  await ensureCodeServer({ log });

  // Tests may edit the workspace, so they get a fresh copy every run.
  const workspaceParent = fs.mkdtempSync(path.join(os.tmpdir(), 'tsw-'));
  const removeWorkspace = removeOnExit(workspaceParent);
  const workspace = path.join(workspaceParent, 'workspace');
  fs.cpSync(fixture, workspace, { recursive: true });
  try {
    const env = {};
    if (process.env.TECHSPEC_TEST_GREP) env.TECHSPEC_TEST_GREP = process.env.TECHSPEC_TEST_GREP;
    const result = await runTestsInHost({
      workspace,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsEntry,
      env,
      log,
    });
    log(`${result.code === 0 ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s (total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result.code;
  } finally {
    removeWorkspace();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
  },
);
