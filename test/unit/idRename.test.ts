import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { applyIdEdits, planIdRename, sourceRefusal, targetRefusal, type RenameSource } from '../../src/core/ids/rename';
import { fileNameWithId, resolveRelative, uriBaseName, uriPath } from '../../src/core/ids/uris';
import { parseDocumentText } from '../../src/core/parse';
import { SpecIndex } from '../../src/core/specIndex';

const RULES = { referencePrefixes: DEFAULT_CONFIG.referencePrefixes };
const ROOT = 'file:///work/repo';

const OWNER = [
  '---',
  'tech_spec_id: TS-0042',
  'title: Rate limiter',
  'related: [TS-0001, TS-0042]',
  '---',
  '# TS-0042: Rate limiter',
  '',
  'TS-0042 limits requests; TS-00421 and XTS-0042 are other words.',
  '[myself](./TS-0042-rate-limiter.md#summary)',
  '',
].join('\n');

const CITING = [
  '---',
  'tech_spec_id: TS-0001',
  'decision_ref: TS-0042',
  '---',
  '# TS-0001: Gateway',
  '',
  'Builds on TS-0042 (see [the limiter](../specs/TS-0042-rate-limiter.md) and [TS-0042][def]).',
  'Code `TS-0042` stays, so does <https://example.org/TS-0042> and [x](https://example.org/TS-0042-rate-limiter.md).',
  'A link to another file: [y](./TS-0042-other.md), [z](TS-0042-rate-limiter.md).',
  '',
  '```',
  'TS-0042 in a fence, [l](../specs/TS-0042-rate-limiter.md)',
  '```',
  '',
  '[def]: <../specs/TS-0042-rate-limiter.md> "title"',
  '',
].join('\n');

const UNRELATED = '# Notes\n\nNothing about TS-0043 here.\n';

function documents(entries: Record<string, string>): { sources: RenameSource[]; index: SpecIndex; texts: Map<string, string> } {
  const index = new SpecIndex(DEFAULT_CONFIG);
  const sources: RenameSource[] = [];
  const texts = new Map<string, string>();
  for (const [path, text] of Object.entries(entries)) {
    const uri = `${ROOT}/${path}`;
    const parsed = parseDocumentText(text);
    index.upsert(uri, text, parsed);
    sources.push({ uri, parsed });
    texts.set(uri, text);
  }
  return { sources, index, texts };
}

const workspace = () =>
  documents({
    'docs/specs/TS-0042-rate-limiter.md': OWNER,
    'docs/other/TS-0001-gateway.md': CITING,
    'docs/notes.md': UNRELATED,
  });

describe('id rename: edit computation', () => {
  it('renames the id field, the title heading, prose, front-matter references and relative links; renames the file', () => {
    const { sources, texts } = workspace();
    const owner = `${ROOT}/docs/specs/TS-0042-rate-limiter.md`;
    const plan = planIdRename('TS-0042', 'TS-0050', owner, sources, RULES);
    assert.deepEqual(plan.fileRename, { from: owner, to: `${ROOT}/docs/specs/TS-0050-rate-limiter.md` });
    assert.deepEqual(plan.documents.map((document) => document.uri), [owner, `${ROOT}/docs/other/TS-0001-gateway.md`]);
    const results = plan.documents.map((document) => applyIdEdits(texts.get(document.uri)!, document.edits));
    assert.equal(
      results[0],
      [
        '---',
        'tech_spec_id: TS-0050',
        'title: Rate limiter',
        'related: [TS-0001, TS-0050]',
        '---',
        '# TS-0050: Rate limiter',
        '',
        'TS-0050 limits requests; TS-00421 and XTS-0042 are other words.',
        '[myself](./TS-0050-rate-limiter.md#summary)',
        '',
      ].join('\n'),
    );
    assert.equal(
      results[1],
      [
        '---',
        'tech_spec_id: TS-0001',
        'decision_ref: TS-0050',
        '---',
        '# TS-0001: Gateway',
        '',
        'Builds on TS-0050 (see [the limiter](../specs/TS-0050-rate-limiter.md) and [TS-0050][def]).',
        'Code `TS-0042` stays, so does <https://example.org/TS-0042> and [x](https://example.org/TS-0042-rate-limiter.md).',
        'A link to another file: [y](./TS-0042-other.md), [z](TS-0042-rate-limiter.md).',
        '',
        '```',
        'TS-0042 in a fence, [l](../specs/TS-0042-rate-limiter.md)',
        '```',
        '',
        '[def]: <../specs/TS-0050-rate-limiter.md> "title"',
        '',
      ].join('\n'),
    );
  });

  it('lists every edit with its line, old and new text', () => {
    const { sources } = workspace();
    const plan = planIdRename('TS-0042', 'TS-0050', `${ROOT}/docs/specs/TS-0042-rate-limiter.md`, sources, RULES);
    assert.deepEqual(
      plan.documents[1].edits.map((edit) => [edit.range.start.line, edit.range.start.character, edit.range.end.character, edit.oldText, edit.newText]),
      [
        [2, 14, 21, 'TS-0042', 'TS-0050'],
        [6, 10, 17, 'TS-0042', 'TS-0050'],
        [6, 46, 53, 'TS-0042', 'TS-0050'],
        [6, 76, 83, 'TS-0042', 'TS-0050'],
        [14, 17, 24, 'TS-0042', 'TS-0050'],
      ],
    );
  });

  it('keeps the file name when it does not start with the id, and leaves links alone then', () => {
    const { sources, texts } = documents({
      'docs/specs/rate-limiter.md': OWNER.replace('./TS-0042-rate-limiter.md', './rate-limiter.md'),
      'docs/a.md': 'See [it](specs/rate-limiter.md) and TS-0042.\n',
    });
    const plan = planIdRename('TS-0042', 'TS-0050', `${ROOT}/docs/specs/rate-limiter.md`, sources, RULES);
    assert.equal(plan.fileRename, undefined);
    const a = plan.documents.find((document) => document.uri.endsWith('/a.md'))!;
    assert.equal(applyIdEdits(texts.get(a.uri)!, a.edits), 'See [it](specs/rate-limiter.md) and TS-0050.\n');
  });

  it('renames ids of other prefixes the same way, with Windows line breaks kept', () => {
    const rfc = '---\r\nrfc_id: RFC-0007\r\n---\r\n# RFC-0007: Auth\r\n\r\nRFC-0007 again.\r\n';
    const { sources, texts } = documents({ 'docs/rfcs/RFC-0007-auth.md': rfc, 'docs/b.md': 'Per RFC-0007.\r\n' });
    const plan = planIdRename('RFC-0007', 'RFC-0010', `${ROOT}/docs/rfcs/RFC-0007-auth.md`, sources, RULES);
    assert.equal(plan.fileRename?.to, `${ROOT}/docs/rfcs/RFC-0010-auth.md`);
    assert.deepEqual(
      plan.documents.map((document) => applyIdEdits(texts.get(document.uri)!, document.edits)),
      ['---\r\nrfc_id: RFC-0010\r\n---\r\n# RFC-0010: Auth\r\n\r\nRFC-0010 again.\r\n', 'Per RFC-0010.\r\n'],
    );
  });

  it('renumbers one file alone when given only that file', () => {
    const { sources } = workspace();
    const plan = planIdRename('TS-0042', 'TS-0050', sources[0].uri, [sources[0]], RULES);
    assert.deepEqual(plan.documents.map((document) => document.uri), [sources[0].uri]);
    assert.equal(plan.documents[0].edits.length, 5);
  });

  it('refuses to apply an edit whose text moved', () => {
    assert.throws(() => applyIdEdits('TS-0001\n', [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 8 } }, oldText: 'TS-0001', newText: 'TS-0002' }]), /expected "TS-0001"/);
  });
});

