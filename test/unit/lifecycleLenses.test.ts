import * as assert from 'node:assert/strict';
import { contentDigest } from '../../src/core/lifecycle/approvals';
import { lensText, specLenses, specStatusText, type LensFacts } from '../../src/core/lifecycle/lenses';
import { changedSpan, supersededText, supersedeRefusal } from '../../src/core/lifecycle/supersede';
import { DEFAULT_TRANSITIONS } from '../../src/core/lifecycle/transitions';
import { parseDocumentText } from '../../src/core/parse';

const BODY = '\n# TS-0042: Rate limiter\n\n## Implementation Checklist\n\n- [x] one\n- [x] two\n- [ ] three\n';

function spec(keys: string, body = BODY): string {
  return `---\n${keys}---\n${body}`;
}

const FACTS: LensFacts = {
  citingCount: (id) => (id === 'TS-0042' ? 3 : 0),
  document: (id) => (id === 'RFC-0007' ? { uri: 'file:///w/rfc.md', status: 'ACCEPTED', lastUpdated: '2026-02-10' } : undefined),
};

describe('lifecycle lenses', () => {
  it('gives every lens of a spec in line order, with the titles of the issue', () => {
    const current = contentDigest(spec('', BODY));
    const text = spec(
      `tech_spec_id: TS-0042\nstatus: IN_REVIEW\ndecision_ref: RFC-0007\nrelated_prd: PRD-0404\napprovals:\n  - by: Ada\n    date: 2026-11-20\n    digest: ${current}\n  - by: Bob\n    date: 2026-11-19\n    digest: 000000000000\n`,
    );
    const lenses = specLenses(parseDocumentText(text), FACTS, { transitions: DEFAULT_TRANSITIONS });
    assert.deepEqual(
      lenses.map((lens) => [lens.kind, lens.line, lens.title]),
      [
        ['references', 1, 'Referenced by 3'],
        ['status', 2, 'Set status… (DRAFT, APPROVED)'],
        ['linked', 3, 'RFC-0007 · ACCEPTED · 2026-02-10'],
        ['linked', 4, 'PRD-0404 · not found'],
        ['approvals', 5, '1 current · 1 stale'],
        ['checklist', 16, '2/3 done'],
      ],
    );
  });

  it('has none for a file without front matter data; says when no status may follow; a checklist without tasks', () => {
    assert.deepEqual(specLenses(parseDocumentText('# Notes\n'), FACTS, { transitions: DEFAULT_TRANSITIONS }), []);
    const lenses = specLenses(parseDocumentText(spec('tech_spec_id: TS-0001\nstatus: DEPRECATED\nrelated_prd: https://example.org/prd\n', '\n## Implementation Checklist\n\nLater.\n')), FACTS, { transitions: DEFAULT_TRANSITIONS });
    assert.deepEqual(lenses.map((lens) => lens.title), ['Referenced by 0', 'Set status… (none from DEPRECATED)', 'No tasks yet']);
  });

  it('makes file text safe for a lens title: no icons, no line breaks, bounded length', () => {
    assert.equal(lensText('$(alert) evil\nline'), '\\$(alert) evil line');
    assert.equal(lensText('already \\$(x)'), 'already \\$(x)');
    assert.equal(lensText('x'.repeat(100)).length, 60);
    const facts: LensFacts = { citingCount: () => 0, document: () => ({ uri: 'file:///w/r.md', status: '$(zap)\u0007OK', lastUpdated: '2026-01-01' }) };
    const lenses = specLenses(parseDocumentText(spec('tech_spec_id: TS-0001\ndecision_ref: RFC-0001\n')), facts, { transitions: {} });
    assert.deepEqual(lenses.map((lens) => lens.title), ['Referenced by 0', 'RFC-0001 · \\$(zap) OK · 2026-01-01', '2/3 done']);
  });

  it('the status bar text: id · status · progress, or none for a file that is no spec', () => {
    assert.equal(specStatusText(parseDocumentText(spec('tech_spec_id: TS-0042\nstatus: IN_REVIEW\n'))), 'TS-0042 · IN_REVIEW · 2/3');
    assert.equal(specStatusText(parseDocumentText(spec('tech_spec_id: TS-0042\n', '\n# x\n'))), 'TS-0042 · no status · no section');
    assert.equal(specStatusText(parseDocumentText(spec('title: x\n'))), undefined);
  });

  it('the status bar text as the issue shows it, 4 of 9 ticked, in the configured checklist section', () => {
    const tasks = ['- [x] a', '- [x] b', '- [x] c', '- [x] d', '- [ ] e', '- [ ] f', '- [ ] g', '- [ ] h', '- [ ] i'].join('\n');
    assert.equal(specStatusText(parseDocumentText(spec('tech_spec_id: TS-0042\nstatus: IN_REVIEW\n', `\n## Implementation Checklist\n\n${tasks}\n`))), 'TS-0042 · IN_REVIEW · 4/9');
    assert.equal(specStatusText(parseDocumentText(spec('tech_spec_id: TS-0042\nstatus: IN_REVIEW\n', `\n## Tasks\n\n${tasks}\n`)), 'Tasks'), 'TS-0042 · IN_REVIEW · 4/9');
  });

  it('the status bar shows no icon or line break that a file spells, and nothing for an empty id or no front matter', () => {
    assert.equal(specStatusText(parseDocumentText(spec('tech_spec_id: "$(bug) TS-1"\nstatus: "IN\\nREVIEW $(zap)"\n'))), '\\$(bug) TS-1 · IN REVIEW \\$(zap) · 2/3');
    assert.equal(specStatusText(parseDocumentText(spec('tech_spec_id: ""\nstatus: DRAFT\n'))), undefined);
    assert.equal(specStatusText(parseDocumentText('# TS-0042: no front matter\n')), undefined);
    assert.equal(specStatusText(parseDocumentText(spec('rfc_id: RFC-0007\nstatus: ACCEPTED\n'))), undefined, 'another type of document');
  });
});

