import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AGENT_TOOLS, findTool, runTool } from '../../src/core/agents';
import { formatLocalDate } from '../../src/core/template';
import { MemoryAgentWorkspace } from '../support/memoryAgentWorkspace';
import { activateExtension, closeAllEditors, fixtureUri, readFile } from './helpers';

const TOOL_NAMES = ['list_specs', 'get_spec', 'check_spec', 'next_open_tasks', 'set_task_state'].map((name) => `techspec_${name}`);

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(`techspec_${name}`, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : JSON.stringify(part))).join('');
}

/** The core tools on the workspace's files as they are on disk now, dated today: what the editor's tools must answer. */
async function coreOnDisk(): Promise<MemoryAgentWorkspace> {
  const files: Record<string, string> = {};
  for (const uri of await vscode.workspace.findFiles('**/*.md')) files[vscode.workspace.asRelativePath(uri, false)] = await readFile(uri);
  const workspace = new MemoryAgentWorkspace(files);
  workspace.today = () => formatLocalDate(new Date());
  return workspace;
}

/** Puts the disk's text back into an editor and saves, so the next test starts from the fixture. */
async function restore(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  assert.ok(await editor.edit((edit) => edit.replace(whole, text)));
  // save() is false when the text is the saved text again: what counts is the state after it.
  await document.save();
  assert.equal(document.isDirty, false);
  assert.equal(await readFile(document.uri), text);
}

