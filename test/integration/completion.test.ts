import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatLocalDate } from '../../src/core/template';
import { activateExtension, closeAllEditors } from './helpers';

async function completionsAt(content: string, line: number, character: number, trigger?: string): Promise<vscode.CompletionItem[]> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, character), trigger);
  return list.items;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const FRONT = '---\ntech_spec_id: TS-0100\ntitle: Probe\n\n---\n\n# Body\n\n';

describe('Front-matter completion', () => {
  before(async () => {
    await activateExtension();
  });
  after(closeAllEditors);

  it('offers the missing keys at the start of a key, each with a description', async () => {
    const items = await completionsAt(FRONT, 3, 0);
    const labels = items.map(labelOf);
    for (const key of ['status', 'decision_ref', 'author', 'created', 'last_updated', 'related_prd']) assert.ok(labels.includes(key), `missing ${key}`);
    assert.ok(!labels.includes('tech_spec_id'), 'offers a key already present');
    assert.ok(!labels.includes('title'), 'offers a key already present');
    const status = items.find((item) => labelOf(item) === 'status');
    assert.ok(status?.documentation, 'key has no description');
    assert.equal(status?.insertText, 'status: ');
  });

  it('offers the statuses in lifecycle order after status:', async () => {
    const items = await completionsAt('---\nstatus: \n---\n', 1, 8, ' ');
    const ours = items.filter((item) => item.kind === vscode.CompletionItemKind.Value).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(ours.map(labelOf), ['DRAFT', 'IN_REVIEW', 'APPROVED', 'IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED']);
    assert.ok(ours.every((item) => item.documentation), 'a status has no description');
  });

  it('offers today for created: and last_updated:', async () => {
    const today = formatLocalDate(new Date());
    for (const key of ['created', 'last_updated']) {
      const items = await completionsAt(`---\n${key}: \n---\n`, 1, key.length + 2, ' ');
      assert.ok(items.map(labelOf).includes(today), `${key} does not offer ${today}`);
    }
  });

  it('offers the RFC ids known in the workspace, with titles, for decision_ref:', async () => {
    const items = await completionsAt('---\ndecision_ref: \n---\n', 1, 14, ' ');
    const rfc7 = items.find((item) => labelOf(item) === 'RFC-0007');
    assert.ok(rfc7, 'RFC-0007 missing');
    assert.equal(rfc7.detail, 'Short-lived Auth Tokens');
    assert.ok(items.map(labelOf).includes('RFC-0010'), 'RFC owned by file name missing');
    assert.ok(!items.map(labelOf).includes('PRD-0012'));
  });

  it('offers the PRD ids for related_prd:', async () => {
    const items = await completionsAt('---\nrelated_prd: \n---\n', 1, 13, ' ');
    assert.ok(items.map(labelOf).includes('PRD-0012'));
    assert.ok(!items.map(labelOf).some((label) => label.startsWith('RFC-')));
  });

  it('offers the next free id for tech_spec_id:', async () => {
    const items = await completionsAt('---\ntech_spec_id: \n---\n', 1, 14, ' ');
    const ids = items.filter((item) => item.kind === vscode.CompletionItemKind.Value).map(labelOf);
    assert.equal(ids.length, 1);
    assert.match(ids[0], /^TS-\d{4}$/);
    assert.ok(Number(ids[0].slice(3)) >= 9, `${ids[0]} is taken in the fixture`);
  });

  it('offers an author for author:', async () => {
    await vscode.workspace.getConfiguration('techSpec').update('author', 'Configured Author', vscode.ConfigurationTarget.Workspace);
    try {
      const items = await completionsAt('---\nauthor: \n---\n', 1, 8, ' ');
      assert.ok(items.map(labelOf).includes('Configured Author'));
    } finally {
      await vscode.workspace.getConfiguration('techSpec').update('author', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('offers nothing of its own in the body or outside front matter', async () => {
    const ours = (items: vscode.CompletionItem[]) =>
      items.filter((item) => item.kind === vscode.CompletionItemKind.Property || item.kind === vscode.CompletionItemKind.Value);
    const body = await completionsAt(FRONT, 7, 0);
    assert.deepEqual(ours(body).map(labelOf), []);
    const noFront = await completionsAt('status: \n', 0, 8, ' ');
    assert.deepEqual(ours(noFront).map(labelOf), []);
  });
});
