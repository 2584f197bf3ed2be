import * as assert from 'node:assert/strict';
import { fixFor } from '../../src/core/lint';
import { contentDigest, readApprovals } from '../../src/core/lifecycle/approvals';
import { approvalEdit, removeStaleApprovalsEdit } from '../../src/core/lifecycle/approve';
import { guardProblems, type GuardInput } from '../../src/core/lifecycle/guards';
import { DEFAULT_LIFECYCLE, type GuardCheck } from '../../src/core/lifecycle/settings';
import { applyEdits, planStatusChange, statusEdits } from '../../src/core/lifecycle/statusChange';
import { applyEdit } from '../../src/core/frontMatter';
import { parseDocumentText } from '../../src/core/parse';
import { FILLED, RFC_URI, PRD_URI, TEMPLATE, TODAY, URI, lint, lintConfig, renderedSpec, withFrontMatter } from './lintFixtures';

function guardInput(text: string, owners: Readonly<Record<string, readonly string[]>> = { 'TS-0001': [URI], 'RFC-0007': [RFC_URI], 'PRD-0012': [PRD_URI] }): GuardInput {
  return {
    uri: URI,
    parsed: parseDocumentText(text),
    template: TEMPLATE,
    config: lintConfig({ rules: { TS020: 'off', TS022: 'off', TS030: 'off' } }),
    workspace: { owners: (id) => owners[id] ?? [] },
    today: TODAY,
    checklistSection: 'Implementation Checklist',
  };
}

const check = (checks: readonly GuardCheck[], text: string, owners?: Readonly<Record<string, readonly string[]>>) => guardProblems(checks, guardInput(text, owners));

function approved(text: string, by = 'Ana'): string {
  const result = approvalEdit(text, { by }, '2026-05-30');
  assert.ok(result);
  return applyEdit(text, result.edit);
}

function tickAll(text: string): string {
  return text.replace(/- \[ \]/g, '- [x]');
}

describe('lifecycle guards', () => {
  it('sections: fires for a missing required section, even with the rule turned off', () => {
    assert.deepEqual(check(['sections'], FILLED), []);
    const without = FILLED.replace('## Data Model', '## Something Else');
    assert.deepEqual(check(['sections'], without), ['Missing section "## Data Model".']);
  });

  it('placeholders: fires while a placeholder is left', () => {
    assert.deepEqual(check(['placeholders'], FILLED), []);
    const problems = check(['placeholders'], renderedSpec());
    assert.ok(problems.length > 1, problems.join('\n'));
    assert.ok(problems.every((problem) => problem.includes("still holds the template's placeholder")), problems.join('\n'));
  });

  it('references: fires for an id nobody owns', () => {
    assert.deepEqual(check(['references'], FILLED), []);
    assert.deepEqual(check(['references'], FILLED, { 'TS-0001': [URI], 'PRD-0012': [PRD_URI] }), ['No document in the workspace owns RFC-0007.']);
  });

  it('checklist: fires until every task is ticked', () => {
    const open = check(['checklist'], FILLED);
    assert.equal(open.length, 1);
    assert.match(open[0], /^\d+ of \d+ tasks of the Implementation Checklist not ticked\.$/);
    assert.deepEqual(check(['checklist'], tickAll(FILLED)), []);
    assert.deepEqual(check(['checklist'], FILLED.replace('## Implementation Checklist', '## Tasks')), ['No "Implementation Checklist" section to tick.']);
  });

  it('approvals: counts current approvals only', () => {
    assert.deepEqual(check([{ approvals: 1 }], FILLED), ['Needs 1 current approval, has 0.']);
    const once = approved(FILLED);
    assert.deepEqual(check([{ approvals: 1 }], once), []);
    assert.deepEqual(check([{ approvals: 2 }], once), ['Needs 2 current approvals, has 1.']);
    assert.deepEqual(check([{ approvals: 2 }], approved(once, 'Bo')), []);
    const edited = once.replace('## Data Model', '## Data Model\n\nA late change.');
    assert.deepEqual(check([{ approvals: 1 }], edited), ['Needs 1 current approval, has 0 (1 stale: the content changed since).']);
    assert.deepEqual(check([{ approvals: 0 }], FILLED), []);
  });

  it('lists the problems of every check, in the order of the guard', () => {
    const problems = check(['checklist', { approvals: 1 }, 'sections'], FILLED.replace('## Data Model', '## Other'));
    assert.equal(problems.length, 3);
    assert.match(problems[0], /not ticked/);
    assert.match(problems[1], /approval/);
    assert.match(problems[2], /Missing section/);
  });
});

