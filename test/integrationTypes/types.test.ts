// Document types in the real host: New Document per type, one tree root per type, completion of
// reference keys with the right type's ids, and checks by each document's own type.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TechSpecApi } from '../../src/extension';
import type { GroupNode } from '../../src/core/treeModel';
import type { TypeNode } from '../../src/core/types';
import { activateExtension, closeAllEditors, fixtureUri, readFile, waitFor } from '../integration/helpers';

let api: TechSpecApi;

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function roots(): Promise<Array<TypeNode | GroupNode>> {
  return (await api.tree.model()) as Array<TypeNode | GroupNode>;
}

/** Each type root as "RFCs (2): Accepted[RFC-0003 · Payments] | No status[RFC-0005 · Refunds]". */
async function treeShape(): Promise<string[]> {
  return (await roots()).map((root) => {
    const groups = root.kind === 'type' ? root.groups : [root];
    const body = groups.map((group) => `${group.label}[${group.specs.map((spec) => spec.label).join(', ')}]`).join(' | ');
    return root.kind === 'type' ? `${root.label} (${root.description}): ${body}` : body;
  });
}

async function diagnosticCodes(...segments: string[]): Promise<string[]> {
  const uri = fixtureUri(...segments);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diagnostics = await api.diagnostics.lint(uri);
  return diagnostics.map((diagnostic) => `${String(diagnostic.code)} ${diagnostic.message}`);
}

