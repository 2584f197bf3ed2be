import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri, hoverMarkdown, openMarkdown } from './helpers';

function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = document.getText().indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} not found`);
  return document.positionAt(index + 2);
}

describe('References to RFC/PRD/TS ids', () => {
  let spec: vscode.TextDocument;
  before(async () => {
    await activateExtension();
    spec = (await openMarkdown(fixtureUri('docs', 'specs', 'TS-0001-auth-service.md'))).document;
  });

  it('hovers an RFC id in the front matter with its title, status, author, date, summary and path', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', spec.uri, positionOf(spec, 'decision_ref: RFC-0007'));
    // The position above is on "decision_ref"; move onto the id itself.
    // A key is not a reference: its hover (if any) explains the key and never describes the document it names.
    for (const hover of hoverMarkdown(hovers)) assert.ok(!hover.value.includes('Short') && !hover.value.includes('ACCEPTED'), `a key's hover describes the reference: ${hover.value}`);
    const onId = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', spec.uri, positionOf(spec, 'RFC-0007'));
    const markdown = hoverMarkdown(onId);
    assert.equal(markdown.length, 1);
    const text = markdown[0].value;
    for (const part of ['RFC\\-0007', 'Short\\-lived Auth Tokens', 'ACCEPTED', 'Ada Lovelace', '2025\\-12\\-01', 'Replace long\\-lived API keys with tokens that expire after one hour\\.', 'docs/rfcs/RFC\\-0007\\-auth\\-tokens\\.md']) {
      assert.ok(text.includes(part), `hover lacks ${part}: ${text}`);
    }
    assert.equal(markdown[0].isTrusted, false);
    assert.equal(markdown[0].supportHtml, false);
  });

  it('hovers an id in prose', async () => {
    const document = (await openMarkdown(fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md'))).document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'TS-0001;'));
    assert.match(hoverMarkdown(hovers)[0].value, /Auth Service/);
  });

  it('says that no document owns an unknown id, or links it through referenceUrls', async () => {
    const document = (await openMarkdown(fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md'))).document;
    const at = positionOf(document, 'RFC-0099');
    let markdown = hoverMarkdown(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
    assert.match(markdown[0].value, /No document in the workspace owns this id/);
    await vscode.workspace.getConfiguration('techSpec').update('referenceUrls', { RFC: 'https://rfc.example.org/{id}' }, vscode.ConfigurationTarget.Workspace);
    try {
      markdown = hoverMarkdown(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
      assert.match(markdown[0].value, /\(https:\/\/rfc\.example\.org\/RFC-0099\)/);
    } finally {
      await vscode.workspace.getConfiguration('techSpec').update('referenceUrls', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('does not treat ids in code spans, fences or link URLs as references', async () => {
    const document = (await openMarkdown(fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md'))).document;
    for (const needle of ['`TS-0001`', 'RFC-0007-auth-tokens.md', 'TS-0001 inside a fence']) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, needle).translate(0, 1));
      assert.equal(hovers.length, 0, `hover on ${needle}`);
    }
  });

  it("goes to the owning document's title line", async () => {
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', spec.uri, positionOf(spec, 'RFC-0007'));
    assert.equal(locations.length, 1);
    const location = locations[0] as vscode.Location;
    assert.equal(location.uri.toString(), fixtureUri('docs', 'rfcs', 'RFC-0007-auth-tokens.md').toString());
    assert.equal(location.range.start.line, 8);
    const prd = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', spec.uri, positionOf(spec, 'PRD-0012'));
    assert.equal(prd[0].uri.toString(), fixtureUri('docs', 'prd', 'PRD-0012-login.md').toString());
    const byName = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md'), new vscode.Position(4, 16));
    assert.equal(byName[0].uri.toString(), fixtureUri('docs', 'rfcs', 'RFC-0010-retry-policy.md').toString());
  });

  it('finds every mention of an id in the workspace, front matter and prose', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', spec.uri, positionOf(spec, 'RFC-0007'));
    const files = locations.map((location) => vscode.workspace.asRelativePath(location.uri)).sort();
    // TS-0001: front matter + summary + the template's References line uses RFC-XXXX (not an id);
    // RFC-0007 owns it (front matter + heading); TS-0007 cites it in prose.
    assert.deepEqual(files, [
      'docs/rfcs/RFC-0007-auth-tokens.md',
      'docs/rfcs/RFC-0007-auth-tokens.md',
      'docs/specs/TS-0001-auth-service.md',
      'docs/specs/TS-0001-auth-service.md',
      'docs/specs/TS-0007-on-hold.md',
    ]);
  });

  it('turns ids into document links', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', spec.uri);
    const targets = links.map((link) => link.target?.path ?? '');
    assert.ok(targets.some((target) => target.endsWith('RFC-0007-auth-tokens.md')));
    assert.ok(targets.some((target) => target.endsWith('PRD-0012-login.md')));
  });

  it('renders hostile titles and summaries inert', async () => {
    const document = (await openMarkdown(fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md'))).document;
    // Cite the hostile spec from an untitled editor and hover it.
    const probe = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'See TS-0008 here.\n' });
    await vscode.window.showTextDocument(probe);
    const markdown = hoverMarkdown(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', probe.uri, new vscode.Position(0, 6)));
    assert.equal(markdown.length, 1);
    const value = markdown[0].value;
    assert.equal(markdown[0].isTrusted, false);
    assert.equal(markdown[0].supportHtml, false);
    assert.ok(!/\]\(command:/.test(value), `live command link in ${value}`);
    assert.ok(!/<img|<script|<b /.test(value), `raw HTML in ${value}`);
    assert.ok(value.includes('Evil \\[click\\]\\(command:workbench\\.action\\.quit\\)'), value);
    assert.ok(document);
  });
});
