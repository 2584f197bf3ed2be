import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatLocalDate, renderTemplate } from '../../src/core/template';
import { activateExtension, closeAllEditors, fixtureUri, readFile, writeFile } from './helpers';

const templateText = fs.readFileSync(path.resolve(__dirname, '../../../templates/tech-spec-template.md'), 'utf8');

async function newSpec(args: Record<string, unknown>): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('techSpec.newSpec', args);
  assert.ok(uri instanceof vscode.Uri, 'techSpec.newSpec returned no Uri');
  return uri;
}

describe('New Tech Spec (techSpec.newSpec)', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(async () => {
    await closeAllEditors();
    await vscode.workspace.getConfiguration('techSpec').update('templatePath', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('creates <specsFolder>/<ID>-<slug>.md from the template, line by line', async () => {
    const uri = await newSpec({ title: 'Rate Limiter', author: 'Test Author', decisionRef: 'RFC-0010', relatedPrd: 'PRD-0012', open: false });
    const today = formatLocalDate(new Date());
    // The fixture's highest TS id is TS-0008, so the next free one is TS-0009 (or later if other tests ran first).
    const name = path.posix.basename(uri.path);
    const match = /^(TS-\d{4})-rate-limiter\.md$/.exec(name);
    assert.ok(match, `unexpected file name ${name}`);
    assert.ok(Number(match[1].slice(3)) >= 9, `id ${match[1]} reuses one in the fixture`);
    assert.equal(path.posix.dirname(uri.path), fixtureUri('docs', 'specs').path);
    const expected = renderTemplate(templateText, {
      id: match[1],
      title: 'Rate Limiter',
      author: 'Test Author',
      created: today,
      lastUpdated: today,
      status: 'DRAFT',
      decisionRef: 'RFC-0010',
      relatedPrd: 'PRD-0012',
    }).split('\n');
    const actual = (await readFile(uri)).split('\n');
    assert.equal(actual.length, expected.length);
    actual.forEach((line, index) => assert.equal(line, expected[index], `line ${index + 1}`));
    assert.equal(actual[1], `tech_spec_id: ${match[1]}`);
    assert.equal(actual[11], `# ${match[1]}: Rate Limiter`);
  });

  it('gives two calls in a row two different ids', async () => {
    const first = await newSpec({ title: 'First Of Two', open: false });
    const second = await newSpec({ title: 'Second Of Two', open: false });
    const id = (uri: vscode.Uri) => /^(TS-\d+)/.exec(path.posix.basename(uri.path))?.[1];
    assert.notEqual(id(first), id(second));
  });

  it('gives two concurrent calls two different files, neither overwriting the other', async () => {
    const [a, b] = await Promise.all([newSpec({ title: 'Concurrent A', open: false }), newSpec({ title: 'Concurrent B', open: false })]);
    assert.notEqual(/^(TS-\d+)/.exec(path.posix.basename(a.path))?.[1], /^(TS-\d+)/.exec(path.posix.basename(b.path))?.[1]);
    assert.match(await readFile(a), /title: Concurrent A/);
    assert.match(await readFile(b), /title: Concurrent B/);
  });

  it('counts an id held only by an unsaved editor', async () => {
    const held = await newSpec({ title: 'Held Probe', open: false });
    const heldNumber = Number(/^TS-(\d+)/.exec(path.posix.basename(held.path))?.[1]);
    const unsavedId = `TS-${String(heldNumber + 5).padStart(4, '0')}`;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `---\ntech_spec_id: ${unsavedId}\ntitle: Unsaved\n---\n` });
    await vscode.window.showTextDocument(document);
    const next = await newSpec({ title: 'After Unsaved', open: false });
    assert.equal(/^(TS-\d+)/.exec(path.posix.basename(next.path))?.[1], `TS-${String(heldNumber + 6).padStart(4, '0')}`);
  });

  it('never overwrites a file already at the target path: it takes the next id', async () => {
    const probe = await newSpec({ title: 'Clash Probe', open: false });
    const probeNumber = Number(/^TS-(\d+)/.exec(path.posix.basename(probe.path))?.[1]);
    const nextId = `TS-${String(probeNumber + 1).padStart(4, '0')}`;
    // A file with no front matter takes the path that the next call would choose.
    const squatter = fixtureUri('docs', 'specs', `${nextId}-clash.md`);
    await writeFile(squatter, 'Keep me: not a spec.\n');
    const created = await newSpec({ title: 'Clash', open: false });
    assert.notEqual(created.toString(), squatter.toString());
    assert.equal(await readFile(squatter), 'Keep me: not a spec.\n');
  });

  it('opens the new spec with the Executive Summary placeholder selected', async () => {
    const uri = await newSpec({ title: 'Opened Spec' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), uri.toString());
    const selected = editor.document.getText(editor.selection);
    assert.match(selected, /^\[1 paragraph describing what is being built/);
  });

  it('creates in a given folder, as New Tech Spec Here does', async () => {
    const folder = fixtureUri('docs', 'elsewhere');
    const created = await newSpec({ title: 'Here', folder, open: false });
    assert.equal(path.posix.dirname(created.path), folder.path);
    const byString = await newSpec({ title: 'Here Too', folder: 'docs/elsewhere', open: false });
    assert.equal(path.posix.dirname(byString.path), folder.path);
  });

  it('refuses a folder outside the workspace', async () => {
    const result = await vscode.commands.executeCommand('techSpec.newSpec', { title: 'Outside', folder: '../outside', open: false });
    assert.equal(result, undefined);
  });

  it('uses a custom template with {{variables}}', async () => {
    await writeFile(fixtureUri('templates', 'custom.md'), '---\ntech_spec_id: {{id}}\ntitle:\nstatus:\n---\n\n# {{id}}: {{title}}\n\nBy {{author}} on {{created}}.\n');
    await vscode.workspace.getConfiguration('techSpec').update('templatePath', 'templates/custom.md', vscode.ConfigurationTarget.Workspace);
    const uri = await newSpec({ title: 'Custom', author: 'Me', open: false });
    const text = await readFile(uri);
    const id = /^(TS-\d+)/.exec(path.posix.basename(uri.path))?.[1];
    assert.equal(text, `---\ntech_spec_id: ${id}\ntitle: Custom\nstatus: DRAFT\n---\n\n# ${id}: Custom\n\nBy Me on ${formatLocalDate(new Date())}.\n`);
  });

  it('creates nothing and shows an error for a missing template', async () => {
    await vscode.workspace.getConfiguration('techSpec').update('templatePath', 'templates/missing.md', vscode.ConfigurationTarget.Workspace);
    const before = await vscode.workspace.fs.readDirectory(fixtureUri('docs', 'specs'));
    const result = await vscode.commands.executeCommand('techSpec.newSpec', { title: 'Should Not Exist', open: false });
    assert.equal(result, undefined);
    const after = await vscode.workspace.fs.readDirectory(fixtureUri('docs', 'specs'));
    assert.deepEqual(after.map(([name]) => name).sort(), before.map(([name]) => name).sort());
  });

  it('refuses a templatePath outside the workspace folder', async () => {
    await vscode.workspace.getConfiguration('techSpec').update('templatePath', '../../etc/passwd', vscode.ConfigurationTarget.Workspace);
    const result = await vscode.commands.executeCommand('techSpec.newSpec', { title: 'Escape', open: false });
    assert.equal(result, undefined);
  });
});
