// Severities that depend on the spec's status, in the Problems view: a DRAFT's placeholder is information,
// an IN_REVIEW spec's a warning, and `techSpec.rules` may set them per status.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TechSpecApi } from '../../src/extension';
import { activateExtension, closeAllEditors, fixtureUri, openMarkdown, waitFor } from './helpers';

const draftUri = () => fixtureUri('docs', 'specs', 'TS-0002-payment-retries.md');
const inReviewUri = () => fixtureUri('docs', 'specs', 'TS-0003-search-index.md');
const PLACEHOLDER_LINE = 'Owned by [Name] until the review.';

/**
 * The spec's placeholder findings (TS022) as [line, severity name, message], and the severities of its
 * missing-section findings (TS020: the fixture specs leave most of the template's sections out), as a set.
 */
function structureFindings(uri: vscode.Uri): { placeholders: Array<[number, string, string]>; missingSections: string[] } {
  const ours = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'techspec');
  const severity = (diagnostic: vscode.Diagnostic) => vscode.DiagnosticSeverity[diagnostic.severity];
  return {
    placeholders: ours.filter((diagnostic) => diagnostic.code === 'TS022').map((diagnostic) => [diagnostic.range.start.line, severity(diagnostic), diagnostic.message] as [number, string, string]),
    missingSections: [...new Set(ours.filter((diagnostic) => diagnostic.code === 'TS020').map(severity))],
  };
}

/** Puts a template placeholder into an open spec's Executive Summary, unsaved; returns its line. */
async function addPlaceholder(uri: vscode.Uri): Promise<number> {
  const editor = await openMarkdown(uri);
  const heading = editor.document.getText().split('\n').indexOf('## Executive Summary');
  assert.ok(heading > 0, `${uri.path} has no Executive Summary`);
  assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(heading + 1, 0), `\n${PLACEHOLDER_LINE}\n`)));
  return heading + 2;
}

/** What the spec should show: its placeholder with one severity, its missing sections with another. */
function expected(line: number, placeholder: string, missingSections: string): ReturnType<typeof structureFindings> {
  return { placeholders: [[line, placeholder, `Section "Executive Summary" still holds the template's placeholder [Name].`]], missingSections: [missingSections] };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('Rule severities per status', () => {
  const update = (value: unknown) => vscode.workspace.getConfiguration('techSpec').update('rules', value, vscode.ConfigurationTarget.Workspace);
  const draft = () => structureFindings(draftUri());
  const inReview = () => structureFindings(inReviewUri());
  let api: TechSpecApi;
  let draftLine = 0;
  let inReviewLine = 0;

  before(async () => {
    api = await activateExtension();
    draftLine = await addPlaceholder(draftUri());
    inReviewLine = await addPlaceholder(inReviewUri());
  });

  after(async () => {
    await update(undefined);
    for (const uri of [draftUri(), inReviewUri()]) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await closeAllEditors();
  });

  it("shows a DRAFT spec's placeholder and missing sections as Information, an IN_REVIEW spec's as Warning", async () => {
    assert.deepEqual(await waitFor(draft, (found) => found.placeholders.length > 0, 'the DRAFT spec’s placeholder'), expected(draftLine, 'Information', 'Information'));
    assert.deepEqual(await waitFor(inReview, (found) => found.placeholders.length > 0, 'the IN_REVIEW spec’s placeholder'), expected(inReviewLine, 'Warning', 'Warning'));
  });

  it('takes a per-status setting and a plain severity for every status, and goes back when it is removed', async () => {
    await update({ TS022: { DRAFT: 'error', default: 'hint' } });
    // TS020 has no entry: it keeps its built-in choice per status.
    await waitFor(draft, (found) => same(found, expected(draftLine, 'Error', 'Information')), 'the DRAFT placeholder as an error');
    await waitFor(inReview, (found) => same(found, expected(inReviewLine, 'Hint', 'Warning')), 'the IN_REVIEW placeholder as a hint (the default)');

    await update({ 'section-missing': 'warning', TS022: { IN_REVIEW: 'off' } });
    await waitFor(inReview, (found) => same(found, { placeholders: [], missingSections: ['Warning'] }), 'the IN_REVIEW placeholder turned off');
    // A status the entry does not name keeps the built-in choice: information in DRAFT.
    await waitFor(draft, (found) => same(found, expected(draftLine, 'Information', 'Warning')), 'the DRAFT missing sections as warnings');

    await update(undefined);
    await waitFor(draft, (found) => same(found, expected(draftLine, 'Information', 'Information')), 'the DRAFT defaults again');
    await waitFor(inReview, (found) => same(found, expected(inReviewLine, 'Warning', 'Warning')), 'the IN_REVIEW defaults again');
  });

  it('names a bad per-status value by its status, and keeps the rest of the entry', async () => {
    await update({ TS022: { DRAFT: 'loud', IN_REVIEW: 'error' } });
    const problems = await waitFor(() => [...api.configuration.problems], (list) => list.length > 0, 'the settings problem');
    assert.deepEqual(problems, ['techSpec.rules.TS022.DRAFT: "loud" is not a severity (error, warning, information, hint, off); in DRAFT the rule keeps its default.']);
    await waitFor(inReview, (found) => same(found, expected(inReviewLine, 'Error', 'Warning')), 'the IN_REVIEW placeholder as an error');
    assert.deepEqual(draft(), expected(draftLine, 'Information', 'Information'));
    await update(undefined);
    await waitFor(() => api.configuration.problems, (list) => list.length === 0, 'the problem to clear');
  });
});
