// In Restricted Mode the extension starts no process and ignores the workspace's choice of files.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'jsonc-parser';
import { EXTENSION_ID } from '../../src/constants';
import type { TechSpecApi } from '../../src/extension';
import { contentDigest } from '../../src/core/lifecycle/approvals';
import { formatLocalDate } from '../../src/core/template';
import { activateExtension, closeAllEditors, fixtureUri, openMarkdown, readFile, waitFor } from '../integration/helpers';
import { answerQuickInputs, CLOSE } from '../integration/quickInput';
// The module object itself (not an import's read-only namespace), which the extension's bundle calls into.
import childProcess from 'node:child_process';

type ProcessModule = Record<string, unknown>;
const PROCESS_FUNCTIONS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

/** Records every process that the extension's bundle starts while the tests run (VS Code's own are left out). */
function recordProcesses(): { readonly started: string[]; restore(): void } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const bundle = path.join(extension.extensionPath, 'dist', 'extension.js');
  const module = childProcess as unknown as ProcessModule;
  const started: string[] = [];
  const originals = new Map<string, unknown>();
  for (const name of PROCESS_FUNCTIONS) {
    const original = module[name] as (...args: unknown[]) => unknown;
    originals.set(name, original);
    module[name] = function (this: unknown, ...args: unknown[]) {
      if ((new Error().stack ?? '').includes(bundle)) started.push(`${name} ${String(args[0])}`);
      return original.apply(this, args);
    };
  }
  return {
    started,
    restore: () => {
      for (const [name, original] of originals) module[name] = original;
    },
  };
}

describe('Restricted Mode', function () {
  // The first lint waits for the first index build, slow on a loaded machine.
  this.timeout(180_000);
  let api: TechSpecApi;
  let processes: ReturnType<typeof recordProcesses>;

  before(async () => {
    processes = recordProcesses();
    api = await activateExtension();
  });
  after(async () => {
    processes.restore();
    await closeAllEditors();
  });

  it('runs untrusted, and ignores the workspace values of specGlob, exclude and maxFileSize', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    // The workspace sets all three (see the fixture's .vscode/settings.json); Restricted Mode reads the defaults.
    const settings = parse(await readFile(fixtureUri('.vscode', 'settings.json'))) as Record<string, unknown>;
    assert.deepEqual(settings, { 'techSpec.specGlob': 'nowhere/**/*.md', 'techSpec.exclude': ['**'], 'techSpec.maxFileSize': 1 });
    const section = vscode.workspace.getConfiguration('techSpec');
    assert.deepEqual(
      ['specGlob', 'exclude', 'maxFileSize'].map((key) => [key, section.get(key)]),
      [
        ['specGlob', '**/*.md'],
        ['exclude', section.inspect('exclude')?.defaultValue],
        ['maxFileSize', 5242880],
      ],
    );
    await api.index.ready();
    const specs = api.index.model.all().filter((summary) => summary.isSpec).map((summary) => path.posix.basename(summary.uri));
    assert.deepEqual(specs, ['TS-0001-restricted.md']);
  });

  it('New Tech Spec starts no process: with no techSpec.author, no author is written (the template\'s placeholder stays)', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newSpec', { title: 'Restricted Probe', open: false });
    assert.ok(uri instanceof vscode.Uri);
    assert.match(await readFile(uri), /\nauthor: \[Your Name\]\n/);
    assert.deepEqual(processes.started, []);
  });

  it('Fix All (which fills in a missing author) and author completion start no process either', async () => {
    const spec = fixtureUri('docs', 'specs', 'TS-0001-restricted.md');
    const editor = await openMarkdown(spec);
    await waitFor(
      () => vscode.languages.getDiagnostics(spec).find((candidate) => candidate.message === 'Missing front-matter key "author".'),
      (found) => found !== undefined,
      'the missing author',
      120_000,
    );
    assert.equal(await vscode.commands.executeCommand('techSpec.fixAll', { uri: spec.toString() }), true);
    // The key is added with no value (nobody is known to put there), where the template puts it.
    const line = editor.document.getText().split('\n').indexOf('author:');
    assert.ok(line > 0, editor.document.getText());
    await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', spec, new vscode.Position(line, 'author:'.length));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.deepEqual(processes.started, []);
  });

  it('Approve with `by` records the entry and starts no process', async () => {
    const spec = fixtureUri('docs', 'specs', 'TS-0001-restricted.md');
    const editor = await openMarkdown(spec);
    const before = editor.document.getText();
    const today = formatLocalDate(new Date());
    const entry = await vscode.commands.executeCommand('techSpec.approve', { uri: spec, by: 'Ana', role: 'reviewer' });
    assert.deepEqual(entry, { by: 'Ana', role: 'reviewer', date: today, digest: contentDigest(before) });
    const close = before.indexOf('\n---\n') + 1;
    assert.equal(editor.document.getText(), `${before.slice(0, close)}approvals:\n  - by: Ana\n    role: reviewer\n    date: ${today}\n    digest: ${contentDigest(before)}\n${before.slice(close)}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(editor.document.getText(), before);
    assert.deepEqual(processes.started, []);
  });

  it('Approve without `by` and with no techSpec.author asks who approves (git is not asked); Escape records nothing', async () => {
    const spec = fixtureUri('docs', 'specs', 'TS-0001-restricted.md');
    const editor = await openMarkdown(spec);
    const before = editor.document.getText();
    assert.equal(vscode.workspace.getConfiguration('techSpec', spec).get('author'), '');
    // The question is an input box: closing it is the one answer the host can give (no command types into it).
    const entry = await answerQuickInputs(vscode.commands.executeCommand('techSpec.approve', { uri: spec }), CLOSE);
    assert.equal(entry, undefined);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
    assert.deepEqual(processes.started, []);
  });
});
