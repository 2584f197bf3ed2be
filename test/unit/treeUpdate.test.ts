import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { SpecIndex } from '../../src/core/specIndex';
import { buildStatusGroups, updateStatusGroups, type GroupNode, type TreeOptions } from '../../src/core/treeModel';

const OPTIONS: TreeOptions = { statuses: DEFAULT_CONFIG.statuses, relativePath: (uri) => uri.slice(uri.lastIndexOf('/') + 1) };

function spec(id: string, status: string, title = id): string {
  return `---\ntech_spec_id: ${id}\ntitle: ${title}\nstatus: ${status}\n---\n\n# ${id}\n\n## One\n`;
}

function shape(groups: readonly GroupNode[]): string[][] {
  return groups.map((group) => [group.key, group.description, ...group.specs.map((node) => node.label)]);
}

describe('updateStatusGroups', () => {
  let index: SpecIndex;
  beforeEach(() => {
    index = new SpecIndex(DEFAULT_CONFIG);
    for (let i = 1; i <= 30; i++) index.upsert(`file:///w/TS-${i}.md`, spec(`TS-${String(i).padStart(4, '0')}`, i % 3 === 0 ? 'APPROVED' : 'DRAFT'));
    index.upsert('file:///w/impl.md', spec('TS-0100', 'IMPLEMENTED'));
  });

  function step(previous: GroupNode[], uri: string, text: string | undefined) {
    if (text === undefined) index.remove(uri);
    else index.upsert(uri, text);
    const update = updateStatusGroups(previous, [{ uri, summary: index.get(uri) }], OPTIONS);
    assert.deepEqual(shape(update.groups), shape(buildStatusGroups(index.all(), OPTIONS)), 'the same as a full rebuild');
    return update;
  }

  it('gives the same groups as a full rebuild, and names only the groups that changed', () => {
    let groups = buildStatusGroups(index.all(), OPTIONS);
    let update = step(groups, 'file:///w/TS-4.md', spec('TS-0004', 'DRAFT', 'Renamed'));
    assert.deepEqual([update.changedGroups, update.structural], [['status:DRAFT'], false]);
    assert.equal(update.groups.find((group) => group.key === 'status:APPROVED'), groups.find((group) => group.key === 'status:APPROVED'), 'an untouched group is the same object');
    groups = update.groups;
    update = step(groups, 'file:///w/impl.md', spec('TS-0100', 'APPROVED'));
    assert.deepEqual([update.changedGroups, update.structural], [['status:APPROVED'], true]);
    groups = update.groups;
    update = step(groups, 'file:///w/impl.md', spec('TS-0100', 'IMPLEMENTED'));
    assert.deepEqual([[...update.changedGroups].sort(), update.structural], [['status:APPROVED', 'status:IMPLEMENTED'], true]);
    groups = update.groups;
    update = step(groups, 'file:///w/TS-5.md', undefined);
    assert.deepEqual([update.changedGroups, update.structural], [['status:DRAFT'], false]);
    groups = update.groups;
    update = step(groups, 'file:///w/TS-7.md', spec('TS-0007', 'DRAFT'));
    assert.deepEqual([update.changedGroups, update.changedSpecs, update.structural], [[], ['file:///w/TS-7.md'], false]);
  });
});
