// The tree holds still while a spec is typed: an unsaved, unreadable front matter keeps the spec's last good place.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { summarize } from '../../src/core/summary';
import { TreeHold } from '../../src/core/treeHold';
import { buildStatusGroups, type GroupNode } from '../../src/core/treeModel';

const URI = 'file:///w/docs/specs/TS-0001-auth.md';
const OTHER = 'file:///w/docs/specs/TS-0002-other.md';
const GOOD = '---\ntech_spec_id: TS-0001\ntitle: Auth Service With A Long Title\nstatus: APPROVED\nauthor: Ada\ncreated: 2026-01-01\nlast_updated: 2026-02-01\n---\n# TS-0001: Auth\n\n## Implementation Checklist\n\n- [x] one\n- [ ] two\n- [ ] three\n';
const summary = (text: string, uri = URI) => summarize(uri, text, DEFAULT_CONFIG);
const options = { statuses: DEFAULT_CONFIG.statuses, relativePath: (uri: string) => uri.replace('file:///w/', '') };
const placeOf = (groups: readonly GroupNode[], uri = URI) => groups.find((group) => group.specs.some((spec) => spec.uri === uri))?.key;
const nodeOf = (groups: readonly GroupNode[], uri = URI) => groups.flatMap((group) => group.specs).find((spec) => spec.uri === uri);

describe('tree hold while typing', () => {
  const halfTyped = [
    ['a half-typed key (sta)', GOOD.replace('author: Ada\n', 'author: Ada\nsta\n'), 'front matter unreadable'],
    ['a duplicate key', GOOD.replace('author: Ada\n', 'author: Ada\nstatus:\n'), 'front matter unreadable'],
    ['an unclosed quote', GOOD.replace('title: Auth', 'title: "Auth'), 'front matter unreadable'],
    ['a status being retyped', GOOD.replace('status: APPROVED', 'status:'), 'no status'],
    ['an id key being retyped', GOOD.replace('tech_spec_id: TS-0001', 'tech_spec_i'), 'front matter unreadable'],
  ] as const;

  for (const [what, text, reason] of halfTyped) {
    it(`keeps the spec in its group with a marker while ${what} is unsaved`, () => {
      const hold = new TreeHold();
      const before = buildStatusGroups(hold.view([summary(GOOD), summary(GOOD, OTHER)], () => true), options);
      assert.equal(placeOf(before), 'status:APPROVED');
      const during = buildStatusGroups(hold.view([summary(text), summary(GOOD, OTHER)], (uri) => uri === URI), options);
      assert.deepEqual(during.map((group) => group.key), ['status:APPROVED']);
      const node = nodeOf(during);
      assert.equal(node?.label, 'TS-0001 · Auth Service With A Long Title');
      assert.equal(node?.description, `1/3 · editing: ${reason}`);
      assert.equal(node?.editing, reason);
      assert.match(node?.tooltip ?? '', new RegExp(`Editing: ${reason}\\.`));
    });

    it(`moves a saved file with ${what} as it reads`, () => {
      const hold = new TreeHold();
      hold.view([summary(GOOD)], () => false);
      const saved = buildStatusGroups(hold.view([summary(text)], () => false), options);
      assert.notEqual(placeOf(saved), 'status:APPROVED');
      assert.equal(nodeOf(saved)?.editing, undefined);
    });
  }

  it('shows a dirty file that never read well as it is ("Could not read")', () => {
    const hold = new TreeHold();
    const groups = buildStatusGroups(hold.view([summary(GOOD.replace('author: Ada\n', 'author: Ada\nsta\n'))], () => true), options);
    assert.deepEqual(groups.map((group) => group.key), ['unreadable']);
  });

  it('follows a readable edit at once (a new status moves the spec) and forgets files that left the index', () => {
    const hold = new TreeHold();
    hold.view([summary(GOOD)], () => true);
    const moved = buildStatusGroups(hold.view([summary(GOOD.replace('APPROVED', 'DRAFT'))], () => true), options);
    assert.equal(placeOf(moved), 'status:DRAFT');
    hold.view([], () => true);
    const back = buildStatusGroups(hold.view([summary(GOOD.replace('author: Ada\n', 'sta\n'))], () => true), options);
    assert.deepEqual(back.map((group) => group.key), ['unreadable']);
  });
});

describe('spec tree item', () => {
  it('has a tooltip with the full title, status, progress, author, last_updated and path; progress leads the description', () => {
    const groups = buildStatusGroups([summary(GOOD)], options);
    const node = nodeOf(groups);
    assert.equal(node?.description, '1/3');
    assert.equal(
      node?.tooltip,
      [
        'TS-0001 · Auth Service With A Long Title',
        'Status: APPROVED',
        'Checklist: 1 of 3 done',
        'Author: Ada',
        'Created: 2026-01-01',
        'Last updated: 2026-02-01',
        'docs/specs/TS-0001-auth.md',
      ].join('\n'),
    );
  });

  it('says a spec without tasks has none', () => {
    const node = nodeOf(buildStatusGroups([summary(GOOD.slice(0, GOOD.indexOf('## Implementation')))], options));
    assert.equal(node?.description, '');
    assert.match(node?.tooltip ?? '', /\nChecklist: no tasks\n/);
  });
});