describe('id rename: refusals', () => {
  const { index } = workspace();
  it('refuses a new id that is malformed, of an unknown prefix, the same, or owned by another document', () => {
    assert.match(targetRefusal('TS-0042', 'TS 50', index, RULES)!, /"TS 50" is not an id: write <PREFIX>-<digits>, for example TS-0043/);
    assert.match(targetRefusal('TS-0042', ' TS-0050', index, RULES)!, /is not an id/);
    assert.match(targetRefusal('TS-0042', 'ADR-0001', index, RULES)!, /^ADR is not a known id prefix \(TS, RFC, PRD\)/);
    assert.equal(targetRefusal('TS-0042', 'TS-0042', index, RULES), 'The id is already TS-0042.');
    assert.equal(targetRefusal('TS-0042', 'TS-0001', index, RULES), 'TS-0001 is already owned by TS-0001-gateway.md.');
    assert.equal(targetRefusal('TS-0042', 'TS-0050', index, RULES), undefined);
    assert.equal(targetRefusal('TS-0042', 'RFC-0001', index, RULES), undefined);
  });

  it('refuses an id that nobody owns, or that two documents own', () => {
    assert.equal(sourceRefusal('TS-0043', index), 'No document in the workspace owns TS-0043, so there is nothing to rename.');
    assert.equal(sourceRefusal('TS-0042', index), undefined);
    const twice = documents({ 'a/TS-0003-a.md': '---\ntech_spec_id: TS-0003\n---\n', 'b/TS-0003-b.md': '---\ntech_spec_id: TS-0003\n---\n' });
    assert.equal(sourceRefusal('TS-0003', twice.index), 'TS-0003 is owned by 2 documents (TS-0003-a.md, TS-0003-b.md); renumber all but one with the quick fix first.');
  });
});

describe('id rename: URIs', () => {
  it('swaps the id at the start of a file name only', () => {
    assert.equal(fileNameWithId('file:///a/TS-0042-x%20y.md', 'TS-0042', 'TS-0100'), 'file:///a/TS-0100-x%20y.md');
    assert.equal(fileNameWithId('file:///a/TS-0042.md', 'TS-0042', 'TS-0100'), 'file:///a/TS-0100.md');
    assert.equal(fileNameWithId('file:///a/TS-00421-x.md', 'TS-0042', 'TS-0100'), undefined);
    assert.equal(fileNameWithId('file:///TS-0042/x.md', 'TS-0042', 'TS-0100'), undefined);
  });

  it('resolves relative links against the document, decoded, and refuses the rest', () => {
    assert.equal(resolveRelative('file:///a/b/doc.md', '../c/My%20File.md'), 'file:///a/c/My File.md');
    assert.equal(resolveRelative('file:///a/b/doc.md', './x.md'), uriPath('file:///a/b/x.md'));
    assert.equal(resolveRelative('vscode-vfs://github/o/r/doc.md', 'x.md'), 'vscode-vfs://github/o/r/x.md');
    assert.equal(resolveRelative('file:///a/doc.md', '../../x.md'), undefined);
    assert.equal(resolveRelative('file:///a/doc.md', 'https://x/y.md'), undefined);
    assert.equal(resolveRelative('file:///a/doc.md', '/abs.md'), undefined);
    assert.equal(uriBaseName('file:///a/My%20File.md'), 'My File.md');
  });
});