describe('status changes', () => {
  const input = (status: string, text = FILLED) => guardInput(withFrontMatter({ status }).replace(FILLED.slice(FILLED.indexOf('\n---') + 4), text.slice(text.indexOf('\n---') + 4)));

  it('moves a ready spec: status and last_updated, nothing else', () => {
    const plan = planStatusChange(input('DRAFT'), DEFAULT_LIFECYCLE, 'IN_REVIEW');
    assert.deepEqual({ from: plan.from, allowed: plan.allowed, problems: plan.problems }, { from: 'DRAFT', allowed: true, problems: [] });
    const before = withFrontMatter({ status: 'DRAFT' });
    assert.equal(applyEdits(before, plan.edits!), withFrontMatter({ status: 'IN_REVIEW', last_updated: TODAY }));
  });

  it('reports the guard problems and still offers the edit (for force)', () => {
    const plan = planStatusChange(input('IN_REVIEW'), DEFAULT_LIFECYCLE, 'APPROVED');
    assert.equal(plan.allowed, true);
    assert.deepEqual(plan.problems, ['Needs 1 current approval, has 0.']);
    assert.equal(plan.edits?.length, 2);
  });

  it('refuses a move the lifecycle does not allow, an unknown status and a no-op', () => {
    const skip = planStatusChange(input('DRAFT'), DEFAULT_LIFECYCLE, 'APPROVED');
    assert.deepEqual(skip, { from: 'DRAFT', allowed: false, problems: ['The lifecycle does not allow DRAFT → APPROVED: it may move to IN_REVIEW.'], edits: undefined });
    assert.deepEqual(planStatusChange(input('DRAFT'), DEFAULT_LIFECYCLE, 'DONE').problems, ['DONE is not a status (DRAFT, IN_REVIEW, APPROVED, IMPLEMENTED, SUPERSEDED, DEPRECATED).']);
    assert.deepEqual(planStatusChange(input('DRAFT'), DEFAULT_LIFECYCLE, 'DRAFT').problems, ['The spec is already DRAFT.']);
    assert.deepEqual(planStatusChange(input('DEPRECATED'), DEFAULT_LIFECYCLE, 'DRAFT').problems, ['The lifecycle does not allow DEPRECATED → DRAFT: the lifecycle lets it move nowhere.']);
    assert.equal(planStatusChange(guardInput('---\nstatus: [\n---\n'), DEFAULT_LIFECYCLE, 'IN_REVIEW').allowed, false);
  });

  it('edits the date only when it is not today, and adds a missing one in the template order', () => {
    const today = withFrontMatter({ status: 'DRAFT', last_updated: TODAY });
    assert.deepEqual(applyEdits(today, statusEdits(today, 'IN_REVIEW', TODAY)!), withFrontMatter({ status: 'IN_REVIEW', last_updated: TODAY }));
    assert.equal(statusEdits(today, 'IN_REVIEW', TODAY)!.length, 1);
    const noDate = withFrontMatter({ status: 'DRAFT', last_updated: null });
    assert.equal(applyEdits(noDate, statusEdits(noDate, 'IN_REVIEW', TODAY)!), withFrontMatter({ status: 'IN_REVIEW', last_updated: TODAY }));
    const crlf = withFrontMatter({ status: 'DRAFT' }).replace(/\n/g, '\r\n');
    assert.equal(applyEdits(crlf, statusEdits(crlf, 'IN_REVIEW', TODAY)!), withFrontMatter({ status: 'IN_REVIEW', last_updated: TODAY }).replace(/\n/g, '\r\n'));
  });

  it('refuses to edit an anchored status that an alias repeats', () => {
    const anchored = withFrontMatter(['tech_spec_id: TS-0001', 'status: &s DRAFT', 'title: *s']);
    assert.equal(statusEdits(anchored, 'IN_REVIEW', TODAY), undefined);
  });
});

