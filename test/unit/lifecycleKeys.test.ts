import * as assert from 'node:assert/strict';
import { completionContext, completionEntries, type CompletionData } from '../../src/core/frontMatterCompletion';
import { keyHover } from '../../src/core/frontMatterKeyHover';
import { describeReference } from '../../src/core/referenceInfo';
import { summarize } from '../../src/core/summary';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { parseDocumentText } from '../../src/core/parse';

const DATA: CompletionData = {
  statuses: ['DRAFT'],
  today: '2026-12-02',
  nextId: 'TS-0051',
  author: undefined,
  rfcs: [],
  prds: [],
  specs: [{ id: 'TS-0042', title: 'Limiter', status: 'APPROVED' }],
};

const LIFECYCLE = ['supersedes', 'superseded_by', 'approvals'];

describe('completion and hover know supersedes, superseded_by and approvals', () => {
  it('offers the three keys once their first letters are typed, and spec ids as their values', () => {
    const keysAfter = (typed: string) => completionEntries(completionContext(parseDocumentText(`---\ntech_spec_id: TS-0050\n${typed}\n---\n`), { line: 2, character: typed.length })!, DATA).map((entry) => entry.label).filter((key) => LIFECYCLE.includes(key));
    assert.deepEqual(keysAfter('sup'), ['supersedes', 'superseded_by']);
    assert.deepEqual(keysAfter('a'), ['approvals']);
    assert.ok(!keysAfter('').includes('supersedes'), 'not on an empty line');
    const values = completionEntries(completionContext(parseDocumentText('---\nsupersedes: \n---\n'), { line: 1, character: 12 })!, DATA);
    assert.deepEqual(values.map((entry) => [entry.label, entry.detail, entry.documentation]), [['TS-0042', 'Limiter', 'Status: APPROVED']]);
    const present = completionEntries(completionContext(parseDocumentText('---\nsupersedes: TS-0042\nsu\n---\n'), { line: 2, character: 2 })!, DATA).map((entry) => entry.label).filter((key) => LIFECYCLE.includes(key));
    assert.deepEqual(present, ['superseded_by']);
  });

  it('a hover on the key says what it means; on approvals, how many are current and stale', () => {
    const parsed = parseDocumentText('---\nsuperseded_by: TS-0050\napprovals:\n  - by: Ada\n    date: 2026-11-20\n    digest: 000000000000\nfoo: bar\n---\nBody\n');
    assert.match(keyHover(parsed, { line: 1, character: 3 })!.lines[0], /^superseded_by: The spec that replaces this one/);
    assert.deepEqual(keyHover(parsed, { line: 2, character: 2 })!.lines.slice(1), ['0 current, 1 stale.']);
    assert.equal(keyHover(parsed, { line: 6, character: 1 }), undefined, 'an unknown key');
    assert.equal(keyHover(parsed, { line: 1, character: 20 }), undefined, 'on the value');
  });

  it('a hover on a superseded id names its successor', () => {
    const owner = summarize('file:///w/TS-0042.md', '---\ntech_spec_id: TS-0042\nstatus: SUPERSEDED\nsuperseded_by: TS-0050\n---\n', DEFAULT_CONFIG);
    const description = describeReference({ id: 'TS-0042', prefix: 'TS' }, [owner], { referenceUrls: {}, relativePath: (uri) => uri });
    assert.deepEqual(description.fields, [['Status', 'SUPERSEDED'], ['Superseded by', 'TS-0050']]);
  });
});
