// Each diagnostic gets its own finding's fix, and every front-matter fix refuses to change another key.
import * as assert from 'node:assert/strict';
import { DEFAULT_STATUSES } from '../../src/core/config';
import { findingFor, fixFor, type FixContext } from '../../src/core/lint';
import { parseDocumentText } from '../../src/core/parse';
import { FILLED, TEMPLATE, TODAY, lint, removeSection, withFrontMatter } from './lintFixtures';

function context(text: string): FixContext {
  return { parsed: parseDocumentText(text), template: TEMPLATE, today: TODAY, statuses: DEFAULT_STATUSES, nextFreeId: 'TS-0042', author: 'Ada Lovelace' };
}

describe('quick fixes per finding', () => {
  it('two findings of one rule on one range each map to their own fix', () => {
    const text = removeSection(removeSection(withFrontMatter({ author: null, created: null }), 'Data Model'), 'Testing Strategy');
    const findings = lint(text);
    const fixes = findings.map((finding) => {
      // As the editor reports it: a copy with the code, range and message, nothing else.
      const reported = { code: finding.code, message: finding.message, range: JSON.parse(JSON.stringify(finding.range)) as typeof finding.range };
      const matched = findingFor(findings, reported);
      assert.equal(matched, finding, `"${finding.message}" matched another finding`);
      return [finding.code, finding.message, fixFor(matched, context(text))?.title];
    });
    assert.deepEqual(fixes, [
      ['TS004', 'Missing front-matter key "author".', 'Add "author" to the front matter'],
      ['TS004', 'Missing front-matter key "created".', 'Add "created" to the front matter'],
      ['TS020', 'Missing section "## Data Model".', 'Insert section "Data Model" from the template'],
      ['TS020', 'Missing section "## Testing Strategy".', 'Insert section "Testing Strategy" from the template'],
    ]);
    // The two TS004 share their range, and so do the two TS020: the message tells them apart.
    assert.deepEqual(fixes.length, 4);
    assert.deepEqual(findings[0].range, findings[1].range);
    assert.deepEqual(findings[2].range, findings[3].range);
  });

  it('a diagnostic that no finding made (edited message, moved range) gets no fix', () => {
    const findings = lint(withFrontMatter({ author: null }));
    const [finding] = findings;
    assert.equal(findingFor(findings, { code: finding.code, message: 'Missing front-matter key "title".', range: finding.range }), undefined);
    const moved = { start: { line: finding.range.start.line + 1, character: 0 }, end: { line: finding.range.end.line + 1, character: 0 } };
    assert.equal(findingFor(findings, { code: finding.code, message: finding.message, range: moved }), undefined);
    assert.equal(findingFor(findings, { code: 'TS005', message: finding.message, range: finding.range }), undefined);
  });

  describe('front-matter fixes go through the verified key edit', () => {
    it('the status fix refuses to change an anchored status that an alias repeats', () => {
      const text = withFrontMatter(['tech_spec_id: TS-0001', 'title: Payment Retries', 'status: &state draft', 'previous_status: *state', 'author: Ada', 'created: 2026-05-01', 'last_updated: 2026-05-20']);
      const finding = lint(text).find((candidate) => candidate.code === 'TS006');
      assert.ok(finding?.fix, 'TS006 with a suggestion');
      assert.equal(fixFor(finding, context(text)), undefined);
    });

    it('the status fix keeps an anchor that nothing repeats', () => {
      const text = withFrontMatter(['tech_spec_id: TS-0001', 'title: Payment Retries', 'status: &state draft', 'author: Ada', 'created: 2026-05-01', 'last_updated: 2026-05-20']);
      const finding = lint(text).find((candidate) => candidate.code === 'TS006');
      const fix = finding && fixFor(finding, context(text));
      assert.equal(fix?.title, 'Change status to DRAFT');
      assert.deepEqual(fix.edits.map((edit) => edit.newText), ['DRAFT']);
    });

    it('renumbering refuses an anchored id that an alias repeats', () => {
      const text = FILLED.replace('tech_spec_id: TS-0001\n', 'tech_spec_id: &id TS-0001\nid: *id\n');
      const owners = { 'TS-0001': ['file:///w/docs/specs/TS-0001-other.md'] };
      const finding = lint(text, { uri: 'file:///w/docs/specs/payment-retries.md', owners }).find((candidate) => candidate.code === 'TS012');
      assert.ok(finding?.fix, 'TS012 with a fix');
      assert.equal(fixFor(finding, context(text)), undefined);
    });
  });
});
