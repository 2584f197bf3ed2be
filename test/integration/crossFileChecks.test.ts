import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TechSpecApi } from '../../src/extension';
import { activateExtension, closeAllEditors, fixtureUri, openMarkdown, waitFor, writeFile } from './helpers';

let api: TechSpecApi;

function findings(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'techspec')
    .map((diagnostic) => `${String(diagnostic.code)} ${diagnostic.message}`)
    .sort();
}

const CITING = `---
tech_spec_id: TS-0440
title: Cites A Missing RFC
status: DRAFT
decision_ref: RFC-0404
author: Ada Lovelace
created: 2026-01-10
last_updated: 2026-01-10
---

# TS-0440: Cites A Missing RFC
`;

describe('Checks that depend on other files', () => {
  before(async function () {
    this.timeout(180_000);
    api = await activateExtension();
    // The first search can take long on a loaded machine; the tests below time what follows it.
    await api.index.ready();
  });
  after(async () => {
    await closeAllEditors();
  });

  it('clears an unknown-reference warning in an open spec when the RFC is created on disk, without typing', async () => {
    const citing = fixtureUri('docs', 'specs', 'TS-0440-cites-missing.md');
    const rfc = fixtureUri('docs', 'rfcs', 'RFC-0404-found.md');
    await writeFile(citing, CITING);
    try {
      await openMarkdown(citing);
      // The spec's own id counts once the index has read the new file: until then it is unknown too.
      const expected = ['TS030 No document in the workspace owns RFC-0404.'];
      const unknownIds = (list: readonly string[]) => list.filter((line) => line.startsWith('TS030'));
      const before = await waitFor(() => findings(citing), (list) => JSON.stringify(unknownIds(list)) === JSON.stringify(expected), 'the unknown reference alone');
      assert.deepEqual(unknownIds(before), expected);
      await writeFile(rfc, '---\nrfc_id: RFC-0404\ntitle: Found\n---\n\n# RFC-0404: Found\n');
      const after = await waitFor(() => findings(citing), (list) => !list.some((line) => line.startsWith('TS030')), 'the warning to clear');
      assert.deepEqual(after.filter((line) => line.startsWith('TS030')), []);
      // And back: deleting the RFC brings the warning back.
      await vscode.workspace.fs.delete(rfc);
      await waitFor(() => findings(citing), (list) => list.some((line) => line.startsWith('TS030')), 'the warning to come back');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(citing).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(rfc).then(undefined, () => undefined);
    }
  });

  it('reports a duplicate id in an open spec when another file takes its id, and clears it when that file goes', async () => {
    const open = fixtureUri('docs', 'specs', 'TS-0004-billing-export.md');
    const copy = fixtureUri('docs', 'specs', 'TS-0004-copy.md');
    await openMarkdown(open);
    try {
      await waitFor(() => findings(open), (list) => !list.some((line) => line.startsWith('TS012')), 'no duplicate at first');
      await writeFile(copy, '---\ntech_spec_id: TS-0004\ntitle: Copy\nstatus: DRAFT\n---\n\n# TS-0004: Copy\n');
      const found = await waitFor(() => findings(open), (list) => list.some((line) => line.startsWith('TS012')), 'the duplicate id');
      assert.deepEqual(found.filter((line) => line.startsWith('TS012')), ['TS012 Duplicate id TS-0004: also owned by TS-0004-copy.md.']);
      await vscode.workspace.fs.delete(copy);
      await waitFor(() => findings(open), (list) => !list.some((line) => line.startsWith('TS012')), 'the duplicate to clear');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(copy).then(undefined, () => undefined);
    }
  });

  it('drops a deleted spec from the index though its closed editor\'s document lingers in the host', async () => {
    const spec = fixtureUri('docs', 'specs', 'TS-0449-soon-deleted.md');
    await writeFile(spec, CITING.replace(/TS-0440/g, 'TS-0449'));
    try {
      await openMarkdown(spec);
      await waitFor(() => api.index.model.owners('TS-0449').length, (count) => count === 1, 'the new spec in the index');
      await closeAllEditors();
      await vscode.workspace.fs.delete(spec);
      await waitFor(() => api.index.model.owners('TS-0449').length, (count) => count === 0, 'the deleted spec to leave the index');
    } finally {
      await vscode.workspace.fs.delete(spec).then(undefined, () => undefined);
    }
  });

  it('does not check the configured template, though it looks like a spec', async () => {
    const template = fixtureUri('docs', 'templates', 'TS-0000-template.md');
    await writeFile(template, '---\ntech_spec_id: TS-0000\ntitle: "{{title}}"\nstatus: draft\n---\n\n# TS-0000: {{title}}\n');
    await vscode.workspace.getConfiguration('techSpec').update('templatePath', 'docs/templates/TS-0000-template.md', vscode.ConfigurationTarget.Workspace);
    try {
      await openMarkdown(template);
      // A spec next to it is checked, so the checks did run.
      const other = fixtureUri('docs', 'specs', 'TS-0009-broken-spec.md');
      await openMarkdown(other);
      await waitFor(() => findings(other), (list) => list.length > 0, 'checks on a real spec');
      await api.diagnostics.lint(template);
      assert.deepEqual(findings(template), []);
      assert.equal(api.index.model.has(template.toString()), false, 'the template is not in the index');
    } finally {
      await closeAllEditors();
      await vscode.workspace.getConfiguration('techSpec').update('templatePath', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(template).then(undefined, () => undefined);
    }
  });

  it('Refresh re-reads from disk before it resolves', async () => {
    await api.tree.model();
    const uri = fixtureUri('docs', 'specs', 'TS-0006-xml-api.md');
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    try {
      // Written behind the editor's back and refreshed at once, before any watcher event is handled.
      fs.writeFileSync(uri.fsPath, original.replace(/^title: .*$/m, 'title: XML API Refreshed'));
      await vscode.commands.executeCommand('techSpec.refresh');
      assert.equal(api.index.model.get(uri.toString())?.title, 'XML API Refreshed');
      const deprecated = (await api.tree.model()).find((node) => node.key === 'status:DEPRECATED');
      assert.deepEqual(deprecated?.kind === 'group' ? deprecated.specs.map((spec) => spec.label) : [], ['TS-0006 · XML API Refreshed']);
    } finally {
      fs.writeFileSync(uri.fsPath, original);
      await vscode.commands.executeCommand('techSpec.refresh');
    }
  });
});