describe('supersede: the old spec', () => {
  const old = spec('tech_spec_id: TS-0042\ntitle: Limiter\nstatus: APPROVED\nlast_updated: 2026-01-01\n');

  it('is refused where the lifecycle does not lead to SUPERSEDED, and allowed where it does', () => {
    assert.equal(supersedeRefusal(old, DEFAULT_TRANSITIONS), undefined);
    assert.equal(supersedeRefusal(old.replace('APPROVED', 'DRAFT'), DEFAULT_TRANSITIONS), 'the lifecycle does not lead from DRAFT to SUPERSEDED');
    assert.equal(supersedeRefusal(old, { APPROVED: ['IMPLEMENTED'] }), 'the lifecycle does not lead from APPROVED to SUPERSEDED');
    assert.equal(supersedeRefusal('# no front matter\n', DEFAULT_TRANSITIONS), 'its front matter cannot be read');
  });

  it('gets status, superseded_by (after status) and last_updated, nothing else; changedSpan is the one replacement', () => {
    const after = supersededText(old, 'TS-0050', '2026-12-02');
    assert.equal(after, spec('tech_spec_id: TS-0042\ntitle: Limiter\nstatus: SUPERSEDED\nsuperseded_by: TS-0050\nlast_updated: 2026-12-02\n'));
    const span = changedSpan(old, after!);
    assert.equal(old.slice(0, span.start) + span.newText + old.slice(span.end), after);
    assert.ok(span.start > 0 && span.end < old.length);
  });

  it('is left alone when an alias would carry the change elsewhere', () => {
    assert.equal(supersededText(spec('tech_spec_id: TS-0042\nstatus: &s APPROVED\nother: *s\n'), 'TS-0050', '2026-12-02'), undefined);
  });
});
