import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TechSpecApi } from '../../src/extension';
import type { GroupNode, SpecNode } from '../../src/core/treeModel';
import { activateExtension, closeAllEditors, fixtureUri, openMarkdown, waitFor } from '../integration/helpers';

let api: TechSpecApi;

async function specNodes(): Promise<SpecNode[]> {
  const model = await api.tree.model();
  return model.filter((node): node is GroupNode => node.kind === 'group').flatMap((group) => group.specs);
}

const codesOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((diagnostic) => String(diagnostic.code));

describe('a workspace with its own template (techSpec.templatePath)', () => {
  before(async () => {
    api = await activateExtension();
    await vscode.commands.executeCommand('techSpec.refresh');
  });

  after(closeAllEditors);

  it('a spec written from the team template shows no diagnostics; one without its Delivery Tasks shows exactly that', async () => {
    const written = fixtureUri('docs', 'specs', 'TS-0001-checkout-redesign.md');
    const missing = fixtureUri('docs', 'specs', 'TS-0002-gift-cards.md');
    await openMarkdown(written);
    await openMarkdown(missing);
    // The findings of the second spec show that the checks ran on the first one too.
    const found = await waitFor(
      () => vscode.languages.getDiagnostics(missing).map((diagnostic) => `${String(diagnostic.code)} ${diagnostic.message}`),
      (messages) => messages.length > 0,
      'diagnostics on TS-0002',
    );
    // Both specs are APPROVED with no recorded approval (TS032, information), as `techspec lint` reports too.
    assert.deepEqual(found, ['TS032 APPROVED without a current approval: no approval is recorded.', 'TS020 Missing section "## Delivery Tasks".']);
    assert.deepEqual((await api.diagnostics.lint(written)).map((finding) => finding.code), ['TS032']);
    assert.deepEqual(vscode.languages.getDiagnostics(written).map((diagnostic) => String(diagnostic.code)), ['TS032']);
  });

  it('the template itself is never linted, even open in an editor', async () => {
    const template = fixtureUri('templates', 'team-spec.md');
    await openMarkdown(template);
    assert.deepEqual(await api.diagnostics.lint(template), []);
    assert.deepEqual(codesOf(template), []);
  });

  it("the tree's progress counts only the Delivery Tasks section, and says when a spec has none", async () => {
    const specs = await waitFor(specNodes, (nodes) => nodes.length >= 2, 'the specs in the tree');
    const written = specs.find((spec) => spec.id === 'TS-0001');
    const missing = specs.find((spec) => spec.id === 'TS-0002');
    assert.ok(written && missing);
    // TS-0001 also has three tasks under Design: only the three of Delivery Tasks count.
    assert.equal(written.description, '1/3');
    assert.ok(!written.tooltip.includes('no progress counted'), written.tooltip);
    assert.equal(missing.description, '');
    assert.ok(missing.tooltip.includes('No "Delivery Tasks" section: no progress counted'), missing.tooltip);
    assert.ok(!specs.some((spec) => spec.uri.endsWith('team-spec.md')), 'the template is not listed as a spec');
  });

  it('New Tech Spec writes a spec from the team template that lints with only its placeholders', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('techSpec.newSpec', { title: 'Saved Carts', author: 'Katherine Johnson', open: false });
    assert.ok(uri instanceof vscode.Uri);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.ok(text.includes('\nauthor: Katherine Johnson\n'), text);
    assert.ok(text.includes('\n## Delivery Tasks\n'), text);
    await openMarkdown(uri);
    const diagnostics = await api.diagnostics.lint(uri);
    assert.ok(diagnostics.length > 0);
    assert.deepEqual([...new Set(diagnostics.map((diagnostic) => String(diagnostic.code)))], ['TS022']);
    const specs = await waitFor(specNodes, (nodes) => nodes.some((spec) => spec.uri === uri.toString()), 'the new spec in the tree');
    assert.equal(specs.find((spec) => spec.uri === uri.toString())?.description, '0/3');
  });
});
