// The spec rendering through VS Code's own Markdown engine (the one the preview uses).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri } from './helpers';

describe('Markdown preview plugin', () => {
  before(async () => {
    const api = await activateExtension();
    // Ids link to the documents the index knows of; the preview itself refreshes once it is built.
    await api.index.ready();
  });

  it('renders a spec document with its header card, linked ids and checklist progress', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md'));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
    const card = /<header class="techspec-card">[\s\S]*?<\/header>/.exec(html)?.[0];
    assert.ok(card, `no header card in ${html.slice(0, 400)}`);
    assert.match(card, /<span class="techspec-card-id">TS-0002<\/span> <span class="techspec-card-title">Payment Retries<\/span> <span class="techspec-status techspec-status-0">DRAFT<\/span>/);
    assert.match(card, /<dt>Author<\/dt><dd>Grace Hopper<\/dd>/);
    assert.match(card, /<dt>Decision<\/dt><dd><a class="techspec-ref" href="..\/rfcs\/RFC-0010-retry-policy.md" title="RFC-0010: Retry Policy">RFC-0010<\/a><\/dd>/);
    assert.ok(!html.includes('tech_spec_id'), 'the YAML is not shown');
    const links = [...html.matchAll(/<a class="techspec-ref" href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((match) => [match[1], match[2]]);
    assert.deepEqual(links, [
      ['../rfcs/RFC-0010-retry-policy.md', 'RFC-0010'],
      ['TS-0002-payment-retries.md', 'TS-0002'],
      ['TS-0001-auth-service.md', 'TS-0001'],
    ]);
    assert.match(html, /<span class="techspec-ref techspec-ref-unknown">RFC-0099<\/span>/);
    assert.match(html, /<progress class="techspec-progress-bar" value="1" max="3"><\/progress> <span class="techspec-progress-label">1 of 3 done<\/span>/);
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
    assert.ok(!html.includes('techspec-'), html);
    assert.match(html, /Fixture workspace<\/h1>/);
  });
});
