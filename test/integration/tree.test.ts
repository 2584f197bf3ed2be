import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroupNode } from '../../src/core/treeModel';
import { activateExtension, fixtureUri, waitFor, writeFile } from './helpers';
import type { TechSpecApi } from '../../src/extension';

let api: TechSpecApi;

async function groups(): Promise<GroupNode[]> {
  const model = await api.tree.model();
  return model.filter((node): node is GroupNode => node.kind === 'group');
}

function specLabels(all: GroupNode[], key: string): string[] {
  return all.find((group) => group.key === key)?.specs.map((spec) => spec.label) ?? [];
}

describe('Tech Specs tree', () => {
  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('techSpec.refresh');
  });

  it('groups the fixture specs by status in lifecycle order, with counts and labels', async () => {
    const all = await groups();
    const statusGroups = all.filter((group) => group.category === 'status');
    assert.deepEqual(
      statusGroups.map((group) => group.status),
      ['DRAFT', 'IN_REVIEW', 'APPROVED', 'IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED'],
    );
    const approved = all.find((group) => group.key === 'status:APPROVED');
    assert.ok(approved);
    assert.equal(approved.label, 'Approved');
    assert.equal(approved.description, String(approved.specs.length));
    assert.ok(specLabels(all, 'status:APPROVED').includes('TS-0001 · Auth Service'));
    assert.deepEqual(specLabels(all, 'status:IN_REVIEW'), ['TS-0003 · Search Index']);
    assert.deepEqual(specLabels(all, 'status:IMPLEMENTED'), ['TS-0004 · Billing Export']);
    assert.deepEqual(specLabels(all, 'status:SUPERSEDED'), ['TS-0005 · Session Cookies']);
    assert.deepEqual(specLabels(all, 'status:DEPRECATED'), ['TS-0006 · XML API']);
    assert.ok(specLabels(all, 'status:DRAFT').includes('TS-0002 · Payment Retries'));
  });

  it('puts a spec with an unknown status under its own group', async () => {
    const all = await groups();
    const other = all.find((group) => group.category === 'other');
    assert.ok(other);
    assert.deepEqual(other.specs.map((spec) => spec.label), ['TS-0007 · Offline Mode', 'TS-0009 · Broken Spec']);
    assert.equal(all[all.length - 1].category === 'status', false);
  });

  it('does not list RFCs, PRDs or plain Markdown as specs', async () => {
    const labels = (await groups()).flatMap((group) => group.specs.map((spec) => spec.label));
    assert.ok(!labels.some((label) => /RFC|PRD|Fixture workspace/.test(label)));
  });

  it('shows checklist progress and a tooltip with title, status, progress, path, author and dates', async () => {
    const all = await groups();
    const auth = all.flatMap((group) => group.specs).find((spec) => spec.id === 'TS-0001');
    assert.ok(auth);
    assert.equal(auth.description, '3/17');
    assert.equal(
      auth.tooltip,
      ['TS-0001 · Auth Service', 'Status: APPROVED', 'Checklist: 3 of 17 done', 'Author: Ada Lovelace', 'Created: 2026-01-10', 'Last updated: 2026-02-01', 'docs/specs/TS-0001-auth-service.md'].join('\n'),
    );
    const retries = all.flatMap((group) => group.specs).find((spec) => spec.id === 'TS-0002');
    assert.equal(retries?.description, '1/3');
  });

  it("lists a spec's table of contents, nested by level", async () => {
    const all = await groups();
    const search = all.flatMap((group) => group.specs).find((spec) => spec.id === 'TS-0003');
    assert.ok(search);
    const children = await api.tree.getChildren(search);
    const labels = children.map((node) => (node.kind === 'heading' ? node.entry.text : '?'));
    assert.deepEqual(labels, ['Executive Summary', 'Design Overview', 'Implementation Checklist']);
    const design = children[1];
    assert.ok(design.kind === 'heading');
    assert.deepEqual(design.children.map((node) => node.entry.text), ['Data Flow']);
    const item = api.tree.getTreeItem(design.children[0]);
    assert.equal(item.command?.command, 'techSpec.revealHeading');
    assert.deepEqual(item.command?.arguments?.[1], design.children[0].entry.line);
  });

  it('opens a heading in the editor', async () => {
    const uri = fixtureUri('docs', 'specs', 'TS-0003-search-index.md');
    await vscode.commands.executeCommand('techSpec.revealHeading', uri.toString(), 17);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor?.selection.active.line, 17);
  });

  it('follows files being created, changed and deleted', async () => {
    const uri = fixtureUri('docs', 'specs', 'TS-0500-live.md');
    await writeFile(uri, '---\ntech_spec_id: TS-0500\ntitle: Live\nstatus: IN_REVIEW\n---\n\n# TS-0500: Live\n');
    await waitFor(async () => specLabels(await groups(), 'status:IN_REVIEW'), (labels) => labels.includes('TS-0500 · Live'), 'the created spec');
    await writeFile(uri, '---\ntech_spec_id: TS-0500\ntitle: Live Renamed\nstatus: APPROVED\n---\n\n# TS-0500: Live\n');
    await waitFor(async () => specLabels(await groups(), 'status:APPROVED'), (labels) => labels.includes('TS-0500 · Live Renamed'), 'the changed spec');
    assert.ok(!specLabels(await groups(), 'status:IN_REVIEW').includes('TS-0500 · Live'));
    await vscode.workspace.fs.delete(uri);
    await waitFor(async () => (await groups()).flatMap((group) => group.specs).some((spec) => spec.id === 'TS-0500'), (present) => !present, 'the deleted spec to go');
  });

  it('follows unsaved typing in an open editor', async () => {
    const uri = fixtureUri('docs', 'specs', 'TS-0004-billing-export.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('status:'));
    await editor.edit((edit) => edit.replace(document.lineAt(line).range, 'status: APPROVED'));
    await waitFor(async () => specLabels(await groups(), 'status:APPROVED'), (labels) => labels.includes('TS-0004 · Billing Export'), 'the edited status');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(async () => specLabels(await groups(), 'status:IMPLEMENTED'), (labels) => labels.includes('TS-0004 · Billing Export'), 'the reverted status');
  });
});

