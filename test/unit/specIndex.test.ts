import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { parseDocumentText } from '../../src/core/parse';
import { SpecIndex, type IndexChange } from '../../src/core/specIndex';
import { skippedSummary, type SpecSummary } from '../../src/core/summary';
import { Random } from '../support/fixtures';

function spec(id: string, status: string | undefined, body = ''): string {
  const statusLine = status === undefined ? '' : `status: ${status}\n`;
  return `---\ntech_spec_id: ${id}\ntitle: Spec ${id}\n${statusLine}---\n# ${id}: Spec\n\n${body}\n`;
}

const byUri = (a: SpecSummary, b: SpecSummary) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
const uris = (summaries: readonly SpecSummary[]) => summaries.map((s) => s.uri).sort();

describe('SpecIndex', () => {
  let index: SpecIndex;
  let changes: IndexChange[];

  beforeEach(() => {
    index = new SpecIndex(DEFAULT_CONFIG);
    changes = [];
    index.onDidChange((change) => changes.push(change));
  });

  it('upserts, gets and removes summaries', () => {
    const summary = index.upsert('file:///w/a.md', spec('TS-0001', 'DRAFT'));
    assert.equal(summary.id, 'TS-0001');
    assert.equal(index.get('file:///w/a.md'), summary);
    assert.ok(index.has('file:///w/a.md'));
    assert.equal(index.size, 1);
    index.upsert('file:///w/readme.md', '# Readme\n');
    assert.equal(index.size, 2);
    assert.deepEqual(uris(index.all()), ['file:///w/a.md', 'file:///w/readme.md']);
    assert.deepEqual(uris(index.specs()), ['file:///w/a.md']);
    assert.equal(index.remove('file:///w/a.md'), true);
    assert.equal(index.remove('file:///w/a.md'), false);
    assert.equal(index.get('file:///w/a.md'), undefined);
    assert.equal(index.size, 1);
    assert.deepEqual(index.knownIds(), []);
    assert.deepEqual(index.statuses(), []);
  });

  it('uses a parse it is given', () => {
    const text = spec('TS-0001', 'DRAFT');
    assert.deepEqual(index.upsert('file:///w/a.md', text, parseDocumentText(text)), new SpecIndex(DEFAULT_CONFIG).upsert('file:///w/a.md', text));
  });

  it('groups specs by status, with "" for specs without one, and non-specs nowhere', () => {
    index.upsert('file:///w/a.md', spec('TS-0001', 'DRAFT'));
    index.upsert('file:///w/b.md', spec('TS-0002', 'DRAFT'));
    index.upsert('file:///w/c.md', spec('TS-0003', 'APPROVED'));
    index.upsert('file:///w/d.md', spec('TS-0004', undefined));
    index.upsert('file:///w/e.md', '---\nstatus: DRAFT\n---\n# Not a spec\n');
    assert.deepEqual(uris(index.byStatus('DRAFT')), ['file:///w/a.md', 'file:///w/b.md']);
    assert.deepEqual(uris(index.byStatus('APPROVED')), ['file:///w/c.md']);
    assert.deepEqual(uris(index.byStatus('')), ['file:///w/d.md']);
    assert.deepEqual(index.byStatus('IMPLEMENTED'), []);
    assert.deepEqual(index.statuses().sort(), ['', 'APPROVED', 'DRAFT']);
  });

  it('moves a re-upserted spec to its new status and drops emptied statuses', () => {
    index.upsert('file:///w/a.md', spec('TS-0001', 'DRAFT'));
    index.upsert('file:///w/a.md', spec('TS-0001', 'APPROVED'));
    assert.deepEqual(index.byStatus('DRAFT'), []);
    assert.deepEqual(uris(index.byStatus('APPROVED')), ['file:///w/a.md']);
    assert.deepEqual(index.statuses(), ['APPROVED']);
    assert.equal(index.size, 1);
    // A spec that stops being one leaves the status groups and the owners.
    index.upsert('file:///w/a.md', '# Plain now\n');
    assert.deepEqual(index.statuses(), []);
    assert.deepEqual(index.owners('TS-0001'), []);
  });

  it('finds owners by id, in uri order, also when two documents own the same id', () => {
    index.upsert('file:///w/z.md', spec('TS-0001', 'DRAFT'));
    index.upsert('file:///w/a.md', spec('TS-0001', 'DRAFT'));
    index.upsert('file:///w/RFC-0007-auth.md', '# Auth\n');
    assert.deepEqual(
      index.owners('TS-0001').map((s) => s.uri),
      ['file:///w/a.md', 'file:///w/z.md'],
    );
    assert.equal(index.owner('TS-0001')?.uri, 'file:///w/a.md');
    assert.equal(index.owner('RFC-0007')?.uri, 'file:///w/RFC-0007-auth.md');
    assert.equal(index.owner('PRD-0001'), undefined);
    index.remove('file:///w/a.md');
    assert.deepEqual(
      index.owners('TS-0001').map((s) => s.uri),
      ['file:///w/z.md'],
    );
  });

  it('lists known ids, by prefix without catching longer prefixes', () => {
    index.upsert('file:///w/a.md', spec('TS-0001', 'DRAFT'));
    index.upsert('file:///w/b.md', spec('TS-0003', 'DRAFT'));
    index.upsert('file:///w/RFC-0007-auth.md', '');
    index.upsert('file:///w/c.md', '---\nid: TSX-0009\n---\n');
    assert.deepEqual(index.knownIds().sort(), ['RFC-0007', 'TS-0001', 'TS-0003', 'TSX-0009']);
    assert.deepEqual(index.knownIds('TS').sort(), ['TS-0001', 'TS-0003']);
    assert.deepEqual(index.knownIds('RFC'), ['RFC-0007']);
    assert.deepEqual(index.knownIds('PRD'), []);
  });

  it('finds the documents citing an id', () => {
    index.upsert('file:///w/a.md', spec('TS-0001', 'DRAFT', 'Builds on RFC-0007.'));
    index.upsert('file:///w/b.md', spec('TS-0002', 'DRAFT', 'See `RFC-0007` and TS-0001.'));
    index.upsert('file:///w/c.md', '---\ndecision_ref: RFC-0007\n---\n');
    assert.deepEqual(uris(index.citing('RFC-0007')), ['file:///w/a.md', 'file:///w/c.md']);
    assert.deepEqual(uris(index.citing('TS-0001')), ['file:///w/a.md', 'file:///w/b.md']);
    assert.deepEqual(index.citing('PRD-0001'), []);
  });

  it('reports the owned ids again only when what others check of the owner changed', () => {
    const seen: IndexChange[] = [];
    const subscription = index.onDidChange((change) => seen.push(change));
    index.upsert('file:///w/a.md', spec('TS-0001', 'DRAFT', 'One.'));
    index.upsert('file:///w/a.md', spec('TS-0001', 'DRAFT', 'Two.'));
    index.upsert('file:///w/a.md', '---\ntech_spec_id: TS-0001\nstatus: DRAFT\nsuperseded_by: TS-0002\n---\n');
    subscription.dispose();
    assert.deepEqual(seen.map((change) => change.ids), [['TS-0001'], [], ['TS-0001']]);
  });

  it('reports every change to listeners until they are disposed', () => {
    const other: IndexChange[] = [];
    const subscription = index.onDidChange((change) => other.push(change));
    index.upsert('file:///w/a.md', spec('TS-0001', 'DRAFT'));
    index.upsert('file:///w/a.md', spec('TS-0001', 'APPROVED'));
    index.remove('file:///w/missing.md');
    index.remove('file:///w/a.md');
    subscription.dispose();
    index.upsert('file:///w/b.md', '# B\n');
    index.upsert('file:///w/c.md', '# C\n');
    index.clear();
    index.clear();
    assert.deepEqual(changes, [
      { upserted: ['file:///w/a.md'], removed: [], ids: ['TS-0001'] },
      // A new status: checks of documents citing TS-0001 (TS044, TS045) may change.
      { upserted: ['file:///w/a.md'], removed: [], ids: ['TS-0001'] },
      { upserted: [], removed: ['file:///w/a.md'], ids: ['TS-0001'] },
      { upserted: ['file:///w/b.md'], removed: [], ids: [] },
      { upserted: ['file:///w/c.md'], removed: [], ids: [] },
      { upserted: [], removed: ['file:///w/b.md', 'file:///w/c.md'], ids: [] },
    ]);
    assert.deepEqual(other, changes.slice(0, 3));
    assert.equal(index.size, 0);
  });

  it('stores a summary made elsewhere', () => {
    index.upsert('file:///w/huge.md', spec('TS-0001', 'DRAFT'));
    index.set(skippedSummary('file:///w/huge.md', 'too large', 9_999_999));
    const stored = index.get('file:///w/huge.md');
    assert.equal(stored?.unreadable, true);
    assert.deepEqual(index.owners('TS-0001'), []);
    assert.deepEqual(index.statuses(), []);
    assert.deepEqual(changes.at(-1), { upserted: ['file:///w/huge.md'], removed: [], ids: ['TS-0001'] });
  });

  it('clears on reconfigure, and summarizes with the new configuration after', () => {
    index.upsert('file:///w/RFC-0007-auth.md', '# Auth\n');
    assert.ok(index.owner('RFC-0007'));
    index.reconfigure({ ...DEFAULT_CONFIG, matchFileNames: false });
    assert.equal(index.size, 0);
    assert.deepEqual(changes.at(-1), { upserted: [], removed: ['file:///w/RFC-0007-auth.md'], ids: ['RFC-0007'] });
    index.upsert('file:///w/RFC-0007-auth.md', '# Auth\n');
    assert.equal(index.owner('RFC-0007'), undefined);
  });

  it('ends in the same state after random upserts and removes as a fresh rebuild', () => {
    const random = new Random(9001);
    const uriPool = ['a', 'b', 'c', 'd', 'e', 'RFC-0007-auth', 'TS-0002-dup', 'PRD-0001-x'].map((name) => `file:///w/${name}.md`);
    const statuses = ['DRAFT', 'IN_REVIEW', 'APPROVED', undefined];
    const ids = ['TS-0001', 'TS-0002', 'TS-0003', 'RFC-0007'];
    const texts = (): string => {
      switch (random.int(0, 4)) {
        case 0:
          return '# Just notes\n\nCites RFC-0007.\n';
        case 1:
          return '---\ntech_spec_id: TS-0001\ntech_spec_id: TS-0002\n---\n# Broken\n';
        case 2:
          return `---\nrfc_id: ${random.pick(ids)}\n---\n# RFC\n`;
        default:
          return spec(random.pick(ids), random.pick(statuses), `See ${random.pick(ids)} and ${random.pick(ids)}.`);
      }
    };
    for (let round = 0; round < 20; round++) {
      const incremental = new SpecIndex(DEFAULT_CONFIG);
      const state = new Map<string, string>();
      for (let step = 0; step < 60; step++) {
        const uri = random.pick(uriPool);
        if (random.chance(0.3)) {
          assert.equal(incremental.remove(uri), state.delete(uri));
        } else {
          const text = texts();
          incremental.upsert(uri, text);
          state.set(uri, text);
        }
      }
      const fresh = new SpecIndex(DEFAULT_CONFIG);
      for (const uri of random.shuffle([...state.keys()])) fresh.upsert(uri, state.get(uri) ?? '');

      const label = `round ${round}`;
      assert.equal(incremental.size, fresh.size, label);
      assert.deepEqual(incremental.all().sort(byUri), fresh.all().sort(byUri), label);
      assert.deepEqual(incremental.statuses().sort(), fresh.statuses().sort(), label);
      for (const status of [...statuses.map((s) => s ?? ''), 'IMPLEMENTED']) {
        assert.deepEqual(incremental.byStatus(status).sort(byUri), fresh.byStatus(status).sort(byUri), `${label}: ${status}`);
      }
      assert.deepEqual(incremental.knownIds().sort(), fresh.knownIds().sort(), label);
      for (const prefix of ['TS', 'RFC', 'PRD']) assert.deepEqual(incremental.knownIds(prefix).sort(), fresh.knownIds(prefix).sort(), label);
      for (const id of [...ids, 'PRD-0001']) {
        assert.deepEqual(incremental.owners(id), fresh.owners(id), `${label}: owners of ${id}`);
        assert.deepEqual(incremental.citing(id).sort(byUri), fresh.citing(id).sort(byUri), `${label}: citing ${id}`);
      }
    }
  });
});
