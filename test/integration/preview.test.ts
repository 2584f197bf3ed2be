// The spec rendering through VS Code's own Markdown engine (the one the preview uses).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri } from './helpers';
import { assertPaymentRetriesRendered, assertReadmeUntouched } from './previewExpectations';

describe('Markdown preview plugin', () => {
  before(async () => {
    const api = await activateExtension();
    // Ids link to the documents the index knows of; the preview itself refreshes once it is built.
    await api.index.ready();
  });

  it('renders a spec document with its header card, linked ids and checklist progress', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md'));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
    const card = assertPaymentRetriesRendered(html);
    assert.match(card, /<dt>Author<\/dt><dd>Grace Hopper<\/dd>/);
    assert.match(card, /<dt>Decision<\/dt><dd><a class="techspec-ref" href="..\/rfcs\/RFC-0010-retry-policy.md" title="RFC-0010: Retry Policy">RFC-0010<\/a><\/dd>/);
    assert.match(html, /<code>TS-0001<\/code>/, 'code spans keep their ids as code');
  });

  it('links ids from the workspace root when rendering text that has no document', async () => {
    const text = '---\ntech_spec_id: TS-0100\ntitle: Scratch\nstatus: IN_REVIEW\n---\n\nSee RFC-0007 and PRD-0012.\n';
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', text);
    assert.match(html, /<span class="techspec-status techspec-status-1">IN_REVIEW<\/span>/);
    const links = [...html.matchAll(/<a class="techspec-ref" href="([^"]*)" title="([^"]*)">/g)].map((match) => [match[1], match[2]]);
    assert.deepEqual(links, [
      ['/docs/rfcs/RFC-0007-auth-tokens.md', 'RFC-0007: Short-lived Auth Tokens'],
      ['/docs/prd/PRD-0012-login.md', 'PRD-0012: Passwordless Login'],
    ]);
  });

  it('leaves Markdown that is not a spec as VS Code renders it', async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', await vscode.workspace.openTextDocument(fixtureUri('README.md')));
    assertReadmeUntouched(html);
  });
});
