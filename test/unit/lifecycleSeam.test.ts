import * as assert from 'node:assert/strict';
import { approvalStates, contentDigest, readApprovals } from '../../src/core/lifecycle/approvals';
import { DEFAULT_GUARDS, parseGuardCheck } from '../../src/core/lifecycle/settings';
import { DEFAULT_TRANSITIONS, allowedNextStatuses, isTransitionAllowed } from '../../src/core/lifecycle/transitions';
import { resolveConfigReport, settingDefault } from '../../src/core/config';

const BODY = '# TS-0001: Retries\n\n## Summary\n\nWe retry payments.\n';
function spec(frontMatter: string, body = BODY): string {
  return `---\ntech_spec_id: TS-0001\nstatus: APPROVED\n${frontMatter}---\n${body}`;
}

describe('lifecycle transitions', () => {
  it('allows exactly the default moves', () => {
    assert.deepEqual(allowedNextStatuses(DEFAULT_TRANSITIONS, 'DRAFT'), ['IN_REVIEW']);
    assert.deepEqual(allowedNextStatuses(DEFAULT_TRANSITIONS, 'IN_REVIEW'), ['DRAFT', 'APPROVED']);
    assert.deepEqual(allowedNextStatuses(DEFAULT_TRANSITIONS, 'APPROVED'), ['IMPLEMENTED', 'SUPERSEDED', 'DEPRECATED']);
    assert.deepEqual(allowedNextStatuses(DEFAULT_TRANSITIONS, 'IMPLEMENTED'), ['SUPERSEDED', 'DEPRECATED']);
    assert.deepEqual(allowedNextStatuses(DEFAULT_TRANSITIONS, 'SUPERSEDED'), []);
    assert.deepEqual(allowedNextStatuses(DEFAULT_TRANSITIONS, 'DEPRECATED'), []);
  });

  it('refuses what the lifecycle does not list, unknown and inherited names included', () => {
    assert.equal(isTransitionAllowed(DEFAULT_TRANSITIONS, 'DRAFT', 'IN_REVIEW'), true);
    assert.equal(isTransitionAllowed(DEFAULT_TRANSITIONS, 'DRAFT', 'APPROVED'), false);
    assert.equal(isTransitionAllowed(DEFAULT_TRANSITIONS, 'APPROVED', 'DRAFT'), false);
    assert.equal(isTransitionAllowed(DEFAULT_TRANSITIONS, 'constructor', 'DRAFT'), false);
    assert.deepEqual(allowedNextStatuses(DEFAULT_TRANSITIONS, '__proto__'), []);
    assert.equal(isTransitionAllowed(DEFAULT_TRANSITIONS, '', 'DRAFT'), false);
  });

  it('drops self-moves, repeats and non-strings from a hand-written lifecycle', () => {
    const odd = { A: ['A', 'B', 'B', 3, 'C'] } as unknown as Record<string, string[]>;
    assert.deepEqual(allowedNextStatuses(odd, 'A'), ['B', 'C']);
    assert.deepEqual(allowedNextStatuses({ A: 'B' } as unknown as Record<string, string[]>, 'A'), []);
  });
});

describe('lifecycle settings', () => {
  it('defaults to the issue lifecycle, guards and strict off', () => {
    const { config, problems } = resolveConfigReport({});
    assert.deepEqual(problems, []);
    assert.deepEqual(config.lifecycle, { transitions: DEFAULT_TRANSITIONS, guards: DEFAULT_GUARDS, strict: false });
    assert.deepEqual(DEFAULT_GUARDS, {
      IN_REVIEW: ['sections', 'placeholders'],
      APPROVED: ['sections', 'placeholders', 'references', { approvals: 1 }],
      IMPLEMENTED: ['checklist'],
    });
    assert.equal(config.lastUpdatedOnSave, 'content');
    assert.deepEqual(settingDefault('lifecycleGuards'), DEFAULT_GUARDS);
    assert.equal(settingDefault('lifecycleStrict'), false);
    assert.equal(settingDefault('idPrefix'), 'TS');
  });

  it('reads every spelling of a check and reports the rest', () => {
    assert.deepEqual(parseGuardCheck('approvals: 2'), { approvals: 2 });
    assert.deepEqual(parseGuardCheck({ approvals: 0 }), { approvals: 0 });
    assert.deepEqual(parseGuardCheck('approvals'), { approvals: 1 });
    assert.equal(parseGuardCheck('checklist'), 'checklist');
    assert.equal(parseGuardCheck({ approvals: -1 }), undefined);
    assert.equal(parseGuardCheck({ approvals: 1, extra: true }), undefined);
    assert.equal(parseGuardCheck('spelling'), undefined);
    const { config, problems } = resolveConfigReport({
      lifecycleGuards: { APPROVED: ['sections', 'spelling', 'approvals: 2'], DONE: 'checklist' },
      lifecycleTransitions: { DRAFT: ['IN_REVIEW'], IN_REVIEW: 'APPROVED' },
      lifecycleStrict: 'yes',
      lastUpdatedOnSave: 'always',
    });
    assert.deepEqual(config.lifecycle, { transitions: { DRAFT: ['IN_REVIEW'] }, guards: { APPROVED: ['sections', { approvals: 2 }] }, strict: false });
    assert.equal(config.lastUpdatedOnSave, 'content');
    assert.deepEqual(problems.map((problem) => problem.key), ['lifecycleTransitions', 'lifecycleGuards', 'lifecycleGuards', 'lifecycleStrict', 'lastUpdatedOnSave']);
  });

  it('falls back to the defaults when a lifecycle setting is no object', () => {
    const { config, problems } = resolveConfigReport({ lifecycleTransitions: ['DRAFT'], lifecycleGuards: null });
    assert.deepEqual(config.lifecycle.transitions, DEFAULT_TRANSITIONS);
    assert.deepEqual(config.lifecycle.guards, DEFAULT_GUARDS);
    assert.equal(problems.length, 2);
  });
});

