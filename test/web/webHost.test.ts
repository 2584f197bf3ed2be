import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import { activateExtension, fixtureUri, readFile } from '../integration/helpers';
import { assertPaymentRetriesRendered, assertReadmeUntouched } from '../integration/previewExpectations';

describe('web worker extension host', () => {
  it('runs the extension as a UI extension next to these tests, with no Node.js', async () => {
    await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive);
    // The web worker host runs UI-kind extensions; the server's Node host runs Workspace-kind ones.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI);
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });
});

describe('what needs Node, in the browser', () => {
  before(async () => {
    await activateExtension();
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it("New Tech Spec without techSpec.author keeps the template's author placeholder, with no error", async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('techSpec.newSpec', { title: 'Browser Spec', open: false });
    assert.ok(uri instanceof vscode.Uri, 'techSpec.newSpec returned no Uri');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    // No git and no OS user here: the placeholder stays for the author to fill (and the checks to point at).
    assert.match(text, /^author: \[Your Name\]$/m);
    assert.match(text, /^title: Browser Spec$/m);
  });

  it('offers no author for author: until the setting has one, then that one', async function () {
    this.timeout(180_000);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\nauthor: \n---\n' });
    await vscode.window.showTextDocument(document);
    const authors = async () => (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 8), ' '))
      .items.filter((item) => item.kind === vscode.CompletionItemKind.Value).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.deepEqual(await authors(), []);
    await vscode.workspace.getConfiguration('techSpec').update('author', 'Web Author', vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual(await authors(), ['Web Author']);
    } finally {
      await vscode.workspace.getConfiguration('techSpec').update('author', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

// test/integration/preview.test.ts renders through `markdown.api.render`, but in this harness VS Code's Markdown
// extension runs in the server's Node host, which cannot load a plugin from the web worker host. On vscode.dev both
// run in the web worker; here the plugin is handed a markdown-it as that extension would hand it.
describe('the Markdown preview plugin, in the browser', () => {
  it('renders a spec with its header card, linked ids and checklist progress', async () => {
    const api = await activateExtension();
    await api.index.ready();
    const uri = fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md');
    const html = api.extendMarkdownIt(new MarkdownIt({ html: true })).render(await readFile(uri), { currentDocument: uri });
    assertPaymentRetriesRendered(html);
  });

  it('leaves Markdown that is not a spec as markdown-it renders it', async () => {
    const api = await activateExtension();
    const uri = fixtureUri('README.md');
    const html = api.extendMarkdownIt(new MarkdownIt({ html: true })).render(await readFile(uri), { currentDocument: uri });
    assertReadmeUntouched(html);
  });
});