describe('Tech Specs tree under a burst of file events', () => {
  before(async () => {
    api = await activateExtension();
  });

  it('ends right after 1,000 files are created and deleted, with a bounded number of refreshes', async function () {
    this.timeout(240000);
    const folder = fixtureUri('docs', 'burst');
    await vscode.workspace.fs.createDirectory(folder);
    const count = 1000;
    const uris = Array.from({ length: count }, (_, i) => vscode.Uri.joinPath(folder, `TS-${7000 + i}-burst.md`));
    const baseline = (await groups()).reduce((sum, group) => sum + group.specs.length, 0);
    let refreshes = 0;
    const counting = api.tree.onDidChangeTreeData(() => refreshes++);
    const encoder = new TextEncoder();
    for (let i = 0; i < uris.length; i += 50) {
      await Promise.all(uris.slice(i, i + 50).map((uri, j) => vscode.workspace.fs.writeFile(uri, encoder.encode(`---\ntech_spec_id: TS-${7000 + i + j}\ntitle: Burst ${i + j}\nstatus: DRAFT\n---\n`))));
    }
    const total = () => groups().then((all) => all.reduce((sum, group) => sum + group.specs.length, 0));
    await waitFor(total, (value) => value === baseline + count, `${count} new specs in the tree`, 120000);
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await waitFor(total, (value) => value === baseline, 'the burst to be gone from the tree', 120000);
    counting.dispose();
    // 2,000 file events; coalescing keeps refreshes to a small fraction of them.
    assert.ok(refreshes <= 100, `${refreshes} tree refreshes for ${2 * count} file events`);
  });
});
