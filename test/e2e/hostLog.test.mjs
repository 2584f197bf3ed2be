// The log check that follows each green host run (scripts/host/host-log.mjs), on excerpts of real host logs:
// VS Code 1.139.1's complaints about settings read without their scope, and the Node 24 host's report of an
// extension reading the deprecated `navigator` global, as it logs them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostLogWarnings } from '../../scripts/host/host-log.mjs';

const extensionPath = '/work/techspec';
const extensionId = 'techspec.techspec';
const lines = {
  scope: "2026-12-01 21:04:57.993 [warning] [techspec.techspec] Accessing a resource scoped configuration without providing a resource is not expected. To get the effective value for 'techSpec.specsFolder', provide the URI of a resource or 'null' for any resource.",
  otherExtension: "2026-12-01 21:05:17.632 [warning] [vscode.markdown-math] Accessing a resource scoped configuration without providing a resource is not expected. To get the effective value for 'markdown.math.macros', provide the URI of a resource or 'null' for any resource.",
  anonymous: "2026-12-01 21:04:59.048 [warning] Accessing a resource scoped configuration without providing a resource is not expected. To get the effective value for 'search.useIgnoreFiles', provide the URI of a resource or 'null' for any resource.",
  navigator: [
    '2026-12-01 21:05:01.100 [error] PendingMigrationError: navigator is now a global in nodejs, please see https://aka.ms/vscode-extensions/navigator for additional info on this error.',
    `    at Object.isWindows (${extensionPath}/dist/extension.js:1200:20)`,
    `    at picomatch (${extensionPath}/dist/extension.js:1300:5)`,
  ].join('\n'),
  toolRejection: [
    '2026-12-01 23:52:11.558 [error] [LanguageModelToolsService#invokeTool] Error from tool techspec_get_spec with parameters {"id":"TS-0099"}:',
    `Error: get_spec: no spec owns TS-0099; known ids start at TS-0001 (${extensionId})`,
  ].join('\n'),
  renameRefusal: [
    '2026-12-02 00:00:40.900 [error] Error: TS-0001 is already owned by docs/specs/TS-0001-gateway.md.',
    `    at Object.provideRenameEdits (${extensionPath}/dist/extension.js:900:11)`,
  ].join('\n'),
  otherInHostInstall: [
    '2026-12-02 04:37:35.009 [error] Error: Request textDocument/codeAction failed with message: Document has been closed',
    `    at ${extensionPath}/.vscode-test/code-server/node_modules/code-server/lib/vscode/extensions/markdown-language-features/dist/extension.js:2:306418`,
  ].join('\n'),
  info: '2026-12-01 21:04:50.000 [info] ExtensionService#_doActivateExtension techspec.techspec, startup: false',
};

describe('host log check (scripts/host/host-log.mjs)', () => {
  let dir;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tshl-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function writeLog(relative, text) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), `${text}\n`);
  }

  it('finds warnings and errors that name the extension or a file inside it, stack and all', () => {
    writeLog('user/logs/20261201T210353/exthost1/remoteexthost.log', Object.values(lines).join('\n'));
    assert.deepEqual(hostLogWarnings({ dirs: [dir], extensionId, extensionPath }), [
      `remoteexthost.log: ${lines.scope}`,
      `remoteexthost.log: ${lines.navigator.split('\n')[0]}`,
    ]);
  });

  it("reads the workbench's logs handed over at exit, and leaves the extension's own channel alone", () => {
    writeLog('user/logs/20261201T210353/exthost1/techspec.techspec/Tech Spec.log', '2026-12-01 21:04:58.000 [warning] big.md not parsed: 6 MB is over techSpec.maxFileSize');
    const logs = [{ relativePath: 'exthost/webWorker/workerexthost.log', contents: `${lines.info}\n${lines.scope}\n` }];
    assert.deepEqual(hostLogWarnings({ dirs: [dir], logs, extensionId, extensionPath }), [`workerexthost.log: ${lines.scope}`]);
  });

  it('is empty for a clean log, where a language model tool rejecting bad input, F2 refusing an id, or a built-in extension of the test host failing is no warning', () => {
    writeLog('user/logs/x/exthost1/remoteexthost.log', [lines.info, lines.otherExtension, lines.anonymous, lines.otherInHostInstall].join('\n'));
    writeLog('user/logs/x/window1/window.log', lines.toolRejection);
    writeLog('user/logs/x/exthost1/exthost.log', lines.renameRefusal);
    assert.deepEqual(hostLogWarnings({ dirs: [dir], extensionId, extensionPath }), []);
  });
});
