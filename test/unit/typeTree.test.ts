// The tree's layout with document types: today's specs-only tree without the setting, one root per
// declared type with documents, or one type only.
import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../src/core/config';
import { summarize } from '../../src/core/summary';
import { buildStatusGroups } from '../../src/core/treeModel';
import { buildTypeRoots, treeLayout, typeGroups, documentTypesOf, typeByPrefix } from '../../src/core/types';

const FILES: Record<string, string> = {
  'docs/specs/TS-0001-a.md': '---\ntech_spec_id: TS-0001\ntitle: Alpha\nstatus: APPROVED\n---\n# TS-0001: Alpha\n',
  'docs/specs/TS-0002-b.md': '---\ntech_spec_id: TS-0002\ntitle: Beta\nstatus: DRAFT\n---\n# TS-0002: Beta\n',
  'docs/rfcs/RFC-0007-tokens.md': '---\nrfc_id: RFC-0007\ntitle: Tokens\nstatus: ACCEPTED\n---\n# RFC-0007: Tokens\n',
  'docs/rfcs/RFC-0010-retry.md': '# RFC-0010: Retry\n',
  'README.md': '# Readme\n',
};

function summaries(config: ReturnType<typeof resolveConfig>) {
  return Object.entries(FILES).map(([path, text]) => summarize(`file:///w/${path}`, text, config));
}

const options = { statuses: resolveConfig({}).statuses, relativePath: (uri: string) => uri.replace('file:///w/', '') };
const shape = (groups: readonly ReturnType<typeof buildStatusGroups>[number][]) => groups.map((group) => `${group.key}: ${group.specs.map((spec) => spec.label).join(', ')}`);

describe('tree with document types', () => {
  it('without documentTypes: the specs-only layout, exactly as buildStatusGroups makes it', () => {
    const config = resolveConfig({});
    assert.deepEqual(treeLayout(config), { kind: 'specs' });
    assert.deepEqual(treeLayout(resolveConfig({ treeDocumentType: 'TS' })), { kind: 'specs' });
    assert.deepEqual(shape(buildStatusGroups(summaries(config), options)), ['status:DRAFT: TS-0002 · Beta', 'status:APPROVED: TS-0001 · Alpha']);
  });

  it('with documentTypes: one root per type with documents, each by its own statuses; types without documents hidden', () => {
    const config = resolveConfig({ documentTypes: [{ prefix: 'ADR' }] });
    const layout = treeLayout(config);
    assert.equal(layout.kind, 'types');
    const roots = buildTypeRoots(summaries(config), documentTypesOf(config), options);
    assert.deepEqual(
      roots.map((root) => [root.key, root.label, root.description, shape(root.groups)]),
      [
        ['type:TS', 'Tech Specs', '2', ['type:TS/status:DRAFT: TS-0002 · Beta', 'type:TS/status:APPROVED: TS-0001 · Alpha']],
        ['type:RFC', 'RFCs', '2', ['type:RFC/status:ACCEPTED: RFC-0007 · Tokens', 'type:RFC/none: RFC-0010 · Retry']],
      ],
    );
  });

  it('techSpec.tree.documentType: one type, laid out as the specs are', () => {
    const config = resolveConfig({ treeDocumentType: 'RFC' });
    const layout = treeLayout(config);
    assert.equal(layout.kind, 'oneType');
    const rfc = typeByPrefix(documentTypesOf(config), 'RFC');
    assert.ok(rfc);
    assert.deepEqual(shape(typeGroups(summaries(config), rfc, options)), ['status:ACCEPTED: RFC-0007 · Tokens', 'none: RFC-0010 · Retry']);
    // An unknown prefix shows the default layout.
    assert.deepEqual(treeLayout(resolveConfig({ treeDocumentType: 'XYZ' })), { kind: 'specs' });
  });
});