describe('content digest', () => {
  it('is a short hex hash of the body', () => {
    assert.match(contentDigest(spec('')), /^[0-9a-f]{12}$/);
    assert.notEqual(contentDigest(spec('')), contentDigest(spec('', BODY.replace('retry', 'retried'))));
  });

  it('ignores line endings, trailing spaces and blank lines at the end', () => {
    const base = contentDigest(spec(''));
    assert.equal(contentDigest(spec('').replace(/\n/g, '\r\n')), base);
    assert.equal(contentDigest(spec('', BODY.replace('We retry payments.', 'We retry payments.  \t'))), base);
    assert.equal(contentDigest(spec('', `${BODY}\n\n`)), base);
    assert.equal(contentDigest(`\uFEFF${spec('')}`), base);
  });

  it('ignores the front matter, but not leading spaces or blank lines inside the body', () => {
    const base = contentDigest(spec(''));
    assert.equal(contentDigest(spec('last_updated: 2026-11-30\napprovals:\n  - by: Ana\n    date: 2026-11-30\n    digest: abc\n')), base);
    assert.notEqual(contentDigest(spec('', BODY.replace('We retry', '  We retry'))), base);
    assert.notEqual(contentDigest(spec('', BODY.replace('## Summary\n', '## Summary\n\n'))), base);
  });

  it('hashes the whole text when there is no front matter, and nothing for an unclosed one', () => {
    assert.equal(contentDigest(BODY), contentDigest(spec('')));
    assert.equal(contentDigest('---\ntitle: x\n# no close'), contentDigest(''));
  });
});

describe('recorded approvals', () => {
  it('reads block and flow entries with their lines', () => {
    const text = spec('approvals:\n  - by: Ana\n    role: tech lead\n    date: 2026-11-20\n    digest: abc123\n  - {by: Bo, date: 2026-11-21, digest: def456}\n');
    assert.deepEqual(readApprovals(text), [
      { by: 'Ana', role: 'tech lead', date: '2026-11-20', digest: 'abc123', line: 4 },
      { by: 'Bo', date: '2026-11-21', digest: 'def456', line: 8 },
    ]);
  });

  it('skips malformed entries and tolerates broken lists', () => {
    const text = spec('approvals:\n  - by: Ana\n  - just text\n  - by: Bo\n    digest: 1\n  -\n');
    assert.deepEqual(readApprovals(text), [{ by: 'Bo', date: '', digest: '1', line: 6 }]);
    assert.deepEqual(readApprovals(spec('approvals: yes\n')), []);
    assert.deepEqual(readApprovals(spec('approvals: [\n')), []);
    assert.deepEqual(readApprovals('no front matter'), []);
    assert.deepEqual(readApprovals('---\napprovals:\n  - by: Ana\n    digest: x\n'), []);
  });

  it('tells current approvals from stale ones', () => {
    const digest = contentDigest(spec(''));
    const text = spec(`approvals:\n  - by: Ana\n    date: 2026-11-20\n    digest: ${digest}\n  - by: Bo\n    date: 2026-11-01\n    digest: 000000000000\n`);
    const states = approvalStates(text);
    assert.deepEqual(states.current.map((approval) => approval.by), ['Ana']);
    assert.deepEqual(states.stale.map((approval) => approval.by), ['Bo']);
    const edited = approvalStates(text.replace('We retry payments.', 'We never retry.'));
    assert.deepEqual(edited.current, []);
    assert.deepEqual(edited.stale.map((approval) => approval.by), ['Ana', 'Bo']);
    assert.deepEqual(approvalStates(spec('')), { current: [], stale: [] });
  });
});