describe('agent tools in VS Code', function () {
  // Each call crosses to the workbench and back: generous on a loaded machine, never a timing assertion.
  this.timeout(180_000);

  before(async () => {
    await activateExtension();
    // The harness turns off the browser's default auto save (scripts/host/test-host.mjs): unsaved text stays unsaved.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  it('are listed in vscode.lm.tools as techspec_<tool>, with the schemas and tags of the manifest', () => {
    const ours = vscode.lm.tools.filter((tool) => tool.name.startsWith('techspec_'));
    assert.deepEqual(ours.map((tool) => tool.name).sort(), [...TOOL_NAMES].sort());
    for (const tool of AGENT_TOOLS) {
      const info = ours.find((candidate) => candidate.name === `techspec_${tool.name}`)!;
      assert.deepEqual(info.inputSchema, tool.inputSchema, tool.name);
      assert.equal(info.description, tool.description, tool.name);
      assert.deepEqual([...info.tags], ['techspec', 'specs'], tool.name);
    }
  });

  it('answers each reading tool through vscode.lm.invokeTool as the core does on the same files', async () => {
    const core = await coreOnDisk();
    const calls: Array<[string, Record<string, unknown>]> = [
      ['list_specs', {}],
      ['list_specs', { status: 'APPROVED' }],
      ['get_spec', { id: 'TS-0001', section: 'Implementation Checklist', includeReferences: true }],
      ['get_spec', { id: 'TS-0005' }],
      ['check_spec', { id: 'TS-0009' }],
      ['next_open_tasks', { id: 'TS-0001' }],
    ];
    for (const [name, input] of calls) {
      const expected = await runTool(findTool(name)!, input, core);
      assert.equal(expected.isError, false, expected.text);
      assert.equal(await invoke(name, input), expected.text, `${name} ${JSON.stringify(input)}`);
    }
  });

  it('rejects with the message a model can act on', async () => {
    await assert.rejects(invoke('get_spec', { id: 'TS-0099' }), (error: Error) => /get_spec: no spec owns TS-0099; known ids start at TS-0001/.test(error.message));
    await assert.rejects(invoke('get_spec', { id: 'TS-0001', section: 'Data Modle' }), (error: Error) => error.message.includes("section 'Data Modle' not found in TS-0001; sections are: Executive Summary, Table of Contents,"));
    await assert.rejects(
      invoke('set_task_state', { id: 'TS-0001', text: 'Target: [Date]', done: true }),
      (error: Error) => error.message.includes("'Target: [Date]' matches 4 checklist items of TS-0001"),
    );
  });

  it('reads unsaved editor text', async () => {
    const uri = fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md');
    const onDisk = await readFile(uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const line = editor.document.getText().split('\n').findIndex((text) => text.includes('Backoff policy'));
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), '- [ ] Unsaved idea\n')));
    assert.equal(editor.document.isDirty, true);
    const open = await invoke('next_open_tasks', { id: 'TS-0002' });
    assert.ok(open.includes(`- line ${line + 1} · Implementation Checklist › Phase 1: Foundation · Unsaved idea`), open);
    const listed = await invoke('list_specs', { text: 'payment' });
    assert.ok(listed.includes('| TS-0002 | Payment Retries | DRAFT | 1/4 |'), listed);
    await restore(editor, onDisk);
  });

  it("check_spec gives the lifecycle's next statuses with their guard problems, from the unsaved text", async () => {
    const lifecycleOf = async () => (await invoke('check_spec', { id: 'TS-0001' })).split('\n').filter((line) => line.startsWith('lifecycle: ') || (line.startsWith('- ') && !line.startsWith('- line ')));
    assert.deepEqual(await lifecycleOf(), [
      'lifecycle: status APPROVED; may move to IMPLEMENTED (1 problem), SUPERSEDED (ready), DEPRECATED (ready)',
      '- IMPLEMENTED: 14 of 17 tasks of the Implementation Checklist not ticked.',
    ]);
    const uri = fixtureUri('docs', 'specs', 'TS-0001-auth-service.md');
    const onDisk = await readFile(uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(onDisk.length));
    assert.ok(await editor.edit((edit) => edit.replace(whole, onDisk.replace(/- \[ \]/g, '- [x]'))));
    assert.deepEqual(await lifecycleOf(), ['lifecycle: status APPROVED; may move to IMPLEMENTED (ready), SUPERSEDED (ready), DEPRECATED (ready)']);
    await restore(editor, onDisk);
  });

  // Outside a chat session VS Code asks for confirmation with a modal dialog; in extension tests its
  // DialogService confirms by itself, so the edit runs. The confirmation's text is unit-tested (describePlan).
  it('ticks an item of a closed file through invokeTool: one character, saved, and undoable', async () => {
    const uri = fixtureUri('docs', 'specs', 'TS-0004-billing-export.md');
    const before = await readFile(uri);
    // The tool's own edit, alone: the date stamp on save (on by default) has tests of its own.
    await vscode.workspace.getConfiguration('techSpec').update('lastUpdated.onSave', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      const answer = await invoke('set_task_state', { id: 'TS-0004', text: 'Export job', done: false });
      assert.equal(answer, "Unticked TS-0004 line 18 ('Export job', in Implementation Checklist) in docs/specs/TS-0004-billing-export.md. Implementation Checklist: 1/2 ticked.");
      assert.equal(await readFile(uri), before.replace('- [x] Export job', '- [ ] Export job'));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), before);
      await editor.document.save();
    } finally {
      await vscode.workspace.getConfiguration('techSpec').update('lastUpdated.onSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('ticks an item of a dirty editor in the editor: the unsaved text stays, nothing is saved, one undo removes the tick', async () => {
    const uri = fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md');
    const onDisk = await readFile(uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const line = editor.document.getText().split('\n').findIndex((text) => text.includes('Dead letter handling'));
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(line + 1, 0), '- [ ] Unsaved follow-up\n')));
    const typed = editor.document.getText();
    const answer = await invoke('set_task_state', { id: 'TS-0002', line: line + 1, text: 'Dead letter handling', done: true });
    assert.match(answer, /^Ticked TS-0002 line \d+ \('Dead letter handling'/);
    assert.equal(editor.document.getText(), typed.replace('- [ ] Dead letter handling', '- [x] Dead letter handling'));
    assert.equal(editor.document.isDirty, true);
    assert.equal(await readFile(uri), onDisk);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), typed);
    await restore(editor, onDisk);
  });
});