describe('Document types', () => {
  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('techSpec.refresh');
  });
  after(closeAllEditors);

  it('the tree shows one root per type with documents, each grouped by its own statuses', async () => {
    assert.deepEqual(await treeShape(), [
      'Tech Specs (2): Approved[TS-0001 · Checkout] | Implemented[TS-0002 · Wallet]',
      'RFCs (2): Accepted[RFC-0003 · Payments] | No status[RFC-0005 · Refunds]',
      'PRDs (1): Approved[PRD-0002 · Wallet]',
      'ADRs (2): Accepted[ADR-0001 · Use Postgres] | Other status[ADR-0002 · Queues]',
    ]);
    const rfcs = (await roots()).find((root) => root.key === 'type:RFC');
    assert.ok(rfcs && rfcs.kind === 'type');
    const item = api.tree.getTreeItem(rfcs);
    assert.equal(item.label, 'RFCs');
    assert.deepEqual(await api.tree.getChildren(rfcs), rfcs.groups);
    // Parents lead back to the type root, so reveal works.
    assert.equal(api.tree.getParent(rfcs.groups[0])?.key, 'type:RFC');
  });

  it('techSpec.tree.documentType shows one type only, as today’s tree of specs shows specs', async () => {
    const section = vscode.workspace.getConfiguration('techSpec');
    await section.update('tree.documentType', 'RFC', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => treeShape(), (shape) => shape.length === 2, 'the RFC-only tree');
      assert.deepEqual(await treeShape(), ['Accepted[RFC-0003 · Payments]', 'No status[RFC-0005 · Refunds]']);
    } finally {
      await section.update('tree.documentType', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => treeShape(), (shape) => shape.length === 4, 'every type again');
  });

  it('techSpec.newDocument { type: RFC, title } creates an RFC from its template with the next RFC id', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newDocument', { type: 'RFC', title: 'Rate Limits', author: 'Grace', open: false });
    assert.ok(uri instanceof vscode.Uri);
    assert.equal(vscode.workspace.asRelativePath(uri, false), 'docs/rfcs/RFC-0006-rate-limits.md');
    const text = await readFile(uri);
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 4), ['---', 'rfc_id: RFC-0006', 'title: Rate Limits', 'status: DRAFT']);
    assert.equal(lines[4], 'author: Grace');
    assert.ok(text.includes('\n# RFC-0006: Rate Limits\n\n## Summary\n'), text);
    assert.ok(!text.includes('tech_spec_id'));
    // The index and the tree know it at once.
    assert.equal(api.index.model.owner('RFC-0006')?.uri, uri.toString());
    await waitFor(() => treeShape(), (shape) => shape[1]?.includes('RFC-0006 · Rate Limits') ?? false, 'the new RFC in the tree');
    // Never over an existing file: the next one takes the next id.
    const again = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newDocument', { type: 'rfc', title: 'Rate Limits', open: false });
    assert.equal(vscode.workspace.asRelativePath(again, false), 'docs/rfcs/RFC-0007-rate-limits.md');
    assert.equal(await readFile(uri), text);
  });

  it('newDocument creates a declared type (ADR) in its folder, a tech spec through New Tech Spec, and nothing for an unknown type', async () => {
    const adr = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newDocument', { type: 'ADR', title: 'Event Log', open: false });
    assert.equal(vscode.workspace.asRelativePath(adr, false), 'docs/adr/ADR-0003-event-log.md');
    const adrText = await readFile(adr);
    assert.ok(adrText.startsWith('---\nadr_id: ADR-0003\ntitle: Event Log\nstatus: PROPOSED\n'), adrText);
    assert.ok(adrText.includes('## Context') && adrText.includes('## Decision') && adrText.includes('## Consequences'));
    const spec = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newDocument', { type: 'TS', title: 'Refund Flow', open: false, decisionRef: 'RFC-0003' });
    assert.equal(vscode.workspace.asRelativePath(spec, false), 'docs/specs/TS-0003-refund-flow.md');
    assert.ok((await readFile(spec)).includes('decision_ref: RFC-0003'));
    assert.equal(await vscode.commands.executeCommand('techSpec.newDocument', { type: 'NOPE', title: 'X', open: false }), undefined);
  });

  it('newDocument never overwrites a file written behind the index\'s back: it leaves it byte for byte and takes the next id', async () => {
    const probe = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newDocument', { type: 'ADR', title: 'Race Probe', open: false });
    const next = Number(/^ADR-(\d+)/.exec(path.posix.basename(probe.path))?.[1]) + 1;
    const adrId = (n: number) => `ADR-${String(n).padStart(4, '0')}`;
    const target = path.join(fixtureUri('docs', 'adr').fsPath, `${adrId(next)}-race.md`);
    // Written with Node, in the same tick as the command starts: the watcher has not told the index yet.
    const bytes = Buffer.from('---\nnote: written by another window\n---\r\nnot an ADR, caf\u00e9\n', 'utf8');
    fs.writeFileSync(target, bytes, { flag: 'wx' });
    const created = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newDocument', { type: 'ADR', title: 'Race', open: false });
    assert.deepEqual(fs.readFileSync(target), bytes, 'the file written outside was changed');
    assert.equal(vscode.workspace.asRelativePath(created, false), `docs/adr/${adrId(next + 1)}-race.md`);
    assert.ok((await readFile(created)).startsWith(`---\nadr_id: ${adrId(next + 1)}\ntitle: Race\n`));
  });

  it("a spec's decision_ref completion offers RFC ids only; related_prd PRD ids only", async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('docs', 'specs', 'TS-0001-checkout.md'));
    await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('decision_ref:'));
    const values = async (at: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(at, document.lineAt(at).text.length));
      return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Value).map(labelOf).sort();
    };
    assert.deepEqual(await values(line), ['RFC-0003', 'RFC-0005', 'RFC-0006', 'RFC-0007']);
    const prdLine = document.getText().split('\n').findIndex((text) => text.startsWith('related_prd:'));
    assert.deepEqual(await values(prdLine), ['PRD-0002']);
  });

  it('status completion in an ADR offers the ADR statuses, in their order', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('docs', 'adr', 'ADR-0001-use-postgres.md'));
    await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('status:'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, document.lineAt(line).text.length));
    const statuses = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Value).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(statuses.map(labelOf), ['PROPOSED', 'ACCEPTED', 'REJECTED', 'DEPRECATED', 'SUPERSEDED']);
  });

  it('checks each document by its own type: TS050 for a PRD in decision_ref, ADR statuses and sections, no checks for a type without a template', async () => {
    const wallet = await diagnosticCodes('docs', 'specs', 'TS-0002-wallet.md');
    assert.deepEqual(
      wallet.filter((line) => line.startsWith('TS050')),
      ['TS050 "decision_ref" names PRD-0002, a PRD document; it should name a RFC document (RFC-<digits>).'],
    );
    // The rest is the seed template's structure checks of a short spec: missing sections, nothing about references.
    // (TS032: the fixture's APPROVED specs record no approval; the lifecycle tests cover it.)
    const beside = (line: string) => line.startsWith('TS050') || line.startsWith('TS032');
    assert.deepEqual([...new Set(wallet.filter((line) => !beside(line)).map((line) => line.slice(0, 5)))], ['TS020']);
    assert.deepEqual((await diagnosticCodes('docs', 'specs', 'TS-0001-checkout.md')).filter((line) => !line.startsWith('TS020') && !line.startsWith('TS032')), []);
    assert.deepEqual(await diagnosticCodes('docs', 'adr', 'ADR-0001-use-postgres.md'), []);
    assert.deepEqual(await diagnosticCodes('docs', 'adr', 'ADR-0002-queues.md'), [
      'TS006 Unknown status "DONE": use one of PROPOSED, ACCEPTED, REJECTED, DEPRECATED, SUPERSEDED.',
      'TS020 Missing section "## Consequences".',
    ]);
    assert.deepEqual(await diagnosticCodes('docs', 'rfcs', 'RFC-0003-payments.md'), []);
  });
});
