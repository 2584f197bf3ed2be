// Completion and hover of the keys the lifecycle writes (supersedes, superseded_by, approvals), through
// vscode.executeCompletionItemProvider and vscode.executeHoverProvider on an unsaved spec.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { contentDigest } from '../../src/core/lifecycle/approvals';
import { activateExtension, closeAllEditors, hoverMarkdown, readFile, waitFor } from './helpers';
import { currentAndStaleApprovals } from './lifecycleSupport';
import { openUntitled } from './untitled';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Every template key is present, so a key position offers only what the typed letters start. */
const FULL = ['tech_spec_id: TS-0980', 'title: Key Probe', 'status: APPROVED', 'decision_ref: RFC-0007', 'author: Ada', 'created: 2026-01-01', 'last_updated: 2026-01-02', 'related_prd: PRD-0012'];
const BODY = '\n# TS-0980: Key Probe\n\nBody.\n';

/** The unsaved probes of the running test, reverted and closed after it: they cite ids that other tests count. */
const opened: vscode.TextDocument[] = [];

async function open(frontMatter: readonly string[]): Promise<vscode.TextDocument> {
  const document = await openUntitled(`---\n${frontMatter.join('\n')}\n---\n${BODY}`);
  opened.push(document);
  await vscode.window.showTextDocument(document);
  return document;
}

async function revertAndCloseOpened(): Promise<void> {
  for (const document of opened.splice(0)) {
    if (document.isClosed) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Our items only: the Markdown extension may offer its own (paths, words). */
async function ourCompletions(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  return list.items.filter((item) => item.detail?.startsWith('Tech Spec front matter') || item.kind === vscode.CompletionItemKind.Value).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

/** The spec ids in these texts' front matter, read here, not by the index. */
function specIds(texts: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const text of texts) {
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    let data: unknown;
    try {
      data = match ? parse(match[1]) : undefined;
    } catch {
      continue;
    }
    const id = ((data ?? {}) as Record<string, unknown>).tech_spec_id;
    if (typeof id === 'string' && /^TS-\d+$/.test(id)) ids.add(id);
  }
  return ids;
}

/** The specs on disk, and the ids of the documents open besides `except` (which the index may also hold). */
async function workspaceSpecs(except: vscode.TextDocument): Promise<{ onDisk: string[]; open: Set<string> }> {
  const files = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**');
  const onDisk = [...specIds(await Promise.all(files.map((file) => readFile(file))))].sort();
  const open = specIds(vscode.workspace.textDocuments.filter((document) => document !== except).map((document) => document.getText()));
  return { onDisk, open };
}

function rendered(...lines: string[]): string {
  const markdown = new vscode.MarkdownString();
  for (const line of lines) markdown.appendText(`${line}\n\n`);
  return markdown.value;
}

describe('Lifecycle keys: completion and hover of supersedes, superseded_by and approvals', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(revertAndCloseOpened);
  after(closeAllEditors);

  it('offers the lifecycle keys in the key position once their first letters are typed, each with its meaning', async () => {
    const document = await open([...FULL, 'su']);
    const items = await ourCompletions(document, new vscode.Position(FULL.length + 1, 2));
    assert.deepEqual(
      items.map((item) => [labelOf(item), item.insertText, item.detail, item.documentation]),
      [
        ['supersedes', 'supersedes: ', 'Tech Spec front matter (optional)', 'The spec this one replaces, e.g. TS-0042. Its `superseded_by` should name this spec back.'],
        ['superseded_by', 'superseded_by: ', 'Tech Spec front matter (optional)', 'The spec that replaces this one, e.g. TS-0050; set with status SUPERSEDED (Tech Spec: Supersede sets both).'],
      ],
    );
    assert.deepEqual(items.map((item) => item.range instanceof vscode.Range && [item.range.start.character, item.range.end.character]), [[0, 2], [0, 2]]);

    const approvals = await ourCompletions(await open([...FULL, 'ap']), new vscode.Position(FULL.length + 1, 2));
    assert.deepEqual(approvals.map((item) => [labelOf(item), item.insertText]), [['approvals', 'approvals:']]);
  });

  it('offers no lifecycle key on an empty key line, nor one already present', async () => {
    const empty = await open([...FULL, '']);
    assert.deepEqual((await ourCompletions(empty, new vscode.Position(FULL.length + 1, 0))).map(labelOf), []);
    const present = await open([...FULL, 'supersedes: TS-0004', 'su']);
    assert.deepEqual((await ourCompletions(present, new vscode.Position(FULL.length + 2, 2))).map(labelOf), ['superseded_by']);
  });

  for (const key of ['supersedes', 'superseded_by']) {
    it(`offers every other spec's id for ${key}:, with its title and status`, async () => {
      const document = await open([...FULL, `${key}: `]);
      // Every spec on disk is offered, never this one's own id. Ids beyond those are not asserted here: in CI a spec
      // that an earlier test created and deleted could still be offered for a while (noted for a follow-up).
      const { items } = await waitFor(
        async () => ({ items: await ourCompletions(document, new vscode.Position(FULL.length + 1, key.length + 2), ' '), ...(await workspaceSpecs(document)) }),
        ({ items: found, onDisk }) => {
          const labels = found.map(labelOf);
          return onDisk.every((id) => labels.includes(id)) && !labels.includes('TS-0980');
        },
        'every spec on disk, and never this one (TS-0980)',
      );
      const one = items.find((item) => labelOf(item) === 'TS-0005');
      assert.deepEqual([one?.detail, one?.documentation, one?.insertText], ['Session Cookies', 'Status: SUPERSEDED', 'TS-0005']);
      assert.ok(items.every((item) => item.kind === vscode.CompletionItemKind.Value));
    });
  }

  it('hovers each lifecycle key with its meaning, and approvals with how many are current and stale, as plain text', async () => {
    const current = contentDigest(`---\ntitle: x\n---\n${BODY}`);
    const document = await open([
      ...FULL,
      'supersedes: TS-0004',
      'superseded_by: TS-0005',
      ...currentAndStaleApprovals(current),
    ]);
    const hoverAt = async (line: number) => hoverMarkdown(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 3)));
    const first = FULL.length + 1;
    const hovers = [await hoverAt(first), await hoverAt(first + 1), await hoverAt(first + 2)];
    assert.deepEqual(
      hovers.map((markdowns) => markdowns.map((markdown) => markdown.value)),
      [
        [rendered('supersedes: The spec this one replaces, e.g. TS-0042. Its `superseded_by` should name this spec back.')],
        [rendered('superseded_by: The spec that replaces this one, e.g. TS-0050; set with status SUPERSEDED (Tech Spec: Supersede sets both).')],
        [rendered('approvals: Recorded approvals: who approved which content (by, role, date, digest). Written by Tech Spec: Approve; an entry goes stale when the content changes.', '1 current, 1 stale.')],
      ],
    );
    assert.ok(hovers.flat().every((markdown) => markdown.isTrusted !== true && markdown.supportHtml !== true));
  });
});