describe('recording approvals', () => {
  it('adds an approvals list with the entry, leaving every other line as it was', () => {
    const result = approvalEdit(FILLED, { by: 'Ana', role: 'tech lead' }, '2026-05-30')!;
    assert.deepEqual(result.entry, { by: 'Ana', role: 'tech lead', date: '2026-05-30', digest: contentDigest(FILLED) });
    const after = applyEdit(FILLED, result.edit);
    const close = FILLED.indexOf('\n---\n') + 1;
    assert.equal(after, `${FILLED.slice(0, close)}approvals:\n  - by: Ana\n    role: tech lead\n    date: 2026-05-30\n    digest: ${contentDigest(FILLED)}\n${FILLED.slice(close)}`);
    assert.deepEqual(readApprovals(after).map(({ by, line }) => [by, line]), [['Ana', 10]]);
  });

  it('replaces the same person\'s entry and keeps the others, comments included', () => {
    const text = withFrontMatter([
      'tech_spec_id: TS-0001',
      'status: IN_REVIEW',
      'approvals: # sign-offs',
      '  # oldest first',
      '  - by: Ana',
      '    date: 2026-05-01',
      '    digest: 000000000000',
      '  - by: Bo',
      '    date: 2026-05-02',
      '    digest: 111111111111',
      'title: x',
    ]);
    const result = approvalEdit(text, { by: 'Ana' }, '2026-05-30')!;
    const after = applyEdit(text, result.edit);
    assert.deepEqual(readApprovals(after).map(({ by, date }) => [by, date]), [['Bo', '2026-05-02'], ['Ana', '2026-05-30']]);
    assert.ok(after.includes('approvals: # sign-offs\n  # oldest first\n  - by: Bo\n'), after);
    assert.ok(after.includes("    digest: '111111111111'") === false && after.includes('    digest: 111111111111'), 'kept as written');
    assert.ok(after.includes('title: x\n---'));
  });

  it('quotes a digest YAML would read as a number, and reads it back as text', () => {
    const text = '---\ntech_spec_id: TS-0001\n---\nx\n';
    const digest = contentDigest(text);
    const after = applyEdit(text, approvalEdit(text, { by: 'yes' }, TODAY)!.edit);
    assert.deepEqual(readApprovals(after).map(({ by, digest: d }) => [by, d]), [['yes', digest]]);
  });

  it('refuses what it cannot edit safely', () => {
    assert.equal(approvalEdit('---\ntitle: [\n---\n', { by: 'Ana' }, TODAY), undefined);
    assert.equal(approvalEdit('---\ntitle: x\n', { by: 'Ana' }, TODAY), undefined);
    assert.equal(approvalEdit('---\napprovals: [{by: Bo, digest: x}]\n---\n', { by: 'Ana' }, TODAY), undefined);
    assert.equal(approvalEdit('---\napprovals: yes\n---\n', { by: 'Ana' }, TODAY), undefined);
    assert.equal(approvalEdit(FILLED, { by: '  ' }, TODAY), undefined);
    const empty = applyEdit('---\napprovals: []\n---\nx\n', approvalEdit('---\napprovals: []\n---\nx\n', { by: 'Ana' }, TODAY)!.edit);
    assert.deepEqual(readApprovals(empty).map(({ by }) => by), ['Ana']);
  });

  it('removes stale approvals only, and the key with the last one', () => {
    const both = approved(approved(FILLED, 'Ana'), 'Bo');
    assert.equal(removeStaleApprovalsEdit(both), undefined);
    const edited = both.replace('## Data Model', '## Data Model\n\nA late change.');
    const fresh = approved(edited, 'Bo');
    const kept = applyEdit(fresh, removeStaleApprovalsEdit(fresh)!);
    assert.deepEqual(readApprovals(kept).map(({ by }) => by), ['Bo']);
    const none = applyEdit(edited, removeStaleApprovalsEdit(edited)!);
    assert.equal(none, FILLED.replace('## Data Model', '## Data Model\n\nA late change.'));
  });
});

describe('approval rules', () => {
  const codes = (text: string) => lint(text).filter((finding) => finding.code === 'TS031' || finding.code === 'TS032');

  it('TS031 fires on each stale entry, not on current ones', () => {
    const once = approved(FILLED);
    assert.deepEqual(codes(once), []);
    const edited = once.replace('## Data Model', '## Data Model\n\nA late change.');
    const findings = codes(edited);
    assert.deepEqual(findings.map(({ code, severity, message, range }) => ({ code, severity, message, line: range.start.line })), [
      { code: 'TS031', severity: 'warning', message: 'Approval by Ana is stale: approved content changed since 2026-05-30.', line: 10 },
    ]);
    const fix = fixFor(findings[0], { parsed: parseDocumentText(edited), template: TEMPLATE, today: TODAY, statuses: [], nextFreeId: 'TS-0002' });
    assert.equal(fix?.title, 'Remove stale approvals');
  });
});
